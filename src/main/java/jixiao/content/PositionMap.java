package jixiao.content;

import jixiao.diagnostic.SourcePosition;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The positions of one file's values, kept compactly: the paths, sorted by hash code, and each
 * position's line and column packed in an {@code int} (a {@code long} in a file with a line or a
 * column too large for that), in two arrays of exactly the size needed.
 * A content tree holds one of these per file, with a hundred or more entries each; as a
 * {@code Map.copyOf} of {@link SourcePosition}s they were most of the memory a large tree took; with a
 * {@code long} each the positions of 100,000 project files still took 128 MB (heap histogram of a build).
 * Positions are made again on each lookup, equal to those recorded. Immutable. Not a public type:
 * {@link SourceMap#positions()} is a plain {@code Map}.
 */
final class PositionMap extends AbstractMap<String, SourcePosition> {

    private final String file;
    /** Sorted by {@code hashCode()}; equal hash codes are next to each other. */
    private final String[] keys;
    /** Line and column of each key, packed by {@link #narrow}; null when one does not fit, and {@link #wide} holds them. */
    private final int[] narrow;
    /** Line and column of each key, the line in the high half; null when {@link #narrow} holds them. */
    private final long[] wide;

    private PositionMap(String file, String[] keys, int[] narrow, long[] wide) {
        this.file = file;
        this.keys = keys;
        this.narrow = narrow;
        this.wide = wide;
    }

    /** Bits of a narrow place that hold the column; the line has the others. */
    private static final int COLUMN_BITS = 12;
    private static final int COLUMN_MASK = (1 << COLUMN_BITS) - 1;
    private static final int MAX_NARROW_LINE = (1 << (32 - COLUMN_BITS)) - 1;

    /** Line and column in an int, or -1 when they do not fit (a line beyond a million, a column beyond 4,095). */
    private static int narrow(int line, int column) {
        if (line < 0 || line > MAX_NARROW_LINE || column < 0 || column > COLUMN_MASK) return -1;
        return (line << COLUMN_BITS) | column;
    }

    /**
     * Records the positions of one file while it is read, first position of a path wins (as
     * {@link Map#putIfAbsent}), in a hash table with room to spare. Positions in another file
     * switch it to an ordinary map, which {@link SourceMap} then copies as it copies any other.
     */
    static final class Builder {
        private final String file;
        private final SharedStrings names;
        private String[] keys = new String[64];
        private long[] places = new long[64];
        private int size;
        private Map<String, SourcePosition> plain;

        /** {@code names} shares the sorted path arrays of files with the same paths, as it shares the paths. */
        Builder(String file, SharedStrings names) {
            this.file = file;
            this.names = names;
        }

        void putIfAbsent(String key, SourcePosition position) {
            if (plain == null && (key == null || position == null
                    || (position.file() != file && !position.file().equals(file)))) {
                plain = new HashMap<>(build());
            }
            if (plain != null) {
                plain.putIfAbsent(key, position);
                return;
            }
            int mask = keys.length - 1;
            int i = spread(key.hashCode()) & mask;
            for (String at; (at = keys[i]) != null; i = (i + 1) & mask) {
                if (at.equals(key)) return;
            }
            keys[i] = key;
            places[i] = ((long) position.line() << 32) | (position.column() & 0xFFFFFFFFL);
            if (++size * 2 > keys.length) grow();
        }

        private static int spread(int h) {
            return h ^ (h >>> 16);
        }

        private void grow() {
            String[] oldKeys = keys;
            long[] oldPlaces = places;
            keys = new String[oldKeys.length * 2];
            places = new long[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] == null) continue;
                int i = spread(oldKeys[j].hashCode()) & mask;
                while (keys[i] != null) i = (i + 1) & mask;
                keys[i] = oldKeys[j];
                places[i] = oldPlaces[j];
            }
        }

        /** What was recorded. */
        Map<String, SourcePosition> build() {
            if (plain != null) return plain;
            if (size == 0) return Map.of();
            // Sort the slots by hash code: (hash << 32 | slot) sorts as the hash, then the slot.
            long[] order = new long[size];
            int n = 0;
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != null) order[n++] = ((long) keys[i].hashCode() << 32) | i;
            }
            Arrays.sort(order);
            String[] sortedKeys = new String[size];
            long[] sortedPlaces = new long[size];
            int[] narrowPlaces = new int[size];
            for (int j = 0; j < size; j++) {
                int slot = (int) order[j];
                sortedKeys[j] = keys[slot];
                sortedPlaces[j] = places[slot];
                if (narrowPlaces != null) {
                    narrowPlaces[j] = narrow((int) (places[slot] >>> 32), (int) places[slot]);
                    if (narrowPlaces[j] < 0) narrowPlaces = null;
                }
            }
            sortedKeys = names.paths(sortedKeys);
            return narrowPlaces != null
                    ? new PositionMap(file, sortedKeys, narrowPlaces, null)
                    : new PositionMap(file, sortedKeys, null, sortedPlaces);
        }
    }

    /** The index of {@code key}, or -1. */
    private int indexOf(Object key) {
        if (!(key instanceof String k)) return -1;
        int hash = k.hashCode();
        int low = 0;
        int high = keys.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int h = keys[mid].hashCode();
            if (h < hash) low = mid + 1;
            else if (h > hash) high = mid - 1;
            else {
                // Look through the run of equal hash codes around mid.
                for (int i = mid; i >= 0 && keys[i].hashCode() == hash; i--) if (keys[i].equals(k)) return i;
                for (int i = mid + 1; i < keys.length && keys[i].hashCode() == hash; i++) if (keys[i].equals(k)) return i;
                return -1;
            }
        }
        return -1;
    }

    private SourcePosition position(int index) {
        if (narrow != null) {
            int place = narrow[index];
            return new SourcePosition(file, place >>> COLUMN_BITS, place & COLUMN_MASK);
        }
        long place = wide[index];
        return new SourcePosition(file, (int) (place >>> 32), (int) place);
    }

    @Override
    public SourcePosition get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : position(i);
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public Set<Entry<String, SourcePosition>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, SourcePosition>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, SourcePosition> next() {
                        if (next >= keys.length) throw new NoSuchElementException();
                        Entry<String, SourcePosition> e = new SimpleImmutableEntry<>(keys[next], position(next));
                        next++;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
