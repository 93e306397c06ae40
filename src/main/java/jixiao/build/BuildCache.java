package jixiao.build;

import jixiao.output.FileStamp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the last build of an output folder knew, kept so the next build renders only the files whose inputs
 * changed: for every file of each edition, its stamp on disk and the model parts it read, with their hashes.
 *
 * <p>It lives in a folder beside the output, {@code .<out>-jixiao-cache} ({@code .output-jixiao-cache} for
 * {@code output}): not inside it, because the output folder is replaced whole on every build and only
 * what its manifest lists may be there, and because {@code output/public} is what users upload. It is
 * safe to delete at any time (the next build is then a full one). A cache of another jixiao version,
 * other templates, site.yaml or rules profile does not match the build's key and is ignored; one that is
 * truncated or damaged fails its checksum and is ignored too. It is written only after a build committed,
 * and removed just before the commit, so it never describes an output other than the one it sits beside;
 * each file's stamp is checked as well before the file is carried over, so a file changed by hand is made again.
 */
final class BuildCache {

    static final String SUFFIX = "-jixiao-cache";
    static final String FILE = "build.cache";
    /** Bumped whenever the layout below changes; an older file then reads as stale. */
    private static final String MAGIC = "jixiao build cache 1";
    private static final int DIGEST = 32;

    /**
     * One file of an edition as the last build made it: its stamp, and the parts it read with their hashes then;
     * {@code reads} null when it is rendered on every build.
     */
    record Entry(FileStamp stamp, Map<String, PartHash.Value> reads) {

        /** Whether the file, rendered from {@code parts}, would be what it was: every part it read hashes the same. */
        boolean holdsFor(ModelParts parts) {
            if (reads == null) return false;
            for (Map.Entry<String, PartHash.Value> read : reads.entrySet()) {
                if (!read.getValue().equals(parts.hash(read.getKey()))) return false;
            }
            return true;
        }
    }

    /** One edition: the key of its shape, and its files by path. */
    record Edition(String shape, Map<String, Entry> files) {
    }

    /** What reading the cache gave: its editions when it matches the key, else empty, with a note why. */
    record Loaded(Map<String, Edition> editions, String note) {
        static final Loaded NONE = new Loaded(Map.of(), null);
    }

    private BuildCache() {
    }

    /** The cache folder of the output folder {@code out} (already made absolute). */
    static Path folderFor(Path out) {
        return out.resolveSibling("." + out.getFileName() + SUFFIX);
    }

    /**
     * The cache at {@code folder} if it was written for {@code key}; empty (with a note for the user) when it is
     * missing, stale or damaged. Never throws: a cache is only ever a shortcut.
     */
    static Loaded read(Path folder, String key) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(folder.resolve(FILE));
        } catch (NoSuchFileException e) {
            return Loaded.NONE;
        } catch (IOException e) {
            return new Loaded(Map.of(), "无法读取生成缓存（" + e.getMessage() + "），本次完整生成");
        }
        if (bytes.length < DIGEST || !Arrays.equals(digest(bytes, bytes.length - DIGEST),
                Arrays.copyOfRange(bytes, bytes.length - DIGEST, bytes.length))) {
            return new Loaded(Map.of(), "生成缓存已损坏，已忽略，本次完整生成");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - DIGEST))) {
            if (!MAGIC.equals(in.readUTF()) || !key.equals(in.readUTF())) return Loaded.NONE; // another version, look or site
            Map<String, Edition> editions = new HashMap<>();
            int editionCount = in.readInt();
            for (int e = 0; e < editionCount; e++) {
                String edition = in.readUTF();
                String shape = in.readUTF();
                int partCount = in.readInt();
                String[] names = new String[partCount];
                PartHash.Value[] values = new PartHash.Value[partCount];
                for (int i = 0; i < partCount; i++) {
                    names[i] = in.readUTF();
                    values[i] = new PartHash.Value(in.readLong(), in.readLong());
                }
                int fileCount = in.readInt();
                Map<String, Entry> files = new HashMap<>(fileCount * 4 / 3 + 1);
                for (int f = 0; f < fileCount; f++) {
                    String path = in.readUTF();
                    FileStamp stamp = new FileStamp(in.readLong(), in.readLong());
                    int readCount = in.readInt();
                    if (readCount < 0) {
                        files.put(path, new Entry(stamp, null));
                        continue;
                    }
                    Map<String, PartHash.Value> hashes = new LinkedHashMap<>(readCount * 4 / 3 + 1);
                    for (int r = 0; r < readCount; r++) {
                        int i = in.readInt();
                        hashes.put(names[i], values[i]);
                    }
                    files.put(path, new Entry(stamp, hashes));
                }
                editions.put(edition, new Edition(shape, files));
            }
            if (in.available() != 0) throw new IOException("trailing bytes");
            return new Loaded(editions, null);
        } catch (IOException | RuntimeException e) {
            return new Loaded(Map.of(), "生成缓存无法解读，已忽略，本次完整生成");
        }
    }

    /** One edition as this build wrote it, for {@link #write}. */
    record Written(String edition, String shape, ModelParts parts, Map<String, Set<String>> reads, Map<String, FileStamp> stamps) {
    }

    /**
     * Writes the cache for {@code key} into {@code folder}: a new file moved over the old one, so a reader sees one
     * or the other. Files without a stamp (gone since the commit) are left out.
     */
    static void write(Path folder, String key, List<Written> editions) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(MAGIC);
            out.writeUTF(key);
            out.writeInt(editions.size());
            for (Written edition : editions) {
                out.writeUTF(edition.edition());
                out.writeUTF(edition.shape());
                // Each part's name and hash once; files refer to them by number.
                Map<String, Integer> index = new LinkedHashMap<>();
                for (Set<String> reads : edition.reads().values()) {
                    if (reads != null) for (String name : reads) index.putIfAbsent(name, index.size());
                }
                out.writeInt(index.size());
                for (String name : index.keySet()) {
                    PartHash.Value value = edition.parts().hash(name);
                    out.writeUTF(name);
                    out.writeLong(value.high());
                    out.writeLong(value.low());
                }
                List<String> paths = edition.reads().keySet().stream().filter(p -> edition.stamps().get(p) != null).sorted().toList();
                out.writeInt(paths.size());
                for (String path : paths) {
                    FileStamp stamp = edition.stamps().get(path);
                    Set<String> reads = edition.reads().get(path);
                    out.writeUTF(path);
                    out.writeLong(stamp.size());
                    out.writeLong(stamp.modifiedNanos());
                    if (reads == null) {
                        out.writeInt(-1);
                        continue;
                    }
                    out.writeInt(reads.size());
                    for (String name : reads) out.writeInt(index.get(name));
                }
            }
        }
        byte[] body = bytes.toByteArray();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, FILE, ".tmp");
        try {
            Files.write(temp, body);
            Files.write(temp, digest(body, body.length), java.nio.file.StandardOpenOption.APPEND);
            try {
                Files.move(temp, folder.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, folder.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Removes the cache file (not the folder); quietly, as a missing cache only means a full build. */
    static void delete(Path folder) {
        try {
            Files.deleteIfExists(folder.resolve(FILE));
        } catch (IOException e) {
            // The key and the stamps still keep a cache that could not be deleted from being misread.
        }
    }

    private static byte[] digest(byte[] bytes, int length) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bytes, 0, length);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
