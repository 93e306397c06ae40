package jixiao.narrative;

import jixiao.diagnostic.SourcePosition;

/**
 * Text that opens with {@code {{} but is not a well-formed reference ({@code {{ foo }}},
 * {@code {{ a.b.c }}}, an unclosed {@code {{ x.y}). It is an error at its position; until the
 * editor fixes it, the page shows the text as written.
 *
 * @param text what was written, from {@code {{} to the closing {@code }}} when there is one on
 *             the same line, else a short excerpt of the rest of the line
 */
public record MalformedReference(String text, SourcePosition position) {
}
