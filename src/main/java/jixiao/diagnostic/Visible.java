package jixiao.diagnostic;

/**
 * Characters that cannot be seen, or that change how the text around them is seen: control characters
 * (a line feed in a file name ends a line of output, and a line starting with {@code ::} is a GitHub
 * Actions workflow command), format characters (U+202E turns the rest of a line around, U+200B takes
 * no room at all), line and paragraph separators, and surrogates that pair with nothing.
 *
 * <p>Every message and every path shown in a finding goes through {@link #escape}, so what an editor
 * reads is what the file holds: {@code 劳动<U+202E>监察}.
 */
public final class Visible {

    private Visible() {
    }

    /**
     * Whether {@code cp} is such a character. A tab is not: it shows as white space and ends nothing.
     * Line feed and carriage return are, as they end a line of output; see {@link #inText} for values.
     */
    public static boolean isInvisible(int cp) {
        if (cp == '\t') return false;
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE -> true;
            default -> false;
        };
    }

    /** Whether {@code cp} does not belong in a text value: as {@link #isInvisible}, but the white space of multi-line text is fine there. */
    public static boolean inText(int cp) {
        return isInvisible(cp) && cp != '\n' && cp != '\r';
    }

    /** {@code text} with each such character written as {@code <U+202E>}; the same string when it has none. */
    public static String escape(String text) {
        if (text == null) return null;
        int first = firstInvisible(text);
        if (first < 0) return text;
        StringBuilder b = new StringBuilder(text.length() + 16).append(text, 0, first);
        text.substring(first).codePoints().forEach(cp -> {
            if (isInvisible(cp)) b.append(name(cp));
            else b.appendCodePoint(cp);
        });
        return b.toString();
    }

    /** {@code <U+202E>} */
    public static String name(int cp) {
        return String.format("<U+%04X>", cp);
    }

    private static int firstInvisible(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (isInvisible(cp)) return i;
            i += Character.charCount(cp);
        }
        return -1;
    }
}
