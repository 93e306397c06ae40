package jixiao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jixiao.testing.ContentFixture;
import jixiao.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckCommandTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jsonReportOverTheRealContentMatchesItsGoldenFile() {
        assertEquals(ExitCode.OK, run("check", "--format", "json"));
        Golden.assertMatches("check/content.json", out());
    }

    @Test
    void jsonReportOfContentWithoutProjectsHasEmptyLists() throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("site.yaml"), "title: 测试\n");
        assertEquals(ExitCode.OK, run("check", "--content", content.toString(), "--format", "json"));
        assertEquals("{\n  \"format\" : \"jixiao-check\",\n  \"version\" : 1,\n  \"findings\" : [ ],\n  \"projects\" : [ ]\n}\n", out());
    }

    @Test
    void textReportOverTheRealContentMatchesItsGoldenFile() {
        assertEquals(ExitCode.OK, run("check"));
        Golden.assertMatches("check/content.txt", out());
    }

    @Test
    void theRealContentReportsEveryClassOfMistakeTheFormsContain() {
        run("check", "--format", "json");
        String json = out();
        for (String code : List.of("execution-rate-mismatch", "execution-score-mismatch", "level2-misplaced",
                "level1-score-over-weight", "amount-part-exceeds-total", "grade-mismatch", "score-not-a-number",
                "unit-mismatch")) {
            assertTrue(json.contains("\"code\" : \"" + code + "\""), code);
        }
    }

    @Test
    void warningsFailOnlyWithStrict() {
        assertEquals(ExitCode.OK, run("check"));
        assertEquals(ExitCode.FINDINGS, run("check", "--strict"));
    }

    @Test
    void errorsFailAndEveryFindingIsPrintedWithItsSourceLine() {
        Path content = ContentFixture.copy("narrative", tmp).resolve("content");
        assertEquals(ExitCode.FINDINGS, run("check", "--content", content.toString()));
        String text = out();
        assertTrue(text.contains("content/2020/unit-a/unit.md:3:38: error[unknown-reference]"), text);
        assertTrue(text.contains(" 3 | 正常项目执行 {{ good.execution_rate }}，另一个 {{ missing-project.executed }}。"), text);
        assertTrue(text.endsWith("检查了 1 个年度、1 个单位、1 个项目：5 个错误，1 个警告，1 条提示。\n"), text);
    }

    @Test
    void endsWithASummaryLineOnStderrSoThatStdoutStaysTheReport() {
        Path content = ContentFixture.copy("narrative", tmp).resolve("content");
        for (String format : List.of("text", "json", "github", "sarif", "codeclimate")) {
            out.reset();
            err.reset();
            run("check", "--content", content.toString(), "--format", format);
            assertTrue(err().matches("读取了 \\d+ 个文件：5 个错误，1 个警告，1 条提示；用时 \\d+\\.\\d\\d 秒。\n"), format + ": " + err());
            assertFalse(out().contains("读取了"), format);
        }
    }

    @Test
    void githubAppendsAStepSummaryToTheFileGitHubNames() throws Exception {
        Path content = ContentFixture.copy("narrative", tmp).resolve("content");
        Path summary = Files.writeString(tmp.resolve("step-summary.md"), "earlier step\n");
        Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), tmp,
                name -> name.equals("GITHUB_STEP_SUMMARY") ? summary.toString() : null);
        assertEquals(ExitCode.FINDINGS, Cli.run(List.of("check", "--content", content.toString(), "--format", "github"), terminal));
        String written = Files.readString(summary);
        assertTrue(written.startsWith("earlier step\n### jixiao check\n\n5 个错误，1 个警告，1 条提示。\n"), written);
        assertTrue(written.contains("| content/2020/unit-a/unit.md:3 | error | `unknown-reference` | "), written);
        assertTrue(out().startsWith("::error "), out());
    }

    @Test
    void withoutAStepSummaryVariableNothingIsWrittenBesideTheAnnotations() throws Exception {
        Path content = ContentFixture.copy("narrative", tmp).resolve("content");
        Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), tmp, name -> null);
        assertEquals(ExitCode.FINDINGS, Cli.run(List.of("check", "--content", content.toString(), "--format", "github"), terminal));
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(content), files.toList());
        }
    }

    @Test
    void sarifCarriesTheVersionThatVersionPrints() throws Exception {
        run("--version");
        String version = out().strip().substring("jixiao ".length());
        out.reset();
        run("check", "--format", "sarif");
        JsonNode run = new ObjectMapper().readTree(out()).get("runs").get(0);
        assertEquals(version, run.get("tool").get("driver").get("version").asText());
        assertTrue(run.get("invocations").get(0).get("executionSuccessful").asBoolean());
    }

    @Test
    void sarifOfAMissingContentFolderIsStillAValidLogThatSaysWhy() throws Exception {
        assertEquals(ExitCode.USAGE, run("check", "--content", tmp.resolve("nope").toString(), "--format", "sarif"));
        String message = "找不到内容文件夹 " + tmp.resolve("nope") + "：请在项目根目录运行，或用 --content 指定。";
        assertEquals("jixiao check: " + message + "\n", err());
        JsonNode log = new ObjectMapper().readTree(out());
        assertEquals("2.1.0", log.get("version").asText());
        JsonNode invocation = log.get("runs").get(0).get("invocations").get(0);
        assertFalse(invocation.get("executionSuccessful").asBoolean());
        assertEquals(message, invocation.get("toolExecutionNotifications").get(0).get("message").get("text").asText());
        assertEquals(0, log.get("runs").get(0).get("results").size());
    }

    @Test
    void codeClimateOfAMissingContentFolderIsAnEmptyButValidReport() throws Exception {
        assertEquals(ExitCode.USAGE, run("check", "--content", tmp.resolve("nope").toString(), "--format", "codeclimate"));
        assertTrue(err().startsWith("jixiao check: 找不到内容文件夹 "), err());
        JsonNode report = new ObjectMapper().readTree(out());
        assertTrue(report.isArray(), out());
        assertEquals(0, report.size());
    }

    @Test
    void otherFormatsPrintNothingOnStdoutWhenTheRunFails() {
        assertEquals(ExitCode.USAGE, run("check", "--content", tmp.resolve("nope").toString(), "--format", "json"));
        assertEquals("", out());
    }

    @Test
    void theSummaryCountsTheFilesRead() {
        run("check");
        // site.yaml, report.yaml and report.md, and per unit its unit.yaml, projects and narratives: 37. The two forms
        // whose goals hold a figure that contradicts the form are read again to place it at its column, and count once.
        assertTrue(err().startsWith("读取了 37 个文件："), err());
    }

    @Test
    void quietPrintsTheFindingsWithoutAnySummary() {
        Path content = ContentFixture.copy("narrative", tmp).resolve("content");
        run("check", "--content", content.toString());
        String full = out();
        out.reset();
        err.reset();
        assertEquals(ExitCode.FINDINGS, run("check", "--quiet", "--content", content.toString()));
        assertEquals("", err());
        assertEquals(full.substring(0, full.lastIndexOf("检查了")), out());
    }

    @Test
    void noProgressLineWhenStderrIsNotATerminal() {
        run("check");
        assertFalse(err().contains("\r"), err());
        assertFalse(err().contains("正在"), err());
    }

    @Test
    void usageProblemsExitWithTwo() {
        assertEquals(ExitCode.USAGE, run("check", "--format", "xml"));
        assertEquals("jixiao check: --format 的值“xml”不对：只能是 text、json、github、sarif、codeclimate。用 jixiao check --help 查看用法。\n", err());
        assertEquals(ExitCode.USAGE, run("check", "--bogus"));
        assertEquals(ExitCode.USAGE, run("nonsense"));
        assertEquals(ExitCode.USAGE, run());
    }

    @Test
    void missingContentFolderExitsWithTwo() {
        assertEquals(ExitCode.USAGE, run("check", "--content", tmp.resolve("nowhere").toString()));
        assertTrue(err().contains("找不到内容文件夹"), err());
    }

    @Test
    void nothingIsWrittenIntoTheContentFolder() throws Exception {
        Path content = ContentFixture.copy("narrative", tmp).resolve("content");
        List<String> before;
        try (var walk = Files.walk(content)) {
            before = walk.map(p -> p + ":" + p.toFile().lastModified()).sorted().toList();
        }
        run("check", "--content", content.toString(), "--format", "json");
        try (var walk = Files.walk(content)) {
            assertEquals(before, walk.map(p -> p + ":" + p.toFile().lastModified()).sorted().toList());
        }
    }
}
