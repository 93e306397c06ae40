package jixiao.narrative;

import jixiao.diagnostic.SourcePosition;

/**
 * A well-formed {@code {{ scope.figure }}} in a narrative, at the position of its {@code {{}.
 * The scope is a project id, {@code unit} or {@code report}; whether it names anything is for
 * the caller to decide, since only the caller knows the year's projects.
 */
public record NarrativeReference(String scope, String figure, SourcePosition position) {

    public NarrativeReference {
        if (!ReferenceSyntax.SCOPE.matcher(scope).matches()) throw new IllegalArgumentException("not a reference scope: " + scope);
        if (!ReferenceSyntax.FIGURE.matcher(figure).matches()) throw new IllegalArgumentException("not a figure name: " + figure);
        if (position == null) throw new IllegalArgumentException("position is required");
    }

    /** {@code {{ scope.figure }}}, the way an editor writes it. */
    @Override
    public String toString() {
        return "{{ " + scope + "." + figure + " }}";
    }
}
