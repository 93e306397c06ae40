package jixiao.compare;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParagraphsTest {

    @Test
    void blocksAreParagraphsHeadingsAndSingleListItems() {
        assertEquals(List.of("# 标题", "第一段 续行", "- 甲", "- 乙", "| a | b | | --- | --- | | 1 | 2 |"),
                Paragraphs.blocks("# 标题\n\n第一段\n续行\n\n- 甲\n- 乙\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n"));
    }

    @Test
    void rewrappingOrLineEndingsAreNoChange() {
        assertTrue(Paragraphs.compare("一段\n文字。\n\n二段。\n", "一段 文字。\r\n\r\n二段。").isEmpty());
        assertTrue(Paragraphs.compare(null, "  ").isEmpty());
    }

    @Test
    void theSameTextIsNoChange() {
        String text = "# 绩效目标\n\n全年完成 {{ report.executed }}。\n\n- 甲\n- 乙\n";
        assertEquals(NarrativeChange.NONE, Paragraphs.compare(text, new String(text)));
    }

    @Test
    void replacedParagraphIsChangedNotRemovedAndAdded() {
        NarrativeChange c = Paragraphs.compare("甲。\n\n乙。\n\n丙。\n", "甲。\n\n乙二。\n\n丙。\n\n丁。\n");
        assertEquals(new NarrativeChange(1, 0, 1, List.of(
                new ParagraphChange(ChangeKind.CHANGED, 1, 1, "乙。", "乙二。"),
                new ParagraphChange(ChangeKind.ADDED, -1, 3, null, "丁。"))), c);
    }

    @Test
    void removedParagraphIsCountedAsRemoved() {
        NarrativeChange c = Paragraphs.compare("甲。\n\n乙。\n\n丙。\n", "甲。\n\n丙。\n");
        assertEquals(new NarrativeChange(0, 1, 0, List.of(new ParagraphChange(ChangeKind.REMOVED, 1, -1, "乙。", null))), c);
    }

    @Test
    void excerptOfAChangedParagraphStartsShortlyBeforeTheFirstDifference() {
        String head = "这是一段很长的说明文字，用来检验摘录是否从差异附近开始显示而不是从头开始，";
        NarrativeChange c = Paragraphs.compare(head + "旧的结尾。", head + "新的结尾。");
        ParagraphChange p = c.paragraphs().get(0);
        assertEquals("…而不是从头开始，旧的结尾。", p.from());
        assertEquals("…而不是从头开始，新的结尾。", p.to());
    }

    @Test
    void equalExcerptsOfOneComparisonAreOneTextKeptOnce() {
        // A year's comparison is kept while every page renders: a stock paragraph changed in many forms is held once.
        Excerpts excerpts = new Excerpts();
        ParagraphChange first = Paragraphs.compare("甲。\n\n旧的说明。\n", "甲。\n\n新的说明。\n", excerpts).paragraphs().get(0);
        ParagraphChange second = Paragraphs.compare("乙。\n\n旧的说明。\n", "乙。\n\n新的说明。\n", excerpts).paragraphs().get(0);
        assertEquals(new ParagraphChange(ChangeKind.CHANGED, 1, 1, "旧的说明。", "新的说明。"), second);
        assertSame(first.from(), second.from());
        assertSame(first.to(), second.to());
        ParagraphChange added = Paragraphs.compare("", "新的说明。", excerpts).paragraphs().get(0);
        assertSame(first.to(), added.to());
    }

    @Test
    void longAddedParagraphIsCutToAnExcerpt() {
        String text = "字".repeat(100);
        ParagraphChange p = Paragraphs.compare("", text).paragraphs().get(0);
        assertEquals("字".repeat(Paragraphs.EXCERPT) + "…", p.to());
    }

    @Test
    void excerptsCountCharactersBeyondTheBasicPlaneAsOneEach() {
        // 𠀀 (U+20000) is two UTF-16 chars: an excerpt never cuts one in half, and counts it as one character.
        String head = "𠀀".repeat(20);
        ParagraphChange p = Paragraphs.compare(head + "旧" + "𠀀".repeat(60), head + "新").paragraphs().get(0);
        assertEquals("…" + "𠀀".repeat(8) + "旧" + "𠀀".repeat(31) + "…", p.from());
        assertEquals("…" + "𠀀".repeat(8) + "新", p.to());
    }

    @Test
    void blocksAreSplitByTheirMarkdownStructureAlone() {
        // Only blocks are parsed: a reference definition, a table, list items and inline markup are each seen as written.
        String text = "见[办法][1]，**共 3 项**。\n\n[1]: https://example.gov.cn/banfa\n\n| 项目 | 金额 |\n| --- | --- |\n| 甲 | 1 |\n\n- 一\n- `二`\n";
        assertEquals(List.of("见[办法][1]，**共 3 项**。", "[1]: https://example.gov.cn/banfa", "| 项目 | 金额 | | --- | --- | | 甲 | 1 |",
                "- 一", "- `二`"), Paragraphs.blocks(text));
    }

    @Test
    @Timeout(10)
    void manyBlocksAreAlignedQuickly() {
        NarrativeChange c = Paragraphs.compare(blocks(600, 0), blocks(600, 7));
        assertEquals(86, c.changed(), "every seventh block of 600 reworded");
        assertEquals(0, c.added() + c.removed());
    }

    @Test
    @Timeout(10)
    void hugeNarrativesFallBackToComparingWhatLiesBetweenTheCommonStartAndEnd() {
        NarrativeChange c = Paragraphs.compare(blocks(4901, 0), blocks(4901, 7)); // 4901² block pairs: over the limit
        // The first and the last block are both reworded, so nothing is common at the ends: every block counts as changed.
        assertEquals(4901, c.changed());
        assertEquals(0, c.added() + c.removed());
    }

    /** {@code n} paragraphs; every {@code every}-th reworded (none when 0). */
    private static String blocks(int n, int every) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append("段落").append(every > 0 && i % every == 0 ? "改" : "").append(i).append("\n\n");
        return sb.toString();
    }
}
