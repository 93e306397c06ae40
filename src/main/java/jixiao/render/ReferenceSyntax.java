package jixiao.render;

import java.util.regex.Pattern;

/** The grammar of {@code {{ scope.figure }}}, in one place so the parser and the records agree. */
final class ReferenceSyntax {

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

    private ReferenceSyntax() {
    }
}
