package jixiao.build;

import jixiao.check.CheckResult;
import jixiao.check.Checker;
import jixiao.content.DirectorySource;
import jixiao.testing.Builds;
import jixiao.testing.ContentFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The findings an incremental build keeps of its per-project text checks: taken back only while everything those
 * checks read is as it was, so that a check with the cache always finds what a check without it finds.
 */
class CheckCacheTest {

    @TempDir
    Path tmp;

    private Path out() {
        return tmp.resolve("out");
    }

    private Path cacheFile() {
        return BuildCache.folderFor(out()).resolve(CheckCache.FILE);
    }

    /** A check as an incremental build of jixiao {@code version} runs it, its caches written after; what it took. */
    private record Checked(CheckResult result, int taken, int kept) {
    }

    private Checked check(Path content, String version) throws IOException {
        YamlCache yaml = YamlCache.open(out(), version);
        CheckCache checks = CheckCache.open(out(), version, yaml);
        CheckResult result = Checker.check(new DirectorySource(content), true, yaml, checks);
        yaml.write();
        checks.write();
        return new Checked(result, checks.taken(), checks.kept());
    }

    private Checked check(Path content) throws IOException {
        return check(content, "test");
    }

    /** Checks {@code content} with the cache, and asserts that it finds what a check without any cache finds. */
    private Checked checkAsWithout(Path content) throws IOException {
        Checked cached = check(content);
        assertEquals(Checker.check(new DirectorySource(content)).findings(), cached.result().findings());
        return cached;
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " holds " + from);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void findingsTakenFromTheCacheAreThoseACheckWithoutItFinds() throws IOException {
        for (String fixture : List.of("site/fixture/content", "compare/content", "claims/content")) {
            Path content = ContentFixture.copy(fixture, tmp.resolve(fixture.replace('/', '-')));
            Files.deleteIfExists(cacheFile());
            Checked first = checkAsWithout(content);
            assertEquals(0, first.taken(), "nothing to take the first time");
            assertTrue(first.kept() > 0, fixture);
            Checked second = checkAsWithout(content);
            assertEquals(first.kept(), second.taken(), fixture + ": every list is taken when nothing changed");
        }
        Path claims = tmp.resolve("claims-content");
        assertTrue(check(claims).result().findings().stream().anyMatch(f -> f.code().equals("prose-figure-mismatch")),
                "the fixture's prose claims are found, and kept");
    }

    @Test
    void aProjectEditedSinceIsCheckedAgainAndNoOther() throws IOException {
        Path content = ContentFixture.copy("site/fixture/content", tmp.resolve("content"));
        Checked first = checkAsWithout(content);
        // A figure that disagrees with the form, in its own goal: a prose claim to find.
        edit(content.resolve("2020/inspection/inspection-fund.yaml"), "共支出4.9745万元", "共支出9.9万元");
        Checked second = checkAsWithout(content);
        assertTrue(second.result().findings().stream().anyMatch(f -> f.code().equals("prose-figure-mismatch")
                && f.position().file().endsWith("2020/inspection/inspection-fund.yaml")), "the new claim is found");
        // The edited project's public texts and its prose claims.
        assertEquals(first.kept() - 2, second.taken());
    }

    @Test
    void aContactChangedInOneFileChecksTheTextsOfEveryOther() throws IOException {
        Path content = ContentFixture.copy("site/fixture/content", tmp.resolve("content"));
        Path employment = content.resolve("2020/talent/employment.yaml");
        Files.writeString(employment, Files.readString(employment) + "problems: \"咨询热线 0315-5776425。\"\n");
        Checked first = checkAsWithout(content);
        assertFalse(first.result().findings().stream().anyMatch(f -> f.code().equals("contact-phone-in-text")),
                "not yet anyone's number");
        // Another project's contact now has that number: the unchanged file's text now publishes it.
        edit(content.resolve("2020/inspection/inspection-fund.yaml"), "0315-PHONEQX7ZK2", "0315-5776425");
        Checked second = checkAsWithout(content);
        assertTrue(second.result().findings().stream().anyMatch(f -> f.code().equals("contact-phone-in-text")
                && f.position().file().endsWith("2020/talent/employment.yaml")), second.result().findings().toString());
    }

    @Test
    void aFileWhoseBytesChangedButNotItsValuesIsCheckedAgain() throws IOException {
        // The check reads the file again to place a finding inside a value: its bytes are among the inputs.
        Path content = ContentFixture.copy("site/fixture/content", tmp.resolve("content"));
        Checked first = checkAsWithout(content);
        Path fund = content.resolve("2020/inspection/inspection-fund.yaml");
        Files.writeString(fund, Files.readString(fund) + "# 复核后再改\n");
        Checked second = checkAsWithout(content);
        assertEquals(first.kept() - 2, second.taken());
    }

    @Test
    void aCacheOfAnotherVersionIsNotUsed() throws IOException {
        Path content = ContentFixture.copy("site/fixture/content", tmp.resolve("content"));
        check(content, "1.0");
        assertEquals(0, check(content, "1.1").taken());
        assertTrue(check(content, "1.1").taken() > 0, "written again for the version that read it");
    }

    @Test
    void aDamagedOrTruncatedCacheIsNotUsedAndTheFindingsAreFoundAgain() throws IOException {
        Path content = ContentFixture.copy("site/fixture/content", tmp.resolve("content"));
        check(content);
        byte[] sound = Files.readAllBytes(cacheFile());
        for (int at : new int[]{sound.length / 2, sound.length - 1}) {
            byte[] flipped = sound.clone();
            flipped[at] ^= 1;
            Files.write(cacheFile(), flipped);
            assertEquals(0, checkAsWithout(content).taken(), "a bit flipped at " + at);
        }
        Files.write(cacheFile(), Arrays.copyOf(sound, sound.length - 7));
        assertEquals(0, checkAsWithout(content).taken(), "cut short");
        Files.writeString(cacheFile(), "not a cache");
        assertEquals(0, checkAsWithout(content).taken(), "garbage");
    }

    @Test
    void theBuildCommandKeepsTheFindingsOnlyWhenIncremental() throws IOException {
        Path content = ContentFixture.copy("site/fixture/content", tmp.resolve("content"));
        Builds.Run incremental = Builds.run("build", "--incremental", "--content", content.toString(), "--out", out().toString());
        assertEquals(0, incremental.exit(), incremental.err());
        assertTrue(Files.isRegularFile(cacheFile()), "kept beside the output");
        Builds.Run full = Builds.run("build", "--content", content.toString(), "--out", out().toString());
        assertEquals(0, full.exit(), full.err());
        assertFalse(Files.exists(cacheFile()), "a full build removes what it did not keep up to date");
    }
}
