package jixiao.content;

import jixiao.diagnostic.SourcePosition;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The positions of one file's values, kept compactly: an immutable open-addressing table of paths
 * with each position's line and column packed in a {@code long}. A content tree holds one of these
 * per file, with a hundred or more entries each; as a {@code Map.copyOf} of {@link SourcePosition}s
 * they were most of the memory a large tree took. Positions are made again on each lookup, equal
 * to those recorded. Not a public type: {@link SourceMap#positions()} is a plain {@code Map}.
 */
final class PositionMap extends AbstractMap<String, SourcePosition> {

    private final String file;
    private final String[] keys;
    private final long[] places;
    private final int size;

    private PositionMap(String file, String[] keys, long[] places, int size) {
        this.file = file;
        this.keys = keys;
        this.places = places;
        this.size = size;
    }

    /**
     * Records the positions of one file while it is read, first position of a path wins (as
     * {@link Map#putIfAbsent}). Positions in another file switch it to an ordinary map, which
     * {@link SourceMap} then copies as it copies any other.
     */
    static final class Builder {
        private final String file;
        private String[] keys = new String[64];
        private long[] places = new long[64];
        private int size;
        private Map<String, SourcePosition> plain;

        Builder(String file) {
            this.file = file;
        }

        void putIfAbsent(String key, SourcePosition position) {
            if (plain == null && (key == null || position == null
                    || (position.file() != file && !position.file().equals(file)))) {
                plain = new java.util.HashMap<>(build());
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
            places[i] = pack(position);
            if (++size * 2 > keys.length) grow();
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

        /** What was recorded; the builder is not used afterwards. */
        Map<String, SourcePosition> build() {
            if (plain != null) return plain;
            return size == 0 ? Map.of() : new PositionMap(file, keys, places, size);
        }
    }

    private static long pack(SourcePosition p) {
        return ((long) p.line() << 32) | (p.column() & 0xFFFFFFFFL);
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    private int slot(Object key) {
        if (!(key instanceof String k)) return -1;
        int mask = keys.length - 1;
        for (int i = spread(k.hashCode()) & mask; ; i = (i + 1) & mask) {
            String at = keys[i];
            if (at == null) return -1;
            if (at.equals(k)) return i;
        }
    }

    private SourcePosition position(int slot) {
        long place = places[slot];
        return new SourcePosition(file, (int) (place >>> 32), (int) place);
    }

    @Override
    public SourcePosition get(Object key) {
        int slot = slot(key);
        return slot < 0 ? null : position(slot);
    }

    @Override
    public boolean containsKey(Object key) {
        return slot(key) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<String, SourcePosition>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, SourcePosition>> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        int i = from;
                        while (i < keys.length && keys[i] == null) i++;
                        return i;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, SourcePosition> next() {
                        if (next >= keys.length) throw new NoSuchElementException();
                        Entry<String, SourcePosition> e = new SimpleImmutableEntry<>(keys[next], position(next));
                        next = advance(next + 1);
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
