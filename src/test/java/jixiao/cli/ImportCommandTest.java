package jixiao.cli;

import jixiao.content.ContentLoader;
import jixiao.content.DirectorySource;
import jixiao.diagnostic.Finding;
import jixiao.diagnostic.Severity;
import jixiao.testing.Builds;
import jixiao.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code jixiao import} on documents jixiao did not write: made by LibreOffice from the HTML tables beside them in
 * src/test/resources/importer (rowspans and colspans become vMerge and gridSpan; {@code LibreOfficeFixturesTest}
 * makes them again when soffice is installed), a paper-like form, deliberately messy forms and a form without a name.
 */
class ImportCommandTest {

    @TempDir
    Path dir;

    /** As in a repository set up by the README: the schemas beside the content folder. */
    @org.junit.jupiter.api.BeforeEach
    void schemasBesideTheContent() {
        assertEquals(0, Cli.run(List.of("schema", "--out", dir.resolve("schema").toString()), new Terminal(
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), dir)));
    }

    static Path fixture(String name) {
        return Path.of("src/test/resources/importer", name).toAbsolutePath();
    }

    private Builds.Run importing(String file, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("import", fixture(file).toString(), "--year", "2019",
                "--content", dir.resolve("content").toString()));
        args.addAll(List.of(extra));
        return Builds.run(args.toArray(String[]::new));
    }

    private String file(String relative) throws IOException {
        return Files.readString(dir.resolve("content").resolve(relative), StandardCharsets.UTF_8);
    }

    @Test
    void aPaperLikeFormWithMergedCellsIsReadVerbatim() throws IOException {
        Builds.Run run = importing("paper-form.docx");
        assertEquals(0, run.exit(), run.err());
        assertEquals("导入了 1 张自评表，分属 1 个单位；1 处内容未能放入，已写在各文件开头的注释里，请对照原表核对。", run.out().lines()
                .filter(l -> l.startsWith("导入了")).findFirst().orElseThrow());
        // Unit from 实施预算单位 (填报部门 is blank), ids as stable slugs of the names.
        Golden.assertMatches("import/paper-form.yaml", file("2019/dw-21773e60/xm-edb011b7.yaml"));
        assertTrue(file("2019/dw-21773e60/unit.yaml").contains("name: \"劳动和社会保障监察大队\""));
    }

    /** A new user's trial: LibreOffice writes a blank row of &nbsp; cells as U+00A0, which Java's isBlank does not count as blank. */
    @Test
    void aRowOfNoBreakSpacesIsABlankRowNotAnIndicator() throws IOException {
        Builds.Run run = importing("blank-nbsp-row.docx");
        assertEquals(0, run.exit(), run.err());
        try (var files = Files.walk(dir.resolve("content"))) {
            for (Path yaml : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                String text = Files.readString(yaml, StandardCharsets.UTF_8);
                assertFalse(text.contains("\u00A0"), yaml + ":\n" + text);
            }
        }
    }

    @Test
    void theSameFormFromExcelGivesTheSameProject() throws IOException {
        Builds.Run run = importing("paper-form.xlsx");
        assertEquals(0, run.exit(), run.err());
        String yaml = file("2019/dw-21773e60/xm-edb011b7.yaml");
        String fromWord = Files.readString(Path.of("src/test/resources/golden/import/paper-form.yaml"), StandardCharsets.UTF_8);
        assertEquals(body(fromWord), body(yaml), "everything after the comments at the top");
        assertTrue(yaml.contains("#   工作表“Sheet1” 第 25 行第 1 格 “备注：指标值见附件”：未能对应到表上的栏目，未导入\n"), yaml);
    }

    @Test
    void messyFormsKeepWhatTheySayAndNoteWhatCouldNotBePlaced() throws IOException {
        Builds.Run run = importing("messy-forms.docx");
        assertEquals(0, run.exit(), run.err());
        Golden.assertMatches("import/messy-employment.yaml", file("2019/dw-87e79b4f/xm-52a7132c.yaml"));
        // No 填报部门 and no 实施预算单位: the form goes to a unit of its own, to be renamed.
        Golden.assertMatches("import/messy-yulu.yaml", file("2019/imported/xm-b7a0e5c9.yaml"));
    }

    @Test
    void importedFilesLoadAndCheckFindsTheFormsMistakes() throws IOException {
        assertEquals(0, importing("messy-forms.docx").exit());
        ContentLoader.Result loaded = ContentLoader.load(new DirectorySource(dir.resolve("content")));
        List<Finding> errors = loaded.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
        // The one error is the one the form has: 执行数 written as 约1100, which the editor must fill in.
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().contains("total"), errors.get(0).toString());
        Builds.Run check = Builds.run("check", "--content", dir.resolve("content").toString());
        assertEquals(1, check.exit());
    }

    @Test
    void unitOptionPutsEveryFormInOneUnit() throws IOException {
        Builds.Run run = importing("messy-forms.docx", "--unit", "talent");
        assertEquals(0, run.exit(), run.err());
        assertTrue(Files.exists(dir.resolve("content/2019/talent/xm-52a7132c.yaml")));
        assertTrue(Files.exists(dir.resolve("content/2019/talent/xm-b7a0e5c9.yaml")));
        assertTrue(file("2019/talent/unit.yaml").contains("name: \"人才交流中心\""));
    }

    @Test
    void aFormWithoutANameStopsTheImportAndNothingIsWritten() {
        Builds.Run run = importing("nameless-form.docx");
        assertEquals(1, run.exit());
        assertEquals(fixture("nameless-form.docx") + " 表 1：看起来是一张自评表，但找不到“项目名称”后面的项目名称，无法导入："
                + "请在文档里补上项目名称，或把这张表从文档中删去后再导入。\n未写入任何文件。\n", run.err());
        assertFalse(Files.exists(dir.resolve("content")));
    }

    @Test
    void neverOverwritesAndWritesNothingWhenAFileExists() throws IOException {
        assertEquals(0, importing("paper-form.docx").exit());
        Path project = dir.resolve("content/2019/dw-21773e60/xm-edb011b7.yaml");
        Files.writeString(project, "name: \"编辑过的\"\n", StandardCharsets.UTF_8);
        Builds.Run again = importing("messy-forms.docx", "--unit", "dw-21773e60");
        assertEquals(0, again.exit(), again.err());
        Builds.Run twice = importing("paper-form.docx");
        assertEquals(1, twice.exit());
        assertEquals("content/2019/dw-21773e60/xm-edb011b7.yaml 已存在：jixiao import 从不覆盖已有文件。\n未写入任何文件。\n",
                twice.err().replace(dir.resolve("content").toString(), "content"));
        assertEquals("name: \"编辑过的\"\n", Files.readString(project, StandardCharsets.UTF_8));
    }

    @Test
    void oldBinaryWordFilesAreRefusedWithWhatToDo() throws IOException {
        Path doc = dir.resolve("旧表.doc");
        Files.write(doc, new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0});
        Builds.Run run = Builds.run("import", doc.toString(), "--year", "2019", "--content", dir.resolve("content").toString());
        assertEquals(1, run.exit());
        assertEquals(doc + "：旧版 Word/Excel/WPS 格式无法直接读取：请用 Word、WPS 或 LibreOffice 打开，另存为 .docx 或 .xlsx 后再导入。\n"
                + "未写入任何文件。\n", run.err());
        // Renamed to .docx, the signature still gives it away.
        Path renamed = dir.resolve("旧表.docx");
        Files.copy(doc, renamed);
        Builds.Run again = Builds.run("import", renamed.toString(), "--year", "2019", "--content", dir.resolve("content").toString());
        assertEquals(renamed + "：这是旧版 Word/Excel 的二进制格式（.doc 或 .xls），无法直接读取：请用 Word、WPS 或 LibreOffice 打开，"
                + "另存为 .docx 或 .xlsx 后再导入。\n未写入任何文件。\n", again.err());
    }

    @Test
    void aFileThatIsNotADocumentIsRefused() throws IOException {
        Path text = dir.resolve("表.docx");
        Files.writeString(text, "这不是 Word 文档", StandardCharsets.UTF_8);
        Builds.Run run = Builds.run("import", text.toString(), "--year", "2019", "--content", dir.resolve("content").toString());
        assertEquals(1, run.exit());
        assertEquals(text + "：不是 .docx 或 .xlsx 文件（文件开头不是 zip 格式），可能已损坏或只是改了扩展名："
                + "请用 Word、WPS 或 LibreOffice 打开并另存为 .docx 或 .xlsx 后再导入。\n未写入任何文件。\n", run.err());
    }

    @Test
    void usageErrorsSayWhatIsMissing() {
        Builds.Run noYear = Builds.run("import", "a.docx");
        assertEquals(2, noYear.exit());
        assertTrue(noYear.err().equals("jixiao import: 缺少必填的选项 --year。用 jixiao import --help 查看用法。\n"), noYear.err());
        Builds.Run badUnit = Builds.run("import", "a.docx", "--year", "2019", "--unit", "../outside");
        assertEquals(2, badUnit.exit());
        assertTrue(badUnit.err().startsWith("jixiao import: --unit 的值“../outside”不对：单位编号只能用小写字母、数字和连字符"), badUnit.err());
        Builds.Run help = Builds.run("import", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().startsWith("用法：jixiao import"));
    }

    @Test
    void noNameFromADocumentBecomesAPath() throws IOException {
        assertEquals(0, importing("messy-forms.docx").exit());
        try (Stream<Path> files = Files.walk(dir.resolve("content"))) {
            for (Path p : files.toList()) {
                assertTrue(p.normalize().startsWith(dir.resolve("content")), p.toString());
                String name = p.getFileName().toString();
                assertTrue(name.matches("content|site\\.yaml|report\\.yaml|unit\\.yaml|2019|[a-z0-9][a-z0-9-]*(\\.yaml)?"), name);
            }
        }
    }

    /** The file without its leading comment lines. */
    private static String body(String yaml) {
        return yaml.lines().dropWhile(l -> l.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
    }
}
