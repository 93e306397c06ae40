package jixiao.content;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import jixiao.diagnostic.Finding;
import jixiao.diagnostic.SourcePosition;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one YAML file into a {@link YamlNode} tree that keeps every value's position.
 *
 * <p>Hostile input fails with a located finding, never an exception or a hang: files over
 * {@link #MAX_BYTES}, invalid UTF-8, nesting deeper than {@link #MAX_DEPTH}, aliases (which is
 * what YAML bombs are made of, and which the format never needs), duplicate keys and syntax
 * errors. Jackson's streaming parser does not expand aliases, so a bomb is never inflated.
 */
public final class YamlReader {

    /** Largest file accepted; a real project form is a few kilobytes. */
    public static final int MAX_BYTES = 1024 * 1024;
    /**
     * Longest line accepted, in characters; the longest line of a real report is under a thousand. SnakeYAML
     * copies its buffer once per kilobyte of an unbroken value, so a value of a million characters on one
     * line took many seconds to read before anything could say it is too long.
     */
    public static final int MAX_LINE = 20_000;
    /** Deepest nesting accepted; the format needs five levels (indicators.output.quantity[0].name). */
    public static final int MAX_DEPTH = 16;

    private final YAMLFactory factory;

    public YamlReader() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // detected here, with both positions
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(MAX_DEPTH + 4);
        options.setCodePointLimit(MAX_BYTES + 1);
        factory = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH + 4)
                        .maxStringLength(MAX_BYTES + 1)
                        .build())
                .build();
    }

    /** The decoded text of a file, or empty after reporting why it cannot be read as UTF-8. */
    public static Optional<String> decode(byte[] bytes, String file, Problems problems) {
        if (bytes.length > MAX_BYTES) {
            problems.report(Finding.error("file-too-large", SourcePosition.ofFile(file),
                    "文件过大（" + bytes.length + " 字节，上限 " + MAX_BYTES + " 字节）：请拆分或删除无关内容。"));
            return Optional.empty();
        }
        // The String constructor is much faster than a decoder and replaces each malformed sequence
        // with U+FFFD; only text with a U+FFFD (malformed, or written so) goes through the strict
        // decoder, which gives the same text for valid UTF-8 and reports the rest as before.
        String fast = new String(bytes, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) return Optional.of(fast.startsWith("\uFEFF") ? fast.substring(1) : fast);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            problems.report(Finding.error("invalid-utf8", firstBadByte(bytes, file),
                    "文件不是有效的 UTF-8 编码：请用 UTF-8 重新保存（例如在编辑器中选择“以 UTF-8 编码保存”）。"));
            return Optional.empty();
        }
    }

    /** Line and column (in characters) of the first byte that is not valid UTF-8. */
    private static SourcePosition firstBadByte(byte[] bytes, String file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        int line = 1;
        int column = 1;
        out.flip();
        while (out.hasRemaining()) {
            char c = out.get();
            if (c == '\n') {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(c)) {
                column++;
            }
        }
        return result.isError() ? new SourcePosition(file, line, column) : SourcePosition.ofFile(file);
    }

    /**
     * Parses YAML text. An empty document gives an empty mapping. Returns empty after reporting
     * an error when the text is not a single well-formed document within the limits.
     */
    public Optional<YamlNode> parse(String text, String file, Problems problems) {
        Source source = new Source(text, file);
        for (int line = 1; line <= source.lines; line++) {
            int length = source.lineEnd(line) - source.lineStart(line);
            if (length > MAX_LINE) {
                problems.report(Finding.error("line-too-long", new SourcePosition(file, line, MAX_LINE + 1),
                        "第 " + line + " 行有 " + length + " 个字符，超过上限 " + MAX_LINE
                                + "：请核对是否误粘贴了内容；长文字请分成多行（用“|”块写）。"));
                return Optional.empty();
            }
        }
        try (YAMLParser parser = (YAMLParser) factory.createParser(new StringReader(text))) {
            JsonToken first = parser.nextToken();
            if (first == null) return Optional.of(new YamlNode.Mapping(List.of(), new SourcePosition(file, 1, 1)));
            Builder builder = new Builder(parser, source, problems);
            YamlNode root = builder.value(first, 0);
            if (root == null) return Optional.empty();
            JsonToken next = parser.nextToken();
            if (next != null) {
                problems.report(Finding.error("yaml-multiple-documents", source.at(parser.currentTokenLocation()),
                        "一个文件只能有一个 YAML 文档：请删除“---”分隔的第二个文档。"));
                return Optional.empty();
            }
            return builder.failed ? Optional.empty() : Optional.of(root);
        } catch (JsonProcessingException e) {
            MarkedYAMLException marked = markedCause(e);
            if (marked != null) {
                YamlSyntaxError error = YamlSyntaxError.of(marked, text, file, source.at(e.getLocation()));
                problems.report(Finding.error("yaml-syntax", error.position(), error.message()));
            } else {
                problems.report(Finding.error("yaml-syntax", source.at(e.getLocation()),
                        "YAML 语法错误（" + firstLine(e.getOriginalMessage()) + "）"
                                + "。请检查缩进（只用空格）、冒号后的空格和引号是否成对。"));
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports some limits as unchecked exceptions; none of them may escape as a stack trace.
            problems.report(Finding.error("yaml-syntax", SourcePosition.ofFile(file),
                    "无法读取 YAML：" + firstLine(String.valueOf(e.getMessage())) + "。"));
            return Optional.empty();
        }
    }

    /** Decodes and parses in one step. */
    public Optional<YamlNode> read(byte[] bytes, String file, Problems problems) {
        return decode(bytes, file, problems).flatMap(text -> parse(text, file, problems));
    }

    /** SnakeYAML's exception inside Jackson's, which carries the marks a good message needs. */
    private static MarkedYAMLException markedCause(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m && m.getProblem() != null) return m;
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) return "未知错误";
        String line = message.strip();
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl).strip();
    }

    /**
     * The text being parsed, with the offsets of its lines (ended by CRLF, LF or CR), to tell plain
     * scalars from quoted ones and find trailing comments without copying the lines.
     */
    private static final class Source {
        private final String text;
        private final String file;
        /** Where each line starts; line n (1-based) runs from {@code starts[n - 1]} to its terminator. */
        private final int[] starts;
        private final int[] ends;
        private final int lines;

        Source(String text, String file) {
            this.text = text;
            this.file = file;
            int[] s = new int[16];
            int[] e = new int[16];
            int n = 0;
            int start = 0;
            int length = text.length();
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if (c != '\n' && c != '\r') continue;
                if (n == s.length) {
                    s = java.util.Arrays.copyOf(s, n * 2);
                    e = java.util.Arrays.copyOf(e, n * 2);
                }
                s[n] = start;
                e[n] = i;
                n++;
                if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') i++;
                start = i + 1;
            }
            if (n == s.length) {
                s = java.util.Arrays.copyOf(s, n + 1);
                e = java.util.Arrays.copyOf(e, n + 1);
            }
            s[n] = start;
            e[n] = length;
            this.starts = s;
            this.ends = e;
            this.lines = n + 1;
        }

        SourcePosition at(JsonLocation location) {
            if (location == null || location.getLineNr() < 1) return SourcePosition.ofFile(file);
            return new SourcePosition(file, location.getLineNr(), Math.max(1, location.getColumnNr()));
        }

        String text() {
            return text;
        }

        /** Offset of the first character of a line; a line past the end is empty. */
        int lineStart(int lineNr) {
            return lineNr >= 1 && lineNr <= lines ? starts[lineNr - 1] : 0;
        }

        /** Offset just after the last character of a line, before its terminator. */
        int lineEnd(int lineNr) {
            return lineNr >= 1 && lineNr <= lines ? ends[lineNr - 1] : 0;
        }
    }

    private static final class Builder {
        private final YAMLParser parser;
        private final Source source;
        private final Problems problems;
        boolean failed;

        Builder(YAMLParser parser, Source source, Problems problems) {
            this.parser = parser;
            this.source = source;
            this.problems = problems;
        }

        /** Builds the value that starts at {@code token}; null after reporting a fatal problem. */
        YamlNode value(JsonToken token, int depth) throws IOException {
            SourcePosition position = source.at(parser.currentTokenLocation());
            if (depth > MAX_DEPTH) {
                problems.report(Finding.error("yaml-too-deep", position,
                        "嵌套层级过深（超过 " + MAX_DEPTH + " 层）：内容格式最多只需要五层，请检查缩进。"));
                return null;
            }
            if (parser.isCurrentAlias()) {
                problems.report(Finding.error("yaml-alias", position,
                        "不支持 YAML 别名（*" + parser.getText() + "）：请直接写出要重复的值。"));
                return null;
            }
            return switch (token) {
                case START_OBJECT -> mapping(position, depth);
                case START_ARRAY -> sequence(position, depth);
                case VALUE_STRING -> scalar(YamlNode.ScalarKind.STRING, position);
                case VALUE_NUMBER_INT -> scalar(YamlNode.ScalarKind.INTEGER, position);
                case VALUE_NUMBER_FLOAT -> scalar(YamlNode.ScalarKind.DECIMAL, position);
                case VALUE_TRUE, VALUE_FALSE -> scalar(YamlNode.ScalarKind.BOOLEAN, position);
                case VALUE_NULL -> scalar(YamlNode.ScalarKind.NULL, position);
                default -> {
                    problems.report(Finding.error("yaml-unsupported", position,
                            "不支持的 YAML 值（" + token + "）：请写成普通文本、数字、列表或键值对。"));
                    yield null;
                }
            };
        }

        private YamlNode.Scalar scalar(YamlNode.ScalarKind kind, SourcePosition position) throws IOException {
            String text = kind == YamlNode.ScalarKind.NULL ? "" : parser.getText();
            if (text == null) text = "";
            String all = source.text();
            int lineStart = source.lineStart(position.line());
            int lineLength = source.lineEnd(position.line()) - lineStart;
            int start = position.column() - 1;
            char first = start >= 0 && start < lineLength ? all.charAt(lineStart + start) : ' ';
            boolean plain = first != '"' && first != '\'' && first != '|' && first != '>';
            if (kind != YamlNode.ScalarKind.STRING && !plain) kind = YamlNode.ScalarKind.STRING;
            return new YamlNode.Scalar(text, kind, plain, trailingComment(plain, text, all, lineStart, lineLength, start), position);
        }

        /**
         * The comment after a one-line plain scalar: text the editor may have meant as part of the value.
         * The line is {@code all[lineStart, lineStart + lineLength)}; the value starts {@code start} characters in.
         */
        private static String trailingComment(boolean plain, String text, String all, int lineStart, int lineLength, int start) {
            if (!plain || text.isEmpty() || start < 0) return null;
            int end = start + text.length();
            if (end > lineLength || !all.startsWith(text, lineStart + start)) return null;
            int lineEnd = lineStart + lineLength;
            int i = lineStart + end;
            while (i < lineEnd && Character.isWhitespace(all.charAt(i))) i++;
            // A '#' only starts a comment after white space; "a#b" is one value.
            return i < lineEnd && all.charAt(i) == '#' && i > lineStart + end ? all.substring(i, lineEnd) : null;
        }

        private YamlNode mapping(SourcePosition position, int depth) throws IOException {
            List<YamlNode.Entry> entries = new ArrayList<>();
            Map<String, SourcePosition> seen = null; // only for long mappings: short ones are searched
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
                if (token == null) throw new IllegalStateException("unexpected end of YAML");
                String key = parser.currentName();
                SourcePosition keyPosition = source.at(parser.currentTokenLocation());
                YamlNode value = value(parser.nextToken(), depth + 1);
                if (value == null) return null;
                SourcePosition earlier = null;
                if (seen == null && entries.size() < 16) {
                    for (YamlNode.Entry e : entries) {
                        if (java.util.Objects.equals(e.key(), key)) {
                            earlier = e.keyPosition();
                            break;
                        }
                    }
                } else {
                    if (seen == null) {
                        seen = new HashMap<>();
                        for (YamlNode.Entry e : entries) seen.put(e.key(), e.keyPosition());
                    }
                    earlier = seen.putIfAbsent(key, keyPosition);
                }
                if (earlier != null) {
                    failed = true;
                    problems.report(Finding.error("duplicate-key", keyPosition,
                            "键“" + key + "”重复（第 " + earlier.line() + " 行已写过）：请删除或合并其中一个。"));
                    continue;
                }
                entries.add(new YamlNode.Entry(key, keyPosition, value));
            }
            return new YamlNode.Mapping(entries, position);
        }

        private YamlNode sequence(SourcePosition position, int depth) throws IOException {
            List<YamlNode> items = new ArrayList<>();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) throw new IllegalStateException("unexpected end of YAML");
                YamlNode item = value(token, depth + 1);
                if (item == null) return null;
                items.add(item);
            }
            return new YamlNode.Sequence(items, position);
        }
    }
}
