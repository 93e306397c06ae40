package jixiao.build;

import jixiao.content.YamlMemo;
import jixiao.content.YamlNode;
import jixiao.diagnostic.SourcePosition;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

/**
 * The YAML trees of the last incremental build's content files, in the build cache's folder ({@code yaml.cache}
 * beside {@code build.cache}): an incremental build parses only the files whose bytes changed (parsing was a quarter
 * of a one-edit rebuild of 10,000 projects). Each tree is kept under its file's path with the SHA-256 of the bytes
 * it was parsed from and a CRC-32C of its own encoding; a tree whose file changed, or whose encoding no longer
 * matches its checksum, is parsed again. A cache of another jixiao version is ignored whole (the encoding and the
 * parser may differ). Safe to delete, like the rest of the folder.
 *
 * <p>Read whole into memory when the build starts; trees are decoded only when asked for. The cache written after
 * the build holds the files this build read, the unchanged ones copied as they were.
 */
public final class YamlCache implements YamlMemo {

    static final String FILE = "yaml.cache";
    /** Bumped whenever the layout below changes. */
    static final String MAGIC = "jixiao yaml cache 1";

    private static final int SCALAR = 0;
    private static final int MAPPING = 1;
    private static final int SEQUENCE = 2;
    private static final YamlNode.ScalarKind[] KINDS = YamlNode.ScalarKind.values();

    /** A tree as the cache holds it: the digest of the bytes it was parsed from, and its encoding. */
    private record Kept(byte[] source, byte[] tree, int from, int length, int crc) {
    }

    private final Path file;
    private final String version;
    private final Map<String, Kept> before;
    /** What this build read: the trees taken from {@link #before}, and those parsed now. */
    private final Map<String, Kept> now = new ConcurrentHashMap<>();

    private YamlCache(Path file, String version, Map<String, Kept> before) {
        this.file = file;
        this.version = version;
        this.before = before;
    }

    /**
     * The cache beside the output folder {@code out} (made absolute) for jixiao {@code version}; empty when there is
     * none, it is of another version, or it cannot be read. Never throws: a cache is only ever a shortcut.
     */
    public static YamlCache open(Path out, String version) {
        Path file = BuildCache.folderFor(out).resolve(FILE);
        return new YamlCache(file, version, read(file, version));
    }

    private static Map<String, Kept> read(Path file, String version) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            return Map.of();
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            if (!MAGIC.equals(CacheBytes.string(in)) || !version.equals(CacheBytes.string(in))) return Map.of();
            int count = CacheBytes.count(in);
            Map<String, Kept> trees = new HashMap<>(count * 4 / 3 + 1);
            for (int i = 0; i < count; i++) {
                String path = CacheBytes.string(in);
                byte[] source = new byte[32];
                in.get(source);
                int crc = in.getInt();
                int length = CacheBytes.count(in);
                trees.put(path, new Kept(source, bytes, in.position(), length, crc));
                in.position(in.position() + length);
            }
            if (in.hasRemaining()) return Map.of();
            return trees;
        } catch (IOException | RuntimeException e) {
            return Map.of(); // damaged: the next build writes a sound one
        }
    }

    @Override
    public Optional<YamlNode> known(String path, byte[] bytes) {
        Kept kept = before.get(path);
        if (kept == null) return Optional.empty();
        byte[] source = CacheBytes.digest(bytes, 0, bytes.length);
        if (!Arrays.equals(source, kept.source()) || crc(kept.tree(), kept.from(), kept.length()) != kept.crc()) return Optional.empty();
        try {
            YamlNode tree = new Decoder(path, ByteBuffer.wrap(kept.tree(), kept.from(), kept.length())).node(0);
            now.put(path, kept);
            return Optional.of(tree);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void parsed(String path, byte[] bytes, YamlNode tree) {
        CacheBytes.Writer out = new CacheBytes.Writer(bytes.length);
        if (!encode(out, path, tree)) return; // a position in another file: not one this layout can hold
        byte[] encoded = out.toByteArray();
        now.put(path, new Kept(CacheBytes.digest(bytes, 0, bytes.length), encoded, 0, encoded.length,
                crc(encoded, 0, encoded.length)));
    }

    /**
     * The SHA-256 of the bytes of {@code path} as this build read them, or null when this build kept no tree of it
     * (not read, or parsed with a finding).
     */
    byte[] digest(String path) {
        Kept kept = now.get(path);
        return kept == null ? null : kept.source();
    }

    /** Writes the trees this build read, for the next; a cache that cannot be written only makes that one parse all. */
    void write() {
        CacheBytes.Writer out = new CacheBytes.Writer(1 << 20);
        out.string(MAGIC);
        out.string(version);
        Map<String, Kept> sorted = new TreeMap<>(now);
        out.putInt(sorted.size());
        for (Map.Entry<String, Kept> e : sorted.entrySet()) {
            Kept kept = e.getValue();
            out.string(e.getKey());
            out.put(kept.source(), false);
            out.putInt(kept.crc());
            out.put(Arrays.copyOfRange(kept.tree(), kept.from(), kept.from() + kept.length()), true);
        }
        try {
            out.writeTo(file, new byte[0]); // each tree carries its own checksum
        } catch (IOException | RuntimeException e) {
            delete(file.getParent());
        }
    }

    /** Removes the YAML cache of the cache folder {@code folder}, quietly. */
    static void delete(Path folder) {
        CacheBytes.deleteQuietly(folder.resolve(FILE));
    }

    private static int crc(byte[] bytes, int from, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, length);
        return (int) crc.getValue();
    }

    /** Writes {@code node}; false when one of its positions is in a file other than {@code path}. */
    private static boolean encode(CacheBytes.Writer out, String path, YamlNode node) {
        if (!position(out, path, node.position())) return false;
        if (node instanceof YamlNode.Scalar s) {
            out.putByte(SCALAR);
            out.string(s.text());
            out.putByte(s.kind().ordinal());
            out.putByte((s.plain() ? 1 : 0) | (s.trailingComment() != null ? 2 : 0));
            if (s.trailingComment() != null) out.string(s.trailingComment());
        } else if (node instanceof YamlNode.Mapping m) {
            out.putByte(MAPPING);
            out.varint(m.entries().size());
            for (YamlNode.Entry e : m.entries()) {
                out.string(e.key());
                if (!position(out, path, e.keyPosition()) || !encode(out, path, e.value())) return false;
            }
        } else {
            YamlNode.Sequence q = (YamlNode.Sequence) node;
            out.putByte(SEQUENCE);
            out.varint(q.items().size());
            for (YamlNode item : q.items()) if (!encode(out, path, item)) return false;
        }
        return true;
    }

    private static boolean position(CacheBytes.Writer out, String path, SourcePosition at) {
        if (!at.file().equals(path)) return false;
        out.varint(at.line());
        out.varint(at.column());
        return true;
    }

    /** Reads a tree back, every position in {@code path}; nesting as deep as the parser allows, no deeper. */
    private static final class Decoder {
        private static final int MAX_DEPTH = 64;
        private final String path;
        private final ByteBuffer in;

        Decoder(String path, ByteBuffer in) {
            this.path = path;
            this.in = in;
        }

        YamlNode node(int depth) throws IOException {
            if (depth > MAX_DEPTH) throw new IOException("nested too deep");
            SourcePosition at = position();
            int tag = in.get();
            switch (tag) {
                case SCALAR -> {
                    String text = CacheBytes.string(in);
                    int kind = in.get();
                    if (kind < 0 || kind >= KINDS.length) throw new IOException("no such scalar kind");
                    int flags = in.get();
                    String comment = (flags & 2) != 0 ? CacheBytes.string(in) : null;
                    return new YamlNode.Scalar(text, KINDS[kind], (flags & 1) != 0, comment, at);
                }
                case MAPPING -> {
                    int size = count();
                    List<YamlNode.Entry> entries = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) {
                        String key = CacheBytes.string(in);
                        SourcePosition keyAt = position();
                        entries.add(new YamlNode.Entry(key, keyAt, node(depth + 1)));
                    }
                    return new YamlNode.Mapping(entries, at);
                }
                case SEQUENCE -> {
                    int size = count();
                    List<YamlNode> items = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) items.add(node(depth + 1));
                    return new YamlNode.Sequence(items, at);
                }
                default -> throw new IOException("no such node");
            }
        }

        private int count() throws IOException {
            int n = CacheBytes.varint(in);
            if (n > in.remaining()) throw new IOException("a count larger than the tree");
            return n;
        }

        private SourcePosition position() throws IOException {
            return new SourcePosition(path, CacheBytes.varint(in), CacheBytes.varint(in));
        }
    }
}
