package jixiao.importer;

import java.util.List;

/**
 * A table of a document on its column grid, merges resolved: each cell knows the grid column it starts at and
 * how many it spans (gridSpan, or a horizontal merge in a sheet), and a cell covered by the one above it
 * (vMerge, or a vertical merge in a sheet) is marked {@code covered} with no text of its own.
 *
 * @param where  how messages name the table: {@code 表 3} or {@code 工作表“2019”}
 * @param before the paragraphs between the previous table and this one (the form's title, 填报部门 …), last ones last
 * @param rows   the rows, as written
 */
record Grid(String where, List<String> before, List<List<Cell>> rows) {

    Grid {
        before = List.copyOf(before);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** One cell: its text (paragraphs joined with line breaks), grid column, span, and whether the cell above covers it. */
    record Cell(String text, int column, int span, boolean covered) {
        boolean blank() {
            return covered || FormText.isBlank(text);
        }

        /** Whether grid column {@code c} lies under this cell. */
        boolean spans(int c) {
            return c >= column && c < column + span;
        }
    }
}
