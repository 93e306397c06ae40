package jixiao.diagnostic;


import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * One problem found in the content: a severity, a stable kebab-case code, where it is,
 * and a Chinese message that says what is wrong and how to fix it.
 */
public record Finding(Severity severity, String code, SourcePosition position, String message) {

    /** Report order: by file, line, column, then severity and code, so output is deterministic. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::position)
            .thenComparing(Finding::severity)
            .thenComparing(Finding::code)
            .thenComparing(Finding::message);

    /** Compiled once: {@code String.matches} would compile the pattern again for every finding. */
    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** The message as shown: characters that cannot be seen are written out ({@code <U+202E>}), see {@link Visible}. */
    public Finding {
        if (!CODE.matcher(code).matches()) throw new IllegalArgumentException("code must be kebab-case: " + code);
        message = Visible.escape(message);
    }

    public static Finding error(String code, SourcePosition at, String message) {
        return new Finding(Severity.ERROR, code, at, message);
    }

    public static Finding warning(String code, SourcePosition at, String message) {
        return new Finding(Severity.WARNING, code, at, message);
    }

    public static Finding info(String code, SourcePosition at, String message) {
        return new Finding(Severity.INFO, code, at, message);
    }

    /** {@code content/2020/u/p.yaml:12:5: warning[code]: message} */
    public String toCompilerLine() {
        return Visible.escape(position.toString()) + ": " + severity.label() + "[" + code + "]: " + message;
    }
}
