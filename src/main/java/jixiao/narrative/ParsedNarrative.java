package jixiao.narrative;

import org.commonmark.node.Node;

import java.util.List;

/**
 * A narrative's syntax tree and every {@code {{} in it, in document order. The tree belongs to
 * the caller, who may change it (rendering replaces each occurrence's node by its text).
 */
public record ParsedNarrative(Node document, List<Occurrence> occurrences) {

    public ParsedNarrative {
        occurrences = List.copyOf(occurrences);
    }

    /** The references and malformed ones, without the tree. */
    public NarrativeReferences references() {
        return new NarrativeReferences(
                occurrences.stream().filter(o -> !o.isMalformed()).map(Occurrence::reference).toList(),
                occurrences.stream().filter(Occurrence::isMalformed).map(Occurrence::malformed).toList());
    }
}
