package jixiao.content;

import jixiao.diagnostic.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile and odd input: every case ends in a located finding or a faithful value, quickly. */
class YamlReaderTest {

    private final YamlReader reader = new YamlReader();
    private final List<Finding> findings = new ArrayList<>();

    private Optional<YamlNode> read(String text) {
        return reader.read(text.getBytes(StandardCharsets.UTF_8), "f.yaml", findings::add);
    }

    private List<String> lines() {
        return findings.stream().map(Finding::toCompilerLine).toList();
    }

    @Test
    @Timeout(5)
    void billionLaughsIsRefusedAtTheFirstAlias() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char prev = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(prev).append(",*").append(prev).append(",*")
                    .append(prev).append(",*").append(prev).append(",*").append(prev).append(",*").append(prev).append("]\n");
        }
        assertTrue(read(bomb.toString()).isEmpty());
        assertEquals(List.of("f.yaml:2:8: error[yaml-alias]: 不支持 YAML 别名（*a）：请直接写出要重复的值。"), lines());
    }

    @Test
    @Timeout(5)
    void deepFlowNestingIsRefused() {
        // One bracket a line: a single line this long is refused before any parsing (see below).
        assertTrue(read("a: " + "[\n ".repeat(100_000) + "]\n ".repeat(100_000) + "\n").isEmpty());
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).code().startsWith("yaml-"), lines()::toString);
    }

    @Test
    @Timeout(5)
    void deepBlockNestingIsRefusedWithItsLine() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) text.append("  ".repeat(i)).append("k").append(i).append(":\n");
        text.append("  ".repeat(40)).append("v\n");
        assertTrue(read(text.toString()).isEmpty());
        assertEquals(List.of("f.yaml:18:35: error[yaml-too-deep]: 嵌套层级过深（超过 16 层）：内容格式最多只需要五层，请检查缩进。"), lines());
    }

    @Test
    @Timeout(5)
    void oversizedFileIsRefusedBeforeParsing() {
        byte[] big = ("a: \"" + "x".repeat(YamlReader.MAX_BYTES) + "\"\n").getBytes(StandardCharsets.UTF_8);
        assertTrue(reader.read(big, "f.yaml", findings::add).isEmpty());
        assertEquals(List.of("f.yaml: error[file-too-large]: 文件过大（1048582 字节，上限 1048576 字节）：请拆分或删除无关内容。"), lines());
    }

    @Test
    void invalidUtf8OnALaterLineIsLocated() {
        byte[] bytes = {'a', ':', ' ', 'b', '\n', 'c', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'};
        assertTrue(reader.read(bytes, "f.yaml", findings::add).isEmpty());
        assertEquals("f.yaml:2:4", findings.get(0).position().toString());
    }

    @Test
    void byteOrderMarkAndCrlfAreTolerated() {
        YamlNode node = read("\uFEFFname: 甲\r\nvalue: \"1\"\r\n").orElseThrow();
        YamlNode.Mapping m = (YamlNode.Mapping) node;
        assertEquals("甲", ((YamlNode.Scalar) m.get("name").orElseThrow()).text());
        assertEquals(2, ((YamlNode.Scalar) m.get("value").orElseThrow()).position().line());
        assertEquals(List.of(), findings);
    }

    @Test
    void scalarsKeepTheCharactersTyped() {
        YamlNode.Mapping m = (YamlNode.Mapping) read("a: 100.00\nb: yes\nc: 03155776425\nd: \"≥100%\"\ne: 2021-03-31\n").orElseThrow();
        assertEquals("100.00", ((YamlNode.Scalar) m.get("a").orElseThrow()).text());
        assertEquals("yes", ((YamlNode.Scalar) m.get("b").orElseThrow()).text());
        assertEquals("03155776425", ((YamlNode.Scalar) m.get("c").orElseThrow()).text());
        YamlNode.Scalar d = (YamlNode.Scalar) m.get("d").orElseThrow();
        assertEquals("≥100%", d.text());
        assertEquals(false, d.plain());
        assertEquals(YamlNode.ScalarKind.STRING, d.kind());
        assertEquals("2021-03-31", ((YamlNode.Scalar) m.get("e").orElseThrow()).text());
    }

    @Test
    void secondDocumentIsAnError() {
        assertTrue(read("a: 1\n---\nb: 2\n").isEmpty());
        assertEquals("yaml-multiple-documents", findings.get(0).code());
    }

    @Test
    void tabIndentationIsASyntaxError() {
        assertTrue(read("a:\n\tb: 1\n").isEmpty());
        assertEquals("yaml-syntax", findings.get(0).code());
        assertEquals(List.of("f.yaml:2:1: error[yaml-syntax]: 这里有制表符（Tab）：YAML 只能用空格缩进。请把 Tab 换成空格。"), lines());
    }

    @Test
    void emptyFileIsAnEmptyMapping() {
        assertEquals(List.of(), ((YamlNode.Mapping) read("").orElseThrow()).entries());
    }

    @Test
    void decodingKeepsAWrittenReplacementCharacterAndReportsABrokenOne() {
        byte[] written = "a: 坏\uFFFD字\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(Optional.of("a: 坏\uFFFD字\n"), YamlReader.decode(written, "f.yaml", findings::add));
        byte[] broken = {'a', ':', ' ', (byte) 0xE5, (byte) 0x9D, '\n'};
        assertEquals(Optional.empty(), YamlReader.decode(broken, "f.yaml", findings::add));
        assertEquals(List.of("f.yaml:1:4: error[invalid-utf8]: 文件不是有效的 UTF-8 编码：请用 UTF-8 重新保存（例如在编辑器中选择“以 UTF-8 编码保存”）。"), lines());
    }

    @Test
    @Timeout(10)
    void aLineLongerThanTheLimitIsAnErrorAtItsEndBeforeAnyParsing() {
        assertTrue(read("name: 项目\nbudget:\n  planned: { total: " + "9".repeat(1_000_000) + " }\n").isEmpty());
        assertEquals(List.of("f.yaml:3:20001: error[line-too-long]: 第 3 行有 1000022 个字符，超过上限 20000："
                + "请核对是否误粘贴了内容；长文字请分成多行（用“|”块写）。"), lines());
    }

    @Test
    void aLineAtTheLimitIsRead() {
        assertTrue(read("name: " + "长".repeat(YamlReader.MAX_LINE - 6) + "\n").isPresent());
        assertEquals(List.of(), lines());
    }
}
