package jixiao.render;

import jixiao.content.HtmlComments;
import jixiao.narrative.NarrativeParser;
import jixiao.narrative.NarrativeReference;
import jixiao.narrative.NarrativeTooComplexException;
import jixiao.narrative.Occurrence;
import jixiao.narrative.ParsedNarrative;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Narratives (CommonMark with GFM tables) to HTML that is safe to put in a page: raw HTML is
 * shown as text, except HTML comments, which are editors' notes and left out
 * ({@link HtmlComments}), links go only to http(s), mailto or this site, nothing is loaded from
 * elsewhere, and {@code {{ scope.figure }}} references become the figures' text.
 *
 * <p>Built once and shared: the parser and renderer are immutable and thread-safe, and each
 * call works on its own syntax tree.
 */
public final class Markdown {

    /**
     * Deeper than this the tree is flattened to plain text before rendering. commonmark parses
     * any depth without recursion, but its renderer recurses and overflows the stack at about
     * 2,000 nested lists; no report needs more than a dozen levels.
     */
    static final int MAX_DEPTH = 48;

    /** Used in positions when a caller renders without saying which file the text came from. */
    static final String UNNAMED = "<narrative>";

    private final int headingOffset;
    private final NarrativeParser parser = new NarrativeParser();
    private final HtmlRenderer renderer;

    /**
     * @param headingOffset added to every heading level (capped at 6), so that with 1 a
     *                      narrative's {@code #} becomes {@code <h2>} under the page's {@code <h1>}
     */
    public Markdown(int headingOffset) {
        if (headingOffset < 0 || headingOffset > 5) throw new IllegalArgumentException("heading offset must be 0 to 5: " + headingOffset);
        this.headingOffset = headingOffset;
        this.renderer = HtmlRenderer.builder()
                .extensions(NarrativeParser.EXTENSIONS)
                .escapeHtml(true)
                .percentEncodeUrls(true)
                .nodeRendererFactory(TableWrap.Renderer::new)
                .attributeProviderFactory(context -> Markdown::attributes)
                .build();
    }

    /**
     * Renders a narrative. Each reference becomes {@code resolve}'s plain text, escaped: it
     * replaces a node of the parsed tree, so a figure can never add Markdown or HTML.
     * Malformed references are shown as written and are not passed to {@code resolve}.
     *
     * @param file where the text came from, for the positions handed to {@code resolve}
     * @throws NarrativeTooComplexException when the text nests too deeply to parse
     */
    public String toHtml(String markdown, String file, Function<NarrativeReference, String> resolve) {
        return renderer.render(resolved(markdown, file, resolve));
    }

    /**
     * The safe syntax tree that {@link #toHtml(String, String, Function)} renders, for a renderer of another
     * format (report.docx): references replaced by their text, too-deep parts flattened, unsafe links unwrapped.
     */
    Node resolved(String markdown, String file, Function<NarrativeReference, String> resolve) {
        ParsedNarrative parsed = parser.parse(markdown, file);
        Node document = parsed.document();
        for (Occurrence o : parsed.occurrences()) {
            String text;
            if (o.isMalformed()) {
                text = "{{";
            } else {
                NarrativeReference reference = o.reference();
                text = Objects.requireNonNull(resolve.apply(reference), () -> "no text for " + reference + " at " + reference.position());
            }
            replace(o.node(), new Text(text));
        }
        flattenBelow(document, MAX_DEPTH);
        makeSafe(document);
        return document;
    }

    /** {@link #toHtml(String, String, Function)} for text whose file does not matter. */
    public String toHtml(String markdown, Function<NarrativeReference, String> resolve) {
        return toHtml(markdown, UNNAMED, resolve);
    }

    private void makeSafe(Node document) {
        List<Node> nodes = preOrder(document);
        List<Image> images = new ArrayList<>();
        for (Node node : nodes) {
            if (node instanceof Heading heading) {
                heading.setLevel(Math.min(6, heading.getLevel() + headingOffset));
            } else if (node instanceof Link link) {
                SafeUrl url = SafeUrl.of(link.getDestination());
                if (url.kind() == SafeUrl.Kind.UNSAFE) unwrap(link);
                else link.setDestination(url.url());
            } else if (node instanceof Image image) {
                images.add(image);
            } else if (node instanceof HtmlInline html) {
                String kept = HtmlComments.withoutComments(html.getLiteral());
                if (kept.isEmpty()) html.unlink();
                else html.setLiteral(kept);
            } else if (node instanceof HtmlBlock html) {
                String kept = HtmlComments.withoutComments(html.getLiteral());
                if (kept.isBlank()) html.unlink();
                else html.setLiteral(kept.strip());
            } else if (node instanceof TableBlock table) {
                TableWrap wrap = new TableWrap();
                table.insertBefore(wrap);
                wrap.appendChild(table);
            }
        }
        // Innermost first, so an image inside another image's description is handled while still attached.
        for (int i = images.size() - 1; i >= 0; i--) {
            Image image = images.get(i);
            SafeUrl url = SafeUrl.of(image.getDestination());
            String alt = textContent(image);
            if (url.kind() == SafeUrl.Kind.LOCAL) {
                image.setDestination(url.url());
            } else if (url.kind() == SafeUrl.Kind.EXTERNAL && !insideLink(image)) {
                // The site loads nothing from elsewhere: an outside picture becomes a link to it.
                Link link = new Link(url.url(), image.getTitle());
                link.appendChild(new Text(alt.isBlank() ? url.url() : alt));
                replace(image, link);
            } else {
                replace(image, new Text(alt));
            }
        }
    }

    private static void attributes(Node node, String tagName, Map<String, String> attributes) {
        if (node instanceof Link link && tagName.equals("a") && SafeUrl.of(link.getDestination()).kind() == SafeUrl.Kind.EXTERNAL) {
            attributes.put("rel", "noopener noreferrer");
        } else if (node instanceof TableCell && tagName.equals("th")) {
            attributes.put("scope", "col");
        }
    }

    /** All nodes under {@code root} in document order, without recursion (trees can be very deep). */
    private static List<Node> preOrder(Node root) {
        List<Node> nodes = new ArrayList<>();
        Node node = root.getFirstChild();
        while (node != null) {
            nodes.add(node);
            node = following(node, root, true);
        }
        return nodes;
    }

    /** The next node in document order under {@code root}, descending into children if asked. */
    private static Node following(Node node, Node root, boolean descend) {
        if (descend && node.getFirstChild() != null) return node.getFirstChild();
        while (node != root) {
            if (node.getNext() != null) return node.getNext();
            node = node.getParent();
        }
        return null;
    }

    /** Replaces the content of every node at {@code limit} levels down by its text. */
    private static void flattenBelow(Node root, int limit) {
        List<Node> atLimit = new ArrayList<>();
        Node node = root.getFirstChild();
        int depth = 1;
        while (node != null) {
            if (node.getFirstChild() != null && depth < limit) {
                node = node.getFirstChild();
                depth++;
                continue;
            }
            if (node.getFirstChild() != null) atLimit.add(node);
            while (node != root && node.getNext() == null) {
                node = node.getParent();
                depth--;
            }
            node = node == root ? null : node.getNext();
        }
        for (Node full : atLimit) {
            Text text = new Text(textContent(full));
            Node content = text;
            if (full.getFirstChild() instanceof Block) {
                content = new Paragraph();
                content.appendChild(text);
            }
            while (full.getFirstChild() != null) full.getFirstChild().unlink();
            full.appendChild(content);
        }
    }

    private static String textContent(Node root) {
        StringBuilder text = new StringBuilder();
        for (Node node : preOrder(root)) {
            if (node instanceof Text t) text.append(t.getLiteral());
            else if (node instanceof Code c) text.append(c.getLiteral());
            else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) text.append('\n');
        }
        return text.toString();
    }

    private static boolean insideLink(Node node) {
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up instanceof Link) return true;
        }
        return false;
    }

    private static void replace(Node node, Node replacement) {
        node.insertBefore(replacement);
        node.unlink();
    }

    /** Keeps a node's children in its place, without the node. */
    private static void unwrap(Node node) {
        while (node.getFirstChild() != null) node.insertBefore(node.getFirstChild());
        node.unlink();
    }
}
