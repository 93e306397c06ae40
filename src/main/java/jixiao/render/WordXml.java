package jixiao.render;

import java.util.List;

/**
 * WordprocessingML (the XML inside a .docx) for {@link DocxReport}: paragraphs, runs and table cells,
 * every text escaped. Only what the report uses; each method appends to the builder it is given.
 */
final class WordXml {

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /** Fonts as official documents name them; each East Asian name comes with an alternative for machines without it. */
    static final String BODY_FONT = "仿宋_GB2312";
    static final String HEADING_FONT = "黑体";
    static final String TABLE_FONT = "宋体";

    /**
     * Paragraph styles of a table cell (styles.xml of {@link DocxReport}): its text, centred text, and a centred bold
     * caption. A style, not the same direct formatting in each of the half million cells of a large year: the
     * document is a sixth smaller (less to make and to deflate), and a user who restyles the captions in Word does
     * it once.
     */
    static final String TABLE_TEXT = "TableText";
    static final String TABLE_CENTER = "TableCenter";
    static final String TABLE_LABEL = "TableLabel";

    /** Paragraph alignment. */
    enum Align {
        LEFT("left"), CENTER("center"), RIGHT("right"), BOTH("both");

        final String value;

        Align(String value) {
            this.value = value;
        }
    }

    /** Vertical merging of a table cell: none, the first cell of a merged run, or a cell it covers. */
    enum Merge { NONE, RESTART, CONTINUE }

    /** One table cell: its text (lines become paragraphs), how many grid columns it spans, its vertical merge. */
    record Cell(String text, int span, Merge merge, boolean label, Align align) {
        static Cell of(String text) {
            return new Cell(text, 1, Merge.NONE, false, Align.LEFT);
        }

        static Cell of(String text, int span) {
            return new Cell(text, span, Merge.NONE, false, Align.LEFT);
        }

        /** A printed caption of the form (项目名称, 一级指标 …): centred, on grey. */
        static Cell label(String text, int span) {
            return new Cell(text, span, Merge.NONE, true, Align.CENTER);
        }

        Cell merged(Merge how) {
            return new Cell(text, span, how, label, align);
        }

        Cell centred() {
            return new Cell(text, span, merge, label, Align.CENTER);
        }
    }

    private WordXml() {
    }

    /** A paragraph of one run. {@code style} is a paragraph style id of styles.xml, or null. */
    static void paragraph(Utf8Builder x, String style, Align align, String text) {
        x.markup("<w:p>");
        paragraphProperties(x, style, align, false);
        run(x, text, false);
        x.markup("</w:p>");
    }

    /**
     * A paragraph of one run that starts a new page. The break belongs to the paragraph (pageBreakBefore), not
     * to an empty paragraph of its own: after a table that fills its page, such an empty paragraph would land
     * on the next page and break again, leaving a blank page (seen in LibreOffice).
     */
    static void paragraphOnNewPage(Utf8Builder x, String style, Align align, String text) {
        x.markup("<w:p><w:pPr>");
        if (style != null) x.markup("<w:pStyle w:val=\"").markup(style).markup("\"/>");
        x.markup("<w:pageBreakBefore/>");
        if (align != null) x.markup("<w:jc w:val=\"").markup(align.value).markup("\"/>");
        x.markup("</w:pPr>");
        run(x, text, false);
        x.markup("</w:p>");
    }

    static void paragraphProperties(Utf8Builder x, String style, Align align, boolean keepNext) {
        if (style == null && align == null && !keepNext) return;
        x.markup("<w:pPr>");
        if (style != null) x.markup("<w:pStyle w:val=\"").markup(style).markup("\"/>");
        if (keepNext) x.markup("<w:keepNext/>");
        if (align != null) x.markup("<w:jc w:val=\"").markup(align.value).markup("\"/>");
        x.markup("</w:pPr>");
    }

    /** A run of text: tabs become tab characters, other control characters are left out. */
    static void run(Utf8Builder x, String text, boolean bold) {
        if (text == null || text.isEmpty()) return;
        x.markup("<w:r>");
        if (bold) x.markup("<w:rPr><w:b/><w:bCs/></w:rPr>");
        // Split at tabs by hand: nearly no text has one, and String.split made a list and an array for every run.
        for (int start = 0, tab; start <= text.length(); start = tab + 1) {
            tab = text.indexOf('\t', start);
            if (tab < 0) tab = text.length();
            if (start > 0) x.markup("<w:tab/>");
            if (tab > start) {
                String part = start == 0 && tab == text.length() ? text : text.substring(start, tab);
                // Word keeps the spaces of a text only when told to; most texts (Chinese) have none to keep.
                x.markup(hasSpace(part) ? "<w:t xml:space=\"preserve\">" : "<w:t>");
                text(x, part);
                x.markup("</w:t>");
            }
        }
        x.markup("</w:r>");
    }

    /** Whether {@code text} has a space of any kind (XML's, an ideographic or a no-break space). */
    private static boolean hasSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isSpace(text.charAt(i))) return true;
        }
        return false;
    }

    /**
     * {@code Character.isWhitespace(c) || Character.isSpaceChar(c)}, answered at once for printable ASCII and for
     * everything after the ideographic space U+3000 (the last space in Unicode): that is nearly every character of a
     * Chinese form, and asking the JDK's two tables about each took 1.8% of a build (JFR, 10,000 projects).
     */
    static boolean isSpace(char c) {
        if (c > '\u3000' || (c > ' ' && c < 0x7F)) return false;
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /**
     * Appends text escaped for XML: as is when nothing needs escaping (nearly always: this runs for every cell of
     * thousands of forms), else character by character.
     */
    static void text(Utf8Builder x, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '&' || c == '<' || c == '>' || c < 0x20 || Character.isSurrogate(c) || c >= 0xFFFE) {
                x.append(SummaryXlsx.xmlText(text));
                return;
            }
        }
        x.append(text);
    }

    /**
     * A table on a grid of {@code widths} (twentieths of a point), single borders, the first {@code headerRows}
     * repeated on every page. Each row's cells must fill the grid (spans included).
     */
    static void table(Utf8Builder x, int[] widths, List<List<Cell>> rows, int headerRows) {
        tableStart(x, widths);
        for (int r = 0; r < rows.size(); r++) row(x, widths, rows.get(r), r, r < headerRows);
        tableEnd(x);
    }

    /** The start of a {@link #table} (its properties and grid), for a caller that writes its rows one at a time. */
    static void tableStart(Utf8Builder x, int[] widths) {
        int total = 0;
        for (int w : widths) total += w;
        x.markup("<w:tbl><w:tblPr><w:tblStyle w:val=\"FormTable\"/><w:tblW w:w=\"").markup(total)
                .markup("\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
        for (int w : widths) x.markup("<w:gridCol w:w=\"").markup(w).markup("\"/>");
        x.markup("</w:tblGrid>");
    }

    /** Row {@code r} (0-based, for the message when it does not fill the grid) of a table begun with {@link #tableStart}. */
    static void row(Utf8Builder x, int[] widths, List<Cell> cells, int r, boolean header) {
        x.markup("<w:tr>");
        if (header) x.markup("<w:trPr><w:tblHeader/></w:trPr>");
        else x.markup("<w:trPr><w:cantSplit/></w:trPr>");
        int column = 0;
        for (Cell cell : cells) {
            int width = 0;
            for (int c = column; c < column + cell.span() && c < widths.length; c++) width += widths[c];
            column += cell.span();
            cell(x, cell, width);
        }
        if (column != widths.length) throw new IllegalStateException("row " + r + " fills " + column + " of " + widths.length + " columns");
        x.markup("</w:tr>");
    }

    static void tableEnd(Utf8Builder x) {
        x.markup("</w:tbl>");
    }

    private static void cell(Utf8Builder x, Cell cell, int width) {
        x.markup("<w:tc><w:tcPr><w:tcW w:w=\"").markup(width).markup("\" w:type=\"dxa\"/>");
        if (cell.span() > 1) x.markup("<w:gridSpan w:val=\"").markup(cell.span()).markup("\"/>");
        if (cell.merge() == Merge.RESTART) x.markup("<w:vMerge w:val=\"restart\"/>");
        else if (cell.merge() == Merge.CONTINUE) x.markup("<w:vMerge/>");
        if (cell.label()) x.markup("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F2F2F2\"/>");
        // Vertical centring comes from the table style: one attribute less in every cell of thousands of forms.
        x.markup("</w:tcPr>");
        String text = cell.merge() == Merge.CONTINUE || cell.text() == null ? "" : cell.text();
        // The style gives the alignment (left is the text style's own) and a caption's bold; any other is written out.
        boolean centred = cell.align() == Align.CENTER;
        String style = centred ? (cell.label() ? TABLE_LABEL : TABLE_CENTER) : TABLE_TEXT;
        Align align = centred || cell.align() == Align.LEFT ? null : cell.align();
        boolean bold = cell.label() && !centred;
        // A cell holds at least one paragraph; each line of its text is one.
        for (int start = 0, end; start <= text.length(); start = end + 1) {
            end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            x.markup("<w:p>");
            paragraphProperties(x, style, align, false);
            run(x, start == 0 && end == text.length() ? text : text.substring(start, end), bold);
            x.markup("</w:p>");
        }
        x.markup("</w:tc>");
    }
}
