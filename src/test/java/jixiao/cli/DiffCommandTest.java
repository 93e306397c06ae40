package jixiao.cli;

import jixiao.testing.ContentFixture;
import jixiao.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiffCommandTest {

    private static final String CONTENT = ContentFixture.resource("compare/content").toString();

    @TempDir
    Path tmp;

    /** What one run printed and returned. */
    record Run(int exit, String out, String err) {
    }

    static Run diff(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new java.util.ArrayList<>(List.of("diff"));
        all.addAll(List.of(args));
        int exit = Main.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run years(String from, String to, String... more) {
        List<String> args = new ArrayList<>(List.of(from, to, "--content", CONTENT));
        args.addAll(List.of(more));
        return diff(args.toArray(String[]::new));
    }

    @Test
    void textOutputOfTwoYearsMatchesGolden() {
        Run run = years("2020", "2021");
        assertEquals(new Run(ExitCode.OK, run.out(), ""), run);
        Golden.assertMatches("diff/2020-2021.txt", run.out());
    }

    @Test
    void markdownOutputOfTwoYearsMatchesGolden() {
        Run run = years("2020", "2021", "--format", "markdown");
        assertEquals(ExitCode.OK, run.exit());
        Golden.assertMatches("diff/2020-2021.md", run.out());
    }

    @Test
    void jsonOutputOfTwoYearsMatchesGolden() {
        Run run = years("2020", "2021", "--format=json");
        assertEquals(ExitCode.OK, run.exit());
        Golden.assertMatches("diff/2020-2021.json", run.out());
    }

    @Test
    void publicEditionOutputLeavesOutDraftsAndPrivateFields() {
        Run run = years("2020", "2021", "--public", "--format", "markdown");
        assertEquals(ExitCode.OK, run.exit());
        Golden.assertMatches("diff/2020-2021-public.md", run.out());
        assertTrue(!run.out().contains("training-plan") && !run.out().contains("5776426") && !run.out().contains("组织部复核"));
    }

    @Test
    void earlierYearsTextMatchesGolden() {
        Run run = years("2019", "2020");
        assertEquals(ExitCode.OK, run.exit());
        Golden.assertMatches("diff/2019-2020.txt", run.out());
    }

    @Test
    void sameYearTwiceHasNoChangesAndExitsZero() {
        Run run = years("2021", "2021");
        assertEquals(new Run(ExitCode.OK, "比较：2021 年度 → 2021 年度（内部版，金额单位：万元）\n\n没有变化。\n", ""), run);
    }

    @Test
    void unknownYearExitsTwoNamingTheYearsThatExist() {
        assertEquals(new Run(ExitCode.USAGE, "", "jixiao diff: 内容中没有 2018 年度（工作区 有：2019、2020、2021）。\n"),
                years("2018", "2021"));
    }

    @Test
    void badArgumentsExitTwoWithAChineseMessage() {
        assertEquals(new Run(ExitCode.USAGE, "", "jixiao diff: --format 的值“yaml”不对：只能是 text、markdown、json。用 jixiao diff --help 查看用法。\n"),
                years("2020", "2021", "--format", "yaml"));
        assertEquals(new Run(ExitCode.USAGE, "", "jixiao diff: “20x0”不是年度：年度须为四位数字，如 2020。用 jixiao diff --help 查看用法。\n"),
                diff("20x0", "2021"));
        assertTrue(diff("2020").err().startsWith("jixiao diff: 请给出两个年度（如 jixiao diff 2020 2021），或用 --from 指定要比较的 git 版本。用 jixiao diff --help 查看用法。"));
        assertTrue(diff("--to", "HEAD", "2020", "2021").err().startsWith("jixiao diff: --to 需要与 --from 一起使用。用 jixiao diff --help 查看用法。"));
        assertTrue(diff("--frm", "HEAD").err().startsWith("jixiao diff: 不认识的选项“--frm”：是不是要用 --from？用 jixiao diff --help 查看用法。"));
        assertEquals(ExitCode.USAGE, diff("--from").exit());
    }

    @Test
    void missingContentFolderExitsTwo() {
        Path missing = tmp.resolve("nothing");
        assertEquals(new Run(ExitCode.USAGE, "", "jixiao diff: 内容文件夹 " + missing + " 不存在：请用 --content 指定内容文件夹。\n"),
                diff("2020", "2021", "--content", missing.toString()));
    }

    @Test
    void contentWithStructuralErrorsIsStillComparedWithANote() throws IOException {
        Path content = ContentFixture.copy("compare/content", tmp.resolve("content"));
        Files.writeString(content.resolve("2021/labor/arbitration.yaml"), "name: 劳动仲裁经费\nbudjet: 1\n");
        Run run = diff("2020", "2021", "--content", content.toString());
        assertEquals(ExitCode.OK, run.exit());
        assertTrue(run.out().contains("劳动监察专项资金"), "the rest is compared");
        assertEquals("""
                注意：工作区 的内容有 2 处错误，只比较了能读取的部分；运行 jixiao check 查看全部。
                  content/2021/labor/arbitration.yaml:1:1: error[missing-field]: 缺少必填项“budget”（预算执行情况：planned、received、executed 三行）：请补上。
                  content/2021/labor/arbitration.yaml:2:1: error[unknown-key]: 未知的键“budjet”，是否应为“budget”？可用的键：budget、contact、filing_department、goals、implementing_unit、indicators、internal、money_unit、name、order、problems、stated、status。
                """, run.err());
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        Run help = diff("--help");
        assertEquals(ExitCode.OK, help.exit());
        assertTrue(help.out().startsWith("用法：jixiao diff "), help.out());
        assertEquals("", help.err());
    }
}
