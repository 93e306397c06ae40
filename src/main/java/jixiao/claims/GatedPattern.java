package jixiao.claims;

import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern with the texts one of which every match contains: a paragraph with none of them is not searched.
 * Java's {@link Matcher#find()} tries the whole pattern at every position of a paragraph, and most paragraphs of a
 * narrative hold no rate, score or count at all (in generated content the count patterns took 6% of a check's CPU
 * and never matched); looking for a plain text first costs a fraction of that. The gate only skips
 * paragraphs that cannot match, so what is found is the same.
 *
 * @param pattern the pattern
 * @param needs   texts of which every match contains at least one; empty when nothing is known to be needed
 */
record GatedPattern(Pattern pattern, List<String> needs) {

    GatedPattern {
        needs = List.copyOf(needs);
    }

    /** Escapes of exactly one character after the backslash: a class (\\d, \\s …), a boundary, a control letter, or a sign. */
    private static final IntPredicate SINGLE_ESCAPE =
            ch -> "dDsSwWbBhHvVRXzZAGtnrfae".indexOf(ch) >= 0 || (ch < 128 && !Character.isLetterOrDigit(ch));

    /** {@code pattern} gated by the longest text it requires at its top level ({@link #requiredText}), if any. */
    static GatedPattern of(Pattern pattern) {
        // Flags (case-insensitive matching, say) change what a literal matches: no gate then.
        String required = pattern.flags() == 0 ? requiredText(pattern.pattern()) : null;
        return new GatedPattern(pattern, required == null ? List.of() : List.of(required));
    }

    /** A matcher over {@code text}, or null when {@code text} holds none of the needed texts. */
    Matcher in(String text) {
        if (!needs.isEmpty() && !containsAny(text, needs)) return null;
        return pattern.matcher(text);
    }

    /** Whether {@code text} holds at least one of {@code words}; the claim scanner asks it of clauses too. */
    static boolean containsAny(String text, List<String> words) {
        for (String w : words) if (text.contains(w)) return true;
        return false;
    }

    /**
     * The longest run of literal characters that every match of {@code regex} contains: characters outside any
     * group or class, neither escaped nor quantified. Null when there is none, or when the pattern could match
     * without them (an alternative at the top level, an inline flag such as {@code (?i)}, a quoted {@code \Q…\E}).
     * Conservative by design: it may miss a required text, never name one that is not.
     */
    static String requiredText(String regex) {
        if (regex.contains("\\Q")) return null;
        String best = "";
        StringBuilder run = new StringBuilder();
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                // An escape is never taken as a literal. One that stands for one character class or one sign is
                // skipped; one that goes on past its letter (\\u4E00, \\x41, \\0101, \\p{L}, \\k<name>, \\1) is not
                // followed here: no gate then.
                if (i + 1 >= regex.length() || !SINGLE_ESCAPE.test(regex.charAt(i + 1))) return null;
                i++;
                best = longer(best, run);
                continue;
            }
            if (inClass) {
                if (c == ']') inClass = false;
                continue;
            }
            switch (c) {
                case '[' -> {
                    inClass = true;
                    best = longer(best, run);
                }
                case '(' -> {
                    if (i + 2 < regex.length() && regex.charAt(i + 1) == '?' && "(:=!<>".indexOf(regex.charAt(i + 2)) < 0) {
                        return null; // an inline flag may change how the rest matches
                    }
                    depth++;
                    best = longer(best, run);
                }
                case ')' -> {
                    depth--;
                    best = longer(best, run);
                }
                case '|' -> {
                    if (depth == 0) return null;
                }
                case '.', '^', '$' -> {
                    if (depth == 0) best = longer(best, run);
                }
                case '?', '*', '+', '{' -> {
                    // The character before a quantifier may be absent (or repeated): the run ends before it.
                    if (depth == 0 && run.length() > 0) {
                        run.setLength(run.length() - 1);
                        best = longer(best, run);
                    }
                    if (c == '{') {
                        int close = regex.indexOf('}', i);
                        if (close > 0) i = close;
                    }
                }
                default -> {
                    if (depth == 0) run.append(c);
                }
            }
        }
        best = longer(best, run);
        return best.isEmpty() ? null : best;
    }

    /** The longer of {@code best} and the run so far; the run starts again. */
    private static String longer(String best, StringBuilder run) {
        String r = run.toString();
        run.setLength(0);
        return r.length() > best.length() ? r : best;
    }
}
