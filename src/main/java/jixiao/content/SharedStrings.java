package jixiao.content;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * Strings that many files of one content tree have in common, made once per loading and shared by
 * every file. Paths of values ({@code budget.planned.total}, {@code indicators.output.quantity[0]},
 * {@code name#key}): thousands of project files have the same few hundred, so each is one string
 * instead of one per file, and a path already seen is found without building it again. Short
 * values ({@code ≥95%}, {@code 是}, {@code 10}, unit names): nine in ten repeat another file's, and
 * a large tree keeps them all in memory. Thread-safe.
 */
final class SharedStrings {

    private final ConcurrentHashMap<String, ConcurrentHashMap<String, String>> children = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicReferenceArray<String>> items = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> keys = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> words = new ConcurrentHashMap<>();

    /** {@code parent.key}, or {@code key} at the top. */
    String child(String parent, String key) {
        ConcurrentHashMap<String, String> byKey = children.get(parent);
        if (byKey == null) byKey = children.computeIfAbsent(parent, p -> new ConcurrentHashMap<>());
        String path = byKey.get(key);
        if (path == null) path = byKey.computeIfAbsent(key, k -> parent.isEmpty() ? k : parent + "." + k);
        return path;
    }

    /** {@code parent[index]}. */
    String item(String parent, int index) {
        if (index >= 64) return parent + "[" + index + "]"; // long lists are rare: not worth keeping
        AtomicReferenceArray<String> byIndex = items.get(parent);
        if (byIndex == null) byIndex = items.computeIfAbsent(parent, p -> new AtomicReferenceArray<>(64));
        String path = byIndex.get(index);
        if (path == null) {
            byIndex.compareAndSet(index, null, parent + "[" + index + "]");
            path = byIndex.get(index);
        }
        return path;
    }

    /** Longer texts (explanations, problems) seldom repeat: not worth a lookup and an entry. */
    static final int MAX_SHARED_LENGTH = 64;

    /**
     * One shared copy of a short text kept as data (values, the 一级 and 二级 keys of indicators);
     * a longer or null text is returned as it is.
     */
    String word(String text) {
        if (text == null || text.length() > MAX_SHARED_LENGTH) return text;
        return shared(words, text, t -> t);
    }

    private final ConcurrentHashMap<String, BigDecimal> numbers = new ConcurrentHashMap<>();

    /**
     * One shared {@link BigDecimal} per distinct short number text (weights, scores and many amounts repeat:
     * {@code 10}, {@code 20}, {@code 5}). The text must be a valid number. Immutable, so sharing changes nothing.
     */
    BigDecimal number(String text) {
        if (text.length() > 16) return new BigDecimal(text);
        return shared(numbers, text, BigDecimal::new);
    }

    /** The value kept for {@code text}, made with {@code make} and kept when it is the first. */
    private static <V> V shared(ConcurrentHashMap<String, V> map, String text, Function<String, V> make) {
        V shared = map.get(text);
        if (shared != null) return shared;
        V value = make.apply(text);
        V previous = map.putIfAbsent(text, value);
        return previous == null ? value : previous;
    }

    /** Where the key of the value at {@code path} is recorded: {@code path#key}. */
    String keyOf(String path) {
        String key = keys.get(path);
        if (key == null) key = keys.computeIfAbsent(path, p -> p + "#key");
        return key;
    }

    /** Keyed by a list view of the array itself (compared by its elements), no copy made. */
    private final ConcurrentHashMap<List<String>, String[]> pathLists = new ConcurrentHashMap<>();

    /**
     * One shared copy of a sorted array of paths, never changed once made: most project files hold the same
     * paths in the same order (the same fields, the same number of indicators), and with an array each the
     * position maps of 100,000 projects kept 65 MB of arrays that said the same thing (heap histogram of a build).
     */
    String[] paths(String[] sorted) {
        String[] shared = pathLists.putIfAbsent(Arrays.asList(sorted), sorted);
        return shared == null ? sorted : shared;
    }
}
