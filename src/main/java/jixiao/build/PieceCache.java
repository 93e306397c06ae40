package jixiao.build;

import jixiao.render.Deflated;
import jixiao.render.PieceMemo;
import jixiao.site.ModelReads;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pieces of files that an incremental build renders whole but that change a part at a time ({@link PieceMemo}: a
 * year's report.docx, deflated a unit's forms at a time), in the build cache's folder ({@code pieces.cache}): after
 * an edit to one project of 10,000, its year's report.docx is written with the forms of its unit made again and the
 * others' taken as they were (writing the whole report was a second of each edition's rebuild). A piece is kept with
 * the names and hashes of the model parts it read ({@link ModelParts}), the key of the build and its edition's shape
 * ({@link Incremental}); it is taken only while all of them are as they were. Safe to delete.
 */
final class PieceCache {

    static final String FILE = "pieces.cache";
    /** Bumped whenever the layout below changes. */
    static final String MAGIC = "jixiao piece cache 1";

    /** A piece: what it read (names and hashes of parts), the shape of its edition then, its sums and deflated bytes. */
    private record Kept(String shape, String[] names, PartHash.Value[] hashes, Deflated.Sums sums, byte[] bytes) {
    }

    private final Path file;
    private final String key;
    /** By edition, file path and piece name ({@link #id}). */
    private final Map<String, Kept> before;
    /** The pieces taken or made by this build. */
    private final Map<String, Kept> now = new ConcurrentHashMap<>();
    /** The files this build rendered ({@link #id} without a piece name): their other pieces are not kept. */
    private final Set<String> rendered = ConcurrentHashMap.newKeySet();

    private PieceCache(Path file, String key, Map<String, Kept> before) {
        this.file = file;
        this.key = key;
        this.before = before;
    }

    /** The pieces kept in {@code folder} for a build of {@code key}; none when missing, stale or damaged. */
    static PieceCache open(Path folder, String key) {
        Path file = folder.resolve(FILE);
        return new PieceCache(file, key, read(file, key));
    }

    private static String id(String edition, String path, String piece) {
        return edition + "/" + path + "\n" + piece;
    }

    /** The memo for rendering the file {@code path} of {@code edition}, whose model parts are {@code parts}. */
    PieceMemo forFile(String edition, String path, String shape, ModelParts parts) {
        String prefix = id(edition, path, "");
        rendered.add(prefix);
        return (name, out, make) -> {
            String id = prefix + name;
            Kept kept = before.get(id);
            if (kept != null && holds(kept, shape, parts)) {
                // The file read what the piece read: noted by name, as the file's reads are checked next time.
                for (String read : kept.names()) ModelReads.noteDerived(read, null);
                out.write(kept.bytes());
                now.put(id, kept);
                return kept.sums();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
            ModelReads.Recorded<Deflated.Sums> made = ModelReads.record(() -> {
                try {
                    return make.writeTo(bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            for (Object read : made.reads()) ModelReads.note(read);
            int[] numbers = parts.numbersOf(made.reads());
            if (numbers != null) {
                String[] names = new String[numbers.length];
                PartHash.Value[] hashes = new PartHash.Value[numbers.length];
                for (int i = 0; i < numbers.length; i++) {
                    names[i] = parts.name(numbers[i]);
                    hashes[i] = parts.hash(numbers[i]);
                }
                now.put(id, new Kept(shape, names, hashes, made.value(), bytes.toByteArray()));
            }
            bytes.writeTo(out);
            return made.value();
        };
    }

    /** Whether every part {@code kept} read hashes now as it did then, in an edition of the same shape. */
    private static boolean holds(Kept kept, String shape, ModelParts parts) {
        if (!kept.shape().equals(shape)) return false;
        for (int i = 0; i < kept.names().length; i++) {
            int number = parts.number(kept.names()[i]);
            if (number < 0 || !kept.hashes()[i].equals(parts.hash(number))) return false;
        }
        return true;
    }

    /**
     * Writes the pieces of the output just committed: those this build took or made, and those of files it carried
     * over (still what those files hold). A cache that cannot be written only makes the next build make them all.
     */
    void write() {
        Map<String, Kept> all = new TreeMap<>(now);
        before.forEach((id, kept) -> {
            if (!rendered.contains(id.substring(0, id.indexOf('\n') + 1))) all.putIfAbsent(id, kept);
        });
        CacheBytes.Writer out = new CacheBytes.Writer(1 << 20);
        out.string(MAGIC);
        out.string(key);
        out.putInt(all.size());
        for (Map.Entry<String, Kept> e : all.entrySet()) {
            Kept kept = e.getValue();
            out.string(e.getKey());
            out.string(kept.shape());
            out.putInt(kept.names().length);
            for (int i = 0; i < kept.names().length; i++) {
                out.string(kept.names()[i]);
                out.putLong(kept.hashes()[i].high());
                out.putLong(kept.hashes()[i].low());
            }
            out.putInt(kept.sums().crc());
            out.putLong(kept.sums().length());
            out.put(kept.bytes(), true);
        }
        out.writeChecked(file);
    }

    private static Map<String, Kept> read(Path file, String key) {
        ByteBuffer in = CacheBytes.readChecked(file);
        if (in == null) return Map.of(); // none yet, unreadable or damaged: made again, and written anew
        try {
            if (!MAGIC.equals(CacheBytes.string(in)) || !key.equals(CacheBytes.string(in))) return Map.of();
            int count = CacheBytes.count(in);
            Map<String, Kept> kept = new HashMap<>(count * 4 / 3 + 1);
            for (int k = 0; k < count; k++) {
                String id = CacheBytes.string(in);
                String shape = CacheBytes.string(in);
                int reads = CacheBytes.count(in);
                String[] names = new String[reads];
                PartHash.Value[] hashes = new PartHash.Value[reads];
                for (int i = 0; i < reads; i++) {
                    names[i] = CacheBytes.string(in);
                    hashes[i] = new PartHash.Value(in.getLong(), in.getLong());
                }
                Deflated.Sums sums = new Deflated.Sums(in.getInt(), in.getLong());
                byte[] piece = new byte[CacheBytes.count(in)];
                in.get(piece);
                if (id.indexOf('\n') < 0 || sums.length() < 0) throw new IOException("not a piece");
                kept.put(id, new Kept(shape, names, hashes, sums, piece));
            }
            return in.hasRemaining() ? Map.of() : kept;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    /** Removes the piece cache of the cache folder {@code folder}, quietly. */
    static void delete(Path folder) {
        CacheBytes.deleteQuietly(folder.resolve(FILE));
    }
}
