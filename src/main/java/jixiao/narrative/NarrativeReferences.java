package jixiao.narrative;

import java.util.List;

/** Everything a narrative refers to, in document order: what can be resolved and what cannot be read. */
public record NarrativeReferences(List<NarrativeReference> references, List<MalformedReference> malformed) {

    public NarrativeReferences {
        references = List.copyOf(references);
        malformed = List.copyOf(malformed);
    }
}
