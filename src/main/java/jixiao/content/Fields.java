package jixiao.content;

import jixiao.diagnostic.Finding;
import jixiao.diagnostic.SourcePosition;
import jixiao.diagnostic.Visible;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the keys of one YAML mapping into typed values, reporting every structural problem
 * (unknown key, wrong type, missing required value, bad amount) at its position, and
 * recording the position of every value it reads into the file's {@link SourceMap}.
 */
final class Fields {

    /** Amounts: plain digits with optional decimals. No sign, exponent, underscore or thousands separator. */
    private static final Pattern AMOUNT = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    private final YamlNode.Mapping mapping;
    private final String path;
    private final FileContext file;

    private Fields(YamlNode.Mapping mapping, String path, FileContext file) {
        this.mapping = mapping;
        this.path = path;
        this.file = file;
    }

    /**
     * The fields of {@code node} at {@code path}; empty after reporting when it is not a mapping.
     * Unknown keys are reported here, with the nearest known key as a suggestion.
     */
    static Optional<Fields> of(YamlNode node, String path, FileContext file, Set<String> knownKeys) {
        if (!(node instanceof YamlNode.Mapping m)) {
            file.wrongType(node, path, "键值对（映射）");
            return Optional.empty();
        }
        Fields fields = new Fields(m, path, file);
        file.record(path, m.position());
        for (YamlNode.Entry e : m.entries()) {
            String child = fields.child(e.key());
            file.record(file.names().keyOf(child), e.keyPosition());
            file.record(child, e.value().position());
            if (knownKeys != null && !knownKeys.contains(e.key())) {
                file.problems().report(Finding.error("unknown-key", e.keyPosition(),
                        "未知的键“" + e.key() + "”" + suggestion(e.key(), knownKeys)
                                + "可用的键：" + String.join("、", sortedKnown(knownKeys)) + "。"));
            }
        }
        return Optional.of(fields);
    }

    private static List<String> sortedKnown(Collection<String> keys) {
        return keys.stream().sorted().toList();
    }

    /** "，是否应为“budget”？" when a known key is close, else "。". */
    static String suggestion(String key, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : sortedKnown(known)) {
            int d = editDistance(key.toLowerCase(), k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        int allowed = Math.max(1, Math.min(3, key.length() / 3));
        return best != null && bestDistance <= allowed ? "，是否应为“" + best + "”？" : "。";
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    String child(String key) {
        return file.names().child(path, key);
    }

    YamlNode.Mapping mapping() {
        return mapping;
    }

    SourcePosition position() {
        return mapping.position();
    }

    /** The raw node of a key, treating an explicit null ({@code key:} with nothing) as absent. */
    Optional<YamlNode> node(String key) {
        return mapping.get(key).filter(n -> !(n instanceof YamlNode.Scalar s && s.isNull()));
    }

    boolean has(String key) {
        return node(key).isPresent();
    }

    private void missing(String key, String what) {
        file.problems().report(Finding.error("missing-field", mapping.position(),
                "缺少必填项“" + child(key) + "”（" + what + "）：请补上。"));
    }

    /**
     * A text value exactly as typed. Numbers and booleans are kept as their characters
     * ({@code 100.00}, {@code yes}); a plain value that lost a {@code # …} to a YAML comment is a warning.
     */
    String text(String key, boolean required, String what) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty()) {
            if (required) missing(key, what);
            return null;
        }
        if (!(node.get() instanceof YamlNode.Scalar s)) {
            file.wrongType(node.get(), child(key), "文本");
            return null;
        }
        if (s.trailingComment() != null) {
            file.problems().report(Finding.warning("value-comment", s.position(),
                    "“" + child(key) + "”的值后面的“" + s.trailingComment() + "”被 YAML 当作注释丢弃了："
                            + "如果它是值的一部分，请给整个值加上双引号。"));
        }
        invisible(s, key);
        if (required && s.text().isBlank()) {
            missing(key, what);
            return null;
        }
        return file.names().word(s.text());
    }

    /**
     * A scalar kept as typed, for stated figures and scores whose precision and wording matter;
     * null after an error when a number in it has more digits than {@link Digits} allows.
     */
    String figure(String key) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty()) return null;
        if (!(node.get() instanceof YamlNode.Scalar s)) {
            file.wrongType(node.get(), child(key), "数字或文本");
            return null;
        }
        if (!digitsFit(s, key)) return null;
        invisible(s, key);
        return file.names().word(s.text().strip());
    }

    /**
     * A target or actual value (text a number is read out of): as {@link #text}, but null after an error
     * when a number in it has more digits than {@link Digits} allows.
     */
    String value(String key, String what) {
        String text = text(key, false, what);
        if (text == null || digitsFit((YamlNode.Scalar) node(key).get(), key)) return text;
        return null;
    }

    /** Around the first character that cannot be seen, for a message: a whole {@code problems} text would drown it. */
    private static final int AROUND = 12;

    /**
     * A warning for characters that cannot be seen in a value ({@link Visible#inText}): a U+202E makes a
     * name read differently from what it is, a U+200B makes two equal-looking names differ.
     */
    private void invisible(YamlNode.Scalar s, String key) {
        String text = s.text();
        int first = -1;
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Visible.inText(cp)) {
                if (first < 0) first = i;
                names.add(Visible.name(cp));
            }
            i += Character.charCount(cp);
        }
        if (first < 0) return;
        int from = Math.max(0, first - AROUND);
        int to = Math.min(text.length(), first + AROUND);
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) from--;
        if (to < text.length() && Character.isLowSurrogate(text.charAt(to))) to++;
        String shown = (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : "");
        file.problems().report(Finding.warning("invisible-character", s.position(),
                "“" + child(key) + "”中有看不见的字符 " + String.join("、", names) + "（“" + shown + "”）："
                        + "页面上看不出它们，却会让文字显示得与实际不同，或让查找、比对出错。请删除这些字符。"));
    }

    private boolean digitsFit(YamlNode.Scalar s, String key) {
        Digits.TooLong tooLong = Digits.firstTooLong(s.text());
        if (tooLong == null) return true;
        file.problems().report(Finding.error("number-too-long", s.position(), tooLong.message(child(key))));
        return false;
    }

    /** A non-negative exact amount of money: a plain number or a quoted decimal string. */
    BigDecimal amount(String key, boolean required, String what) {
        return nonNegative(key, required, what, "金额", "4.9745");
    }

    /** An indicator's 分值: read as an amount is, but named as what it is in every message. */
    BigDecimal weight(String key, String what) {
        return nonNegative(key, false, what, "分值", "10");
    }

    /**
     * A non-negative exact decimal: a plain number or a quoted decimal string. {@code noun} names
     * the kind of figure in messages (金额, 分值) and {@code example} shows a good one.
     */
    private BigDecimal nonNegative(String key, boolean required, String what, String noun, String example) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty()) {
            if (required) missing(key, what);
            return null;
        }
        if (!(node.get() instanceof YamlNode.Scalar s)) {
            file.wrongType(node.get(), child(key), noun + "数字");
            return null;
        }
        String text = s.text().strip();
        boolean numeric = s.kind() == YamlNode.ScalarKind.INTEGER || s.kind() == YamlNode.ScalarKind.DECIMAL
                || s.kind() == YamlNode.ScalarKind.STRING;
        if (numeric && text.startsWith("-") && AMOUNT.matcher(text.substring(1)).matches()) {
            if (!digitsFit(s, key)) return null;
            file.problems().report(Finding.error("negative-amount", s.position(),
                    "“" + child(key) + "”为负数（" + text + "）：" + noun + "不能为负，请填写实际" + noun + "。"));
            return null;
        }
        if (unquotedNumber(s) && !AMOUNT.matcher(text).matches()) {
            BigDecimal value = otherNumber(text);
            if (value != null) {
                // An editor's YAML 1.2 (and so the schema) reads 5e0, .5 or +5 as a number; refusing what
                // the editor accepts would make the two disagree, so it is read, and the plain form asked for.
                if (value.signum() < 0) {
                    file.problems().report(Finding.error("negative-amount", s.position(),
                            "“" + child(key) + "”为负数（" + text + "）：" + noun + "不能为负，请填写实际" + noun + "。"));
                    return null;
                }
                int fraction = Math.max(0, value.scale());
                int integer = Math.max(1, value.precision() - value.scale());
                if (integer > Digits.MAX_INTEGER || fraction > Digits.MAX_FRACTION) {
                    file.problems().report(Finding.error("number-too-long", s.position(),
                            new Digits.TooLong(text, integer, fraction).message(child(key))));
                    return null;
                }
                String plain = value.toPlainString();
                file.problems().report(Finding.warning("amount-not-plain", s.position(),
                        "“" + child(key) + "”写成了 " + text + "，已按 " + plain + " 读取：请直接写 " + plain
                                + "，审核的人才能一眼看出" + noun + "。"));
                return file.names().number(plain);
            }
        }
        if (!numeric || !AMOUNT.matcher(text).matches()) {
            file.problems().report(Finding.error("bad-amount", s.position(),
                    "“" + child(key) + "”不是有效" + noun + "（" + text + "）：请写成普通数字，如 " + example + " 或 \"" + example + "\"，"
                            + "不要用科学计数法、下划线、千位分隔符或单位。"));
            return null;
        }
        if (!digitsFit(s, key)) return null;
        return file.names().number(text);
    }

    private static boolean unquotedNumber(YamlNode.Scalar s) {
        return s.kind() == YamlNode.ScalarKind.INTEGER || s.kind() == YamlNode.ScalarKind.DECIMAL;
    }

    /** An exponent this wide could only describe a number far beyond {@link Digits}' limits. */
    private static final Pattern OTHER_NUMBER = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]{1,3})?");

    /**
     * The value of a number YAML wrote in a form other than plain digits ({@code 5e0}, {@code .5},
     * {@code +5}, {@code 5.}), trailing zeros dropped; null when the text is no decimal number. The
     * exponent has at most three digits, so {@code 1e999999999} never expands into a billion zeros.
     */
    static BigDecimal otherNumber(String text) {
        if (!OTHER_NUMBER.matcher(text).matches()) return null;
        try {
            BigDecimal value = new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
            return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    Integer integer(String key, String what) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty()) return null;
        if (node.get() instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.INTEGER) {
            try {
                return Integer.valueOf(s.text().strip());
            } catch (NumberFormatException e) {
                // falls through to the type error: out of int range
            }
        }
        file.wrongType(node.get(), child(key), what);
        return null;
    }

    Boolean bool(String key) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty()) return null;
        if (node.get() instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.BOOLEAN) {
            String t = s.text().strip().toLowerCase();
            if (t.equals("true") || t.equals("false")) return t.equals("true");
        }
        file.wrongType(node.get(), child(key), "true 或 false");
        return null;
    }

    /** One of the allowed words; an error listing them otherwise. */
    String choice(String key, List<String> allowed, String what) {
        String value = text(key, false, what);
        if (value == null) return null;
        if (!allowed.contains(value)) {
            String hint = suggestion(value, allowed);
            file.problems().report(Finding.error("bad-value", node(key).get().position(),
                    "“" + child(key) + "”的值“" + value + "”无效" + (hint.equals("。") ? "：" : hint)
                            + what + "只能是 " + String.join("、", allowed) + "。"));
            return null;
        }
        return value;
    }

    /** Every entry, in document order, for mappings whose keys are data (indicator levels). */
    List<YamlNode.Entry> entries() {
        return mapping.entries();
    }

    Optional<List<YamlNode>> sequence(String key) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty()) return Optional.empty();
        if (node.get() instanceof YamlNode.Sequence seq) return Optional.of(seq.items());
        file.wrongType(node.get(), child(key), "列表（每项以“- ”开头）");
        return Optional.empty();
    }

    /** Collects positions and problems for one file; {@code names} may be shared with other files. */
    record FileContext(String file, Problems problems, SharedStrings names, PositionMap.Builder positions) {
        FileContext(String file, Problems problems, SharedStrings names) {
            this(file, problems, names, new PositionMap.Builder(file, names));
        }

        FileContext(String file, Problems problems) {
            this(file, problems, new SharedStrings());
        }

        void record(String path, SourcePosition position) {
            positions.putIfAbsent(path, position);
        }

        void wrongType(YamlNode node, String path, String expected) {
            problems.report(Finding.error("wrong-type", node.position(),
                    "“" + path + "”应为" + expected + "，实际是" + YamlNode.describe(node) + "：请按内容格式修改。"));
        }

        SourceMap sourceMap() {
            return new SourceMap(file, positions.build());
        }
    }
}
