package jixiao.narrative;

import org.commonmark.node.Node;

/**
 * One {@code {{} in a parsed narrative: the node that stands for it in the syntax tree, where it
 * is in the source, and what it says. Exactly one of {@code reference} and {@code malformed} is set.
 *
 * @param start the index of its {@code {{} in the text given to {@link NarrativeParser#parse}
 * @param end   the index just past what it covers: its {@code }}} when well-formed, its {@code {{} when not
 */
public record Occurrence(Node node, int start, int end, NarrativeReference reference, MalformedReference malformed) {

    public Occurrence {
        if ((reference == null) == (malformed == null)) throw new IllegalArgumentException("exactly one of reference and malformed");
        if (start < 0 || end < start) throw new IllegalArgumentException("bad range " + start + ".." + end);
    }

    public boolean isMalformed() {
        return malformed != null;
    }
}
