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
     * A compact copy of {@code positions} when every position is in {@code file}, else null (the
     * caller then keeps an ordinary immutable copy). Null keys or values also give null, so that
     * the ordinary copy rejects them as before.
     */
    static PositionMap of(String file, Map<String, SourcePosition> positions) {
        int capacity = Integer.highestOneBit(Math.max(4, positions.size()) * 2 - 1) << 1;
        String[] keys = new String[capacity];
        long[] places = new long[capacity];
        int mask = capacity - 1;
        for (Map.Entry<String, SourcePosition> e : positions.entrySet()) {
            String key = e.getKey();
            SourcePosition p = e.getValue();
            if (key == null || p == null || !p.file().equals(file)) return null;
            int i = spread(key.hashCode()) & mask;
            while (keys[i] != null) i = (i + 1) & mask; // keys of a Map are distinct
            keys[i] = key;
            places[i] = ((long) p.line() << 32) | (p.column() & 0xFFFFFFFFL);
        }
        return new PositionMap(file, keys, places, positions.size());
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
