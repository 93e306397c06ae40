package jixiao.narrative;

import jixiao.diagnostic.SourcePosition;

/**
 * A narrative that the Markdown parser cannot read because it nests too deeply (or, in
 * commonmark 0.27.1, holds a very long HTML tag or e-mail autolink): parsing it overflowed the
 * stack. It is an error in that file; the caller reports it like any other finding.
 */
public final class NarrativeTooComplexException extends RuntimeException {

    private final transient SourcePosition position;

    /** Without the StackOverflowError as cause: its thousand identical frames say nothing more. */
    NarrativeTooComplexException(SourcePosition position) {
        super(position + ": too deeply nested to read as Markdown");
        this.position = position;
    }

    public SourcePosition position() {
        return position;
    }
}
