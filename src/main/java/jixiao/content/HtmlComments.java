package jixiao.content;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML comments in Markdown ({@code <!-- 备注 -->}): notes editors leave for themselves, which no edition
 * publishes. A comment is what CommonMark reads as one: written as HTML (inline or as a block), never inside
 * code, where {@code <!--} is shown as typed. One that is never closed runs to the end of its HTML block,
 * as in a browser. Thread-safe.
 */
public final class HtmlComments {

    /** A comment inside HTML text: to {@code -->}, or to the end when it is not closed. */
    private static final Pattern COMMENT = Pattern.compile("<!--(?:.*?-->|.*\\z)", Pattern.DOTALL);
    private static final String OPEN = "<!--";

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private HtmlComments() {
    }

    /** One comment: the characters {@code [start, end)} of the Markdown it is in; closed unless it runs to the end. */
    public record Comment(int start, int end, boolean closed) {
    }

    /** Every comment of a Markdown text, in order. */
    public static List<Comment> in(String markdown) {
        if (markdown == null || !markdown.contains(OPEN)) return List.of();
        List<Comment> found = new ArrayList<>();
        Node node = PARSER.parse(markdown);
        while (node != null) {
            boolean html = node instanceof HtmlInline || node instanceof HtmlBlock;
            if (html && !node.getSourceSpans().isEmpty()) {
                List<SourceSpan> spans = node.getSourceSpans();
                int start = spans.get(0).getInputIndex();
                SourceSpan last = spans.get(spans.size() - 1);
                int end = last.getInputIndex() + last.getLength();
                Matcher m = COMMENT.matcher(markdown).region(start, end);
                while (m.find()) found.add(new Comment(m.start(), m.end(), m.group().endsWith("-->") && m.end() - m.start() >= 7));
            }
            node = next(node, !html);
        }
        return found;
    }

    /** The Markdown without its comments, for whatever shows its source (data.json, comparisons). */
    public static String without(String markdown) {
        List<Comment> comments = in(markdown);
        if (comments.isEmpty()) return markdown;
        StringBuilder kept = new StringBuilder(markdown.length());
        int from = 0;
        for (Comment c : comments) {
            kept.append(markdown, from, c.start());
            from = c.end();
        }
        return kept.append(markdown, from, markdown.length()).toString();
    }

    /** The HTML of one raw HTML node (a parsed {@link HtmlBlock} or {@link HtmlInline} literal) without its comments. */
    public static String withoutComments(String html) {
        return html.contains(OPEN) ? COMMENT.matcher(html).replaceAll("") : html;
    }

    /** The next node in document order, descending into children if asked; without recursion. */
    private static Node next(Node node, boolean descend) {
        if (descend && node.getFirstChild() != null) return node.getFirstChild();
        while (node != null) {
            if (node.getNext() != null) return node.getNext();
            node = node.getParent();
        }
        return null;
    }
}
