package jixiao.build;

import jixiao.check.CheckResult;
import jixiao.check.Checker;
import jixiao.content.DirectorySource;
import jixiao.output.Folders;
import jixiao.site.PagedYear;
import jixiao.testing.Builds;
import jixiao.testing.ContentFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A build that reuses the cache beside its output must write exactly what a full build of the same content
 * writes, every file byte for byte: each test builds, changes something, builds again into the same output,
 * and compares the result with a fresh build made without the cache. It also checks that the cache was used
 * where it should be (files carried over, not rendered), and ignored where it must be.
 */
@Timeout(120)
class IncrementalBuildTest {

    private static final SiteBuild.Progress QUIET = new SiteBuild.Progress() {
        @Override
        public void phase(String label, int files) {
        }

        @Override
        public void step() {
        }

        @Override
        public void idle() {
        }
    };

    @TempDir
    Path tmp;

    private Path content(String fixture) {
        return ContentFixture.copy(fixture, tmp.resolve("content"));
    }

    private Path out() {
        return tmp.resolve("out");
    }

    private Path cacheFile() {
        return tmp.resolve(".out" + BuildCache.SUFFIX).resolve(BuildCache.FILE);
    }

    private static SiteBuild.Written build(Path content, Path out, String version, Path templates) throws Exception {
        // As the command does: the check takes the YAML trees and findings of unchanged files from the cache.
        SiteBuild.Cache cache = SiteBuild.Cache.incremental(out, version);
        CheckResult result = Checker.check(new DirectorySource(content), true, cache.parsed(), cache.found());
        assertFalse(result.fails(false), "the content checks without errors");
        return SiteBuild.write(result, templates, out, QUIET, cache);
    }

    private static SiteBuild.Written build(Path content, Path out) throws Exception {
        return build(content, out, "test", null);
    }

    /** The oracle: what a full build of {@code content} writes, without any cache. */
    private SortedMap<String, byte[]> fullBuild(Path content, Path templates) throws Exception {
        Path full = tmp.resolve("full-" + System.nanoTime());
        CheckResult result = Checker.check(new DirectorySource(content));
        SiteBuild.Written written = SiteBuild.write(result, templates, full, QUIET, SiteBuild.Cache.NONE);
        assertEquals(written.files(), written.rendered());
        return Builds.tree(full);
    }

    private void assertEqualsFullBuild(Path content, Path templates) throws Exception {
        SortedMap<String, byte[]> expected = fullBuild(content, templates);
        SortedMap<String, byte[]> actual = Builds.tree(out());
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " holds " + from);
        Files.writeString(file, text.replace(from, to));
    }

    private static Object inode(Path file) throws IOException {
        return Files.getAttribute(file, "unix:ino");
    }

    @Test
    void aSecondBuildOfTheSameContentCarriesEveryFileOver() throws Exception {
        Path content = content("site/fixture/content");
        SiteBuild.Written first = build(content, out());
        assertEquals(first.files(), first.rendered());
        assertTrue(Files.isRegularFile(cacheFile()), "the cache is written beside the output");
        Object home = inode(out().resolve("public/index.html"));
        SiteBuild.Written second = build(content, out());
        assertEquals(0, second.rendered());
        assertNull(second.cacheNote());
        assertEquals(home, inode(out().resolve("public/index.html")), "a hard link to the previous file, not a copy");
        assertEqualsFullBuild(content, null);
    }

    @Test
    void anEditedScoreRendersItsPagesAndTheYearsFilesAndCarriesTheRest() throws Exception {
        Path content = content("site/fixture/content");
        SiteBuild.Written first = build(content, out());
        Object otherUnit = inode(out().resolve("internal/2020/talent/employment.html"));
        Object nextYearOtherUnit = inode(out().resolve("internal/2021/talent/employment.html"));
        edit(content.resolve("2020/inspection/inspection-fund.yaml"), "score: 15", "score: 14");
        SiteBuild.Written second = build(content, out());
        assertTrue(second.rendered() > 0 && second.rendered() < first.files(), second.rendered() + " of " + first.files());
        assertEquals(otherUnit, inode(out().resolve("internal/2020/talent/employment.html")),
                "a project page of another unit is carried over");
        assertEquals(nextYearOtherUnit, inode(out().resolve("internal/2021/talent/employment.html")));
        assertEqualsFullBuild(content, null);
    }

    @Test
    void aProjectRenamedInOneYearLeavesTheOtherYearsReportFilesAsTheyWere() throws Exception {
        Path content = content("site/fixture/content");
        build(content, out());
        List<String> otherYear = List.of("public/2020/report.docx", "internal/2020/report.docx", "public/2020/summary.xlsx",
                "internal/2020/data.json", "public/2020/report.html");
        Map<String, Object> before = new HashMap<>();
        for (String file : otherYear) before.put(file, inode(out().resolve(file)));
        Object sameYear = inode(out().resolve("public/2021/report.docx"));
        edit(content.resolve("2021/talent/employment.yaml"), "name: \"就业专项资金\"", "name: \"就业创业专项资金\"");
        build(content, out());
        // The 2020 project's page shows the name it has in 2021 (its history); the 2020 report shows only 2020's forms.
        for (String file : otherYear) assertEquals(before.get(file), inode(out().resolve(file)), file + " is carried over");
        assertNotEquals(sameYear, inode(out().resolve("public/2021/report.docx")), "2021's report shows the new name");
        assertEqualsFullBuild(content, null);
    }

    @Test
    void aProjectRenamedLeavesTheOtherProjectPagesOfItsUnitAsTheyWere() throws Exception {
        Path content = content("site/fixture/content");
        build(content, out());
        Object sibling = inode(out().resolve("internal/2020/talent/draft-qx7zk5.html"));
        Object unitPage = inode(out().resolve("internal/2020/talent/index.html"));
        edit(content.resolve("2020/talent/employment.yaml"), "name: \"就业专项资金\"", "name: \"就业创业专项资金\"");
        build(content, out());
        assertEquals(sibling, inode(out().resolve("internal/2020/talent/draft-qx7zk5.html")),
                "a page that shows its unit's name, not the renamed project, is carried over");
        assertNotEquals(unitPage, inode(out().resolve("internal/2020/talent/index.html")), "the unit's list shows the new name");
        assertEqualsFullBuild(content, null);
    }

    /** What may throw, run with {@code jixiao.formsPerPage} set to 1: every unit's changes in parts of one project. */
    private interface Split {
        void run() throws Exception;
    }

    private static void withOneFormPerPage(Split test) throws Exception {
        String was = System.getProperty(PagedYear.FORMS_PER_PAGE_PROPERTY);
        System.setProperty(PagedYear.FORMS_PER_PAGE_PROPERTY, "1");
        try {
            test.run();
        } finally {
            if (was == null) System.clearProperty(PagedYear.FORMS_PER_PAGE_PROPERTY);
            else System.setProperty(PagedYear.FORMS_PER_PAGE_PROPERTY, was);
        }
    }

    @Test
    void aRenameInAYearWhoseChangesPageIsSplitGivesWhatAFullBuildGives() throws Exception {
        withOneFormPerPage(() -> {
            Path content = content("compare/content");
            build(content, out());
            assertTrue(Files.exists(out().resolve("public/2021/changes_personnel.html")), "the changes page is split by unit");
            edit(content.resolve("2021/personnel/recruitment.yaml"), "name: ", "name: 改名");
            build(content, out());
            assertEqualsFullBuild(content, null);
            edit(content.resolve("2021/personnel/recruitment.yaml"), "name: 改名", "name: ");
            build(content, out());
            assertEqualsFullBuild(content, null);
        });
    }

    @Test
    void aRenameInAYearWhoseChangesPageIsSplitLeavesThePagesLinkingToOtherPartsAsTheyWere() throws Exception {
        withOneFormPerPage(() -> {
            Path content = content("compare/content");
            build(content, out());
            String sibling = "public/2021/personnel/veteran-cadres.html";
            assertTrue(Files.readString(out().resolve(sibling)).contains("changes_personnel_3.html#p-veteran-cadres"),
                    "the page links to its unit's third part of the changes page");
            Object before = inode(out().resolve(sibling));
            Object otherUnitsPart = inode(out().resolve("public/2021/changes_labor.html"));
            edit(content.resolve("2021/personnel/recruitment.yaml"), "name: ", "name: 改名");
            build(content, out());
            assertEquals(before, inode(out().resolve(sibling)), "its link did not move: carried over");
            assertEquals(otherUnitsPart, inode(out().resolve("public/2021/changes_labor.html")), "another unit's part too");
            assertEqualsFullBuild(content, null);
        });
    }

    @Test
    void anEditToANarrativeOnlyRendersWhatShowsIt() throws Exception {
        Path content = content("compare/content");
        SiteBuild.Written first = build(content, out());
        Object otherProject = inode(out().resolve("public/2021/labor/arbitration.html"));
        Object page = inode(out().resolve("public/2021/personnel/veteran-cadres.html"));
        edit(content.resolve("2021/personnel/veteran-cadres.md"), "参观学习三次", "参观学习四次");
        SiteBuild.Written second = build(content, out());
        assertTrue(second.rendered() > 0 && second.rendered() < first.files(), second.rendered() + " of " + first.files());
        assertEquals(otherProject, inode(out().resolve("public/2021/labor/arbitration.html")));
        assertNotEquals(page, inode(out().resolve("public/2021/personnel/veteran-cadres.html")), "the page showing it is new");
        assertTrue(Files.readString(out().resolve("public/2021/personnel/veteran-cadres.html")).contains("参观学习四次"));
        assertEqualsFullBuild(content, null);
    }

    @Test
    void aDeletedProjectGivesWhatAFullBuildGives() throws Exception {
        Path content = content("compare/content");
        build(content, out());
        Files.delete(content.resolve("2021/personnel/training-plan.yaml"));
        build(content, out());
        assertFalse(Files.exists(out().resolve("public/2021/personnel/training-plan.html")));
        assertEqualsFullBuild(content, null);
    }

    @Test
    void aRenamedUnitGivesWhatAFullBuildGives() throws Exception {
        Path content = content("compare/content");
        build(content, out());
        Files.move(content.resolve("2021/talent"), content.resolve("2021/talents"));
        build(content, out());
        assertTrue(Files.exists(out().resolve("public/2021/talents/talent-subsidy.html")));
        assertFalse(Files.exists(out().resolve("public/2021/talent")));
        assertEqualsFullBuild(content, null);
        // And the unit's name in unit.yaml, which every page of the unit shows.
        edit(content.resolve("2021/talents/unit.yaml"), "name: 人才中心", "name: 人才服务中心");
        SiteBuild.Written renamed = build(content, out());
        assertTrue(renamed.rendered() > 0 && renamed.rendered() < renamed.files());
        assertEqualsFullBuild(content, null);
    }

    @Test
    void changedTemplatesRenderEveryFileAgain() throws Exception {
        Path content = content("site/fixture/content");
        Path templates = tmp.resolve("templates");
        ContentFixture.copyTree(Path.of("site-templates").toAbsolutePath(), templates);
        build(content, out(), "test", templates);
        edit(templates.resolve("layout.jte"), "<main id=\"main\" class=\"wrap\">", "<main id=\"main\" class=\"wrap\"><p>CHANGED-LAYOUT</p>");
        SiteBuild.Written second = build(content, out(), "test", templates);
        assertEquals(second.files(), second.rendered());
        assertTrue(Files.readString(out().resolve("public/index.html")).contains("CHANGED-LAYOUT"));
        assertEqualsFullBuild(content, templates);
        // The built-in templates are another look again.
        SiteBuild.Written builtIn = build(content, out());
        assertEquals(builtIn.files(), builtIn.rendered());
        assertEqualsFullBuild(content, null);
    }

    @Test
    void anotherJixiaoVersionIgnoresTheCache() throws Exception {
        Path content = content("site/fixture/content");
        build(content, out(), "1.0", null);
        SiteBuild.Written second = build(content, out(), "1.1", null);
        assertEquals(second.files(), second.rendered());
        assertNull(second.cacheNote(), "a cache of another version is stale, not damaged");
        SiteBuild.Written third = build(content, out(), "1.1", null);
        assertEquals(0, third.rendered(), "the new version's cache is used");
        assertEqualsFullBuild(content, null);
    }

    @Test
    void aDeletedCacheMeansAFullBuild() throws Exception {
        Path content = content("site/fixture/content");
        build(content, out());
        Folders.deleteQuietly(cacheFile().getParent());
        SiteBuild.Written second = build(content, out());
        assertEquals(second.files(), second.rendered());
        assertNull(second.cacheNote());
        assertEqualsFullBuild(content, null);
    }

    @Test
    void aTruncatedCacheIsIgnoredWithANote() throws Exception {
        Path content = content("site/fixture/content");
        build(content, out());
        byte[] cache = Files.readAllBytes(cacheFile());
        Files.write(cacheFile(), Arrays.copyOf(cache, cache.length / 2));
        edit(content.resolve("2020/inspection/inspection-fund.yaml"), "score: 15", "score: 14");
        SiteBuild.Written second = build(content, out());
        assertEquals(second.files(), second.rendered());
        assertEquals("生成缓存已损坏，已忽略，本次完整生成", second.cacheNote());
        assertEqualsFullBuild(content, null);
        assertEquals(0, build(content, out()).rendered(), "a sound cache is written again");
    }

    @Test
    void aCacheOfGarbageIsIgnoredWithANote() throws Exception {
        Path content = content("site/fixture/content");
        build(content, out());
        byte[] garbage = new byte[4096];
        new java.util.Random(14).nextBytes(garbage);
        Files.write(cacheFile(), garbage);
        SiteBuild.Written second = build(content, out());
        assertEquals(second.files(), second.rendered());
        assertNotNull(second.cacheNote());
        assertEqualsFullBuild(content, null);
    }

    @Test
    void aCacheWithTheRightChecksumButAnotherLayoutIsIgnored() throws Exception {
        Path content = content("site/fixture/content");
        build(content, out());
        // The same cache as an older layout would have written it: another magic line, a valid checksum.
        byte[] cache = Files.readAllBytes(cacheFile());
        byte[] body = Arrays.copyOf(cache, cache.length - CacheBytes.CHECKSUM);
        String text = new String(body, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains(BuildCache.MAGIC));
        byte[] older = text.replace(BuildCache.MAGIC, BuildCache.MAGIC.replaceAll("\\d+$", "0")).getBytes(StandardCharsets.ISO_8859_1);
        byte[] digest = CacheBytes.checksum(older, 0, older.length);
        byte[] rewritten = Arrays.copyOf(older, older.length + digest.length);
        System.arraycopy(digest, 0, rewritten, older.length, digest.length);
        Files.write(cacheFile(), rewritten);
        SiteBuild.Written second = build(content, out());
        assertEquals(second.files(), second.rendered());
        assertEqualsFullBuild(content, null);
    }

    @Test
    void aStaleCacheNeverCarriesAFileThatChangedSince() throws Exception {
        Path content = content("site/fixture/content");
        build(content, out());
        byte[] old = Files.readAllBytes(cacheFile());
        edit(content.resolve("2020/inspection/inspection-fund.yaml"), "score: 15", "score: 14");
        build(content, out());
        // The first build's cache put back: it describes files the second build replaced.
        Files.write(cacheFile(), old);
        edit(content.resolve("2020/inspection/inspection-fund.yaml"), "score: 14", "score: 15");
        build(content, out());
        assertEqualsFullBuild(content, null);
        // A file of the output edited by hand is made again, not carried.
        Path home = out().resolve("public/index.html");
        Files.writeString(home, Files.readString(home).replace("</body>", "<!-- by hand --></body>"));
        SiteBuild.Written after = build(content, out());
        assertEquals(1, after.rendered());
        assertEqualsFullBuild(content, null);
    }

    @Test
    void aFailedRebuildLeavesTheOutputAndTheCacheUsable() throws Exception {
        Path content = content("site/fixture/content");
        Path templates = tmp.resolve("templates");
        ContentFixture.copyTree(Path.of("site-templates").toAbsolutePath(), templates);
        build(content, out(), "test", templates);
        SortedMap<String, byte[]> before = Builds.tree(out());
        byte[] cache = Files.readAllBytes(cacheFile());
        // A template error: nothing is written, the cache stays as it was.
        Path home = templates.resolve("home.jte");
        String good = Files.readString(home);
        Files.writeString(home, "@param jixiao.render.Pages.Home page\n${page.noSuchField()}\n");
        assertThrows(SiteBuild.Failed.class, () -> build(content, out(), "test", templates));
        Files.writeString(home, good);
        // Content with an error: the command refuses before writing anything.
        Path unit = content.resolve("2020/inspection/index.yaml");
        String unitText = Files.readString(unit);
        Files.writeString(unit, unitText.replace("order: 2", "order: 2\nstatus: done"));
        assertEquals(1, Builds.run("build", "--content", content.toString(), "--out", out().toString(),
                "--templates", templates.toString()).exit());
        Files.writeString(unit, unitText);
        assertTreeEquals(before, Builds.tree(out()));
        assertArrayEquals(cache, Files.readAllBytes(cacheFile()));
        SiteBuild.Written again = build(content, out(), "test", templates);
        assertEquals(0, again.rendered(), "the cache is still good");
        assertEqualsFullBuild(content, templates);
    }

    @Test
    void theCommandUsesTheCacheOnlyWhenAskedTo() throws Exception {
        Path content = content("site/fixture/content");
        Builds.build(content, out(), "--incremental");
        Builds.Run second = Builds.build(content, out(), "--incremental");
        assertTrue(second.out().contains("个与上次相同，沿用"), second.out());
        Builds.Run full = Builds.build(content, out());
        assertFalse(full.out().contains("沿用"), full.out());
        assertFalse(Files.exists(cacheFile()), "a full build removes the cache of the output it replaces");
        try (Stream<Path> inPublic = Files.walk(out())) {
            assertTrue(inPublic.noneMatch(p -> p.getFileName().toString().contains("cache")), "the cache is never in the output");
        }
        assertEqualsFullBuild(content, null);
    }

    private static void assertTreeEquals(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
    }
}
