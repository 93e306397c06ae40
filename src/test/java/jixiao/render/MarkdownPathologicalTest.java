package jixiao.render;

import jixiao.narrative.NarrativeParser;
import jixiao.narrative.NarrativeReferences;
import jixiao.testing.Golden;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile or broken input must finish quickly, without a raw StackOverflowError, and render to
 * exactly the HTML pinned here, as commonmark-java's own PathologicalTest does: a case that
 * degrades into escaping everything, or into dropping text, fails as surely as a slow one.
 * Text that stays literal is written out here; where the renderer flattens what nests deeper
 * than {@link Markdown#MAX_DEPTH}, the HTML is a golden file (markdown/pathological/), and above
 * 64 KB its SHA-256, so that the repository does not carry megabytes of angle brackets.
 *
 * <p>The bound that is tight is on CPU time: each case must parse and render within
 * {@link #CPU_BUDGET_NANOS} of its own thread's CPU time (nested images, which commonmark parses
 * slowest, within twice that). Each takes well under a second; wall time on this project's
 * shared 2-core runners swings fivefold with their load, CPU time does not. The wall-clock
 * timeout only stops a runaway parse from hanging the build: the case runs in a separate thread.
 */
@Timeout(value = 15, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MarkdownPathologicalTest {

    private static final int N = 50_000;
    private static final String FILE = "content/2020/u/p.md";
    private static final int LARGEST_GOLDEN = 64 * 1024;
    private static final long CPU_BUDGET_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU time spent parsing and rendering in this case, added up by the test's own thread. */
    private final AtomicLong cpuNanos = new AtomicLong();
    private volatile long cpuBudget = CPU_BUDGET_NANOS;

    private final Markdown markdown = new Markdown(1);
    private final NarrativeParser parser = new NarrativeParser();

    @Test
    void nestedBracketsStayText() {
        assertLiteral("[".repeat(N) + "a" + "]".repeat(N));
    }

    @Test
    void unclosedLinksStayText() {
        assertLiteral("[a](".repeat(N));
        assertLiteral("[](".repeat(N));
    }

    /** 5,000, not 50,000: commonmark is slow on deeper image nesting (and 0.27.1 overflowed). */
    @Test
    void nestedImagesAreFlattenedToTheOuterOne() {
        cpuBudget = 2 * CPU_BUDGET_NANOS;
        assertGolden("nested-images", render("![".repeat(5_000) + "a" + "](i.png)".repeat(5_000)));
    }

    @Test
    void aLineOfAsterisksIsARuleAndUnmatchedOnesStayText() {
        assertEquals("<hr />\n", render("*".repeat(N)));
        assertLiteral("*a ".repeat(N));
        assertLiteral("a* ".repeat(N));
        assertLiteral("*a_ ".repeat(N));
    }

    /** commonmark 0.27.1 overflowed the stack on this while parsing; 0.30.0 parses it, and the renderer sees no more than MAX_DEPTH levels. */
    @Test
    void deeplyNestedEmphasisRendersFlattened() {
        assertGolden("deeply-nested-emphasis", render("**a ".repeat(N) + "b" + " a**".repeat(N)));
    }

    @Test
    void emphasisNestedWithinTheParserLimitsIsFlattened() {
        assertGolden("emphasis-within-limits", render("*a **a ".repeat(1_000) + "b" + " a** a*".repeat(1_000)));
    }

    @Test
    void deeplyNestedBlockQuotesAreFlattened() {
        assertGolden("nested-block-quotes", cpuTimed(() -> markdown.toHtml("> ".repeat(N) + "深处 {{ report.score }}", r -> "95")));
    }

    @Test
    void deeplyNestedListsAreFlattened() {
        assertGolden("nested-bullet-lists", render("- ".repeat(10_000) + "x"));
        assertGolden("nested-ordered-lists", render("1. ".repeat(10_000) + "x"));
        StringBuilder indented = new StringBuilder();
        for (int i = 0; i < 1_000; i++) indented.append("  ".repeat(i)).append("- ").append(i).append('\n');
        assertGolden("indented-lists", render(indented.toString()));
    }

    @Test
    void manyOpeningBracesAreEachReportedAndShownAsWritten() {
        String source = "{{".repeat(100_000);

        NarrativeReferences scan = scan(source);

        assertEquals(100_000, scan.malformed().size());
        assertEquals("<p>" + source + "</p>\n", render(source));
    }

    @Test
    void manyReferencesOnOneLineAreEachResolved() {
        String source = "{{ report.score }}".repeat(N);

        NarrativeReferences scan = scan(source);

        assertEquals(N, scan.references().size());
        assertEquals(18 * (N - 1) + 1, scan.references().get(N - 1).position().column());
        assertEquals("<p>" + "v".repeat(N) + "</p>\n", render(source));
    }

    @Test
    void longUnclosedReferencesStayText() {
        assertLiteral(("{{ " + "a".repeat(200) + " ").repeat(1_000));
        assertEquals("<p>v" + "}".repeat(N - 2) + "</p>\n", render("{{ report.score " + "}".repeat(N)));
        assertLiteral("{{ report" + ".".repeat(N));
    }

    @Test
    void wideTableIsWrappedWhole() {
        String row = "|" + "a|".repeat(2_000) + "\n";
        assertGolden("wide-table", render(row + "|" + "-|".repeat(2_000) + "\n" + row.repeat(20)));
    }

    @Test
    void manyParagraphsEachRender() {
        assertEquals("<p>一段 v <em>强调</em> <a href=\"#a\">链</a></p>\n".repeat(10_000),
                render("一段 {{ unit.score }} *强调* [链](#a)\n\n".repeat(10_000)));
    }

    @Test
    void longParagraphKeepsItsLineBreaks() {
        String line = "一行 v <em>强调</em> <code>代码</code>";
        assertEquals("<p>" + String.join("\n", java.util.Collections.nCopies(20_000, line)) + "</p>\n",
                render("一行 {{ unit.score }} *强调* `代码`\n".repeat(20_000)));
    }

    /**
     * commonmark (0.27.1, and 0.30.0 too) is quadratic in links times earlier emphasis delimiters
     * within one paragraph: at each link, processDelimiters walks the whole delimiter list when
     * nothing lies above the link's stack bottom. 1,000 take a fraction of a second; 8,000 take
     * about 10 s. No narrative comes near that; this pins the scale that must stay fast.
     */
    @Test
    void thousandLinksAfterEmphasisInOneParagraph() {
        String line = "甲 <em>强调</em> <a href=\"#a\">链</a>";
        assertEquals("<p>" + String.join("\n", java.util.Collections.nCopies(1_000, line)) + "</p>\n",
                render("甲 *强调* [链](#a)\n".repeat(1_000)));
    }

    /** Text with nothing Markdown reads in it: one paragraph of the source, trailing spaces dropped. */
    private void assertLiteral(String source) {
        scan(source);
        assertEquals("<p>" + source.strip() + "</p>\n", render(source));
    }

    private static void assertGolden(String name, String html) {
        if (html.length() <= LARGEST_GOLDEN) {
            Golden.assertMatches("markdown/pathological/" + name + ".html", html);
        } else {
            Golden.assertMatches("markdown/pathological/" + name + ".html.sha256", sha256(html) + "  " + html.length() + " characters\n");
        }
    }

    @AfterEach
    void stayedWithinTheCpuBudget() {
        assertTrue(cpuNanos.get() <= cpuBudget, () -> "took " + TimeUnit.NANOSECONDS.toMillis(cpuNanos.get()) + " ms of CPU time");
    }

    private String render(String source) {
        return cpuTimed(() -> markdown.toHtml(source, FILE, r -> "v"));
    }

    private NarrativeReferences scan(String source) {
        return cpuTimed(() -> parser.scan(source, FILE));
    }

    private <T> T cpuTimed(Supplier<T> work) {
        long start = THREADS.getCurrentThreadCpuTime();
        try {
            return work.get();
        } finally {
            cpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - start);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
