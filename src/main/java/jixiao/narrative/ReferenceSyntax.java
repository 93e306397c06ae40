package jixiao.narrative;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar of {@code {{ scope.figure }}}, in one place so that checks, rendering and comparison
 * read the same references: two braces, optional spaces or tabs, a scope, a dot, a figure name,
 * optional spaces or tabs, two braces, all on one line. Where it applies (not in code, not after a
 * backslash) is the Markdown parser's business: see {@link NarrativeParser}.
 */
public final class ReferenceSyntax {

    /** A project id (content-format: ids), which {@code unit} and {@code report} also match. */
    static final Pattern SCOPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final Pattern FIGURE = Pattern.compile("[a-z_]+");

    /** The inside of the braces; spaces or tabs around the name are optional. */
    static final Pattern INSIDE = Pattern.compile("[ \\t]*(" + SCOPE.pattern() + ")\\.(" + FIGURE.pattern() + ")[ \\t]*");

    /**
     * How far past {@code {{} to look for {@code }}}: longer than any well-formed reference
     * (a 64-character id, the longest figure, padding), and a bound so that a long line of
     * letters after a {@code {{} is not read to its end.
     */
    static final int MAX_INSIDE = 160;

    /** How much of an unclosed reference to quote in its error. */
    static final int EXCERPT = 30;

    /**
     * Whether a text may hold a reference, well-formed or not: every one starts with "{{" in the
     * source (commonmark hands inline parsers substrings of the source lines), so a text without
     * it need not be parsed to know it refers to nothing.
     */
    public static boolean mayHoldReference(String text) {
        return text != null && text.contains("{{");
    }

    /** A whole reference, wherever it stands: what {@link #maskLexically} replaces. */
    private static final Pattern LEXICAL = Pattern.compile("\\{\\{" + INSIDE.pattern() + "}}");

    /**
     * Replaces every reference to a scope in {@code scopes} by {@code replacement}, reading the
     * text without Markdown: also in code, where a page shows the reference as written. Only for a
     * text the parser cannot read ({@link NarrativeTooComplexException}), where masking too much
     * is the safe side.
     */
    public static String maskLexically(String text, Set<String> scopes, String replacement) {
        return LEXICAL.matcher(text).replaceAll(m -> Matcher.quoteReplacement(scopes.contains(m.group(1)) ? replacement : m.group()));
    }

    private ReferenceSyntax() {
    }
}
