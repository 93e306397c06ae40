package jixiao.build;

import jixiao.check.CheckResult;
import jixiao.check.Checker;
import jixiao.content.DirectorySource;
import jixiao.content.YamlNode;
import jixiao.content.YamlReader;
import jixiao.diagnostic.Finding;
import jixiao.testing.ContentFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The YAML trees an incremental build keeps: read back as parsed, and never for bytes other than their own. */
class YamlCacheTest {

    @TempDir
    Path tmp;

    private Path out() {
        return tmp.resolve("out");
    }

    /** Every YAML file of the test resources that parses without a finding, by its path there. */
    private static Map<String, byte[]> cleanYamlFiles() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Path root = Path.of("src/test/resources");
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(file);
                List<Finding> problems = new ArrayList<>();
                Optional<YamlNode> tree = new YamlReader().read(bytes, root.relativize(file).toString(), problems::add);
                if (tree.isPresent() && problems.isEmpty()) files.put(root.relativize(file).toString(), bytes);
            }
        }
        return files;
    }

    private static YamlNode parse(String path, byte[] bytes) {
        return new YamlReader().read(bytes, path, f -> { }).orElseThrow();
    }

    /** A cache of jixiao {@code version} beside {@link #out()} that holds the tree of one file. */
    private void keep(String path, byte[] bytes, String version) {
        YamlCache cache = YamlCache.open(out(), version);
        cache.parsed(path, bytes, parse(path, bytes));
        cache.write();
    }

    @Test
    void everyTreeReadsBackFromTheCacheAsItWasParsed() throws IOException {
        Map<String, byte[]> files = cleanYamlFiles();
        assertTrue(files.size() > 100, "the resources hold many YAML files: " + files.size());
        YamlCache first = YamlCache.open(out(), "test");
        files.forEach((path, bytes) -> {
            assertTrue(first.known(path, bytes).isEmpty(), "nothing is known before the first build");
            first.parsed(path, bytes, parse(path, bytes));
        });
        first.write();
        YamlCache second = YamlCache.open(out(), "test");
        files.forEach((path, bytes) -> assertEquals(Optional.of(parse(path, bytes)), second.known(path, bytes), path));
        // Written again from what it read, it holds the same trees.
        second.write();
        YamlCache third = YamlCache.open(out(), "test");
        files.forEach((path, bytes) -> assertEquals(Optional.of(parse(path, bytes)), third.known(path, bytes), path));
    }

    @Test
    void aTreeIsNotTakenForOtherBytesOrAnotherFile() {
        String path = "content/2021/labor/fund.yaml";
        byte[] bytes = "name: 资金\nmoney_unit: 万元\n".getBytes(StandardCharsets.UTF_8);
        keep(path, bytes, "test");
        YamlCache next = YamlCache.open(out(), "test");
        assertTrue(next.known(path, "name: 资金二\nmoney_unit: 万元\n".getBytes(StandardCharsets.UTF_8)).isEmpty(), "edited");
        assertTrue(next.known("content/2021/labor/other.yaml", bytes).isEmpty(), "the same bytes in another file");
        assertTrue(next.known(path, bytes).isPresent());
    }

    @Test
    void aCacheOfAnotherVersionIsIgnored() {
        String path = "content/site.yaml";
        byte[] bytes = "title: 公开\n".getBytes(StandardCharsets.UTF_8);
        keep(path, bytes, "1.0");
        assertTrue(YamlCache.open(out(), "1.1").known(path, bytes).isEmpty());
        assertTrue(YamlCache.open(out(), "1.0").known(path, bytes).isPresent());
    }

    @Test
    void aDamagedTreeOrADamagedCacheIsParsedAgain() throws IOException {
        String path = "content/site.yaml";
        byte[] bytes = "title: 高新区人社局预算绩效公开\nmoney_unit: 万元\n".getBytes(StandardCharsets.UTF_8);
        keep(path, bytes, "test");
        Path file = BuildCache.folderFor(out()).resolve(YamlCache.FILE);
        byte[] sound = Files.readAllBytes(file);

        // A bit flipped inside the tree's text: its checksum no longer holds.
        byte[] flipped = sound.clone();
        int at = indexOf(flipped, "高新区".getBytes(StandardCharsets.UTF_8));
        assertTrue(at > 0);
        flipped[at + 1] ^= 1;
        Files.write(file, flipped);
        assertTrue(YamlCache.open(out(), "test").known(path, bytes).isEmpty(), "a damaged tree is not used");

        Files.write(file, java.util.Arrays.copyOf(sound, sound.length - 3));
        assertTrue(YamlCache.open(out(), "test").known(path, bytes).isEmpty(), "a truncated cache is not used");

        Files.write(file, "not a cache at all".getBytes(StandardCharsets.UTF_8));
        assertTrue(YamlCache.open(out(), "test").known(path, bytes).isEmpty(), "garbage is not used");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    @Test
    void aCheckThatTakesTreesFromTheCacheGivesWhatACheckWithoutItGives() throws IOException {
        for (String fixture : List.of("site/fixture/content", "compare/content", "claims/content")) {
            Path content = ContentFixture.copy(fixture, tmp.resolve(fixture.replace('/', '-')));
            Path out = tmp.resolve("out-" + fixture.replace('/', '-'));
            CheckResult plain = Checker.check(new DirectorySource(content));
            YamlCache first = YamlCache.open(out, "test");
            assertEquals(plain.findings(), Checker.check(new DirectorySource(content), true, first).findings());
            first.write();
            YamlCache second = YamlCache.open(out, "test");
            CheckResult cached = Checker.check(new DirectorySource(content), true, second);
            assertEquals(plain.content(), cached.content(), fixture);
            assertEquals(plain.findings(), cached.findings(), fixture);
        }
    }

    @Test
    void aFileWhoseParseReportsAFindingIsNotKept() throws IOException {
        Path content = ContentFixture.copy("site/fixture/content", tmp.resolve("content"));
        Path broken = content.resolve("2021/talent/employment.yaml");
        Files.writeString(broken, Files.readString(broken) + "name: 重复的键\n");
        YamlCache cache = YamlCache.open(out(), "test");
        CheckResult first = Checker.check(new DirectorySource(content), true, cache);
        assertTrue(first.findings().stream().anyMatch(f -> f.code().equals("duplicate-key")), "the duplicate key is reported");
        cache.write();
        CheckResult second = Checker.check(new DirectorySource(content), true, YamlCache.open(out(), "test"));
        assertEquals(first.findings(), second.findings(), "reported again, not hidden behind a kept tree");
        YamlCache kept = YamlCache.open(out(), "test");
        String shown = new DirectorySource(content).displayRoot();
        assertFalse(kept.known(shown + "/2021/talent/employment.yaml", Files.readAllBytes(broken)).isPresent());
        assertTrue(kept.known(shown + "/2021/talent/unit.yaml", Files.readAllBytes(content.resolve("2021/talent/unit.yaml")))
                .isPresent(), "a clean file beside it is kept");
    }
}
