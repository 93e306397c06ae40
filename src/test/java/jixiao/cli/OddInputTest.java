package jixiao.cli;

import jixiao.testing.Builds;
import jixiao.testing.ContentFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
