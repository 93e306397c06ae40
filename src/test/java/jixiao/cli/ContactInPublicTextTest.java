package jixiao.cli;

import jixiao.testing.Builds;
import jixiao.testing.ContentFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A contact's telephone typed by hand into text the public edition shows stops the build at its line and
 * column, so that no byte of it is published; a contact's name there is a warning, and is published as
 * written unless the editor changes it (or builds with --strict).
 */
@Timeout(60)
class ContactInPublicTextTest {

    @TempDir
    Path tmp;
    Path content;

    @BeforeEach
    void fixtureWithADialableContact() throws IOException {
        content = tmp.resolve("content");
        ContentFixture.copyTree(Builds.fixtureContent(), content);
        for (String project : new String[]{"2020/inspection/inspection-fund.yaml", "2020/talent/employment.yaml"}) {
            Path file = content.resolve(project);
            Files.writeString(file, Files.readString(file).replace("0315-PHONEQX7ZK2", "0315-5776425"));
        }
    }

    @Test
    void aContactsPhoneInANarrativeStopsTheBuildAtItsLineAndColumn() throws IOException {
        Path unit = content.resolve("2020/inspection/unit.md");
        Files.writeString(unit, Files.readString(unit) + "\n咨询请拨 577-6425（工作日）。<!-- 备注里的 5776425 不发布，不算 -->\n");
        Path out = tmp.resolve("out");

        Builds.Run run = Builds.run("build", "--content", content.toString(), "--out", out.toString());

        assertEquals(ExitCode.FINDINGS, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("\ncontent/2020/inspection/unit.md:9:6: error[contact-phone-in-text]: "
                + "这段文字会公开发布，却写有填报人“联系人标记QX7ZK1”的联系电话“577-6425”：联系电话只在内部版显示，"
                + "请删去，或改写为对外公开的单位电话。\n"), run.out());
        assertEquals(1, run.out().split("error\\[").length - 1, "one error: the comment is not published: " + run.out());
        assertTrue(run.err().contains("内容有错误，未生成网站"), run.err());
        assertFalse(Files.exists(out), "nothing written, so no byte of the number is published");
    }

    @Test
    void aContactsPhoneInAYamlTextIsFoundHoweverTyped() throws IOException {
        Path fund = content.resolve("2020/inspection/inspection-fund.yaml");
        Files.writeString(fund, Files.readString(fund)
                .replace("achieved: \"资金按规定使用，共支出4.9745万元。\"", "achieved: \"资金按规定使用，热线（0315）５７７ ６４２５。\""));

        Builds.Run run = Builds.run("check", "--content", content.toString());

        assertEquals(ExitCode.FINDINGS, run.exit(), run.out());
        assertTrue(("\n" + run.out()).contains("\ncontent/2020/inspection/inspection-fund.yaml:10:26: error[contact-phone-in-text]: "
                + "这段文字会公开发布，却写有填报人“联系人标记QX7ZK1”的联系电话“（0315）５７７ ６４２５”"), run.out());
    }

    @Test
    void aContactsNameIsAWarningAndIsPublishedAsWrittenUnlessStrict() throws IOException {
        Path unit = content.resolve("2020/inspection/unit.md");
        Files.writeString(unit, Files.readString(unit) + "\n经办人：联系人标记QX7ZK1。\n");
        Path out = tmp.resolve("out");

        Builds.Run run = Builds.build(content, out);

        assertTrue(run.out().contains("content/2020/inspection/unit.md:9:5: warning[contact-name-in-text]: "
                + "这段文字会公开发布，其中写有填报人姓名“联系人标记QX7ZK1”：填报人只在内部版显示；"
                + "若不是有意公开，请删去或改写（如“经办人”）；有意写明的可以保留，公开版照写。\n"), run.out());
        String page = Files.readString(out.resolve("public/2020/inspection/index.html"), StandardCharsets.UTF_8);
        assertTrue(page.contains("经办人：联系人标记QX7ZK1。"), "published as the editor wrote it");
        for (Map.Entry<String, byte[]> file : Builds.tree(out.resolve("public")).entrySet()) {
            assertFalse(new String(file.getValue(), StandardCharsets.UTF_8).contains("5776425"), file.getKey());
        }

        Builds.Run strict = Builds.run("build", "--content", content.toString(), "--out", tmp.resolve("strict").toString(), "--strict");
        assertEquals(ExitCode.FINDINGS, strict.exit(), strict.out());
        assertFalse(Files.exists(tmp.resolve("strict")));
    }

    /** Typed in pieces, the number still reads whole on the page (found by a new user trying to get it past the check). */
    @ParameterizedTest
    @ValueSource(strings = {"热线&#53;776425。", "热线&#x35;&#x37;&#x37;&#x36;&#x34;&#x32;&#x35;。", "热线577**6425**。",
            "热线577`6425`。", "热线577\u200B6425。", "热线57&shy;76425。", "热线577\u00AD6425。"})
    void aContactsPhoneTypedInPiecesInMarkdownStillStopsTheBuild(String line) throws IOException {
        Path unit = content.resolve("2020/inspection/unit.md");
        Files.writeString(unit, Files.readString(unit) + "\n" + line.translateEscapes() + "\n");
        Path out = tmp.resolve("out");

        Builds.Run run = Builds.run("build", "--content", content.toString(), "--out", out.toString());

        assertEquals(ExitCode.FINDINGS, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("content/2020/inspection/unit.md:9:1: error[contact-phone-in-text]: "), run.out());
        assertFalse(Files.exists(out), "nothing written, so no byte of the number is published");
    }

    @Test
    void aCommentMarkInTheMiddleOfALineThatCommonMarkShowsAsTextIsAWarning() throws IOException {
        Path unit = content.resolve("2020/inspection/unit.md");
        Files.writeString(unit, Files.readString(unit) + "\n最后<!-- 未闭合的备注\n");

        Builds.Run run = Builds.run("check", "--content", content.toString());

        assertTrue(run.out().contains("content/2020/inspection/unit.md:9:3: warning[html-comment-unclosed]: 这里的“<!--”没有被当作 HTML 注释"), run.out());
    }

    @Test
    void invisibleCharactersInANarrativeAreAWarning() throws IOException {
        Path unit = content.resolve("2020/inspection/unit.md");
        Files.writeString(unit, Files.readString(unit) + "\n反向\u202E文字\n");

        Builds.Run run = Builds.run("check", "--content", content.toString());

        assertTrue(run.out().contains("content/2020/inspection/unit.md:1:1: warning[invisible-character]: 这段 Markdown 中有看不见的字符（<U+202E>）"), run.out());
    }

    @Test
    void ordinaryFiguresAndOtherNumbersAreNoAlarm() throws IOException {
        Path unit = content.resolve("2020/inspection/unit.md");
        Files.writeString(unit, Files.readString(unit) + "\n支出 5776425.50 元、5,776,425 元、15776425 件、57764251 人次；"
                + "单位电话 0315-5776426，手机 138 1234 5678。\n");

        Builds.Run run = Builds.run("check", "--content", content.toString());

        assertFalse(run.out().contains("contact-phone-in-text"), run.out());
    }
}
