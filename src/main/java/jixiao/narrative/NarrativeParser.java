package jixiao.narrative;

import jixiao.diagnostic.SourcePosition;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a narrative (CommonMark with GFM tables) and finds its {@code {{ scope.figure }}}
 * references ({@link ReferenceSyntax}) where Markdown leaves them as text: not in code spans or
 * blocks, not after a backslash, not in link destinations. Checks, rendering and the
 * comparison's masking all read references through this class, so that what a check accepts is
 * what a page resolves.
 *
 * <p>Built once and shared: the commonmark parser is immutable and thread-safe, and each call
 * works on its own syntax tree.
 */
public final class NarrativeParser {

    /** The Markdown extensions narratives are read with; a renderer of the tree needs the same. */
    public static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private final Parser parser = Parser.builder()
            .extensions(EXTENSIONS)
            .customInlineContentParserFactory(new ReferenceParser())
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    /**
     * The references of a narrative and the {@code {{} that do not form one, each at its 1-based
     * line and column in {@code file}.
     *
     * @throws NarrativeTooComplexException when the text nests too deeply to parse
     */
    public NarrativeReferences scan(String markdown, String file) {
        if (!ReferenceSyntax.mayHoldReference(markdown)) return new NarrativeReferences(List.of(), List.of());
        return parse(markdown, file).references();
    }

    /**
     * The syntax tree of a narrative and every {@code {{} in it. A leading byte-order mark is not
     * part of the text: columns count from what follows it, while {@link Occurrence#start()} is an
     * index into {@code markdown} as given.
     *
     * @throws NarrativeTooComplexException when the text nests too deeply to parse
     */
    public ParsedNarrative parse(String markdown, String file) {
        int bom = markdown.startsWith("\uFEFF") ? 1 : 0;
        String source = markdown.substring(bom);
        Node document;
        try {
            document = parser.parse(source);
        } catch (StackOverflowError e) {
            // commonmark 0.27.1 recursed while parsing deeply nested emphasis, long HTML
            // attribute lists and long e-mail autolinks (fixed in 0.30.0). The parse state is
            // private to this call, so nothing is left half-changed once the stack unwinds.
            throw new NarrativeTooComplexException(SourcePosition.ofFile(file));
        }
        List<Occurrence> occurrences = new ArrayList<>();
        Positions positions = new Positions(source, file);
        for (Node node = document.getFirstChild(); node != null; node = following(node, document)) {
            if (!(node instanceof ReferenceNode reference)) continue;
            SourcePosition at = positions.of(node);
            // The parser is built with source spans, so every reference node has one.
            SourceSpan span = node.getSourceSpans().get(0);
            int start = bom + span.getInputIndex();
            int end = start + span.getLength();
            occurrences.add(reference.isMalformed()
                    ? new Occurrence(node, start, end, null, new MalformedReference(reference.text, at))
                    : new Occurrence(node, start, end, new NarrativeReference(reference.scope, reference.figure, at), null));
        }
        return new ParsedNarrative(document, occurrences);
    }

    /** The next node in document order under {@code root}, without recursion (trees can be very deep). */
    private static Node following(Node node, Node root) {
        if (node.getFirstChild() != null) return node.getFirstChild();
        while (node != root) {
            if (node.getNext() != null) return node.getNext();
            node = node.getParent();
        }
        return null;
    }
}
