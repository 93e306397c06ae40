package jixiao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jixiao.testing.Builds;
import jixiao.testing.ContentFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

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
        assertTrue(check.out().startsWith(expected + "\n"
                + " 7 |   executed: { total: 4.9745" + "1".repeat(93) + "…\n"
                + "   |                      ^\n"), check.out());
        assertTrue(check.out().lines().allMatch(l -> l.length() < 400), "no line of ten thousand digits");

        Builds.Run build = build(content);
        assertEquals(1, build.exit(), "an error in the content, not an I/O failure: " + build.out() + build.err());
        assertTrue(build.out().startsWith(expected + "\n"), build.out());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
    }

    @Test
    @Timeout(20)
    void aMillionDigitAmountIsRefusedBeforeItIsParsed() throws IOException {
        Path content = content();
        replace(content.resolve(FUND), "planned:  { total: 5,", "planned:  { total: " + "9".repeat(1_000_000) + ",");
        Builds.Run check = check(content);
        assertEquals(1, check.exit());
        assertTrue(check.out().startsWith("content/" + FUND + ":5:20001: error[line-too-long]: 第 5 行有 1000044 个字符，超过上限 20000："),
                check.out().substring(0, 300));
        Builds.Run build = build(content);
        assertEquals(1, build.exit());
        assertTrue(build.out().startsWith("content/" + FUND + ":5:20001: error[line-too-long]:"), build.out().substring(0, 300));
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

    /** A project named with a right-to-left override, and a file whose name carries a GitHub workflow command. */
    private Path contentWithInvisibleCharacters() throws IOException {
        Path content = content();
        replace(content.resolve(FUND), "name: \"监察专项资金\"", "name: \"\u202E监察专项资金\"");
        Files.writeString(content.resolve("2020/inspection/x\n::error file=README.md::pwned.yaml"), "name: x\n");
        return content;
    }

    private static final String INJECTED = "content/2020/inspection/x<U+000A>::error file=README.md::pwned.yaml";

    @Test
    void invisibleCharactersAreAWarningAndShownEscapedInTheTextFormat() throws IOException {
        Builds.Run check = Builds.run("check", "--content", contentWithInvisibleCharacters().toString());
        assertEquals(1, check.exit());
        assertTrue(check.out().contains("content/" + FUND + ":1:7: warning[invisible-character]: “name”中有看不见的字符 <U+202E>"
                + "（“<U+202E>监察专项资金”）：页面上看不出它们，却会让文字显示得与实际不同，或让查找、比对出错。请删除这些字符。\n"
                + " 1 | name: \"<U+202E>监察专项资金\"\n"
                + "   |       ^\n"), check.out());
        assertTrue(check.out().contains(INJECTED + ": error[bad-id]: 项目文件名“x<U+000A>::error file=README.md::pwned”不是合法编号"),
                check.out());
        assertFalse(check.out().contains("\u202E"), "never raw");
        assertFalse(check.out().lines().anyMatch(l -> l.startsWith("::")), "no line GitHub Actions would run as a command");
    }

    @Test
    void aWorkflowCommandCannotBeInjectedThroughTheGithubFormat() throws IOException {
        Path content = contentWithInvisibleCharacters();
        Builds.Run github = Builds.run("check", "--quiet", "--format", "github", "--content", content.toString());
        Builds.Run json = Builds.run("check", "--quiet", "--format", "json", "--content", content.toString());
        int findings = new ObjectMapper().readTree(json.out()).path("findings").size();
        List<String> lines = github.out().lines().toList();
        assertEquals(findings, lines.size(), "one command per finding, none smuggled in");
        for (String line : lines) {
            assertTrue(line.matches("::(error|warning|notice) file=[^:,]+(,line=\\d+(,col=\\d+)?)?,title=[a-z0-9-]+::.*"), line);
        }
        assertTrue(lines.contains("::error file=" + INJECTED.replace(":", "%3A") + ",title=bad-id::项目文件名“x<U+000A>::error "
                + "file=README.md::pwned”不是合法编号：只能用小写字母、数字和连字符，以字母或数字开头，最长 64 个字符。请改名。"), github.out());
        assertFalse(github.out().contains("\u202E"));
        assertTrue(github.out().contains("<U+202E>监察专项资金"));
    }

    @Test
    void jsonAndSarifShowInvisibleCharactersEscapedToo() throws IOException {
        Path content = contentWithInvisibleCharacters();
        for (String format : List.of("json", "sarif")) {
            Builds.Run run = Builds.run("check", "--quiet", "--format", format, "--content", content.toString());
            JsonNode tree = new ObjectMapper().readTree(run.out());
            List<String> texts = new ArrayList<>();
            // json's projects keep each value exactly as typed, as data; its findings, like SARIF's results, are messages.
            // SARIF's rules are jixiao's own descriptions, whose help has line breaks.
            collectTexts(format.equals("json") ? tree.path("findings") : tree.at("/runs/0/results"), texts);
            assertTrue(texts.stream().anyMatch(t -> t.contains("“<U+202E>监察专项资金”")), format);
            assertTrue(texts.stream().anyMatch(t -> t.contains("“x<U+000A>::error file=README.md::pwned”")), format);
            assertFalse(texts.stream().anyMatch(t -> t.contains("\u202E") || t.contains("\n")), format + ": never raw");
        }
    }

    private static void collectTexts(JsonNode node, List<String> texts) {
        if (node.isTextual()) texts.add(node.asText());
        node.forEach(child -> collectTexts(child, texts));
    }
}
