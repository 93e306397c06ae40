package jixiao.narrative;

import org.commonmark.node.CustomNode;

/**
 * A {@code {{ … }}} found by the inline parser. Being its own node (not a piece of a Text
 * node) it keeps its exact source span, and it is never built from code spans, code blocks
 * or backslash-escaped braces, which the inline parser consumes before this one sees them.
 * A malformed one stands only for its opening {@code {{}; what follows is parsed as usual.
 */
final class ReferenceNode extends CustomNode {

    /** Null when malformed. */
    final String scope;
    final String figure;
    /** The source text; for a malformed reference, what the error quotes. */
    final String text;

    private ReferenceNode(String scope, String figure, String text) {
        this.scope = scope;
        this.figure = figure;
        this.text = text;
    }

    static ReferenceNode wellFormed(String scope, String figure, String text) {
        return new ReferenceNode(scope, figure, text);
    }

    static ReferenceNode malformed(String text) {
        return new ReferenceNode(null, null, text);
    }

    boolean isMalformed() {
        return scope == null;
    }
}
