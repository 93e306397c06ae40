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
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.DeferredSXSSFSheet;
import org.apache.poi.xssf.streaming.DeferredSXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * summary.xlsx of a year, for the finance bureau: the sheet 汇总表 has the rows and columns of
 * summary.csv, the sheet 统计表 the 部门绩效自评情况统计表 of the year page with its 合计 row.
 * Figures are numeric cells: amounts exactly as in the site's money unit (shown with at least
 * two and as many decimals as the largest scale needs), rates as ratios with {@code 0.00%} (rounded
 * half-up to two decimals of a percent first, so that a cell shows what the site shows), scores
 * with {@code 0.00}. A stated total that is not a number stays text, as written.
 *
 * <p>The bytes depend on nothing but the model: the document's creation date is the report's
 * publication date (or absent), and the zip that POI writes is re-packed by {@link FixedZip}
 * with fixed entry times.
 */
public final class SummaryXlsx {

    static final String SUMMARY_SHEET = "汇总表";
    static final String STATS_SHEET = "统计表";
    /** Widest column, in characters of the default font. */
    private static final int MAX_WIDTH = 48;

    private SummaryXlsx() {
    }

    public static byte[] of(YearModel year, SiteModel site) {
        // Streaming workbook: POI's XML objects cost about half a millisecond per cell, so the rows are
        // kept as plain values and written straight into the zip when the workbook is saved (no temp files).
        try (DeferredSXSSFWorkbook book = new DeferredSXSSFWorkbook()) {
            Styles styles = new Styles(book, amountScale(year, site));
            sheet(book, SUMMARY_SHEET, summary(year, site, styles));
            sheet(book, STATS_SHEET, statistics(year, site, styles));
            properties(book.getXSSFWorkbook(), year);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            book.write(bytes);
            return FixedZip.repack(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads and initialises POI's classes by writing a tiny workbook, so that a build can do it on a
     * spare core while it reads the content instead of when the first summary.xlsx is due.
     */
    public static void warmUp() {
        try (DeferredSXSSFWorkbook book = new DeferredSXSSFWorkbook()) {
            Styles styles = new Styles(book, 2);
            List<List<Value>> rows = List.of(List.of(Value.text("预算数", styles.header), Value.number(BigDecimal.ONE, styles.amount)));
            sheet(book, SUMMARY_SHEET, rows);
            book.write(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            // Only a head start: the real workbook reports any problem.
        }
    }

    // ------------------------------------------------------------------ 汇总表

    private static List<List<Value>> summary(YearModel year, SiteModel site, Styles styles) {
        String unit = site.site().moneyUnit();
        boolean internal = site.edition().showsFindings();
        List<String> header = new ArrayList<>(List.of("年度", "单位", "项目编号", "项目名称",
                "预算数（" + unit + "）", "到位数（" + unit + "）", "执行数（" + unit + "）", "预算执行率",
                "自评总分", "核算总分", "自评等级", "核算等级"));
        if (internal) header.addAll(List.of("状态", "核查问题数"));
        List<List<Value>> rows = new ArrayList<>();
        rows.add(header(header, styles));
        for (ProjectModel pm : year.projects()) {
            Project p = pm.project();
            ProjectScore s = pm.score();
            List<Value> row = new ArrayList<>(header.size());
            row.add(Value.integer(p.year(), styles.year, true));
            row.add(Value.text(year.unitsById().get(p.unitId()).unit().name(), styles.text));
            row.add(Value.text(p.id(), styles.text));
            row.add(Value.text(p.name(), styles.text));
            for (BigDecimal amount : List.of(p.budget().planned().total(), p.budget().received().total(), p.budget().executed().total())) {
                row.add(Value.amount(Money.convert(amount, p.moneyUnit(), unit), styles.amount));
            }
            row.add(Value.number(rate(s.executionRate()), styles.rate));
            if (s.statedTotal() != null) row.add(Value.number(s.statedTotal(), styles.score));
            else if (p.stated() != null && p.stated().total() != null) row.add(Value.text(p.stated().total(), styles.text));
            else row.add(Value.NONE);
            row.add(Value.number(s.computedTotal() == null ? null : Rounding.halfUp2(s.computedTotal()), styles.score));
            row.add(Value.text(s.statedGrade(), styles.centred));
            row.add(Value.text(s.computedGrade(), styles.centred));
            if (internal) {
                row.add(Value.text(p.isDraft() ? "草稿" : "定稿", styles.centred));
                row.add(Value.integer(pm.findings().count(), styles.integer, false));
            }
            rows.add(row);
        }
        return rows;
    }

    // ------------------------------------------------------------------ 统计表

    private static List<List<Value>> statistics(YearModel year, SiteModel site, Styles styles) {
        String unit = site.site().moneyUnit();
        List<String> grades = List.copyOf(year.totals().gradeCounts().keySet());
        List<String> header = new ArrayList<>(List.of("单位", "项目数"));
        header.addAll(grades);
        header.addAll(List.of("优良率（" + String.join("/", Totals.excellentGrades(site.profile())) + "）",
                "预算数（" + unit + "）", "执行数（" + unit + "）"));
        List<List<Value>> rows = new ArrayList<>();
        rows.add(header(header, styles));
        for (UnitModel u : year.units()) rows.add(statsRow(u.unit().name(), u.totals(), styles, false));
        rows.add(statsRow("合计", year.totals(), styles, true));
        return rows;
    }

    private static List<Value> statsRow(String name, Totals t, Styles styles, boolean total) {
        List<Value> row = new ArrayList<>();
        row.add(Value.text(name, total ? styles.totalText : styles.text));
        row.add(Value.integer(t.projects(), total ? styles.totalInteger : styles.integer, false));
        for (int count : t.gradeCounts().values()) row.add(Value.integer(count, total ? styles.totalInteger : styles.integer, false));
        row.add(Value.number(rate(t.excellentRate()), total ? styles.totalRate : styles.rate));
        for (BigDecimal amount : List.of(t.planned(), t.executed())) {
            row.add(Value.amount(amount, total ? styles.totalAmount : styles.amount));
        }
        return row;
    }

    // ------------------------------------------------------------------ cells and sheets

    private static List<Value> header(List<String> names, Styles styles) {
        return names.stream().map(n -> Value.text(n, styles.header)).toList();
    }

    /**
     * A sheet with these rows (the first is the header): column widths, a frozen header row, a filter over the
     * table, and printing on A4 landscape, one page wide, the header on every page. The rows themselves are
     * written when the workbook is saved.
     */
    private static void sheet(DeferredSXSSFWorkbook book, String name, List<List<Value>> rows) {
        DeferredSXSSFSheet sheet = book.createSheet(name);
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<Value> row : rows) {
            for (int c = 0; c < row.size(); c++) widths[c] = Math.max(widths[c], width(row.get(c).widthText()));
        }
        for (int c = 0; c < columns; c++) sheet.setColumnWidth(c, Math.min(MAX_WIDTH, Math.max(6, widths[c]) + 2) * 256);
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, rows.size() - 1, 0, columns - 1));
        sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
        sheet.setFitToPage(true);
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setRowGenerator(s -> {
            for (int r = 0; r < rows.size(); r++) {
                Row row = s.createRow(r);
                List<Value> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) values.get(c).write(row, c);
            }
        });
    }

    /**
     * Column width of a text, counting a CJK character as two columns: no font metrics (autoSizeColumn needs
     * fonts and AWT, and is slow), same on every machine.
     */
    private static int width(String text) {
        if (text == null) return 0;
        return text.codePoints().map(cp -> cp >= 0x2E80 ? 2 : 1).sum();
    }

    /**
     * One cell: a text, a number or nothing, with its style, and the text its column's width is fitted to
     * (null for cells that do not set the width: small numbers and rates).
     */
    private record Value(Object value, CellStyle style, String widthText) {
        static final Value NONE = new Value(null, null, null);

        static Value text(String text, CellStyle style) {
            return new Value(text, style, text);
        }

        /** A numeric cell; left blank (with the column's format) when there is no figure. */
        static Value number(BigDecimal number, CellStyle style) {
            return new Value(number, style, null);
        }

        /** An amount, its column wide enough for its digits and thousands separators. */
        static Value amount(BigDecimal amount, CellStyle style) {
            return new Value(amount, style, amount.toPlainString() + ",,,");
        }

        static Value integer(int number, CellStyle style, boolean fitsWidth) {
            return new Value(number, style, fitsWidth ? Integer.toString(number) : null);
        }

        void write(Row row, int column) {
            if (style == null) return;
            Cell cell = row.createCell(column);
            cell.setCellStyle(style);
            if (value instanceof String text) cell.setCellValue(text);
            else if (value instanceof BigDecimal number) cell.setCellValue(number.doubleValue());
            else if (value instanceof Integer number) cell.setCellValue(number);
        }
    }

    /** A ratio rounded as the site shows it: half-up to two decimals of a percent (0.994949 → 0.9949). */
    private static BigDecimal rate(BigDecimal ratio) {
        return ratio == null ? null : Rounding.halfUp2(Rounding.percent(ratio)).movePointLeft(2);
    }

    /** The most decimals any amount of the workbook has in the site's money unit, at least two. */
    static int amountScale(YearModel year, SiteModel site) {
        String unit = site.site().moneyUnit();
        int scale = 2;
        for (ProjectModel pm : year.projects()) {
            Project p = pm.project();
            for (BigDecimal amount : List.of(p.budget().planned().total(), p.budget().received().total(), p.budget().executed().total())) {
                scale = Math.max(scale, Money.convert(amount, p.moneyUnit(), unit).stripTrailingZeros().scale());
            }
        }
        return scale;
    }

    /** Creation date: the report's publication date, or none; never the time of the build. */
    private static void properties(XSSFWorkbook book, YearModel year) {
        var core = book.getProperties().getCoreProperties();
        core.setTitle(year.year().report().title());
        core.setCreator("jixiao");
        core.setCreated(year.year().report().published() == null ? Optional.empty()
                : Optional.of(Date.from(year.year().report().published().atStartOfDay().toInstant(ZoneOffset.UTC))));
    }

    /** Every style of a workbook, created once (a style per cell would bloat the file and slow Excel). */
    private static final class Styles {
        final CellStyle header;
        final CellStyle text;
        final CellStyle centred;
        final CellStyle year;
        final CellStyle integer;
        final CellStyle amount;
        final CellStyle rate;
        final CellStyle score;
        final CellStyle totalText;
        final CellStyle totalInteger;
        final CellStyle totalAmount;
        final CellStyle totalRate;

        Styles(Workbook book, int amountDecimals) {
            Font bold = book.createFont();
            bold.setBold(true);
            short amountFormat = book.createDataFormat().getFormat("#,##0.00" + "#".repeat(Math.max(0, amountDecimals - 2)));
            short rateFormat = book.createDataFormat().getFormat("0.00%");
            short scoreFormat = book.createDataFormat().getFormat("0.00");
            short integerFormat = book.createDataFormat().getFormat("0");

            header = book.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);

            text = book.createCellStyle();
            text.setVerticalAlignment(VerticalAlignment.TOP);
            centred = book.createCellStyle();
            centred.cloneStyleFrom(text);
            centred.setAlignment(HorizontalAlignment.CENTER);
            year = book.createCellStyle();
            year.cloneStyleFrom(centred);
            year.setDataFormat(integerFormat);
            integer = numeric(book, integerFormat, null);
            amount = numeric(book, amountFormat, null);
            rate = numeric(book, rateFormat, null);
            score = numeric(book, scoreFormat, null);

            totalText = book.createCellStyle();
            totalText.setFont(bold);
            totalText.setBorderTop(BorderStyle.THIN);
            totalInteger = numeric(book, integerFormat, bold);
            totalAmount = numeric(book, amountFormat, bold);
            totalRate = numeric(book, rateFormat, bold);
        }

        private static CellStyle numeric(Workbook book, short format, Font bold) {
            CellStyle style = book.createCellStyle();
            style.setDataFormat(format);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            if (bold != null) {
                style.setFont(bold);
                style.setBorderTop(BorderStyle.THIN);
            }
            return style;
        }
    }
}
