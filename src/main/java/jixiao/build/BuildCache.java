package jixiao.build;

import jixiao.output.FileStamp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the last build of an output folder knew, kept so the next build renders only the files whose inputs
 * changed: for every file of each edition, its stamp on disk and the model parts it read, with their hashes
 * (each part's name and hash once, each distinct set of reads once).
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
    static final String MAGIC = "jixiao build cache 3";

    /** One file of an edition as the last build made it: its stamp, and which set of reads it had; -1 when it is rendered on every build. */
    record Entry(FileStamp stamp, int set) {
    }

    /**
     * One edition: the key of its shape; the parts its files read, by name with their hashes then; the distinct
     * sets of reads, each a sorted array of numbers into {@code names}; and its files by path.
     */
    record Edition(String shape, String[] names, PartHash.Value[] hashes, int[][] sets, Map<String, Entry> files) {
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
        int body = bytes.length - CacheBytes.CHECKSUM;
        if (body < 0 || !Arrays.equals(CacheBytes.checksum(bytes, 0, body), Arrays.copyOfRange(bytes, body, bytes.length))) {
            return new Loaded(Map.of(), "生成缓存已损坏，已忽略，本次完整生成");
        }
        // A ByteBuffer, not a DataInputStream: that reads a byte at a time through a synchronized stream, and the
        // cache of 10,000 projects took a twelfth of a one-edit rebuild to read that way.
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, body);
        try {
            if (!MAGIC.equals(CacheBytes.string(in)) || !key.equals(CacheBytes.string(in))) return Loaded.NONE; // another version, look or site
            Map<String, Edition> editions = new HashMap<>();
            int editionCount = CacheBytes.count(in);
            for (int e = 0; e < editionCount; e++) {
                String edition = CacheBytes.string(in);
                String shape = CacheBytes.string(in);
                int partCount = CacheBytes.count(in);
                String[] names = new String[partCount];
                PartHash.Value[] values = new PartHash.Value[partCount];
                for (int i = 0; i < partCount; i++) {
                    names[i] = CacheBytes.string(in);
                    values[i] = new PartHash.Value(in.getLong(), in.getLong());
                }
                int setCount = CacheBytes.count(in);
                int[][] sets = new int[setCount][];
                for (int s = 0; s < setCount; s++) {
                    int[] set = new int[CacheBytes.count(in)];
                    int number = -1;
                    for (int r = 0; r < set.length; r++) {
                        int step = CacheBytes.varint(in);
                        if (step <= 0) throw new IOException("a set of reads that does not rise");
                        number += step;
                        if (number < 0 || number >= partCount) throw new IOException("a part the cache does not name");
                        set[r] = number;
                    }
                    sets[s] = set;
                }
                int fileCount = CacheBytes.count(in);
                Map<String, Entry> files = new HashMap<>(fileCount * 4 / 3 + 1);
                for (int f = 0; f < fileCount; f++) {
                    String path = CacheBytes.string(in);
                    FileStamp stamp = new FileStamp(in.getLong(), in.getLong());
                    int set = in.getInt();
                    if (set < -1 || set >= setCount) throw new IOException("a set of reads the cache does not hold");
                    files.put(path, new Entry(stamp, set));
                }
                editions.put(edition, new Edition(shape, names, values, sets, files));
            }
            if (in.hasRemaining()) throw new IOException("trailing bytes");
            return new Loaded(editions, null);
        } catch (IOException | RuntimeException e) {
            return new Loaded(Map.of(), "生成缓存无法解读，已忽略，本次完整生成");
        }
    }

    /**
     * One edition as this build wrote it, for {@link #write}: for each file, the numbers of the parts of {@code parts}
     * it read (sorted), or null when it is rendered on every build.
     */
    record Written(String edition, String shape, ModelParts parts, Map<String, int[]> reads, Map<String, FileStamp> stamps) {
    }

    /**
     * Writes the cache for {@code key} into {@code folder}: a new file moved over the old one, so a reader sees one
     * or the other. Files without a stamp (gone since the commit) are left out.
     */
    static void write(Path folder, String key, List<Written> editions) throws IOException {
        CacheBytes.Writer out = new CacheBytes.Writer(1 << 20);
        out.string(MAGIC);
        out.string(key);
        out.putInt(editions.size());
        for (Written edition : editions) {
            out.string(edition.edition());
            out.string(edition.shape());
            List<String> paths = edition.reads().keySet().stream().filter(p -> edition.stamps().get(p) != null).sorted().toList();
            // Each distinct set of reads once (files carried over share theirs, and the year-wide files of a year read
            // the same parts), and of the parts only those some file read, renumbered in their order.
            Map<int[], Integer> byIdentity = new IdentityHashMap<>();
            Map<Numbers, Integer> byContent = new HashMap<>();
            List<int[]> sets = new ArrayList<>();
            int[] setOf = new int[paths.size()];
            boolean[] used = new boolean[edition.parts().size()];
            for (int f = 0; f < paths.size(); f++) {
                int[] reads = edition.reads().get(paths.get(f));
                if (reads == null) {
                    setOf[f] = -1;
                    continue;
                }
                Integer known = byIdentity.get(reads);
                if (known == null) {
                    known = byContent.computeIfAbsent(new Numbers(reads), r -> {
                        sets.add(reads);
                        for (int number : reads) used[number] = true;
                        return sets.size() - 1;
                    });
                    byIdentity.put(reads, known);
                }
                setOf[f] = known;
            }
            int[] local = new int[used.length];
            int partCount = 0;
            for (int number = 0; number < used.length; number++) local[number] = used[number] ? partCount++ : -1;
            out.putInt(partCount);
            for (int number = 0; number < used.length; number++) {
                if (!used[number]) continue;
                PartHash.Value value = edition.parts().hash(number);
                out.string(edition.parts().name(number));
                out.putLong(value.high());
                out.putLong(value.low());
            }
            // Numbers in a set rise: each is written as its distance from the one before, mostly a single byte.
            out.putInt(sets.size());
            for (int[] set : sets) {
                out.putInt(set.length);
                int previous = -1;
                for (int number : set) {
                    out.varint(local[number] - previous);
                    previous = local[number];
                }
            }
            out.putInt(paths.size());
            for (int f = 0; f < paths.size(); f++) {
                FileStamp stamp = edition.stamps().get(paths.get(f));
                out.string(paths.get(f));
                out.putLong(stamp.size());
                out.putLong(stamp.modifiedNanos());
                out.putInt(setOf[f]);
            }
        }
        out.writeTo(folder.resolve(FILE), out.checksum());
    }

    /** A set of part numbers as a key by content. */
    private record Numbers(int[] numbers) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Numbers other && Arrays.equals(numbers, other.numbers);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(numbers);
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
}
