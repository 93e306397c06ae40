package jixiao.compare;

/**
 * One Markdown block (paragraph, heading, list item, table, …) added, removed or changed.
 *
 * @param fromIndex 0-based block index at the old side, -1 when added
 * @param toIndex   0-based block index at the new side, -1 when removed
 * @param from      a short excerpt of the old block (around the first difference when changed), null when added
 * @param to        a short excerpt of the new block, null when removed
 */
public record ParagraphChange(ChangeKind kind, int fromIndex, int toIndex, String from, String to) {
}
