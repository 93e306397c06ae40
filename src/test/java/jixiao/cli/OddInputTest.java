package jixiao.cli;

import jixiao.testing.Builds;
import jixiao.testing.ContentFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Odd input as an editor meets it, through {@code check} and {@code build} alike: each case ends in a
 * located message and the exit code README documents, never a stack trace, a hang or a silent gap.
 */
@Timeout(30)
class OddInputTest {

    private static final String FUND = "2020/inspection/inspection-fund.yaml";

    @TempDir
    Path tmp;

    private Path content() {
        return ContentFixture.copy("site/fixture/content", tmp.resolve("content"));
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replace(from, to));
    }

    private Builds.Run check(Path content) {
        return Builds.run("check", "--quiet", "--content", content.toString());
    }

    private Builds.Run build(Path content) {
        return Builds.run("build", "--quiet", "--content", content.toString(), "--out", tmp.resolve("out").toString());
    }

    @Test
    void anAmountWithTenThousandDecimalsIsALocatedErrorInCheckAndBuildAlike() throws IOException {
        Path content = content();
        replace(content.resolve(FUND), "executed: { total: 4.9745,", "executed: { total: 4.9745" + "1".repeat(9996) + ",");
        String expected = "content/" + FUND + ":7:22: error[number-too-long]: “budget.executed.total”中的数字“4.97451111111111…（共 10002 个字符）”"
                + "过长（整数 1 位、小数 10000 位）：数字最多 20 位整数、10 位小数，请核对后改写。";

        Builds.Run check = check(content);
        assertEquals(1, check.exit(), check.out() + check.err());
        assertTrue(check.out().startsWith(expected + "\n"), check.out());

        Builds.Run build = build(content);
        assertEquals(1, build.exit(), "an error in the content, not an I/O failure: " + build.out() + build.err());
        assertTrue(build.out().startsWith(expected + "\n"), build.out());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
    }

    @Test
    @Timeout(20)
    void aMillionDigitAmountIsRejectedWithoutItsArithmetic() throws IOException {
        Path content = content();
        replace(content.resolve(FUND), "planned:  { total: 5,", "planned:  { total: " + "9".repeat(1_000_000) + ",");
        Builds.Run check = check(content);
        assertEquals(1, check.exit());
        assertTrue(check.out().startsWith("content/" + FUND + ":5:22: error[number-too-long]: “budget.planned.total”中的数字"
                + "“9999999999999999…（共 1000000 个字符）”过长（整数 1000000 位、小数 0 位）"), check.out().substring(0, 300));
    }

    @Test
    void aLinkedProjectFileIsNamedByCheckAndBuildAndNeverPublished() throws IOException {
        Path content = content();
        Path outside = Files.writeString(tmp.resolve("secret.yaml"),
                Files.readString(content.resolve(FUND)).replace("监察专项资金", "外部机密项目"));
        Files.createSymbolicLink(content.resolve("2020/inspection/linked.yaml"), outside);
        String warning = "content/2020/inspection/linked.yaml: warning[skipped-link]: 这是符号链接，没有读取：";

        Builds.Run check = Builds.run("check", "--content", content.toString());
        assertTrue(check.out().contains(warning), check.out());

        Builds.Run build = Builds.build(content, tmp.resolve("out"));
        assertTrue(build.out().contains(warning), build.out());
        for (Path page : Builds.pages(tmp.resolve("out"))) {
            assertFalse(Builds.read(page).contains("外部机密项目"), page.toString());
        }
    }

    @Test
    void anUnreadableFolderOrFileIsAnIoProblemWithItsPathAndReasonNotATrace() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")),
                "running as root: chmod 000 does not stop root from reading; DirectorySourceTest and SkippedEntriesTest "
                        + "exercise the same failures through a seam");
        Path content = content();
        Path unit = content.resolve("2020/talent");
        Path file = content.resolve(FUND);
        Files.setPosixFilePermissions(unit, PosixFilePermissions.fromString("---------"));
        try {
            Builds.Run check = check(content);
            assertEquals(2, check.exit());
            assertEquals("jixiao check: 读取内容失败：无法读取 content/2020/talent：权限不足（Permission denied）。"
                    + "请检查它的权限，或把它移出内容文件夹。\n", check.err());
            Builds.Run build = build(content);
            assertEquals(2, build.exit());
            assertTrue(build.err().startsWith("jixiao build: 读取内容失败：无法读取 content/2020/talent："), build.err());
        } finally {
            Files.setPosixFilePermissions(unit, PosixFilePermissions.fromString("rwx------"));
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        Builds.Run check = check(content);
        assertEquals(2, check.exit(), "an I/O problem, not a mistake in the content");
        assertTrue(check.out().startsWith("content/" + FUND + ": error[read-failed]: 无法读取文件：权限不足（Permission denied）。"), check.out());
        assertEquals(2, build(content).exit());
    }
}
