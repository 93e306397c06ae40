package jixiao.importer;

/** What a cell's text counts as: one rule for the Word and the Excel reader. */
final class FormText {

    private FormText() {
    }

    /**
     * Whether a cell is empty to the eye: white space, and also the no-break space (U+00A0), which Java does not
     * count as white space and which Word and web pages put into "empty" cells, and zero-width characters.
     */
    static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u00A0' && c != '\u200B' && c != '\uFEFF' && c != '\u2007' && c != '\u202F') return false;
        }
        return true;
    }
}
