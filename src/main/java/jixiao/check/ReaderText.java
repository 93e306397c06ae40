package jixiao.check;

import jixiao.diagnostic.SourcePosition;
import jixiao.diagnostic.Visible;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.List;

/**
 * A text as a reader of the page sees it, not as the editor typed it: Markdown's emphasis and code marks
 * gone ({@code 577**6425**} reads 5776425), character references decoded ({@code &#53;}), and characters
 * that show as nothing (zero-width space, soft hyphen, direction marks) left out. A check that looks for
 * what must not be published looks here too, or a number typed in pieces would slip past it.
 */
final class ReaderText {

    /** One block as read: its text, where it starts, and the literal text runs it holds (for a stray "<!--"). */
    record Passage(String text, SourcePosition at, List<String> literals) {
    }

    /** Built once: immutable and thread-safe. */
    private static final Parser MARKDOWN = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    private ReaderText() {
    }

    /** The blocks of a Markdown text that starts at {@code start} (line 1 of a narrative file, or a YAML value). */
    static List<Passage> ofMarkdown(String markdown, SourcePosition start) {
        List<Passage> blocks = new ArrayList<>();
        MARKDOWN.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Paragraph paragraph) {
                add(paragraph);
            }

            @Override
            public void visit(Heading heading) {
                add(heading);
            }

            @Override
            public void visit(FencedCodeBlock code) {
                blocks.add(new Passage(visible(code.getLiteral()), at(code), List.of()));
            }

            @Override
            public void visit(IndentedCodeBlock code) {
                blocks.add(new Passage(visible(code.getLiteral()), at(code), List.of()));
            }

            @Override
            public void visit(CustomBlock block) {
                visitChildren(block);
            }

            private void add(org.commonmark.node.Block block) {
                StringBuilder text = new StringBuilder();
                List<String> literals = new ArrayList<>();
                collect(block, text, literals);
                blocks.add(new Passage(visible(text.toString()), at(block), literals));
            }

            private SourcePosition at(org.commonmark.node.Block block) {
                List<SourceSpan> spans = block.getSourceSpans();
                if (spans.isEmpty()) return start;
                SourceSpan first = spans.get(0);
                int line = start.line() + first.getLineIndex();
                int column = first.getLineIndex() == 0 ? start.column() + first.getColumnIndex() : first.getColumnIndex() + 1;
                return new SourcePosition(start.file(), Math.max(1, line), Math.max(1, column));
            }
        });
        return blocks;
    }

    /** A plain text value as read: the same, less what shows as nothing. */
    static String ofPlain(String text) {
        return visible(text);
    }

    private static void collect(Node node, StringBuilder text, List<String> literals) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t) {
                text.append(t.getLiteral());
                literals.add(t.getLiteral());
            } else if (child instanceof Code c) {
                text.append(c.getLiteral());
            } else if (!(child instanceof Block)) {
                collect(child, text, literals);
            }
        }
    }

    /** {@code text} without the characters a page shows as nothing (line breaks kept). */
    private static String visible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (!Visible.inText(cp) || cp == '\t') out.appendCodePoint(cp);
        });
        return out.toString();
    }
}
