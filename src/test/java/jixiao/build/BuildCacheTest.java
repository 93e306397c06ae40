package jixiao.build;

import jixiao.check.CheckResult;
import jixiao.check.Checker;
import jixiao.compare.Edition;
import jixiao.content.DirectorySource;
import jixiao.output.FileStamp;
import jixiao.testing.ContentFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cache file itself: what {@link BuildCache#write} writes, {@link BuildCache#read} gives back (each distinct set
 * of reads once, shared by the files that read it), and what it refuses.
 */
class BuildCacheTest {

    @TempDir
    Path tmp;

    private ModelParts parts() throws Exception {
        CheckResult result = Checker.check(new DirectorySource(ContentFixture.resource("site/fixture/content")));
        return ModelParts.of(SiteBuild.model(result, Edition.INTERNAL), new PartHash());
    }

    private Path written(ModelParts parts) throws Exception {
        Map<String, int[]> reads = new HashMap<>();
        reads.put("a.html", new int[]{0, 1, 2});
        reads.put("b.html", new int[]{0, 1, 2}); // the same set, another array: kept once all the same
        reads.put("c.html", new int[]{1, 3});
        reads.put("d.html", null);
        Map<String, FileStamp> stamps = new HashMap<>();
        for (String path : reads.keySet()) stamps.put(path, new FileStamp(path.length(), 7));
        Path folder = tmp.resolve("cache");
        BuildCache.write(folder, "key", List.of(new BuildCache.Written("internal", "shape", parts, reads, stamps)));
        return folder;
    }

    @Test
    void filesThatReadTheSamePartsShareOneSetWithEachPartsNameAndHash() throws Exception {
        ModelParts parts = parts();
        BuildCache.Loaded loaded = BuildCache.read(written(parts), "key");
        assertNull(loaded.note());
        BuildCache.Edition edition = loaded.editions().get("internal");
        assertEquals("shape", edition.shape());
        assertEquals(2, edition.sets().length, "two distinct sets among four files");
        assertEquals(edition.files().get("a.html").set(), edition.files().get("b.html").set());
        assertEquals(-1, edition.files().get("d.html").set(), "a file rendered on every build has no set");
        assertEquals(new FileStamp(6, 7), edition.files().get("c.html").stamp());
        int[] c = edition.sets()[edition.files().get("c.html").set()];
        String[] names = Arrays.stream(c).mapToObj(i -> edition.names()[i]).toArray(String[]::new);
        assertArrayEquals(new String[]{parts.name(1), parts.name(3)}, names);
        for (int i : c) assertEquals(parts.hash(parts.number(edition.names()[i])), edition.hashes()[i]);
        assertEquals(4, edition.names().length, "only the parts some file read are kept");
    }

    @Test
    void aCacheWrittenForAnotherKeyIsStaleNotDamaged() throws Exception {
        BuildCache.Loaded loaded = BuildCache.read(written(parts()), "another key");
        assertTrue(loaded.editions().isEmpty());
        assertNull(loaded.note());
    }

    @Test
    void aCacheCutShortButWithAValidChecksumIsIgnoredWithANote() throws Exception {
        Path file = written(parts()).resolve(BuildCache.FILE);
        byte[] cache = Files.readAllBytes(file);
        byte[] body = Arrays.copyOf(cache, cache.length - CacheBytes.CHECKSUM - 9);
        byte[] digest = CacheBytes.checksum(body, 0, body.length);
        byte[] rewritten = Arrays.copyOf(body, body.length + digest.length);
        System.arraycopy(digest, 0, rewritten, body.length, digest.length);
        Files.write(file, rewritten);
        BuildCache.Loaded loaded = BuildCache.read(file.getParent(), "key");
        assertTrue(loaded.editions().isEmpty());
        assertEquals("生成缓存无法解读，已忽略，本次完整生成", loaded.note());
    }
}
