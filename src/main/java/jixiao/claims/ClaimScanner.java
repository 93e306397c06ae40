package jixiao.claims;

import jixiao.content.HtmlComments;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the figures of a text that claim something about the data ({@link Claim}), using the words of a
 * {@link Vocabulary}. It only reads: which project a claim is about, and whether it holds, is for the caller.
 * Text in an HTML comment or a {@code {{ … }}} reference is not read (neither is published as typed).
 */
public final class ClaimScanner {

    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})[ \\t]+(.*?)[ \\t#]*$");
    private static final Pattern REFERENCE = Pattern.compile("\\{\\{.*?}}");
    /** Where a sentence ends. */
    private static final String SENTENCE_END = "。；;！？!?\n";
    /** Where a clause ends: the words before a figure are looked for after the last of these. */
    private static final String CLAUSE_END = SENTENCE_END + "，,：:";
    private static final String DECIMAL = "(\\d+(?:\\.\\d+)?)";

    /** The signs a rate ends with. */
    private static final String PERCENT = "%％";
    /** The word a score ends with. */
    private static final String POINTS = "分";

    private final Vocabulary vocabulary;
    private final GatedPattern amount;
    private final GatedPattern rate;
    private final GatedPattern score;
    private final GatedPattern grade;
    private final List<GatedPattern> projectCounts;
    private final GatedPattern gradedCount;

    public ClaimScanner(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        // Each pattern is searched only in paragraphs holding a text that every match of it contains (GatedPattern).
        this.amount = new GatedPattern(Pattern.compile("(?<![\\d.])" + DECIMAL + "\\s*(" + alternatives(vocabulary.moneyUnits().keySet()) + ")"),
                List.copyOf(vocabulary.moneyUnits().keySet()));
        this.rate = new GatedPattern(Pattern.compile("(" + alternatives(vocabulary.rates().values().stream().flatMap(List::stream).toList())
                + ")(?:为|达到|达|是|：|:)?\\s*(" + DECIMAL + "\\s*[" + PERCENT + "])"), PERCENT.chars().mapToObj(Character::toString).toList());
        this.score = new GatedPattern(Pattern.compile("(?:" + alternatives(vocabulary.scores()) + ")(?:为|是|：|:)?\\s*(" + DECIMAL + "\\s*" + POINTS + ")"),
                List.of(POINTS));
        String all = alternatives(vocabulary.allWords());
        this.grade = new GatedPattern(Pattern.compile("(?:" + alternatives(vocabulary.gradeWords()) + ")(" + all + ")?(?:为|是|：|:)?("
                + alternatives(vocabulary.gradeLabels().keySet()) + ")"), List.copyOf(vocabulary.gradeLabels().keySet()));
        this.projectCounts = vocabulary.projectCounts().stream().map(GatedPattern::of).toList();
        this.gradedCount = GatedPattern.of(vocabulary.gradedCount());
    }

    /** Alternatives longest first, so that 实际支出 wins over 支出. */
    private static String alternatives(java.util.Collection<String> words) {
        return words.stream().sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(Pattern::quote).collect(Collectors.joining("|"));
    }

    /** The claims of a Markdown narrative, with the headings each is written under. */
    public List<Claim> scanMarkdown(String markdown) {
        String text = masked(markdown, true);
        List<Claim> claims = new ArrayList<>();
        Deque<String[]> headings = new ArrayDeque<>(); // {level, text}, innermost first
        int paragraphStart = -1;
        int offset = 0;
        while (offset <= text.length()) {
            int nl = text.indexOf('\n', offset);
            int lineEnd = nl < 0 ? text.length() : nl;
            String line = text.substring(offset, lineEnd);
            Matcher h = HEADING.matcher(line);
            boolean blank = line.isBlank();
            if (blank || h.matches()) {
                if (paragraphStart >= 0) scanParagraph(text, paragraphStart, offset, headingTexts(headings), claims);
                paragraphStart = -1;
                if (!blank) {
                    int level = h.group(1).length();
                    while (!headings.isEmpty() && Integer.parseInt(headings.peek()[0]) >= level) headings.pop();
                    headings.push(new String[]{Integer.toString(level), h.group(2)});
                }
            } else if (paragraphStart < 0) {
                paragraphStart = offset;
            }
            if (nl < 0) break;
            offset = nl + 1;
        }
        if (paragraphStart >= 0) scanParagraph(text, paragraphStart, text.length(), headingTexts(headings), claims);
        return claims;
    }

    /** The claims of a plain text (a form's goal or problems), read as one paragraph. */
    public List<Claim> scanPlain(String plain) {
        List<Claim> claims = new ArrayList<>();
        String text = masked(plain, false);
        scanParagraph(text, 0, text.length(), List.of(), claims);
        return claims;
    }

    private static List<String> headingTexts(Deque<String[]> headings) {
        return headings.stream().map(h -> h[1]).toList();
    }

    /** The text with comments and references blanked out, offsets kept. */
    private static String masked(String text, boolean markdown) {
        StringBuilder out = new StringBuilder(text);
        if (markdown) {
            for (HtmlComments.Comment c : HtmlComments.in(text)) blank(out, c.start(), c.end());
        }
        Matcher r = REFERENCE.matcher(text);
        while (r.find()) blank(out, r.start(), r.end());
        return out.toString();
    }

    private static void blank(StringBuilder out, int start, int end) {
        for (int i = start; i < end; i++) if (out.charAt(i) != '\n') out.setCharAt(i, ' ');
    }

    private void scanParagraph(String text, int from, int to, List<String> headings, List<Claim> claims) {
        String p = text.substring(from, to);
        List<Claim> found = new ArrayList<>();
        List<int[]> amounts = new ArrayList<>(); // start, end of every amount, to find each one's subject
        Matcher m = amount.in(p);
        List<BigDecimal> inYuan = new ArrayList<>();
        while (m != null && m.find()) {
            if (startsWithAny(p.substring(m.end()), vocabulary.bounds())) continue;
            BigDecimal value = new BigDecimal(m.group(1));
            String subject = subject(p, m.start(), amounts);
            amounts.add(new int[]{m.start(), m.end()});
            if (GatedPattern.containsAny(clause(p, m.start()), vocabulary.per())) continue;
            inYuan.add(value.movePointRight(vocabulary.moneyUnits().get(m.group(2))));
            if (GatedPattern.containsAny(sinceLastAmount(p, m.start(), amounts), vocabulary.parts())) continue;
            found.add(new Claim(Claim.Kind.AMOUNT, verb(p, m.start()), value, p.substring(m.start(), m.end()), m.group(2),
                    from + m.start(), from + m.end(), subject, GatedPattern.containsAny(clause(p, m.start()), vocabulary.totals()), false, headings, null));
        }
        m = rate.in(p);
        while (m != null && m.find()) {
            String word = m.group(1);
            String key = vocabulary.rates().entrySet().stream().filter(e -> e.getValue().contains(word))
                    .map(Map.Entry::getKey).findFirst().orElseThrow();
            found.add(new Claim(Claim.Kind.RATE, key, new BigDecimal(m.group(3)), m.group(2), null, from + m.start(2), from + m.end(2),
                    clause(p, m.start()), false, false, headings, null));
        }
        m = score.in(p);
        while (m != null && m.find()) {
            found.add(new Claim(Claim.Kind.SCORE, null, new BigDecimal(m.group(2)), m.group(1), null, from + m.start(1), from + m.end(1),
                    clause(p, m.start()), false, false, headings, null));
        }
        m = grade.in(p);
        while (m != null && m.find()) {
            String before = clause(p, m.start());
            boolean all = m.group(1) != null || GatedPattern.containsAny(before, vocabulary.allWords());
            found.add(new Claim(Claim.Kind.GRADE, vocabulary.gradeLabels().get(m.group(2)), null, m.group(2), null,
                    from + m.start(2), from + m.end(2), before, false, all, headings, null));
        }
        for (GatedPattern count : projectCounts) {
            m = count.in(p);
            while (m != null && m.find()) {
                found.add(new Claim(Claim.Kind.PROJECTS, null, number(m.group(1)), counted(p, m, 1), null, from + m.start(1), from + m.end(1),
                        clause(p, m.start()), false, false, headings, null));
            }
        }
        m = gradedCount.in(p);
        while (m != null && m.find()) {
            found.add(new Claim(Claim.Kind.GRADED, m.group(1), number(m.group(2)), counted(p, m, 2), null, from + m.start(2), from + m.end(2),
                    clause(p, m.start()), false, false, headings, null));
        }
        BigDecimal together = inYuan.size() > 1 ? inYuan.stream().reduce(BigDecimal.ZERO, BigDecimal::add) : null;
        found.sort(Comparator.comparingInt(Claim::start));
        for (Claim c : found) {
            claims.add(c.kind() == Claim.Kind.AMOUNT && together != null
                    ? new Claim(c.kind(), c.figure(), c.value(), c.written(), c.unit(), c.start(), c.end(), c.subject(), c.total(), c.all(),
                    c.headings(), together)
                    : c);
        }
    }

    /**
     * The words before an amount that may name its project: from the end of its clause's previous figure (in a
     * list such as 老干部资金15万元、雨露计划资金3.45万元 each amount follows its name) or the start of its clause.
     */
    private static String subject(String p, int at, List<int[]> before) {
        int start = clauseStart(p, at);
        for (int[] a : before) if (a[1] <= at) start = Math.max(start, a[1]);
        return p.substring(start, at);
    }

    /** The words of the sentence before {@code at} since the amount before it (其中：财政资金15万元 is a part). */
    private static String sinceLastAmount(String p, int at, List<int[]> amounts) {
        int start = sentenceStart(p, at);
        for (int[] a : amounts) if (a[1] <= at) start = Math.max(start, a[1]);
        return p.substring(start, at);
    }

    private static int sentenceStart(String p, int at) {
        for (int i = at - 1; i >= 0; i--) if (SENTENCE_END.indexOf(p.charAt(i)) >= 0) return i + 1;
        return 0;
    }

    /** The clause before {@code at}. */
    private static String clause(String p, int at) {
        return p.substring(clauseStart(p, at), at);
    }

    private static int clauseStart(String p, int at) {
        int start = 0;
        for (int i = at - 1; i >= 0; i--) {
            if (CLAUSE_END.indexOf(p.charAt(i)) >= 0) {
                start = i + 1;
                break;
            }
        }
        return start;
    }

    /** planned or executed, by the verb nearest before {@code at} in its sentence; null when none says. */
    private String verb(String p, int at) {
        int start = 0;
        for (int i = at - 1; i >= 0; i--) {
            if (SENTENCE_END.indexOf(p.charAt(i)) >= 0) {
                start = i + 1;
                break;
            }
        }
        String sentence = p.substring(start, at);
        String figure = null;
        int best = -1;
        for (String[] pair : new String[][]{{"executed", null}, {"planned", null}}) {
            for (String word : pair[0].equals("executed") ? vocabulary.executedVerbs() : vocabulary.plannedVerbs()) {
                int i = sentence.lastIndexOf(word);
                if (i < 0) continue;
                int end = i + word.length();
                if (end > best) {
                    best = end;
                    figure = pair[0];
                }
            }
        }
        return figure;
    }

    private static boolean startsWithAny(String text, List<String> words) {
        String t = text.stripLeading();
        for (String w : words) if (t.startsWith(w)) return true;
        return false;
    }

    /** A count as typed: its number and the measure word after it (10个, 一项). */
    private static String counted(String p, Matcher m, int group) {
        return p.substring(m.start(group), Math.min(p.length(), m.end(group) + 1));
    }

    /** Arabic digits, or a small Chinese numeral (一 … 九十九, 两). */
    static BigDecimal number(String written) {
        if (Character.isDigit(written.charAt(0))) return new BigDecimal(written);
        String digits = "零一二三四五六七八九";
        int value = 0;
        int pending = 0;
        for (char c : written.toCharArray()) {
            if (c == '十') {
                value += (pending == 0 ? 1 : pending) * 10;
                pending = 0;
            } else if (c == '两') {
                pending = 2;
            } else {
                pending = digits.indexOf(c);
            }
        }
        return BigDecimal.valueOf(value + pending);
    }
}
