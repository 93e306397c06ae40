package jixiao.render;

import jixiao.testing.Builds;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** summary.xlsx of the fixture, read back with POI: sheets, headers, figures as numbers with their formats, editions. */
class SummaryXlsxTest {

    @TempDir
    static Path out;
    static XSSFWorkbook internal;
    static XSSFWorkbook published;

    @BeforeAll
    static void build() throws IOException {
        Builds.build(Builds.fixtureContent(), out);
        internal = open(out.resolve("internal/2020/summary.xlsx"));
        published = open(out.resolve("public/2020/summary.xlsx"));
    }

    @AfterAll
    static void close() throws IOException {
        internal.close();
        published.close();
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(file)));
    }

    @Test
    void hasTheSummaryAndTheStatisticsSheets() {
        for (XSSFWorkbook book : List.of(internal, published)) {
            assertEquals(2, book.getNumberOfSheets());
            assertEquals("汇总表", book.getSheetName(0));
            assertEquals("统计表", book.getSheetName(1));
        }
    }

    /**
     * Which summary.csv field each column of the sheet 汇总表 shows, in order. The sheet is for people (one
     * column per figure, words where the form has words, 无法核算, 草稿/定稿); the CSV is for programs (a number
     * column and a {@code _text} column, {@code computable}, draft/final), so a column may draw on a second field.
     */
    private static final List<String> SHEET_FIELDS = List.of("year", "unit_name", "project_id", "project_name",
            "planned", "received", "executed", "stated_execution_rate_percent", "computed_execution_rate_percent",
            "stated_total", "computed_total", "stated_grade", "computed_grade", "status", "findings");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"internal", "public"})
    void theSummarySheetHasTheRowsAndFiguresOfSummaryCsvWithNumbersAsNumbers(String edition) throws IOException {
        Sheet sheet = (edition.equals("public") ? published : internal).getSheet("汇总表");
        List<List<String>> csv = csv(out.resolve(edition + "/2020/summary.csv"));
        List<String> names = csv.get(0);
        assertEquals(csv.size() - 1, sheet.getLastRowNum(), "rows");
        int columns = edition.equals("public") ? SHEET_FIELDS.size() - 2 : SHEET_FIELDS.size();
        for (int r = 1; r < csv.size(); r++) {
            Row row = sheet.getRow(r);
            List<String> fields = csv.get(r);
            assertEquals(columns, row.getLastCellNum(), "cells in row " + r);
            for (int c = 0; c < columns; c++) {
                String name = SHEET_FIELDS.get(c);
                String field = fields.get(names.indexOf(name));
                Cell cell = row.getCell(c);
                String where = edition + " row " + r + " column " + c + " (" + name + ")";
                if (cell.getCellType() == CellType.NUMERIC) {
                    BigDecimal expected = name.endsWith("_percent") ? new BigDecimal(field).movePointLeft(2) : new BigDecimal(field);
                    assertEquals(0, expected.compareTo(BigDecimal.valueOf(cell.getNumericCellValue())),
                            where + ": " + field + " vs " + cell.getNumericCellValue());
                } else if (cell.getCellType() == CellType.BLANK) {
                    assertEquals("", field, where);
                } else {
                    assertEquals(CellType.STRING, cell.getCellType(), where);
                    assertEquals(sheetText(name, field, fields, names), cell.getStringCellValue(), where);
                }
            }
        }
    }

    /** The words the sheet shows where summary.csv has {@code field} in the column {@code name} of a row. */
    private static String sheetText(String name, String field, List<String> row, List<String> names) {
        boolean computable = Boolean.parseBoolean(row.get(names.indexOf("computable")));
        return switch (name) {
            case "stated_execution_rate_percent", "stated_total" -> row.get(names.indexOf(name.replace("_percent", "") + "_text"));
            case "computed_total", "computed_grade" -> computable ? field : "无法核算";
            case "status" -> field.equals("draft") ? "草稿" : "定稿";
            default -> field;
        };
    }

    @Test
    void amountsRatesAndScoresAreNumbersWithTheirFormats() {
        Sheet sheet = internal.getSheet("汇总表");
        Row header = sheet.getRow(0);
        assertEquals("预算数（万元）", header.getCell(4).getStringCellValue());
        assertEquals("自评预算执行率", header.getCell(7).getStringCellValue());
        assertEquals("核算预算执行率", header.getCell(8).getStringCellValue());
        assertEquals("核算总分", header.getCell(10).getStringCellValue());
        Row fund = row(sheet, "inspection-fund");
        assertEquals(4.9745, fund.getCell(6).getNumericCellValue());
        assertEquals("#,##0.00##", fund.getCell(6).getCellStyle().getDataFormatString());
        assertEquals(0.9949, fund.getCell(8).getNumericCellValue());
        assertEquals("0.00%", fund.getCell(8).getCellStyle().getDataFormatString());
        assertEquals(94.35, fund.getCell(10).getNumericCellValue());
        assertEquals("0.00", fund.getCell(10).getCellStyle().getDataFormatString());
        assertEquals(100.0, fund.getCell(9).getNumericCellValue(), "stated total as a number");
        // 0.1039亿元 exactly in 万元, and 12000元.
        assertEquals(1039.0, row(sheet, "employment").getCell(4).getNumericCellValue());
        assertEquals(1.2, row(sheet, "index").getCell(4).getNumericCellValue());
        assertEquals("草稿", row(sheet, "draft-qx7zk5").getCell(13).getStringCellValue());
    }

    @Test
    void everyCellOfAColumnIsStyledLikeTheOthersOfItsKind() {
        // Styles are set a column's run at a time: every cell of the run must have them, the first and the last alike.
        for (XSSFWorkbook book : List.of(internal, published)) {
            for (Sheet sheet : List.of(book.getSheet("汇总表"), book.getSheet("统计表"))) {
                Row header = sheet.getRow(0);
                for (Cell cell : header) {
                    CellStyle style = cell.getCellStyle();
                    assertTrue(book.getFontAt(style.getFontIndex()).getBold(), sheet.getSheetName() + " header bold");
                    assertEquals(BorderStyle.THIN, style.getBorderBottom(), sheet.getSheetName() + " header border");
                    assertEquals(HorizontalAlignment.CENTER, style.getAlignment(), sheet.getSheetName() + " header centred");
                }
            }
            Sheet summary = book.getSheet("汇总表");
            for (int r = 1; r <= summary.getLastRowNum(); r++) {
                for (Cell cell : summary.getRow(r)) {
                    assertEquals(VerticalAlignment.TOP, cell.getCellStyle().getVerticalAlignment(), cell.getAddress() + " aligned to the top");
                }
                assertEquals("0.00%", summary.getRow(r).getCell(8).getCellStyle().getDataFormatString(), "rate in row " + r);
                assertEquals(HorizontalAlignment.CENTER, summary.getRow(r).getCell(0).getCellStyle().getAlignment(), "year in row " + r);
            }
        }
    }

    @Test
    void theStatisticsSheetHasAUnitPerRowAndATotalRow() {
        Sheet internalStats = internal.getSheet("统计表");
        assertEquals(List.of("单位", "项目数", "优", "良", "中", "差", "优良率（优/良）",
                        "核算优", "核算良", "核算中", "核算差", "无法核算", "核算优良率（优/良）", "预算数（万元）", "执行数（万元）"),
                texts(internalStats.getRow(0)));
        Row total = internalStats.getRow(internalStats.getLastRowNum());
        assertEquals("合计", total.getCell(0).getStringCellValue());
        assertEquals(4.0, total.getCell(1).getNumericCellValue());
        assertEquals(8822.97, total.getCell(13).getNumericCellValue());
        assertEquals("0.00%", total.getCell(6).getCellStyle().getDataFormatString());
        assertEquals("0.00%", total.getCell(12).getCellStyle().getDataFormatString());
        assertTrue(internal.getFontAt(total.getCell(0).getCellStyle().getFontIndex()).getBold(), "the total row is bold");

        Sheet publicStats = published.getSheet("统计表");
        Row publicTotal = publicStats.getRow(publicStats.getLastRowNum());
        assertEquals(3.0, publicTotal.getCell(1).getNumericCellValue(), "the draft is not counted");
        assertEquals(1045.2, publicTotal.getCell(13).getNumericCellValue(), "5万元 + 12000元 + 0.1039亿元");
        // Signed grades in their columns, the computed counts in their own: never one silently for the other.
        assertEquals(SIGNED, List.of(publicTotal.getCell(2).getNumericCellValue(), publicTotal.getCell(3).getNumericCellValue(),
                publicTotal.getCell(4).getNumericCellValue(), publicTotal.getCell(5).getNumericCellValue()), "signed 优/良/中/差");
        assertEquals(2.0, publicTotal.getCell(7).getNumericCellValue(), "核算优");
        assertEquals(1.0, publicTotal.getCell(8).getNumericCellValue(), "核算良");
        assertEquals(0.0, publicTotal.getCell(11).getNumericCellValue(), "无法核算");
        assertEquals(1.0, publicTotal.getCell(12).getNumericCellValue(), "核算优良率 100%");
        Row talent = publicStats.getRow(2);
        assertEquals("人才中心", talent.getCell(0).getStringCellValue());
        assertEquals(1.0, talent.getCell(1).getNumericCellValue());
    }

    static final List<Double> SIGNED = List.of(3.0, 0.0, 0.0, 0.0);

    @Test
    void theHeaderRowIsFrozenAndColumnsHaveWidths() {
        for (XSSFWorkbook book : List.of(internal, published)) {
            for (Sheet sheet : book) {
                PaneInformation pane = sheet.getPaneInformation();
                assertNotNull(pane, sheet.getSheetName());
                assertTrue(pane.isFreezePane(), sheet.getSheetName());
                assertEquals(1, pane.getHorizontalSplitPosition(), sheet.getSheetName());
                assertEquals(0, pane.getVerticalSplitPosition(), sheet.getSheetName());
                assertTrue(sheet.getColumnWidth(0) >= 6 * 256, sheet.getSheetName());
            }
        }
        Sheet summary = internal.getSheet("汇总表");
        assertTrue(summary.getColumnWidth(3) > summary.getColumnWidth(0), "the name column is wider than the year column");
    }

    @Test
    void printedSheetsCarryTheTitleAndPageNumbersInAChineseFontAndLongTextsWrap() {
        for (XSSFWorkbook book : List.of(internal, published)) {
            for (int i = 0; i < book.getNumberOfSheets(); i++) {
                org.apache.poi.xssf.usermodel.XSSFSheet sheet = book.getSheetAt(i);
                String name = sheet.getSheetName();
                assertTrue(sheet.getHeader().getCenter().endsWith("测试局2020年度财政专项资金绩效自评报告 " + name), sheet.getHeader().getCenter());
                assertTrue(sheet.getFooter().getCenter().endsWith("第 &P 页，共 &N 页"), sheet.getFooter().getCenter());
                assertTrue(sheet.getColumnWidth(3) <= 22 * 256, name + ": no column is wider than 22 characters");
            }
            assertEquals("等线", book.getFontAt(0).getFontName());
            assertEquals(134, book.getFontAt(0).getCharSet(), "GB2312, so a missing 等线 falls back to a Chinese face");
        }
        Sheet summary = internal.getSheet("汇总表");
        assertTrue(summary.getRow(1).getCell(3).getCellStyle().getWrapText(), "project names wrap");
    }

    @Test
    void theDimensionCoversTheTableAndTheStatisticsFilterLeavesTheTotalRowOut() {
        for (XSSFWorkbook book : List.of(internal, published)) {
            for (int i = 0; i < book.getNumberOfSheets(); i++) {
                org.apache.poi.xssf.usermodel.XSSFSheet sheet = book.getSheetAt(i);
                int columns = sheet.getRow(0).getLastCellNum();
                String last = org.apache.poi.ss.util.CellReference.convertNumToColString(columns - 1) + (sheet.getLastRowNum() + 1);
                assertEquals("A1:" + last, sheet.getCTWorksheet().getDimension().getRef(), sheet.getSheetName());
            }
            org.apache.poi.xssf.usermodel.XSSFSheet stats = book.getSheet("统计表");
            String filter = stats.getCTWorksheet().getAutoFilter().getRef();
            assertTrue(filter.endsWith(String.valueOf(stats.getLastRowNum())), filter + ": the 合计 row (" + (stats.getLastRowNum() + 1) + ") is not filtered");
            org.apache.poi.xssf.usermodel.XSSFSheet summary = book.getSheet("汇总表");
            assertTrue(summary.getCTWorksheet().getAutoFilter().getRef().endsWith(String.valueOf(summary.getLastRowNum() + 1)));
        }
    }

    @Test
    void thePublicEditionHasNoDraftAndNoInternalColumns() {
        Sheet sheet = published.getSheet("汇总表");
        List<String> ids = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) ids.add(sheet.getRow(r).getCell(2).getStringCellValue());
        assertEquals(List.of("inspection-fund", "index", "employment"), ids);
        assertFalse(texts(sheet.getRow(0)).contains("状态"));
        assertFalse(texts(sheet.getRow(0)).contains("核查问题数"));
        assertTrue(texts(internal.getSheet("汇总表").getRow(0)).contains("核查问题数"));
    }

    @Test
    void theCreationDateIsThePublicationDateNotTheBuildTime() {
        Date created = internal.getProperties().getCoreProperties().getCreated();
        assertEquals(Date.from(LocalDateTime.of(2021, 3, 31, 0, 0).toInstant(ZoneOffset.UTC)), created);
        assertEquals("jixiao", internal.getProperties().getCoreProperties().getCreator());
    }

    @Test
    void everyEntryHasTheFixedTime() throws IOException {
        byte[] bytes = Files.readAllBytes(out.resolve("public/2020/summary.xlsx"));
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
                assertEquals(FixedZip.ENTRY_TIME, e.getTimeLocal(), e.getName());
                assertEquals(null, e.getExtra(), e.getName());
            }
        }
        assertEquals("[Content_Types].xml", names.get(0));
        assertTrue(names.containsAll(List.of("xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml",
                "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "docProps/core.xml")), names.toString());
    }

    @Test
    void repackingGivesTheSameBytesWhateverTheEntriesTimes() throws IOException {
        byte[] early = zip(LocalDateTime.of(2001, 1, 1, 10, 0));
        byte[] late = zip(LocalDateTime.of(2031, 6, 30, 23, 58));
        assertFalse(Arrays.equals(early, late));
        assertArrayEquals(FixedZip.repack(early), FixedZip.repack(late));
    }

    @Test
    void twoBuildsGiveIdenticalWorkbooks(@TempDir Path again) throws IOException {
        // Zip times have a resolution of two seconds: let the clock move on, so that only fixed times can agree.
        sleep(2100);
        Builds.build(Builds.fixtureContent(), again);
        for (String file : List.of("internal/2020/summary.xlsx", "public/2020/summary.xlsx", "public/2021/summary.xlsx")) {
            assertArrayEquals(Files.readAllBytes(out.resolve(file)), Files.readAllBytes(again.resolve(file)), file);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] zip(LocalDateTime time) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : List.of("[Content_Types].xml", "xl/workbook.xml")) {
                ZipEntry e = new ZipEntry(name);
                e.setTimeLocal(time);
                zip.putNextEntry(e);
                zip.write(("<" + name.length() + "/>").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static Row row(Sheet sheet, String projectId) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && row.getCell(2).getStringCellValue().equals(projectId)) return row;
        }
        throw new AssertionError("no row for " + projectId);
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (Cell cell : row) texts.add(cell.getStringCellValue());
        return texts;
    }

    /** summary.csv as fields; the fixture has no field that needs quoting. */
    private static List<List<String>> csv(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).substring(1);
            List<List<String>> rows = new ArrayList<>();
            for (String line : text.split("\r\n")) rows.add(List.of(line.split(",", -1)));
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
    /**
     * A year of more projects than the workbook writes at a time (1,024 rows): every row is there, styled and
     * numbered as in the first block, and the sheet's size and filter cover them all.
     */
    @Test
    void aYearOfMoreRowsThanABlockIsWrittenWholeAndStyledThroughout(@TempDir Path tmp) throws IOException {
        Path content = tmp.resolve("content");
        jixiao.testing.ContentFixture.copyTree(Path.of("content"), content);
        List<Path> forms;
        try (var walk = Files.walk(content.resolve("2020"))) {
            forms = walk.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().equals("unit.yaml")
                    && !p.getFileName().toString().equals("report.yaml")).sorted().toList();
        }
        Path unit = Files.createDirectories(content.resolve("2020/many"));
        Files.writeString(unit.resolve("unit.yaml"), "name: 大单位\n");
        int copies = 0;
        for (int round = 0; copies < 1100; round++) {
            for (Path form : forms) Files.copy(form, unit.resolve("copy-" + round + "-" + form.getFileName()));
            copies += forms.size();
        }
        int projects = forms.size() + copies;
        Builds.Run run = Builds.build(content, tmp.resolve("out"));
        assertEquals(0, run.exit(), run.err());
        byte[] bytes = Files.readAllBytes(tmp.resolve("out/internal/2020/summary.xlsx"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var sheet = book.getSheet("汇总表");
            assertEquals(projects, sheet.getLastRowNum());
            CellStyle first = sheet.getRow(1).getCell(4).getCellStyle();
            for (int r : new int[] {1, 1023, 1024, 1025, projects}) {
                Row row = sheet.getRow(r);
                assertNotNull(row, "row " + r);
                assertEquals(first.getIndex(), row.getCell(4).getCellStyle().getIndex(), "amount style of row " + r);
                assertEquals(CellType.NUMERIC, row.getCell(4).getCellType(), "row " + r);
                assertEquals(VerticalAlignment.TOP, row.getCell(1).getCellStyle().getVerticalAlignment(), "row " + r);
            }
            assertEquals("A1:O" + (projects + 1), sheet.getCTWorksheet().getDimension().getRef());
            assertEquals("A1:O" + (projects + 1), sheet.getCTWorksheet().getAutoFilter().getRef());
        }
    }
}
