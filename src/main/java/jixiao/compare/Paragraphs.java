package jixiao.compare;

import org.commonmark.node.Block;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.ext.gfm.tables.TablesExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Compares two Markdown texts block by block. Blocks are the top-level blocks of the document,
 * except that each list item and each block of a quote counts on its own: a long list where one
 * item was reworded is one changed block, not a changed list.
 */
final class Paragraphs {

    /** Excerpts are this many characters (code points) long, plus an ellipsis. */
    static final int EXCERPT = 40;
    /** Characters of unchanged text shown before the first difference of a changed block. */
    private static final int LEAD = 8;
    /**
     * Above this many block pairs the quadratic alignment is skipped: only the common start and
     * end are matched and everything between counts as changed. No narrative comes near it;
     * hostile input must not take minutes.
     */
    private static final long MAX_CELLS = 4_000_000;

    /**
     * Blocks only: their inline content is never parsed (no inline parser runs), since only each block's source is
     * compared. Inline parsing was most of a comparison's time (each narrative of a year is parsed once per
     * edition), and leaves the blocks and their source spans as they are: link reference definitions and tables are
     * recognised while blocks are parsed.
     */
    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .inlineParserFactory(context -> (lines, block) -> { })
            .build();

    /** Runs of white space, collapsed to one space in a block's key (compiled once: replaceAll compiles each time). */
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private Paragraphs() {
    }

    static NarrativeChange compare(String from, String to) {
        return compare(from, to, new Excerpts());
    }

    /** {@link #compare(String, String)}, its excerpts kept once in {@code excerpts} with those of the rest of a comparison. */
    static NarrativeChange compare(String from, String to, Excerpts excerpts) {
        // A narrative carried over unchanged from the year before is common: no need to parse it twice.
        if (from != null && from.equals(to)) return NarrativeChange.NONE;
        List<String> a = blocks(from);
        List<String> b = blocks(to);
        if (a.equals(b)) return NarrativeChange.NONE;
        List<ParagraphChange> out = new ArrayList<>();
        int[] counts = new int[3]; // added, removed, changed
        List<int[]> pairs = align(a, b);
        int i = 0;
        int j = 0;
        for (int[] pair : pairs) {
            hunk(a, b, i, pair[0], j, pair[1], out, counts, excerpts);
            i = pair[0] + 1;
            j = pair[1] + 1;
        }
        hunk(a, b, i, a.size(), j, b.size(), out, counts, excerpts);
        return new NarrativeChange(counts[0], counts[1], counts[2], out);
    }

    /** Blocks a[i0, i1) were replaced by b[j0, j1): pair them off as changed, the rest removed or added. */
    private static void hunk(List<String> a, List<String> b, int i0, int i1, int j0, int j1,
                             List<ParagraphChange> out, int[] counts, Excerpts excerpts) {
        int paired = Math.min(i1 - i0, j1 - j0);
        for (int k = 0; k < paired; k++) {
            String[] ex = changedExcerpts(a.get(i0 + k), b.get(j0 + k));
            out.add(new ParagraphChange(ChangeKind.CHANGED, i0 + k, j0 + k, excerpts.of(ex[0]), excerpts.of(ex[1])));
            counts[2]++;
        }
        for (int k = i0 + paired; k < i1; k++) {
            out.add(new ParagraphChange(ChangeKind.REMOVED, k, -1, excerpts.of(excerpt(a.get(k), 0)), null));
            counts[1]++;
        }
        for (int k = j0 + paired; k < j1; k++) {
            out.add(new ParagraphChange(ChangeKind.ADDED, -1, k, null, excerpts.of(excerpt(b.get(k), 0))));
            counts[0]++;
        }
    }

    /** The blocks of a Markdown text, whitespace collapsed so that re-wrapping a paragraph is no change. */
    static List<String> blocks(String markdown) {
        if (markdown == null || markdown.isBlank()) return List.of();
        String text = markdown.replace("\r\n", "\n").replace('\r', '\n');
        String[] lines = text.split("\n", -1);
        List<String> out = new ArrayList<>();
        collect(PARSER.parse(text), lines, out);
        return out;
    }

    private static void collect(Node parent, String[] lines, List<String> out) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof ListBlock || n instanceof BlockQuote) {
                collect(n, lines, out);
            } else if (n instanceof Block) {
                String source = source(n, lines);
                String key = WHITE_SPACE.matcher(source.strip()).replaceAll(" ");
                if (!key.isEmpty()) out.add(key);
            }
        }
    }

    private static String source(Node node, String[] lines) {
        StringBuilder sb = new StringBuilder();
        for (SourceSpan span : node.getSourceSpans()) {
            String line = lines[span.getLineIndex()];
            int start = Math.min(span.getColumnIndex(), line.length());
            int end = Math.min(start + span.getLength(), line.length());
            if (sb.length() > 0) sb.append('\n');
            sb.append(line, start, end);
        }
        return sb.toString();
    }

    /** Matching block pairs (i, j) in increasing order: a longest common subsequence of equal blocks. */
    private static List<int[]> align(List<String> a, List<String> b) {
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) start++;
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
            endA--;
            endB--;
        }
        List<int[]> pairs = new ArrayList<>();
        for (int k = 0; k < start; k++) pairs.add(new int[]{k, k});
        int n = endA - start;
        int m = endB - start;
        if (n > 0 && m > 0 && (long) n * m <= MAX_CELLS) {
            int[][] lcs = new int[n + 1][m + 1];
            for (int x = n - 1; x >= 0; x--) {
                for (int y = m - 1; y >= 0; y--) {
                    lcs[x][y] = a.get(start + x).equals(b.get(start + y))
                            ? lcs[x + 1][y + 1] + 1
                            : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
                }
            }
            int x = 0;
            int y = 0;
            while (x < n && y < m) {
                if (a.get(start + x).equals(b.get(start + y))) {
                    pairs.add(new int[]{start + x, start + y});
                    x++;
                    y++;
                } else if (lcs[x + 1][y] >= lcs[x][y + 1]) {
                    x++;
                } else {
                    y++;
                }
            }
        }
        for (int k = 0; k < a.size() - endA; k++) pairs.add(new int[]{endA + k, endB + k});
        return pairs;
    }

    /** Excerpts of two versions of a block, both starting a little before their first difference. */
    private static String[] changedExcerpts(String from, String to) {
        // Walked in place, code point by code point: arrays of every block's code points were a third of comparing.
        int at = 0;
        int prefix = 0; // code points in common
        int shorter = Math.min(from.length(), to.length());
        while (at < shorter) {
            int a = from.codePointAt(at);
            if (a != to.codePointAt(at)) break;
            at += Character.charCount(a);
            prefix++;
        }
        int start = Math.max(0, prefix - LEAD);
        return new String[]{excerpt(from, start), excerpt(to, start)};
    }

    /** {@link #EXCERPT} code points from {@code start}, with an ellipsis where text was cut. */
    static String excerpt(String text, int start) {
        int from = advance(text, 0, start);
        int to = advance(text, from, EXCERPT);
        String body = text.substring(from, to);
        return (from > 0 ? "…" : "") + body + (to < text.length() ? "…" : "");
    }

    /** The index {@code count} code points after index {@code at}, or the end of {@code text} if it comes first. */
    private static int advance(String text, int at, int count) {
        for (int k = 0; k < count && at < text.length(); k++) at += Character.charCount(text.codePointAt(at));
        return Math.min(at, text.length());
    }
}
