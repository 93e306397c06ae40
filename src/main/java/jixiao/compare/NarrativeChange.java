package jixiao.compare;

import java.util.List;

/**
 * How a Markdown text changed, counted in blocks: paragraphs, headings, list items, tables,
 * code blocks. A removed block followed by an added one at the same place counts as changed.
 *
 * @param paragraphs every changed, added or removed block, in document order
 */
public record NarrativeChange(int added, int removed, int changed, List<ParagraphChange> paragraphs) {

    public static final NarrativeChange NONE = new NarrativeChange(0, 0, 0, List.of());

    public NarrativeChange {
        paragraphs = List.copyOf(paragraphs);
    }

    public boolean isEmpty() {
        return added == 0 && removed == 0 && changed == 0;
    }
}
