package jixiao.build;

import jixiao.check.CheckMemo;
import jixiao.diagnostic.Finding;
import jixiao.diagnostic.Severity;
import jixiao.diagnostic.SourcePosition;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The findings of the last incremental build's per-project text checks ({@link CheckMemo}), in the build cache's
 * folder ({@code check.cache} beside {@code yaml.cache}): after an edit to one project of 10,000, its public texts
 * and prose claims are checked again, the others' findings are read back (checking them all was 1.5 s of a 10 s
 * rebuild). Each list is kept under its name with a {@link PartHash} of everything the check read (the project
 * record with its source positions, its score, every contact, the money unit) and the SHA-256 of the YAML file it
 * reads again to place a finding; a list whose inputs hash otherwise is found again. A cache of another jixiao version
 * is ignored whole (the checks and their messages may differ), a damaged one too. Safe to delete.
 *
 * <p>The hashes of the projects and scores are the ones the build's cache compares next ({@link #hash}): worked out
 * once, here, for both.
 */
final class CheckCache implements CheckMemo {

    static final String FILE = "check.cache";
    /** Bumped whenever the layout below changes. */
    static final String MAGIC = "jixiao check cache 1";

    private static final Severity[] SEVERITIES = Severity.values();

    /** One kept list: the hash of its inputs and the findings encoded. */
    private record Kept(PartHash.Value key, byte[] findings) {
    }

    private final Path file;
    private final String version;
    private final YamlCache yaml;
    private final PartHash hash = new PartHash();
    private final Map<String, Kept> before;
    /** What this build found or took from {@link #before}: what the next build may take. */
    private final Map<String, Kept> now = new ConcurrentHashMap<>();
    /** How many lists this build took from {@link #before} rather than finding them again. */
    private final AtomicInteger taken = new AtomicInteger();

    private CheckCache(Path file, String version, YamlCache yaml, Map<String, Kept> before) {
        this.file = file;
        this.version = version;
        this.yaml = yaml;
        this.before = before;
    }

    /**
     * The cache beside the output folder {@code out} (made absolute) for jixiao {@code version}, which takes the bytes
     * of content files from {@code yaml} (what this build read); empty when there is none, it is of another version,
     * or it cannot be read. Never throws.
     */
    static CheckCache open(Path out, String version, YamlCache yaml) {
        Path file = BuildCache.folderFor(out).resolve(FILE);
        return new CheckCache(file, version, yaml, read(file, version));
    }

    /** The hashes worked out for the check, for the build after it (not thread-safe: used once the check is done). */
    PartHash hash() {
        return hash;
    }

    @Override
    public void prepare(List<?> values) {
        hash.rememberAll(values);
    }

    @Override
    public List<Finding> findings(String name, List<Object> inputs, List<String> files, Supplier<List<Finding>> find) {
        PartHash.Value key = key(inputs, files);
        if (key == null) return find.get();
        Kept kept = before.get(name);
        if (kept != null && kept.key().equals(key)) {
            List<Finding> known = decode(kept.findings());
            if (known != null) {
                now.put(name, kept);
                taken.incrementAndGet();
                return known;
            }
        }
        List<Finding> found = find.get();
        now.put(name, new Kept(key, encode(found)));
        return found;
    }

    /** How many lists of findings this build took from the cache: the checks it did not run. */
    int taken() {
        return taken.get();
    }

    /** How many lists of findings this build keeps for the next (found or taken). */
    int kept() {
        return now.size();
    }

    /** The hash of the inputs and the files' bytes; null when one cannot be had for certain. */
    private PartHash.Value key(List<Object> inputs, List<String> files) {
        List<Object> all = new ArrayList<>(inputs.size() + files.size());
        all.addAll(inputs);
        for (String f : files) {
            byte[] digest = yaml == null ? null : yaml.digest(f);
            if (digest == null) return null;
            all.add(f + " " + HexFormat.of().formatHex(digest));
        }
        try {
            return hash.reader().of(all);
        } catch (PartHash.Unhashable e) {
            return null;
        }
    }

    private static byte[] encode(List<Finding> findings) {
        CacheBytes.Writer out = new CacheBytes.Writer(64 + 128 * findings.size());
        out.varint(findings.size());
        for (Finding f : findings) {
            out.putByte(f.severity().ordinal());
            out.string(f.code());
            out.string(f.position().file());
            out.varint(f.position().line());
            out.varint(f.position().column());
            out.string(f.message());
        }
        return out.toByteArray();
    }

    /** The findings {@link #encode} wrote; null when they cannot be read back whole. */
    private static List<Finding> decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            int count = CacheBytes.varint(in);
            if (count > in.remaining()) return null;
            List<Finding> findings = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int severity = in.get();
                if (severity < 0 || severity >= SEVERITIES.length) return null;
                String code = CacheBytes.string(in);
                SourcePosition at = new SourcePosition(CacheBytes.string(in), CacheBytes.varint(in), CacheBytes.varint(in));
                findings.add(new Finding(SEVERITIES[severity], code, at, CacheBytes.string(in)));
            }
            return in.hasRemaining() ? null : findings;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Map<String, Kept> read(Path file, String version) {
        ByteBuffer in = CacheBytes.readChecked(file);
        if (in == null) return Map.of(); // none yet, unreadable or damaged: found again, and written anew
        try {
            if (!MAGIC.equals(CacheBytes.string(in)) || !version.equals(CacheBytes.string(in))) return Map.of();
            int count = CacheBytes.count(in);
            Map<String, Kept> kept = new HashMap<>(count * 4 / 3 + 1);
            for (int i = 0; i < count; i++) {
                String name = CacheBytes.string(in);
                PartHash.Value key = new PartHash.Value(in.getLong(), in.getLong());
                int length = CacheBytes.count(in);
                byte[] findings = new byte[length];
                in.get(findings);
                kept.put(name, new Kept(key, findings));
            }
            return in.hasRemaining() ? Map.of() : kept;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    /** Writes what this build found, for the next; a cache that cannot be written only makes that one check all. */
    void write() {
        CacheBytes.Writer out = new CacheBytes.Writer(1 << 20);
        out.string(MAGIC);
        out.string(version);
        Map<String, Kept> sorted = new TreeMap<>(now);
        out.putInt(sorted.size());
        for (Map.Entry<String, Kept> e : sorted.entrySet()) {
            out.string(e.getKey());
            out.putLong(e.getValue().key().high());
            out.putLong(e.getValue().key().low());
            out.put(e.getValue().findings(), true);
        }
        out.writeChecked(file);
    }

    /** Removes the check cache of the cache folder {@code folder}, quietly. */
    static void delete(Path folder) {
        CacheBytes.deleteQuietly(folder.resolve(FILE));
    }
}
