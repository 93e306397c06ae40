package jixiao.content;

import jixiao.diagnostic.SourcePosition;

import java.util.List;
import java.util.Optional;

/**
 * A YAML value with the position it was written at. Scalars keep the exact characters
 * the editor typed ({@code 100.00} stays {@code 100.00}, {@code yes} stays {@code yes}).
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    SourcePosition position();

    /** What YAML would make of a plain scalar; quoted scalars are always {@link ScalarKind#STRING}. */
    enum ScalarKind { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

    /**
     * @param text  the scalar's characters after YAML unquoting/folding, never null ("" for an empty value)
     * @param plain true when written without quotes or block indicators
     * @param trailingComment the {@code # …} after a one-line plain scalar on its line, else null:
     *                        YAML drops it, though the editor may have meant it as part of the value
     */
    record Scalar(String text, ScalarKind kind, boolean plain, String trailingComment, SourcePosition position) implements YamlNode {
        public boolean isNull() {
            return kind == ScalarKind.NULL;
        }
    }

    record Entry(String key, SourcePosition keyPosition, YamlNode value) {
    }

    /** A mapping in document order; keys are unique (duplicates are reported while reading). */
    record Mapping(List<Entry> entries, SourcePosition position) implements YamlNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        public Optional<YamlNode> get(String key) {
            for (Entry e : entries) if (e.key().equals(key)) return Optional.of(e.value());
            return Optional.empty();
        }
    }

    record Sequence(List<YamlNode> items, SourcePosition position) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /** A short name of the node's type, for messages (in Chinese, as messages are). */
    static String describe(YamlNode node) {
        if (node instanceof Mapping) return "映射（键值对）";
        if (node instanceof Sequence) return "列表";
        Scalar s = (Scalar) node;
        return switch (s.kind()) {
            case NULL -> "空值";
            case BOOLEAN -> "布尔值";
            case INTEGER, DECIMAL -> "数字";
            case STRING -> "文本";
        };
    }
}
