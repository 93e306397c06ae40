package jixiao.score;

import jixiao.content.Digits;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the number out of a 预期指标值 / 实际完成值 text (see "Values" in the content format),
 * and the unit out of an indicator's name. Stateless; every method is a pure function.
 */
public final class ValueParser {

    /** Digits with optional decimals, or ASCII thousands groups ({@code 1,000}), after normalisation. */
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?!\\d)(?:\\.\\d+)?|\\d+(?:\\.\\d+)?");

    /** A stated figure (自评得分, 总分, 预算执行进度): a plain number, optionally a percentage, nothing else. */
    private static final Pattern FIGURE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%?");

    /** The parenthesised unit at the end of an indicator name; short and digit-free, so 指标（2020年） is not a unit. */
    private static final Pattern NAME_UNIT = Pattern.compile("[（(]\\s*([^（）()\\d]{1,10}?)\\s*[）)]\\s*$");

    private static final String COMPARATOR_SYMBOLS = "≥>≤<=";

    /** Words that give prose its comparator ("满意度达90%以上" is ≥90%). */
    private static final List<String> AT_LEAST_WORDS = List.of("及以上", "以上", "不低于", "不少于", "至少", "达到");
    private static final List<String> AT_MOST_WORDS = List.of("及以下", "以下", "不超过", "不高于", "以内");

    /** Characters that end a unit written after a number in prose. */
    private static final String UNIT_STOPS = " \t\r\n，。,;；、：:！!？?（）()“”\"'《》【】[]";

    private ValueParser() {
    }

    public static ParsedValue parse(String text) {
        if (text == null || text.isBlank()) return ParsedValue.of(text, ParsedValue.Kind.EMPTY);
        String n = normalise(text).strip();
        List<MatchResult> numbers = new ArrayList<>();
        Matcher m = NUMBER.matcher(n);
        while (m.find()) numbers.add(new MatchResult(m.start(), m.end(), m.group()));
        if (numbers.isEmpty()) {
            boolean comparator = n.chars().anyMatch(c -> COMPARATOR_SYMBOLS.indexOf(c) >= 0);
            return ParsedValue.of(text, comparator ? ParsedValue.Kind.MALFORMED : ParsedValue.Kind.QUALITATIVE);
        }
        if (numbers.size() > 1) return ParsedValue.of(text, ParsedValue.Kind.QUALITATIVE); // 2/3, 专岗600 公益岗1650: no single figure
        MatchResult number = numbers.get(0);
        // The loader rejects such a value with a located error; read on its own, it is no figure either.
        if (!Digits.fit(number.text())) return ParsedValue.of(text, ParsedValue.Kind.QUALITATIVE);
        Relation relation = relation(n, number.start());
        if (relation == null) return ParsedValue.of(text, ParsedValue.Kind.QUALITATIVE);
        BigDecimal value = new BigDecimal(number.text().replace(",", ""));
        return new ParsedValue(text, ParsedValue.Kind.NUMBER, relation, value, unitAfter(n, number.end()));
    }

    /**
     * The unit at the end of an indicator name: {@code 日常检查企业数（家）} → 家, {@code 结案率（%）} → %,
     * {@code 办结业务数(件)} → 件; empty when the name ends otherwise.
     */
    public static Optional<String> unitOfName(String name) {
        if (name == null) return Optional.empty();
        Matcher m = NAME_UNIT.matcher(normalise(name));
        return m.find() ? Optional.of(normaliseUnit(m.group(1))) : Optional.empty();
    }

    /**
     * A stated figure (自评得分 {@code 12.5}, 总分 {@code 95}, 预算执行进度 {@code 99%}) as a number with
     * the decimals it was written with; empty when it is not a plain number ({@code 优}, {@code 约95}).
     * A trailing % is dropped: stated rates are compared in percent.
     */
    public static Optional<BigDecimal> figure(String text) {
        if (text == null) return Optional.empty();
        Matcher m = FIGURE.matcher(normalise(text).strip());
        return m.matches() && Digits.fit(m.group(1)) ? Optional.of(new BigDecimal(m.group(1))) : Optional.empty();
    }

    /**
     * Full-width digits and signs to ASCII, every spelling of a comparator to one symbol
     * ({@code >=}, {@code ≧}, {@code ＞＝} → ≥), so the rest of the parser sees one alphabet.
     */
    static String normalise(String text) {
        StringBuilder b = null;
        boolean equals = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char n = c;
            if (c >= '０' && c <= '９') n = (char) ('0' + (c - '０'));
            else if (c == '．') n = '.';
            else if (c == '％') n = '%';
            else if (c == '／') n = '/';
            else if (c == '\u3000') n = ' ';
            else if (c == '≧') n = '≥';
            else if (c == '≦') n = '≤';
            else if (c == '＞') n = '>';
            else if (c == '＜') n = '<';
            else if (c == '＝') n = '=';
            if (n == '=') equals = true;
            if (n != c && b == null) b = new StringBuilder(text.length()).append(text, 0, i);
            if (b != null) b.append(n);
        }
        String s = b == null ? text : b.toString();
        // Every two-character spelling contains '='; most values have none, so skip the four scans.
        if (!equals) return s;
        return s.replace(">=", "≥").replace("<=", "≤").replace("≥=", "≥").replace("≤=", "≤");
    }

    static String normaliseUnit(String unit) {
        String u = withoutWhiteSpace(normalise(unit), "");
        return u.isEmpty() ? null : u;
    }

    /**
     * The text without regex white space ({@code \s}: space, tab, line feed, vertical tab, form
     * feed, carriage return) and without the characters in {@code alsoRemove}; without a regex,
     * as this runs for every indicator value.
     */
    static String withoutWhiteSpace(String text, String alsoRemove) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean remove = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'
                    || alsoRemove.indexOf(c) >= 0;
            if (remove && b == null) b = new StringBuilder(text.length()).append(text, 0, i);
            else if (!remove && b != null) b.append(c);
        }
        return b == null ? text : b.toString();
    }

    /** The symbol right before the number, else the words of the prose; null when the words contradict each other. */
    private static Relation relation(String n, int numberStart) {
        String before = n.substring(0, numberStart).stripTrailing();
        if (!before.isEmpty()) {
            switch (before.charAt(before.length() - 1)) {
                case '≥': return Relation.GE;
                case '>': return Relation.GT;
                case '≤': return Relation.LE;
                case '<': return Relation.LT;
                case '=': return Relation.EQ;
                default: break;
            }
        }
        boolean atLeast = AT_LEAST_WORDS.stream().anyMatch(n::contains);
        boolean atMost = AT_MOST_WORDS.stream().anyMatch(n::contains);
        if (atLeast && atMost) return null;
        if (atLeast) return Relation.GE;
        if (atMost) return Relation.LE;
        return Relation.NONE;
    }

    /** The unit right after the number, up to punctuation or a comparator word (85分以上 → 分). */
    private static String unitAfter(String n, int numberEnd) {
        String after = n.substring(numberEnd).stripLeading();
        int end = 0;
        while (end < after.length()
                && UNIT_STOPS.indexOf(after.charAt(end)) < 0
                && COMPARATOR_SYMBOLS.indexOf(after.charAt(end)) < 0
                && !startsWithWord(after, end)) {
            end++;
        }
        return normaliseUnit(after.substring(0, end));
    }

    private static boolean startsWithWord(String s, int at) {
        for (String w : AT_LEAST_WORDS) if (s.startsWith(w, at)) return true;
        for (String w : AT_MOST_WORDS) if (s.startsWith(w, at)) return true;
        return false;
    }

    private record MatchResult(int start, int end, String text) {
    }
}
