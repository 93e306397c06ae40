package jixiao.render;

import jixiao.narrative.NarrativeParser;
import jixiao.narrative.NarrativeReferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile or broken input must finish quickly, without a raw StackOverflowError. Each case
 * takes well under a second on an idle machine; the timeouts leave room for a busy CI runner.
 * They run in a separate thread so that a runaway parse fails the test instead of hanging the build.
 */
@Timeout(value = 15, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MarkdownPathologicalTest {

    private static final int N = 50_000;
    private static final String FILE = "content/2020/u/p.md";

    private final Markdown markdown = new Markdown(1);

    @Test
    void nestedBrackets() {
        assertRenders("[".repeat(N) + "a" + "]".repeat(N));
    }

    @Test
    void unclosedLinks() {
        assertRenders("[a](".repeat(N));
        assertRenders("[](".repeat(N));
    }

    /** 5,000, not 50,000: commonmark 0.27.1 is slow on deeper image nesting, then overflows (fixed in 0.30.0). */
    @Test
    void nestedImagesAreFlattened() {
        String html = render("![".repeat(5_000) + "a" + "](i.png)".repeat(5_000));

        assertTrue(count(html, "<img") <= 1, "images nested in alt text leave at most the outer one");
    }

    @Test
    void manyAsterisks() {
        assertRenders("*".repeat(N));
        assertRenders("*a ".repeat(N));
        assertRenders("a* ".repeat(N));
        assertRenders("*a_ ".repeat(N));
    }

    @Test
    void deeplyNestedEmphasisRendersFlattened() {
        // commonmark 0.27.1 overflowed the stack on this while parsing; 0.30.0 parses it, and the
        // renderer sees no more than MAX_DEPTH levels.
        String html = render("**a ".repeat(N) + "b" + " a**".repeat(N));

        assertTrue(count(html, "<strong>") <= Markdown.MAX_DEPTH);
        assertTrue(html.contains("b"));
    }

    @Test
    void emphasisNestedWithinTheParserLimitsIsFlattened() {
        String html = render("*a **a ".repeat(1_000) + "b" + " a** a*".repeat(1_000));

        assertTrue(count(html, "<em>") + count(html, "<strong>") < Markdown.MAX_DEPTH);
        assertTrue(html.contains("b"));
    }

    @Test
    void deeplyNestedBlockQuotesAreFlattened() {
        String html = markdown.toHtml("> ".repeat(N) + "深处 {{ report.score }}", r -> "95");

        assertTrue(html.contains("深处 95"));
        assertEquals(Markdown.MAX_DEPTH, count(html, "<blockquote>"));
    }

    @Test
    void deeplyNestedListsAreFlattened() {
        assertRenders("- ".repeat(10_000) + "x");
        assertRenders("1. ".repeat(10_000) + "x");
        StringBuilder indented = new StringBuilder();
        for (int i = 0; i < 1_000; i++) indented.append("  ".repeat(i)).append("- ").append(i).append('\n');
        assertRenders(indented.toString());
    }

    @Test
    void manyOpeningBracesAreEachReported() {
        String source = "{{".repeat(100_000);

        NarrativeReferences scan = new NarrativeParser().scan(source, FILE);

        assertEquals(100_000, scan.malformed().size());
        assertEquals("<p>" + source + "</p>\n", render(source));
    }

    @Test
    void manyReferencesOnOneLine() {
        String source = "{{ report.score }}".repeat(N);

        NarrativeReferences scan = new NarrativeParser().scan(source, FILE);

        assertEquals(N, scan.references().size());
        assertEquals(18 * (N - 1) + 1, scan.references().get(N - 1).position().column());
        assertEquals("<p>" + "v".repeat(N) + "</p>\n", render(source));
    }

    @Test
    void longUnclosedReferences() {
        assertRenders(("{{ " + "a".repeat(200) + " ").repeat(1_000));
        assertRenders("{{ report.score " + "}".repeat(N));
        assertRenders("{{ report" + ".".repeat(N));
    }

    @Test
    void wideTable() {
        String row = "|" + "a|".repeat(2_000) + "\n";
        assertRenders(row + "|" + "-|".repeat(2_000) + "\n" + row.repeat(20));
    }

    @Test
    void manyParagraphs() {
        assertRenders("一段 {{ unit.score }} *强调* [链](#a)\n\n".repeat(10_000));
    }

    @Test
    void longParagraphWithoutLinks() {
        assertRenders("一行 {{ unit.score }} *强调* `代码`\n".repeat(20_000));
    }

    /**
     * commonmark (0.27.1, and 0.30.0 too) is quadratic in links times earlier emphasis delimiters
     * within one paragraph: at each link, processDelimiters walks the whole delimiter list when
     * nothing lies above the link's stack bottom. 1,000 take a fraction of a second; 8,000 take
     * about 10 s. No narrative comes near that; this pins the scale that must stay fast.
     */
    @Test
    void thousandLinksAfterEmphasisInOneParagraph() {
        assertRenders("甲 *强调* [链](#a)\n".repeat(1_000));
    }

    private void assertRenders(String source) {
        new NarrativeParser().scan(source, FILE);
        assertTrue(render(source).endsWith("\n"));
    }

    private String render(String source) {
        return markdown.toHtml(source, FILE, r -> "v");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
        return n;
    }
}
