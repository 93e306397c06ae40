package jixiao.cli;

import jixiao.testing.ContentFixture;
import jixiao.testing.GitRepo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code check --changed-since REV}: only the findings of files changed since a git revision. */
class CheckChangedSinceTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private GitRepo repo;
    private Path content;

    @BeforeEach
    void committedContentWithFindingsInThreeFiles() {
        assumeTrue(GitRepo.gitAvailable(), "git is not installed");
        repo = GitRepo.init(tmp.resolve("repo"));
        ContentFixture.copy("narrative", repo.dir());
        content = repo.dir().resolve("content");
        repo.commitAll("content");
    }

    private int run(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("check", "--quiet", "--content", content.toString()));
        all.addAll(List.of(args));
        return Main.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** report.md edited below its finding, and an untracked file git does not ignore. */
    private void changeReportAndAddAFile() throws Exception {
        Files.writeString(content.resolve("2020/report.md"), "\n补充一段。\n", StandardOpenOption.APPEND);
        Files.writeString(content.resolve("2020/unit-a/notes.txt"), "草稿\n");
    }

    @Test
    void githubListsOnlyTheChangedFilesAndCountsTheRestInOneNotice() throws Exception {
        changeReportAndAddAFile();
        assertEquals(ExitCode.FINDINGS, run("--format", "github", "--changed-since", "HEAD"));
        List<String> lines = out().lines().toList();
        assertTrue(lines.get(0).startsWith("::error file=content/2020/report.md,line=5,col=7,title=unknown-reference::"), out());
        assertTrue(lines.get(1).startsWith("::warning file=content/2020/unit-a/notes.txt,title=unexpected-file::"), out());
        assertEquals("::notice title=changed-since::其余 2 个文件另有 4 个错误、1 个警告未列出。", lines.get(2));
        assertEquals(3, lines.size(), out());
    }

    @Test
    void textListsTheChangedFilesThenTheLineThenTheWholeCount() throws Exception {
        changeReportAndAddAFile();
        out.reset();
        assertEquals(ExitCode.FINDINGS, Main.run(List.of("check", "--content", content.toString(), "--changed-since", "HEAD"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        String text = out();
        assertTrue(text.startsWith("content/2020/report.md:5:7: error[unknown-reference]"), text);
        assertTrue(text.endsWith("其余 2 个文件另有 4 个错误、1 个警告未列出。\n检查了 1 个年度、1 个单位、1 个项目：5 个错误，2 个警告，1 条提示。\n"), text);
        assertTrue(!text.contains("unit-a/unit.md"), text);
    }

    @Test
    void withNothingChangedOnlyTheCountIsShownAndTheExitCodeStillReflectsEveryError() {
        assertEquals(ExitCode.FINDINGS, run("--format", "github", "--changed-since", "HEAD"));
        assertEquals("::notice title=changed-since::其余 3 个文件另有 5 个错误、1 个警告未列出。\n", out());
    }

    @Test
    void jsonStaysValidAndTheLineGoesToStderr() throws Exception {
        changeReportAndAddAFile();
        assertEquals(ExitCode.FINDINGS, run("--format", "json", "--changed-since", "HEAD"));
        assertTrue(out().contains("\"code\" : \"unknown-reference\""), out());
        assertTrue(!out().contains("unit-a/unit.md"), out());
        assertEquals("其余 2 个文件另有 4 个错误、1 个警告未列出。\n", err());
    }

    @Test
    void committedChangesCountAsChanged() throws Exception {
        changeReportAndAddAFile();
        repo.commitAll("more");
        assertEquals(ExitCode.FINDINGS, run("--format", "github", "--changed-since", "HEAD~1"));
        assertTrue(out().startsWith("::error file=content/2020/report.md,"), out());
        assertTrue(out().endsWith("::notice title=changed-since::其余 2 个文件另有 4 个错误、1 个警告未列出。\n"), out());
    }

    @Test
    void anUnknownRevisionIsAUsageError() {
        assertEquals(ExitCode.USAGE, run("--changed-since", "no-such-branch"));
        assertEquals("jixiao check: --changed-since：无法识别的 git 版本“no-such-branch”：请检查拼写，或用 git log 查看可用的提交。\n", err());
        assertEquals("", out());
    }

    @Test
    void anOptionLookingRevisionIsAUsageError() {
        assertEquals(ExitCode.USAGE, run("--changed-since=--output=x"));
        assertEquals("jixiao check: --changed-since 后面缺少值（“--output=x”像是选项，不能当作 --changed-since 的值）。用 jixiao check --help 查看用法。\n", err());
    }

    @Test
    void contentOutsideAnyRepositoryIsAUsageError() {
        Path plain = ContentFixture.copy("narrative", tmp.resolve("plain")).resolve("content");
        out.reset();
        assertEquals(ExitCode.USAGE, Main.run(List.of("check", "--content", plain.toString(), "--changed-since", "HEAD"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err().startsWith("jixiao check: --changed-since：内容文件夹 " + plain + " 不在 git 仓库中"), err());
    }
}
