package jixiao.content;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The paths of values in a document ({@code budget.planned.total}, {@code indicators.output.quantity[0]},
 * {@code name#key}), made once per loading and shared by every file: thousands of project files
 * have the same few hundred paths, so each is one string instead of one per file, and a path
 * already seen is found without building it again. Thread-safe.
 */
final class PathNames {

    private final ConcurrentHashMap<String, ConcurrentHashMap<String, String>> children = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicReferenceArray<String>> items = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> keys = new ConcurrentHashMap<>();

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

    /** Where the key of the value at {@code path} is recorded: {@code path#key}. */
    String keyOf(String path) {
        String key = keys.get(path);
        if (key == null) key = keys.computeIfAbsent(path, p -> p + "#key");
        return key;
    }
}
