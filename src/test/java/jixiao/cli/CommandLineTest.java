package jixiao.cli;

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

/** What every command shares: one error style, one set of exit codes, suggestions, version and completion. */
class CommandLineTest {

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run usageError(String message) {
        return new Run(ExitCode.USAGE, "", message + "\n");
    }

    @Test
    void aMistypedCommandGetsASuggestion() {
        assertEquals(usageError("jixiao: 不认识的命令“chek”：是不是要用 check、schema、help？用 jixiao --help 查看用法。"), run("chek"));
    }

    @Test
    void aThirdYearIsAnExtraArgumentNotSilentlyDropped() {
        Run run = run("diff", "2020", "2021", "2022", "--content", "content");
        assertEquals(ExitCode.USAGE, run.exit());
        assertTrue(run.err().startsWith("jixiao diff: "), run.err());
        assertTrue(run.err().contains("2022"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void helpForAWordBelowACommandWithoutSubcommandsSaysItIsExtra() {
        assertEquals(usageError("jixiao help: 多余的参数“build”：jixiao check 没有下一级命令。用 jixiao help --help 查看用法。"),
                run("help", "check", "build"));
    }

    @Test
    void aMistypedOptionGetsASuggestion() {
        assertEquals(usageError("jixiao check: 不认识的选项“--stirct”：是不是要用 --strict？用 jixiao check --help 查看用法。"),
                run("check", "--stirct"));
    }

    @Test
    void anOptionIsNeverTakenAsAnotherOptionsValue() {
        Path content = tmp.resolve("content");
        assertEquals(usageError("jixiao new project: --name 后面缺少值（“--content”像是选项，不能当作 --name 的值）。"
                + "用 jixiao new project --help 查看用法。"), run("new", "project", "--name", "--content", content + "/2021/a/b"));
        assertEquals(ExitCode.USAGE, run("new", "unit", "2021/a", "--name", "-x", "--content", content.toString()).exit());
        assertFalse(Files.exists(content), "nothing was written");
        assertFalse(Files.exists(Path.of("content/2021/a")), "nothing was written");
    }

    @Test
    void anUnknownOptionWhereAValueShouldBeIsNamed() {
        assertEquals(usageError("jixiao new unit: --name 后面缺少值（“-x”像是选项，不能当作 --name 的值）。"
                + "用 jixiao new unit --help 查看用法。"), run("new", "unit", "2021/a", "--name", "-x", "--content", tmp.toString()));
    }

    @Test
    void thePortIsAnIntegerInRange() {
        String reason = "不对：应为 0 到 65535 之间的整数（0 表示任选一个空闲端口）。用 jixiao serve --help 查看用法。";
        assertEquals(usageError("jixiao serve: --port 的值“65536”" + reason), run("serve", "--port", "65536"));
        assertEquals(usageError("jixiao serve: --port 的值“-1”" + reason), run("serve", "--port=-1"));
        assertEquals(usageError("jixiao serve: --port 的值“http”" + reason), run("serve", "--port", "http"));
    }

    @Test
    void anOptionGivenTwiceIsAnError() {
        assertEquals(usageError("jixiao build: --out 只能写一次。用 jixiao build --help 查看用法。"), run("build", "--out", "a", "--out", "b"));
    }

    @Test
    void aMissingRequiredOptionIsNamed() {
        assertEquals(usageError("jixiao new year: 缺少必填的选项 --from。用 jixiao new year --help 查看用法。"), run("new", "year", "2021"));
    }

    @Test
    void noCommandPrintsTheUsageOnStderrAndExitsTwo() {
        Run run = run();
        assertEquals(ExitCode.USAGE, run.exit());
        assertEquals("", run.out());
        assertEquals(run("--help").out(), run.err());
    }

    @Test
    void versionNamesTheProgram() {
        Run run = run("--version");
        assertEquals(ExitCode.OK, run.exit());
        assertTrue(run.out().matches("jixiao \\S+\n"), run.out());
    }

    @Test
    void completionScriptsKnowEveryCommandAndOption() {
        for (String shell : List.of("bash", "zsh")) {
            Run run = run("completion", shell);
            assertEquals(ExitCode.OK, run.exit(), shell);
            for (String word : List.of("check", "build", "serve", "diff", "new", "import", "schema", "--strict", "--templates", "--unit-name",
                    "sarif", "markdown")) {
                assertTrue(run.out().contains(word), shell + " completion lacks " + word);
            }
        }
        assertTrue(run("completion", "zsh").out().contains("bashcompinit"), "zsh loads bash completion");
        assertEquals(usageError("jixiao completion: 参数“fish”不对：只能是 bash、zsh。用 jixiao completion --help 查看用法。"), run("completion", "fish"));
    }
}
