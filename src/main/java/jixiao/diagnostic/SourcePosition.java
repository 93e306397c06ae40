package jixiao.diagnostic;

import java.util.Comparator;

/**
 * Where a value was written: a file path relative to the content folder's parent
 * (so it reads {@code content/2020/unit/project.yaml}), a 1-based line and column.
 * Line 0 means "the file as a whole" (for files that could not be read at all).
 */
public record SourcePosition(String file, int line, int column) implements Comparable<SourcePosition> {

    private static final Comparator<SourcePosition> ORDER = Comparator
            .comparing(SourcePosition::file)
            .thenComparingInt(SourcePosition::line)
            .thenComparingInt(SourcePosition::column);

    public SourcePosition {
        if (file == null || file.isEmpty()) throw new IllegalArgumentException("file is required");
        if (line < 0 || column < 0) throw new IllegalArgumentException("line and column are 1-based, or 0 for the whole file");
    }

    public static SourcePosition ofFile(String file) {
        return new SourcePosition(file, 0, 0);
    }

    @Override
    public int compareTo(SourcePosition other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line + ":" + column;
    }
}
