package jixiao.serve;

import jixiao.build.RenderedFile;
import jixiao.site.PagedYear;
import jixiao.testing.Builds;
import jixiao.testing.ContentFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A preview that re-reads one project file and re-renders only what it affects must serve exactly
 * what a full rebuild of the same content serves: every file, byte for byte. Each step edits the
 * fixture, applies the change to a running {@link LiveSite}, and compares it with a fresh one.
 */
@Timeout(120)
class ServeIncrementalTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);

    @TempDir
    Path tmp;
    Path content;
    LiveSite live;
    final List<LiveSite> opened = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        content = tmp.resolve("content");
        ContentFixture.copyTree(Builds.fixtureContent(), content);
        live = open();
        live.start();
    }

    @AfterEach
    void close() {
        opened.forEach(LiveSite::close);
    }

    /** The preview of a copy of the three-year content instead of the default one: both sides of a year's comparisons. */
    private void openThreeYears() throws IOException {
        live.close();
        content = tmp.resolve("three-years/content");
        ContentFixture.copyTree(Builds.threeYearContent(), content);
        live = open();
    }

    private LiveSite open() {
        LiveSite site = new LiveSite(content, null, QUIET);
        opened.add(site);
        return site;
    }

    @Test
    void renamingAProjectChangesItsPagesAndNothingElse() throws IOException {
        Snapshot before = live.snapshot();
        forceAll(before);
        edit("2020/inspection/inspection-fund.yaml", "name: \"监察专项资金\"", "name: \"监察专项资金（改）\"");
        Snapshot after = apply("2020/inspection/inspection-fund.yaml");
        assertEqualsFullRebuild(after);
        assertTrue(text(after, "2020/inspection/inspection-fund.html").contains("监察专项资金（改）"));
        assertNotSame(before.files().get("2020/report.html"), after.files().get("2020/report.html"));
        assertNotSame(before.files().get("2021/personnel/inspection-fund.html"), after.files().get("2021/personnel/inspection-fund.html"),
                "the same id in another year links to this one");
        assertNotSame(before.files().get("2021/changes.html"), after.files().get("2021/changes.html"),
                "the next year's comparison shows the rename");
        assertSame(before.files().get("2020/talent/employment.html"), after.files().get("2020/talent/employment.html"),
                "a project page of another unit is not rendered again");
        assertSame(before.files().get("2021/talent/employment.html"), after.files().get("2021/talent/employment.html"),
                "nor its page in the other year");
    }

    @Test
    void downloadsAndTheSearchIndexFollowAChangeThoughNoListNamesThem() throws IOException {
        // Which files a change reaches is what they read while rendering, not a list kept by hand.
        Snapshot before = live.snapshot();
        forceAll(before);
        edit("2020/inspection/inspection-fund.yaml", "name: \"监察专项资金\"", "name: \"监察专项资金（改）\"");
        Snapshot after = apply("2020/inspection/inspection-fund.yaml");
        assertEqualsFullRebuild(after);
        for (String file : List.of("2020/summary.csv", "2020/summary.xlsx", "2020/data.json", "2020/report.docx", "assets/search.json",
                "search.html")) {
            assertNotSame(before.files().get(file), after.files().get(file), file);
        }
        assertTrue(text(after, "2020/summary.csv").contains("监察专项资金（改）"));
        assertTrue(text(after, "assets/search.json").contains("监察专项资金（改）"));
        assertSame(before.files().get("accessibility.html"), after.files().get("accessibility.html"), "reads no project");
    }

    @Test
    void aChangeInTheMiddleYearIsPatchedIntoTheComparisonsOnBothSides() throws IOException {
        openThreeYears();
        Snapshot before = live.start();
        forceAll(before);
        // Figures and an indicator of a project in all three years, then its narrative-free sibling's name.
        edit("2020/labor/arbitration.yaml", "executed: { total: 2 }", "executed: { total: 1.5 }");
        edit("2020/labor/arbitration.yaml", "actual: \"60件\"", "actual: \"40件\"");
        Snapshot after = apply("2020/labor/arbitration.yaml");
        assertEqualsFullRebuild(after);
        for (String page : List.of("2020/changes.html", "2021/changes.html", "2019/labor/arbitration.html", "2021/labor/arbitration.html")) {
            assertNotSame(before.files().get(page), after.files().get(page), page);
        }
        assertTrue(text(after, "2021/changes.html").contains("40件"), "2021 compared with the changed 2020");
        assertSame(before.files().get("2020/personnel/recruitment.html"), after.files().get("2020/personnel/recruitment.html"),
                "a project page of another unit is not rendered again");
        edit("2021/personnel/recruitment.yaml", "name: ", "name: 改名");
        assertEqualsFullRebuild(apply("2021/personnel/recruitment.yaml"));
    }

    @Test
    void changedFiguresReachEveryNarrativeThatRefersToThem() throws IOException {
        // report.md names inspection-fund's figures and the report's totals; unit.md the unit's.
        edit("2020/inspection/inspection-fund.yaml", "executed: { total: 4.9745, fiscal: 4.9745 }", "executed: { total: 3.5, fiscal: 3.5 }");
        assertEqualsFullRebuild(apply("2020/inspection/inspection-fund.yaml"));
    }

    @Test
    void aNarrativeAndTheOrderOfProjectsToo() throws IOException {
        Files.writeString(content.resolve("2020/talent/draft-qx7zk5.md"),
                "草稿叙述：就业项目得分 {{ employment.score }}，本单位执行 {{ unit.executed }}，全年 {{ report.executed }}。\n");
        apply("2020/talent/draft-qx7zk5.md");
        edit("2020/talent/employment.yaml", "order: 1", "order: 9");
        edit("2020/inspection/index.yaml", "order: 2", "order: 0");
        assertEqualsFullRebuild(apply("2020/talent/employment.yaml", "2020/inspection/index.yaml"));
    }

    @Test
    void anErrorKeepsTheLastGoodPagesAndItsFixIsIncrementalToo() throws IOException {
        Snapshot good = live.snapshot();
        Path file = content.resolve("2020/inspection/index.yaml");
        String original = Files.readString(file);
        Files.writeString(file, original.replace("name: \"索引项目\"", "name: [索引项目"));
        Snapshot broken = apply("2020/inspection/index.yaml");
        assertFalse(broken.errors().isEmpty());
        assertEquals("content/2020/inspection/index.yaml", broken.errors().get(0).position().file());
        assertEquals(good.files(), broken.files(), "the last good pages stay");
        // Another project changes while the first is broken; both show once it is fixed.
        edit("2020/talent/employment.yaml", "name: \"就业专项资金\"", "name: \"就业专项资金（改）\"");
        apply("2020/talent/employment.yaml");
        Files.writeString(file, original.replace("score: 50", "score: 45"));
        Snapshot fixed = apply("2020/inspection/index.yaml");
        assertTrue(fixed.errors().isEmpty());
        assertEqualsFullRebuild(fixed);
    }

    @Test
    void aNewProjectFileRebuildsEverything() throws IOException {
        Files.copy(content.resolve("2020/inspection/index.yaml"), content.resolve("2020/inspection/extra.yaml"));
        Snapshot s = apply("2020/inspection/extra.yaml");
        assertTrue(s.files().containsKey("2020/inspection/extra.html"));
        assertEqualsFullRebuild(s);
    }

    @Test
    void filesThatCameAndWentAreIgnored() {
        assertEquals(null, live.update(Changes.ofContent("2020/inspection/index.yaml___jb_tmp___", "2020/.index.yaml.swp")));
    }

    @Test
    void inSingleYearContentPagesThatCannotShowTheProjectAreKept() throws IOException {
        // The real content has one year, so a save is patched in rather than rebuilt from scratch.
        live.close();
        content = tmp.resolve("single/content");
        ContentFixture.copyTree(Path.of("content").toAbsolutePath(), content);
        live = open();
        Snapshot before = live.start();
        forceAll(before);
        edit("2020/labor-inspection/labor-inspection-fund.yaml", "name: \"劳动监察专项资金\"", "name: \"劳动监察专项资金（改）\"");
        Snapshot after = apply("2020/labor-inspection/labor-inspection-fund.yaml");
        assertEqualsFullRebuild(after);
        assertTrue(text(after, "2020/labor-inspection/labor-inspection-fund.html").contains("劳动监察专项资金（改）"));
        assertSame(before.files().get("2020/personnel/archive-room.html"), after.files().get("2020/personnel/archive-room.html"),
                "a project page of another unit is not rendered again");
        assertNotSame(before.files().get("2020/index.html"), after.files().get("2020/index.html"));
    }

    /**
     * The prose of report.md and unit.md states projects' figures and lists their names (src/test/resources/claims):
     * a save that changes what that prose is checked against is applied alone (pages of other units are kept, which a
     * re-read of all content would render again), and the pages that show the report's and the unit's findings follow.
     */
    @Test
    void savesThatChangeTheFindingsOfTheUnitsAndTheYearsProseAreAppliedAlone() throws IOException {
        live.close();
        content = tmp.resolve("claims/content");
        ContentFixture.copyTree(ContentFixture.resource("claims/content"), content);
        live = open();
        Snapshot before = live.start();
        forceAll(before);
        String unitPage = "2020/unit-a/index.html";
        String otherUnit = "2020/unit-b/land.html";

        // A name listed in unit.md's 支出率为88.2% finding.
        edit("2020/unit-a/employment-fund.yaml", "name: 就业专项资金", "name: 就业专项资金（改）");
        Snapshot renamed = apply("2020/unit-a/employment-fund.yaml");
        assertEqualsFullRebuild(renamed);
        assertTrue(text(renamed, unitPage).contains("就业专项资金（改）、就业扶持专项资金"), "the unit's finding lists the new name");
        assertSame(before.files().get(otherUnit), renamed.files().get(otherUnit), "applied alone");

        // A score and grade that unit.md states (评价总得分90分, 评价等级全部为优): those findings go.
        edit("2020/unit-a/entrepreneurship.yaml", "  total: 85\n  grade: 良", "  total: 90\n  grade: 优");
        Snapshot scored = apply("2020/unit-a/entrepreneurship.yaml");
        assertEqualsFullRebuild(scored);
        assertNotSame(renamed.files().get(unitPage), scored.files().get(unitPage));
        assertTrue(text(renamed, unitPage).contains("（自评总分）"));
        assertFalse(text(scored, unitPage).contains("（自评总分）"), "the finding about 90 points is gone");
        assertSame(before.files().get(otherUnit), scored.files().get(otherUnit), "applied alone");

        // A unit-wide figure (实际支出150万元 against the unit's executed total) and one report.md states (25万元).
        edit("2020/unit-a/entrepreneurship.yaml", "planned:  { total: 20, fiscal: 20 }", "planned:  { total: 25, fiscal: 25 }");
        edit("2020/unit-a/entrepreneurship.yaml", "executed: { total: 10, fiscal: 10 }", "executed: { total: 20, fiscal: 20 }");
        Snapshot figures = apply("2020/unit-a/entrepreneurship.yaml");
        assertEqualsFullRebuild(figures);
        assertNotSame(scored.files().get("2020/index.html"), figures.files().get("2020/index.html"));
        assertSame(before.files().get(otherUnit), figures.files().get(otherUnit), "applied alone");

        // A narrative of its own, with a figure of its project, in another unit (a new file: everything is read again).
        Files.writeString(content.resolve("2020/unit-b/land.md"), "本项目预算2000万元。\n");
        Snapshot created = apply("2020/unit-b/land.md");
        forceAll(created);
        edit("2020/unit-b/land.md", "2000万元", "2500万元");
        Snapshot narrative = apply("2020/unit-b/land.md");
        assertEqualsFullRebuild(narrative);
        assertTrue(text(narrative, otherUnit).contains("2500万元"));
        assertSame(created.files().get("2020/unit-a/employment-fund.html"), narrative.files().get("2020/unit-a/employment-fund.html"),
                "applied alone");
    }

    /**
     * Most pages of a preview are never opened. After each save only the saved project's page is rendered, the others
     * are made from the latest model when first asked for, however many saves came before: a figure (the unit's and
     * the year's totals and both years' comparisons change), a rename in another unit, then one in the last year.
     */
    @Test
    void pagesFirstOpenedAfterSeveralSavesShowTheLatestContent() throws IOException {
        openThreeYears();
        Snapshot before = live.start();
        String otherUnit = "2020/personnel/recruitment.html";
        String thirdUnit = "2020/archive/archive-room.html";
        text(before, otherUnit);
        text(before, thirdUnit);
        text(before, "2020/labor/arbitration.html");

        edit("2020/labor/arbitration.yaml", "executed: { total: 2 }", "executed: { total: 1.5 }");
        Snapshot figures = apply("2020/labor/arbitration.yaml");
        assertTrue(figures.files().get("2020/labor/arbitration.html").rendered(), "the saved project's page is ready");
        assertFalse(figures.files().get("2020/index.html").rendered(), "a page nobody opened is not rendered");
        assertSame(before.files().get(otherUnit), figures.files().get(otherUnit), "patched, not rebuilt");

        edit("2020/personnel/recruitment.yaml", "name: 公开招聘", "name: 公开招聘（改）");
        Snapshot other = apply("2020/personnel/recruitment.yaml");
        assertSame(before.files().get(thirdUnit), other.files().get(thirdUnit), "patched, not rebuilt");
        edit("2021/labor/arbitration.yaml", "name: 劳动仲裁经费", "name: 劳动仲裁经费（改）");
        Snapshot renamed = apply("2021/labor/arbitration.yaml");
        assertSame(before.files().get(thirdUnit), renamed.files().get(thirdUnit), "patched, not rebuilt");
        assertTrue(text(renamed, "2021/changes.html").contains("劳动仲裁经费（改）"));
        assertTrue(text(renamed, "2020/index.html").contains("公开招聘（改）"));
        assertEqualsFullRebuild(renamed);
    }

    /**
     * A split year's changes page has a part per unit with changes ({@code jixiao.formsPerPage}): a save that makes a
     * project of an unchanged unit differ from the year before adds a part, and the preview serves the new set of
     * files; a save that keeps the parts is patched.
     */
    @Test
    void aSaveThatAddsAPartToASplitChangesPageServesTheNewParts() throws IOException {
        String was = System.getProperty(PagedYear.FORMS_PER_PAGE_PROPERTY);
        System.setProperty(PagedYear.FORMS_PER_PAGE_PROPERTY, "1");
        try {
            openThreeYears();
            Snapshot before = live.start();
            text(before, "2021/labor/arbitration.html");
            Set<String> parts = changesParts(before);
            assertFalse(parts.isEmpty(), "split");

            // The same in 2020 and 2021 until now.
            edit("2021/labor/arbitration.yaml", "executed: { total: 2 }", "executed: { total: 1.5 }");
            Snapshot changed = apply("2021/labor/arbitration.yaml");
            assertEqualsFullRebuild(changed);
            assertNotEquals(parts, changesParts(changed));

            edit("2021/personnel/recruitment.yaml", "name: ", "name: 改名");
            Snapshot renamed = apply("2021/personnel/recruitment.yaml");
            assertEquals(changesParts(changed), changesParts(renamed));
            assertEqualsFullRebuild(renamed);
        } finally {
            if (was == null) System.clearProperty(PagedYear.FORMS_PER_PAGE_PROPERTY);
            else System.setProperty(PagedYear.FORMS_PER_PAGE_PROPERTY, was);
        }
    }

    /** A contact is checked against every other project's (the same phone for two people): the preview may read everything again, and serves what a full build does. */
    @Test
    void aChangedContactIsServedAsAFullBuildServesIt() throws IOException {
        openThreeYears();
        text(live.start(), "2020/personnel/recruitment.html");
        edit("2020/personnel/recruitment.yaml", "phone: \"5776425\"", "phone: \"5776000\"");
        Snapshot after = apply("2020/personnel/recruitment.yaml");
        assertTrue(text(after, "2020/personnel/recruitment.html").contains("5776000"));
        assertEqualsFullRebuild(after);
    }

    // ------------------------------------------------------------------ helpers

    @Test
    void warmingUpKeepsNothingAndStopsWhenAsked() throws IOException {
        Snapshot before = live.snapshot();
        SortedMap<String, String> pages = forceAll(before);
        AtomicInteger steps = new AtomicInteger();
        live.warmUp(() -> steps.incrementAndGet() < 0).run();
        assertEquals(LiveSite.WARM_UPS, steps.get(), "asks before each of its steps");
        assertSame(before, live.snapshot(), "nothing published");
        assertEquals(pages, forceAll(live.snapshot()));
        // A save after warming up is applied as before.
        edit("2020/inspection/inspection-fund.yaml", "name: \"监察专项资金\"", "name: \"监察专项资金（改）\"");
        assertEqualsFullRebuild(apply("2020/inspection/inspection-fund.yaml"));

        AtomicInteger asked = new AtomicInteger();
        live.warmUp(() -> asked.incrementAndGet() > 0).run();
        assertEquals(1, asked.get(), "stopped before its first step");
    }

    @Test
    void contentWithErrorsIsNotWarmedUp() throws IOException {
        edit("2020/inspection/inspection-fund.yaml", "name: \"监察专项资金\"", "name: [");
        apply("2020/inspection/inspection-fund.yaml");
        assertFalse(live.snapshot().current());
        AtomicInteger asked = new AtomicInteger();
        live.warmUp(() -> asked.incrementAndGet() > LiveSite.WARM_UPS).run();
        assertEquals(0, asked.get(), "no step at all");
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = content.resolve(file);
        String text = Files.readString(path);
        assertTrue(text.contains(from), file + " should contain " + from);
        Files.writeString(path, text.replace(from, to));
    }

    private Snapshot apply(String... files) {
        Snapshot s = live.update(Changes.ofContent(files));
        assertEquals(s, live.snapshot());
        return s;
    }

    private void assertEqualsFullRebuild(Snapshot incremental) throws IOException {
        LiveSite full = open();
        Snapshot expected = full.start();
        assertEquals(expected.findings(), incremental.findings());
        SortedMap<String, String> want = forceAll(expected);
        SortedMap<String, String> got = forceAll(incremental);
        assertEquals(want.keySet(), got.keySet());
        for (String path : want.keySet()) assertEquals(want.get(path), got.get(path), path);
    }

    private static SortedMap<String, String> forceAll(Snapshot s) {
        SortedMap<String, String> out = new TreeMap<>();
        for (Map.Entry<String, RenderedFile> e : s.files().entrySet()) out.put(e.getKey(), new String(e.getValue().bytes(), StandardCharsets.UTF_8));
        return out;
    }

    private static Set<String> changesParts(Snapshot s) {
        Set<String> parts = new TreeSet<>();
        for (String path : s.files().keySet()) if (path.startsWith("2021/changes_")) parts.add(path);
        return parts;
    }

    private static String text(Snapshot s, String path) {
        return new String(s.files().get(path).bytes(), StandardCharsets.UTF_8);
    }
}
