package jixiao.build;

import jixiao.parallel.Parallel;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.regex.Pattern;

/**
 * A 128-bit hash of a model part by what it holds, the same in every run and process: what the build cache
 * compares to know whether a file rendered from a part last time would render the same now. It walks the
 * value's fields (records and jixiao's own classes), lists in order, sets and plain maps in no order (no
 * rendering depends on the order of an unordered collection: output is byte-identical across processes,
 * whose {@code Map.copyOf} orders differ), ordered maps and sets in order. Every value is tagged with its
 * class, so a {@code "1"} and a {@code 1} differ.
 *
 * <p>A value it cannot read for certain (a JDK type it does not know, a cycle) makes the part
 * {@link Unhashable}: its files are then always rendered again, never reused on a guess. Not thread-safe:
 * one instance per build, which remembers what it hashed (a project is shared by both editions' models).
 */
final class PartHash {

    /** A part whose content cannot be hashed for certain. */
    static final class Unhashable extends RuntimeException {
        Unhashable(String message) {
            super(message, null, false, false);
        }
    }

    /** A hash: two independent 64-bit lanes. */
    record Value(long high, long low) {
    }

    private static final ClassValue<Field[]> FIELDS = new ClassValue<>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
            return fieldsOf(type);
        }
    };

    private final Map<Object, Value> memo = new IdentityHashMap<>();
    /** What another instance remembered, read only (while this one hashes on a core of its own, nothing writes it). */
    private final Map<Object, Value> inherited;

    PartHash() {
        this(Map.of());
    }

    private PartHash(Map<Object, Value> inherited) {
        this.inherited = inherited;
    }
    private final Set<Object> inProgress = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    Value of(Object value) {
        Mix mix = new Mix();
        feed(mix, value);
        return mix.value();
    }

    private void feed(Mix mix, Object value) {
        if (value == null) {
            mix.add(0x6E756C6CL);
            return;
        }
        Class<?> type = value.getClass();
        if (value instanceof String s) {
            mix.add(1);
            mix.add(s);
            return;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            mix.add(2);
            mix.add(((Number) value).longValue());
            return;
        }
        if (value instanceof Boolean b) {
            mix.add(b ? 3 : 4);
            return;
        }
        if (value instanceof Character c) {
            mix.add(5);
            mix.add(c);
            return;
        }
        if (value instanceof Double d) {
            mix.add(6);
            mix.add(Double.doubleToLongBits(d));
            return;
        }
        if (value instanceof Float f) {
            mix.add(7);
            mix.add(Float.floatToIntBits(f));
            return;
        }
        if (value instanceof BigDecimal || value instanceof BigInteger || value instanceof TemporalAccessor) {
            // BigDecimal's text keeps its scale: 1.0 and 1.00 print differently.
            mix.add(type.getName());
            mix.add(value.toString());
            return;
        }
        if (value instanceof Enum<?> e) {
            mix.add(e.getDeclaringClass().getName());
            mix.add(e.name());
            return;
        }
        if (value instanceof Pattern p) {
            mix.add(8);
            mix.add(p.pattern());
            mix.add(p.flags());
            return;
        }
        Value known = composite(value, type);
        mix.add(known.high());
        mix.add(known.low());
    }

    /** The hash of a composite value (a record, a collection, an array) by what it holds, remembered by identity. */
    private Value composite(Object value, Class<?> type) {
        Value known = memo.get(value);
        if (known == null) known = inherited.get(value);
        if (known == null) {
            if (!inProgress.add(value)) throw new Unhashable("a cycle through " + type.getName());
            try {
                Mix inner = new Mix();
                composite(inner, value, type);
                known = inner.value();
            } finally {
                inProgress.remove(value);
            }
            memo.put(value, known);
        }
        return known;
    }

    /**
     * An instance of its own for another thread, which reads what this one remembers (nothing may write it meanwhile)
     * and remembers what it hashes itself.
     */
    PartHash reader() {
        return new PartHash(memo);
    }

    /**
     * Hashes each of {@code values} (records: a build's projects) on all cores, each core with an instance of its own,
     * and remembers the results here: hashing 10,000 projects, every field and source position, took a second on one
     * core, a tenth of a one-edit rebuild. A value hashes the same whichever instance hashes it; only what is
     * remembered differs. What this instance already knows (a score's project) is read, not hashed again, by all cores:
     * nothing writes it until they are done. One that cannot be hashed is left to fail again, where it is asked for.
     */
    void rememberAll(List<?> values) {
        List<Value> hashes = Parallel.map(values, 64, v -> {
            try {
                return reader().composite(v, v.getClass());
            } catch (Unhashable e) {
                return null;
            }
        });
        for (int i = 0; i < values.size(); i++) if (hashes.get(i) != null) memo.putIfAbsent(values.get(i), hashes.get(i));
    }

    private void composite(Mix mix, Object value, Class<?> type) {
        if (type.getName().startsWith("jixiao.")) {
            // jixiao's own classes by their fields, even a Map (PositionMap): their fields are what they hold.
            if (type.isHidden() || type.isSynthetic()) throw new Unhashable("no way to hash a " + type.getName());
            mix.add(type.getName());
            try {
                for (Field f : FIELDS.get(type)) feed(mix, f.get(value));
            } catch (IllegalAccessException | RuntimeException e) {
                if (e instanceof Unhashable u) throw u;
                throw new Unhashable("cannot read " + type.getName() + ": " + e.getMessage());
            }
        } else if (value instanceof Optional<?> o) {
            mix.add(9);
            feed(mix, o.orElse(null));
        } else if (value instanceof List<?> || value instanceof SortedSet<?> || value instanceof LinkedHashSet<?>) {
            mix.add(10);
            Collection<?> items = (Collection<?>) value;
            mix.add(items.size());
            for (Object item : items) feed(mix, item);
        } else if (value instanceof Collection<?> items) {
            mix.add(11);
            mix.add(items.size());
            List<Value> hashes = new ArrayList<>(items.size());
            for (Object item : items) hashes.add(of(item));
            unordered(mix, hashes);
        } else if (value instanceof SortedMap<?, ?> || value instanceof LinkedHashMap<?, ?>) {
            mix.add(12);
            Map<?, ?> map = (Map<?, ?>) value;
            mix.add(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                feed(mix, e.getKey());
                feed(mix, e.getValue());
            }
        } else if (value instanceof Map<?, ?> map) {
            mix.add(13);
            mix.add(map.size());
            List<Value> hashes = new ArrayList<>(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Mix entry = new Mix();
                feed(entry, e.getKey());
                feed(entry, e.getValue());
                hashes.add(entry.value());
            }
            unordered(mix, hashes);
        } else if (type.isArray()) {
            mix.add(14);
            mix.add(type.getName());
            int length = Array.getLength(value);
            mix.add(length);
            for (int i = 0; i < length; i++) feed(mix, Array.get(value, i));
        } else {
            throw new Unhashable("no way to hash a " + type.getName());
        }
    }

    private static void unordered(Mix mix, List<Value> hashes) {
        hashes.sort((a, b) -> a.high() != b.high() ? Long.compare(a.high(), b.high()) : Long.compare(a.low(), b.low()));
        for (Value h : hashes) {
            mix.add(h.high());
            mix.add(h.low());
        }
    }

    /** The instance fields of a jixiao class and its jixiao superclasses, in a fixed order; a record's in component order. */
    private static Field[] fieldsOf(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                try {
                    fields.add(type.getDeclaredField(c.getName()));
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException("a record has a field per component", e);
                }
            }
        } else {
            for (Class<?> c = type; c != null && c.getName().startsWith("jixiao."); c = c.getSuperclass()) {
                Field[] declared = c.getDeclaredFields();
                Arrays.sort(declared, (a, b) -> a.getName().compareTo(b.getName()));
                for (Field f : declared) if (!Modifier.isStatic(f.getModifiers())) fields.add(f);
            }
        }
        for (Field f : fields) f.setAccessible(true);
        return fields.toArray(Field[]::new);
    }

    /** Two multiply-rotate lanes, finished with MurmurHash3's mixer. */
    private static final class Mix {
        private long a = 0x243F6A8885A308D3L;
        private long b = 0x13198A2E03707344L;

        void add(long v) {
            a = Long.rotateLeft(a ^ (v * 0x9E3779B97F4A7C15L), 27) * 0x87C37B91114253D5L + 0x52DCE729L;
            b = Long.rotateLeft(b ^ (v * 0xC2B2AE3D27D4EB4FL), 31) * 0x4CF5AD432745937FL + 0x38495AB5L;
        }

        void add(String s) {
            int n = s.length();
            add(n);
            int i = 0;
            for (; i + 3 < n; i += 4) {
                add((long) s.charAt(i) | (long) s.charAt(i + 1) << 16 | (long) s.charAt(i + 2) << 32 | (long) s.charAt(i + 3) << 48);
            }
            long rest = 0;
            for (int shift = 0; i < n; i++, shift += 16) rest |= (long) s.charAt(i) << shift;
            add(rest);
        }

        Value value() {
            return new Value(finish(a ^ b * 31), finish(b));
        }

        private static long finish(long h) {
            h ^= h >>> 33;
            h *= 0xFF51AFCCD4CEB4A3L;
            h ^= h >>> 33;
            h *= 0xC4CEB9FE1A85EC53L;
            h ^= h >>> 33;
            return h;
        }
    }
}
