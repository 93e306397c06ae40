package jixiao.content;

import jixiao.diagnostic.SourcePosition;

import java.util.Map;

/**
 * Positions of the values of one YAML file, keyed by their path in the document
 * ({@code budget.planned.total}, {@code indicators.output.quantity[0].score}).
 * Records stay plain values; whoever reports on a value asks the map where it was written.
 */
public record SourceMap(String file, Map<String, SourcePosition> positions) {

    public SourceMap {
        // A PositionMap is already an immutable copy (made by the loader); anything else is copied.
        positions = positions instanceof PositionMap ? positions : Map.copyOf(positions);
    }

    public static SourceMap empty(String file) {
        return new SourceMap(file, Map.of());
    }

    /** The position of the value at {@code path}, else of its nearest written parent, else the file. */
    public SourcePosition at(String path) {
        String p = path;
        while (true) {
            SourcePosition pos = positions.get(p);
            if (pos != null) return pos;
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) break;
            p = p.substring(0, cut);
        }
        return SourcePosition.ofFile(file);
    }

    /** The position of the key of the value at {@code path} (key positions are stored under {@code path + "#key"}). */
    public SourcePosition keyAt(String path) {
        SourcePosition pos = positions.get(path + "#key");
        return pos != null ? pos : at(path);
    }

    public boolean has(String path) {
        return positions.containsKey(path);
    }
}
