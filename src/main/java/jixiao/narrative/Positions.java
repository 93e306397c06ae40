package jixiao.narrative;

import jixiao.diagnostic.SourcePosition;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

import java.util.List;

/**
 * Turns commonmark source spans into {@link SourcePosition}s: the line is commonmark's, the
 * column is counted in code points (what an editor shows; 𠀀 is one column, two UTF-16 units).
 * Asked in document order, it counts on from the previous answer on the same line, so a line
 * holding 100,000 references is not counted from its start 100,000 times.
 */
final class Positions {

    private final String source;
    private final String file;
    private int lastIndex = -1;
    private int lastLineStart = -1;
    private int lastColumn;

    Positions(String source, String file) {
        this.source = source;
        this.file = file;
    }

    SourcePosition of(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (spans.isEmpty()) return SourcePosition.ofFile(file);
        SourceSpan span = spans.get(0);
        int index = span.getInputIndex();
        int lineStart = index - span.getColumnIndex();
        int column;
        if (lineStart == lastLineStart && index >= lastIndex) {
            column = lastColumn + source.codePointCount(lastIndex, index);
        } else {
            column = source.codePointCount(lineStart, index) + 1;
        }
        lastIndex = index;
        lastLineStart = lineStart;
        lastColumn = column;
        return new SourcePosition(file, span.getLineIndex() + 1, column);
    }
}
