package jixiao.render;

import jixiao.content.Project;
import jixiao.score.ProjectScore;
import jixiao.score.Rounding;
import jixiao.site.Money;
import jixiao.site.ProjectModel;
import jixiao.site.SiteModel;
import jixiao.site.Totals;
import jixiao.site.UnitModel;
import jixiao.site.YearModel;
import org.dhatim.fastexcel.BorderSide;
import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.Position;
import org.dhatim.fastexcel.StyleSetter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * summary.xlsx of a year, for the finance bureau: the sheet 汇总表 has the rows and columns of
 * summary.csv, the sheet 统计表 the 部门绩效自评情况统计表 of the year page with its 合计 row.
 * Figures are numeric cells: amounts exactly as in the site's money unit (shown with at least
 * two and as many decimals as the largest scale needs), rates as ratios with {@code 0.00%} (rounded
 * half-up to two decimals of a percent first, so that a cell shows what the site shows), scores
 * with {@code 0.00}. A stated total that is not a number stays text, as written. Text cells are never
 * formulas, whatever they start with: strings, formatted as 文本 ({@code @}).
 *
 * <p>Written with fastexcel, which streams the sheets' XML: Apache POI, used before, took about a
 * second to load and initialise on every build and half a millisecond per cell. The bytes depend on
 * nothing but the model: the document properties are written here (the creation date is the
 * report's publication date, or absent; never the time of the build) and the zip is re-packed by
 * {@link FixedZip} with fixed entry times.
 */
public final class SummaryXlsx {

    static final String SUMMARY_SHEET = "汇总表";
    static final String STATS_SHEET = "统计表";
    /**
     * Widest column, in characters of the default font: longer texts (project names, ids) wrap, so
     * that a printed page fitted to one page wide keeps a readable size (a 48-character column
     * printed the 汇总表 at about 6 pt).
     */
    private static final int MAX_WIDTH = 22;
    /**
     * The cells' font. Calibri, fastexcel's default, has no Chinese: a spreadsheet then borrows one
     * by the reader's locale, Japanese forms on many machines. 等线 (DengXian) is the default of
     * Excel and WPS in zh-CN; the GB2312 charset (134) written with it tells LibreOffice to fall
     * back to a Simplified Chinese face where 等线 is not installed.
     */
    static final String FONT = "等线";
    private static final double FONT_SIZE = 11;
    /** Height of one line of {@link #FONT_SIZE} text, in points. */
    private static final double LINE_HEIGHT = 15;
    /** fastexcel's own docProps/core.xml carries the time of writing; this one replaces it. */
    private static final String CORE_PROPERTIES = "docProps/core.xml";

    private SummaryXlsx() {
    }

    public static byte[] of(YearModel year, SiteModel site) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Workbook book = new Workbook(bytes, "jixiao", "1.0");
            book.setGlobalDefaultFont(FONT, FONT_SIZE);
            Iterable<List<Value>> summary = summary(year, site);
            List<List<Value>> statistics = statistics(year, site);
            Measured summarySize = Measured.of(summary);
            Measured statisticsSize = Measured.of(statistics);
            Formats formats = Formats.fitting(summarySize);
            String title = year.year().report().title() == null ? year.year().year() + "年度" : year.year().report().title();
            // The 统计表's last row is its 合计: sorting or filtering it in with the units would make it a unit.
            sheet(book, SUMMARY_SHEET, summary, summarySize, formats, title, summarySize.rows() - 1);
            sheet(book, STATS_SHEET, statistics, statisticsSize, formats, title, statistics.size() - 2);
            book.finish();
            byte[] coreProperties = coreProperties(year);
            return FixedZip.edit(bytes.toByteArray(), Map.of(
                    CORE_PROPERTIES, ignored -> coreProperties,
                    "xl/styles.xml", SummaryXlsx::chineseCharset,
                    "xl/worksheets/sheet1.xml", xml -> dimension(xml, summarySize.rows(), summarySize.columns()),
                    "xl/worksheets/sheet2.xml", xml -> dimension(xml, statisticsSize.rows(), statisticsSize.columns())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ 汇总表

    /**
     * The rows of the 汇总表, the header first, made again each time they are gone through and never held together: a
     * year of 50,000 projects held whole as cells was 50-70 MB, at the moment of a large build's peak memory (heap
     * histograms of a 100,000-project build). The workbook and report.docx go through them twice, once to fit the
     * columns and once to write.
     */
    static Iterable<List<Value>> summary(YearModel year, SiteModel site) {
        return () -> new Iterator<>() {
            private final List<String> header = summaryHeader(site);
            private final Iterator<ProjectModel> projects = year.projects().iterator();
            private boolean headerDone;

            @Override
            public boolean hasNext() {
                return !headerDone || projects.hasNext();
            }

            @Override
            public List<Value> next() {
                if (!headerDone) {
                    headerDone = true;
                    return header(header);
                }
                return summaryRow(year, site, projects.next(), header.size());
            }
        };
    }

    private static List<String> summaryHeader(SiteModel site) {
        String unit = site.site().moneyUnit();
        boolean internal = site.edition().showsFindings();
        List<String> header = new ArrayList<>(List.of("年度", "单位", "项目编号", "项目名称",
                "预算数（" + unit + "）", "到位数（" + unit + "）", "执行数（" + unit + "）", "自评预算执行率", "核算预算执行率",
                "自评总分", "核算总分", "自评等级", "核算等级"));
        if (internal) header.addAll(List.of("状态", "核查问题数"));
        return header;
    }

    private static List<Value> summaryRow(YearModel year, SiteModel site, ProjectModel pm, int columns) {
        String unit = site.site().moneyUnit();
        boolean internal = site.edition().showsFindings();
        Project p = pm.project();
        ProjectScore s = pm.score();
        List<Value> row = new ArrayList<>(columns);
        row.add(Value.integer(p.year(), Style.YEAR, true));
        row.add(Value.text(year.unitsById().get(p.unitId()).unit().name(), Style.TEXT));
        row.add(Value.text(p.id(), Style.TEXT));
        row.add(Value.text(p.name(), Style.TEXT));
        for (BigDecimal amount : List.of(p.budget().planned().total(), p.budget().received().total(), p.budget().executed().total())) {
            row.add(Value.amount(Money.convert(amount, p.moneyUnit(), unit), Style.AMOUNT));
        }
        // 自评预算执行率 as the signed form states it (a number when it is one, else the text as written), then jixiao's.
        if (s.statedExecutionRate() != null) row.add(Value.number(s.statedExecutionRate().movePointLeft(2), Style.RATE));
        else if (SummaryCsv.statedRate(p).isEmpty()) row.add(Value.number(null, Style.RATE));
        else row.add(Value.text(SummaryCsv.statedRate(p), Style.TEXT));
        row.add(Value.number(rate(s.executionRatio()), Style.RATE));
        if (s.statedTotal() != null) row.add(Value.number(s.statedTotal(), Style.SCORE));
        else if (p.stated() != null && p.stated().total() != null) row.add(Value.text(p.stated().total(), Style.TEXT));
        else row.add(Value.NONE);
        // 无法核算: an empty score cell (the grade column says why it is empty), so that the column stays numbers.
        row.add(Value.number(s.computedTotal() == null || !s.computable() ? null : Rounding.halfUp2(s.computedTotal()), Style.SCORE));
        row.add(Value.text(s.statedGrade(), Style.CENTRED));
        row.add(Value.text(s.computable() ? s.computedGrade() : ProjectScore.UNCOMPUTABLE, Style.CENTRED));
        if (internal) {
            row.add(Value.text(p.isDraft() ? "草稿" : "定稿", Style.CENTRED));
            row.add(Value.integer(pm.findings().count(), Style.INTEGER, false));
        }
        return row;
    }

    // ------------------------------------------------------------------ 统计表

    static List<List<Value>> statistics(YearModel year, SiteModel site) {
        String unit = site.site().moneyUnit();
        List<String> grades = List.copyOf(year.totals().gradeCounts().keySet());
        List<String> header = new ArrayList<>(List.of("单位", "项目数"));
        // The signed grades (the official record) first, jixiao's computed counts in their own columns beside them.
        String excellent = String.join("/", site.profile().excellentGrades());
        header.addAll(grades);
        header.add("优良率（" + excellent + "）");
        for (String g : grades) header.add("核算" + g);
        header.addAll(List.of(ProjectScore.UNCOMPUTABLE, "核算优良率（" + excellent + "）",
                "预算数（" + unit + "）", "执行数（" + unit + "）"));
        List<List<Value>> rows = new ArrayList<>();
        rows.add(header(header));
        List<String> top = site.profile().excellentGrades();
        for (UnitModel u : year.units()) rows.add(statsRow(u.unit().name(), u.totals(), top, false));
        rows.add(statsRow("合计", year.totals(), top, true));
        return rows;
    }

    private static List<Value> statsRow(String name, Totals t, List<String> top, boolean total) {
        List<Value> row = new ArrayList<>();
        Style integer = total ? Style.TOTAL_INTEGER : Style.INTEGER;
        row.add(Value.text(name, total ? Style.TOTAL_TEXT : Style.TEXT));
        row.add(Value.integer(t.projects(), integer, false));
        for (int count : t.signedGradeCounts().values()) row.add(Value.integer(count, integer, false));
        row.add(Value.number(rate(signedExcellentRatio(t, top)), total ? Style.TOTAL_RATE : Style.RATE));
        for (int count : t.gradeCounts().values()) row.add(Value.integer(count, integer, false));
        row.add(Value.integer(t.uncomputable(), integer, false));
        row.add(Value.number(rate(t.excellentRatio()), total ? Style.TOTAL_RATE : Style.RATE));
        for (BigDecimal amount : List.of(t.planned(), t.executed())) {
            row.add(Value.amount(amount, total ? Style.TOTAL_AMOUNT : Style.AMOUNT));
        }
        return row;
    }

    // ------------------------------------------------------------------ cells and sheets

    private static List<Value> header(List<String> names) {
        return names.stream().map(n -> Value.text(n, Style.HEADER)).toList();
    }

    /** Rows of the 汇总表 written before they are styled and handed to the stream (fastexcel holds the rest in memory). */
    private static final int ROWS_PER_FLUSH = 1024;

    /**
     * What a sheet's rows need before they are written, found in one pass over them: how many there are, the width
     * of each of the header's columns (a CJK character two, capped) and the most decimals an amount has. No row has
     * more cells than the header.
     */
    private record Measured(int rows, int[] widths, int amountDecimals) {
        /** The header's columns. */
        int columns() {
            return widths.length;
        }

        static Measured of(Iterable<List<Value>> rows) {
            int count = 0;
            int decimals = 2;
            int[] widths = null;
            for (List<Value> row : rows) {
                if (widths == null) widths = new int[row.size()];
                for (int c = 0; c < row.size(); c++) {
                    Value v = row.get(c);
                    widths[c] = Math.max(widths[c], width(v.widthText()));
                    if (v.style() == Style.AMOUNT && v.value() instanceof BigDecimal amount) {
                        decimals = Math.max(decimals, amount.stripTrailingZeros().scale());
                    }
                }
                count++;
            }
            if (widths == null) widths = new int[0];
            for (int c = 0; c < widths.length; c++) widths[c] = Math.min(MAX_WIDTH, Math.max(6, widths[c]) + 2);
            return new Measured(count, widths, decimals);
        }
    }

    /**
     * A sheet with these rows (the first is the header): column widths, a frozen header row, a filter over the
     * header and rows up to {@code lastFiltered}, and printing on A4 landscape, one page wide, the header row on
     * every page, the report's title and the sheet's name above and the page number below. The rows are written a
     * block at a time; {@code size} is what {@link Measured#of} found in them.
     */
    private static void sheet(Workbook book, String name, Iterable<List<Value>> rows, Measured size, Formats formats, String title,
                              int lastFiltered) throws IOException {
        Worksheet sheet = book.newWorksheet(name);
        int columns = size.columns();
        int[] widths = size.widths();
        // What fastexcel writes at the start of the sheet is set before its first rows go out.
        for (int c = 0; c < columns; c++) sheet.width(c, widths[c]);
        sheet.freezePane(0, 1);
        sheet.setAutoFilter(0, 0, lastFiltered, columns - 1);
        // In header and footer codes & starts a field (&P: page number); a title's own & is written &&.
        sheet.header(title.replace("&", "&&") + " " + name, Position.CENTER, FONT, 12);
        sheet.footer("第 &P 页，共 &N 页", Position.CENTER, FONT, 10);
        sheet.repeatRows(0);
        sheet.setFitToPage(true);
        sheet.paperSize(PaperSize.A4_PAPER);
        sheet.pageOrientation("landscape");
        sheet.fitToWidth((short) 1);
        sheet.fitToHeight((short) 0);
        List<List<Value>> block = new ArrayList<>(ROWS_PER_FLUSH);
        int r = 0;
        for (List<Value> row : rows) {
            int lines = 1;
            for (int c = 0; c < row.size(); c++) {
                Value value = row.get(c);
                value.write(sheet, r, c);
                // A text wider than its column wraps; the row is made as tall as its longest text needs,
                // as spreadsheets do not all fit row heights to wrapped text when they open a file.
                if (value.value() instanceof String text) lines = Math.max(lines, (width(text) + widths[c] - 3) / (widths[c] - 2));
            }
            if (lines > 1) sheet.rowHeight(r, LINE_HEIGHT * lines);
            block.add(row);
            r++;
            if (block.size() == ROWS_PER_FLUSH) {
                style(sheet, block, r - block.size(), columns, formats);
                sheet.flush();
                block.clear();
            }
        }
        style(sheet, block, r - block.size(), columns, formats);
    }

    /**
     * Styles a block of rows that starts at row {@code first}, a column's run of same-styled cells at a time: fastexcel
     * merges a style once per range, where cell by cell it merged and looked it up again for every cell (half the
     * workbook's time).
     */
    private static void style(Worksheet sheet, List<List<Value>> block, int first, int columns, Formats formats) {
        for (int c = 0; c < columns; c++) {
            int start = 0;
            for (int r = 1; r <= block.size(); r++) {
                Style run = styleAt(block, start, c);
                if (r < block.size() && styleAt(block, r, c) == run) continue;
                if (run != null) applyStyle(sheet.range(first + start, c, first + r - 1, c).style(), run, formats);
                start = r;
            }
        }
    }

    /**
     * Column width of a text, counting a CJK character as two columns: no font metrics, same on every machine.
     */
    private static int width(String text) {
        if (text == null) return 0;
        return text.codePoints().map(cp -> cp >= 0x2E80 ? 2 : 1).sum();
    }

    /** How a cell looks; {@link Formats} has the number format of each numeric one. */
    enum Style {
        HEADER, TEXT, CENTRED, YEAR, INTEGER, AMOUNT, RATE, SCORE, TOTAL_TEXT, TOTAL_INTEGER, TOTAL_AMOUNT, TOTAL_RATE;

        boolean total() {
            return name().startsWith("TOTAL_");
        }
    }

    /** The number formats of a workbook: amounts show as many decimals as the largest scale needs. */
    private record Formats(String amount) {
        /** Amounts with as many decimals as the most any project's amount has (in the site's money unit), at least two. */
        static Formats fitting(Measured summary) {
            return new Formats("#,##0.00" + "#".repeat(summary.amountDecimals() - 2));
        }

        String of(Style style) {
            return switch (style) {
                case YEAR, INTEGER, TOTAL_INTEGER -> "0";
                case AMOUNT, TOTAL_AMOUNT -> amount;
                case RATE, TOTAL_RATE -> "0.00%";
                case SCORE -> "0.00";
                // Text cells are shared strings, which Excel never evaluates; the 文本 (@) format keeps one
                // text when someone edits it, so that "=1+1" typed by an editor never becomes a formula.
                case HEADER, TEXT, CENTRED, TOTAL_TEXT -> "@";
            };
        }
    }

    /**
     * One cell: a text, a number or nothing, with its style, and the text its column's width is fitted to
     * (null for cells that do not set the width: small numbers and rates).
     */
    record Value(Object value, Style style, String widthText) {
        static final Value NONE = new Value(null, null, null);

        static Value text(String text, Style style) {
            return new Value(text, style, text);
        }

        /** A numeric cell; left blank (with the column's format) when there is no figure. */
        static Value number(BigDecimal number, Style style) {
            return new Value(number, style, null);
        }

        /** An amount, its column wide enough for its digits and thousands separators. */
        static Value amount(BigDecimal amount, Style style) {
            return new Value(amount, style, amount.toPlainString() + ",,,");
        }

        static Value integer(int number, Style style, boolean fitsWidth) {
            return new Value(number, style, fitsWidth ? Integer.toString(number) : null);
        }

        /** The cell as text, as the spreadsheet shows it: amounts as written, rates in percent, scores with two decimals. */
        String shown() {
            if (value instanceof String text) return text;
            if (value instanceof Integer number) return number.toString();
            if (value instanceof BigDecimal number) {
                return switch (style) {
                    case RATE, TOTAL_RATE -> Rounding.halfUp2(Rounding.percent(number)).toPlainString() + "%";
                    case SCORE -> Rounding.halfUp2(number).toPlainString();
                    // As the sheet's format shows it: at least two decimals, and every decimal written.
                    default -> number.setScale(Math.max(2, number.stripTrailingZeros().scale())).toPlainString();
                };
            }
            return "";
        }

        void write(Worksheet sheet, int row, int column) {
            if (value instanceof String text) sheet.value(row, column, text);
            else if (value instanceof BigDecimal number) sheet.value(row, column, number.doubleValue());
            else if (value instanceof Integer number) sheet.value(row, column, number);
        }
    }

    /** The style of a cell, or null when the row has no such cell or the cell is left out. */
    private static Style styleAt(List<List<Value>> rows, int row, int column) {
        List<Value> cells = rows.get(row);
        return column < cells.size() ? cells.get(column).style() : null;
    }

    /** Sets how cells of {@code style} look. */
    private static void applyStyle(StyleSetter look, Style style, Formats formats) {
        String format = formats.of(style);
        if (format != null) look.format(format);
        switch (style) {
            case HEADER -> look.bold().wrapText(true).horizontalAlignment("center").verticalAlignment("center")
                    .fillColor("C0C0C0").borderStyle(BorderSide.BOTTOM, BorderStyle.THIN);
            case TEXT -> look.wrapText(true).verticalAlignment("top");
            case CENTRED, YEAR -> look.horizontalAlignment("center").verticalAlignment("top");
            case TOTAL_TEXT -> look.bold().borderStyle(BorderSide.TOP, BorderStyle.THIN);
            default -> {
                look.verticalAlignment("top");
                if (style.total()) look.bold().borderStyle(BorderSide.TOP, BorderStyle.THIN);
            }
        }
        look.set();
    }

    /**
     * styles.xml with the GB2312 charset on every font of {@link #FONT}: fastexcel writes a font's name,
     * size and colour only.
     */
    static byte[] chineseCharset(byte[] styles) {
        String xml = new String(styles, StandardCharsets.UTF_8);
        StringBuilder escaped = new StringBuilder();
        FONT.codePoints().forEach(cp -> escaped.append("&#x").append(Integer.toHexString(cp)).append(';'));
        String name = "<name val=\"" + escaped + "\"/>";
        if (!xml.contains(name)) throw new IllegalStateException("fastexcel wrote the font name in another form: " + xml);
        return xml.replace(name, name + "<charset val=\"134\"/>").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A sheet's XML with the {@code <dimension>} of its table: fastexcel writes {@code A1} whatever the
     * size, and readers that trust it (pandas' openpyxl in read-only mode) then see one cell.
     */
    static byte[] dimension(byte[] sheet, int rows, int columns) {
        byte[] written = "<dimension ref=\"A1\"/>".getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(sheet, written);
        if (at < 0) throw new IllegalStateException("fastexcel wrote no <dimension ref=\"A1\"/>");
        byte[] actual = ("<dimension ref=\"A1:" + columnName(columns - 1) + rows + "\"/>").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[sheet.length - written.length + actual.length];
        System.arraycopy(sheet, 0, out, 0, at);
        System.arraycopy(actual, 0, out, at, actual.length);
        System.arraycopy(sheet, at + written.length, out, at + actual.length, sheet.length - at - written.length);
        return out;
    }

    /** The first place of {@code part} in {@code bytes}: the dimension is near the start, so this is quick. */
    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) if (bytes[i + j] != part[j]) continue outer;
            return i;
        }
        return -1;
    }

    /** A, B, …, Z, AA, AB…: the name of a 0-based column. */
    static String columnName(int column) {
        StringBuilder name = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) name.insert(0, (char) ('A' + (c - 1) % 26));
        return name.toString();
    }

    /** A ratio rounded as the site shows it: half-up to two decimals of a percent (0.994949 → 0.9949). */
    /** The share of signed grades that are excellent (优良率 by the signed forms), over the forms that state a grade; null when none does. */
    static BigDecimal signedExcellentRatio(Totals t, List<String> top) {
        int graded = t.signedGradeCounts().values().stream().mapToInt(Integer::intValue).sum();
        if (graded == 0) return null;
        int excellent = top.stream().mapToInt(g -> t.signedGradeCounts().getOrDefault(g, 0)).sum();
        return Rounding.divide(BigDecimal.valueOf(excellent), BigDecimal.valueOf(graded));
    }

    private static BigDecimal rate(BigDecimal ratio) {
        return ratio == null ? null : Rounding.halfUp2(Rounding.percent(ratio)).movePointLeft(2);
    }

    /** docProps/core.xml: the report's title, jixiao as creator, and the publication date as creation date, if any. */
    static byte[] coreProperties(YearModel year) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
                .append("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\"")
                .append(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\"")
                .append(" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">");
        String title = year.report().title();
        if (title != null) xml.append("<dc:title>").append(xmlText(title)).append("</dc:title>");
        xml.append("<dc:creator>jixiao</dc:creator>");
        if (year.report().published() != null) {
            xml.append("<dcterms:created xsi:type=\"dcterms:W3CDTF\">")
                    .append(year.report().published().atStartOfDay().atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                    .append("</dcterms:created>");
        }
        return xml.append("</cp:coreProperties>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Text escaped for XML; characters XML 1.0 cannot hold at all are left out. */
    static String xmlText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> {
                    if (cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }
}
