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
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Styles styles = new Styles(book, amountScale(year, site));
            summary(book.createSheet(SUMMARY_SHEET), year, site, styles);
            statistics(book.createSheet(STATS_SHEET), year, site, styles);
            properties(book, year);
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
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Styles styles = new Styles(book, 2);
            Row row = book.createSheet(SUMMARY_SHEET).createRow(0);
            text(row, 0, "预算数", styles.header);
            number(row, 1, BigDecimal.ONE, styles.amount);
            book.write(ByteArrayOutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            // Only a head start: the real workbook reports any problem.
        }
    }

    // ------------------------------------------------------------------ 汇总表

    private static void summary(XSSFSheet sheet, YearModel year, SiteModel site, Styles styles) {
        String unit = site.site().moneyUnit();
        boolean internal = site.edition().showsFindings();
        List<String> header = new ArrayList<>(List.of("年度", "单位", "项目编号", "项目名称",
                "预算数（" + unit + "）", "到位数（" + unit + "）", "执行数（" + unit + "）", "预算执行率",
                "自评总分", "核算总分", "自评等级", "核算等级"));
        if (internal) header.addAll(List.of("状态", "核查问题数"));
        Widths widths = new Widths(header.size());
        header(sheet, header, styles, widths);
        int r = 1;
        for (ProjectModel pm : year.projects()) {
            Project p = pm.project();
            ProjectScore s = pm.score();
            Row row = sheet.createRow(r++);
            int c = 0;
            integer(row, c++, p.year(), styles.year);
            widths.fit(c - 1, Integer.toString(p.year()));
            String unitName = year.unitsById().get(p.unitId()).unit().name();
            text(row, c++, unitName, styles.text);
            widths.fit(c - 1, unitName);
            text(row, c++, p.id(), styles.text);
            widths.fit(c - 1, p.id());
            text(row, c++, p.name(), styles.text);
            widths.fit(c - 1, p.name());
            for (BigDecimal amount : List.of(p.budget().planned().total(), p.budget().received().total(), p.budget().executed().total())) {
                BigDecimal converted = Money.convert(amount, p.moneyUnit(), unit);
                number(row, c++, converted, styles.amount);
                widths.fit(c - 1, converted.toPlainString() + ",,,");
            }
            number(row, c++, rate(s.executionRate()), styles.rate);
            if (s.statedTotal() != null) number(row, c++, s.statedTotal(), styles.score);
            else if (p.stated() != null && p.stated().total() != null) text(row, c++, p.stated().total(), styles.text);
            else c++;
            number(row, c++, s.computedTotal() == null ? null : Rounding.halfUp2(s.computedTotal()), styles.score);
            text(row, c++, s.statedGrade(), styles.centred);
            text(row, c++, s.computedGrade(), styles.centred);
            if (internal) {
                text(row, c++, p.isDraft() ? "草稿" : "定稿", styles.centred);
                integer(row, c++, pm.findings().count(), styles.integer);
            }
        }
        widths.apply(sheet);
        finish(sheet, header.size(), r);
    }

    // ------------------------------------------------------------------ 统计表

    private static void statistics(XSSFSheet sheet, YearModel year, SiteModel site, Styles styles) {
        String unit = site.site().moneyUnit();
        List<String> grades = List.copyOf(year.totals().gradeCounts().keySet());
        List<String> header = new ArrayList<>(List.of("单位", "项目数"));
        header.addAll(grades);
        header.addAll(List.of("优良率（" + String.join("/", Totals.excellentGrades(site.profile())) + "）",
                "预算数（" + unit + "）", "执行数（" + unit + "）"));
        Widths widths = new Widths(header.size());
        header(sheet, header, styles, widths);
        int r = 1;
        for (UnitModel u : year.units()) {
            statsRow(sheet.createRow(r++), u.unit().name(), u.totals(), styles, false, widths);
        }
        statsRow(sheet.createRow(r++), "合计", year.totals(), styles, true, widths);
        widths.apply(sheet);
        finish(sheet, header.size(), r);
    }

    private static void statsRow(Row row, String name, Totals t, Styles styles, boolean total, Widths widths) {
        int c = 0;
        text(row, c++, name, total ? styles.totalText : styles.text);
        widths.fit(0, name);
        integer(row, c++, t.projects(), total ? styles.totalInteger : styles.integer);
        for (int count : t.gradeCounts().values()) integer(row, c++, count, total ? styles.totalInteger : styles.integer);
        number(row, c++, rate(t.excellentRate()), total ? styles.totalRate : styles.rate);
        for (BigDecimal amount : List.of(t.planned(), t.executed())) {
            number(row, c++, amount, total ? styles.totalAmount : styles.amount);
            widths.fit(c - 1, amount.toPlainString() + ",,,");
        }
    }

    // ------------------------------------------------------------------ cells and sheets

    private static void header(XSSFSheet sheet, List<String> names, Styles styles, Widths widths) {
        Row row = sheet.createRow(0);
        for (int c = 0; c < names.size(); c++) {
            text(row, c, names.get(c), styles.header);
            widths.fit(c, names.get(c));
        }
    }

    /** Frozen header row, a filter over the table, and printing on A4 landscape, one page wide, the header on every page. */
    private static void finish(XSSFSheet sheet, int columns, int rows) {
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, rows - 1, 0, columns - 1));
        sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
        sheet.setFitToPage(true);
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        if (value != null) cell.setCellValue(value);
    }

    /** A numeric cell; left blank (with the column's format) when there is no figure. */
    private static void number(Row row, int column, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        if (value != null) cell.setCellValue(value.doubleValue());
    }

    private static void integer(Row row, int column, int value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        cell.setCellValue(value);
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

        Styles(XSSFWorkbook book, int amountDecimals) {
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

        private static CellStyle numeric(XSSFWorkbook book, short format, Font bold) {
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

    /**
     * Column widths from the longest text in each column, counting a CJK character as two
     * columns: no font metrics (autoSizeColumn needs fonts and AWT, and is slow), same on every machine.
     */
    private static final class Widths {
        private final int[] chars;

        Widths(int columns) {
            chars = new int[columns];
        }

        void fit(int column, String text) {
            if (text == null) return;
            int width = text.codePoints().map(cp -> cp >= 0x2E80 ? 2 : 1).sum();
            chars[column] = Math.max(chars[column], width);
        }

        void apply(XSSFSheet sheet) {
            for (int c = 0; c < chars.length; c++) {
                int width = Math.min(MAX_WIDTH, Math.max(6, chars[c]) + 2);
                sheet.setColumnWidth(c, width * 256);
            }
        }
    }
}
