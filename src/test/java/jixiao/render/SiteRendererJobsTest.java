package jixiao.render;

import jixiao.check.CheckResult;
import jixiao.check.Checker;
import jixiao.compare.Edition;
import jixiao.content.DirectorySource;
import jixiao.site.FindingIndex;
import jixiao.site.ModelReads;
import jixiao.site.PagedYear;
import jixiao.site.ProjectModel;
import jixiao.site.SiteModel;
import jixiao.site.UnitModel;
import jixiao.site.YearModel;
import jixiao.testing.Builds;
import jixiao.testing.ContentFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order of an edition's jobs: a split year's report part right after its own projects' pages, so that a form's
 * parts, made once for both renderings (PageBuilder), wait only between the two; and the same files as ever.
 */
class SiteRendererJobsTest {

    /** Low enough that the three-year fixture's units (2–5 forms) split into numbered parts. */
    private static final int LIMIT = 2;
    private static String before;
    private static SiteModel site;

    @BeforeAll
    static void model() throws IOException {
        before = System.getProperty(PagedYear.FORMS_PER_PAGE_PROPERTY);
        System.setProperty(PagedYear.FORMS_PER_PAGE_PROPERTY, Integer.toString(LIMIT));
        CheckResult result = Checker.check(new DirectorySource(Builds.threeYearContent()));
        site = SiteModel.build(result, FindingIndex.of(result.findings()), Edition.INTERNAL);
    }

    @AfterAll
    static void limit() {
        if (before == null) System.clearProperty(PagedYear.FORMS_PER_PAGE_PROPERTY);
        else System.setProperty(PagedYear.FORMS_PER_PAGE_PROPERTY, before);
    }

    private static List<SiteRenderer.Job> jobs() {
        return SiteRenderer.jobs(site, Templates.precompiled(), new Markdown(0), new byte[0]);
    }

    @Test
    void eachReportPartComesRightAfterThePagesOfItsOwnProjects() {
        List<String> paths = jobs().stream().map(SiteRenderer.Job::path).toList();
        int checked = 0;
        for (YearModel year : site.years()) {
            assertTrue(PagedYear.split(year), year.number() + " should be split at " + LIMIT + " forms a page");
            for (PagedYear.Part<ProjectModel> part : PagedYear.reportParts(year)) {
                int at = paths.indexOf(part.path());
                List<String> own = part.items().stream().map(ProjectModel::path).toList();
                assertEquals(own, paths.subList(at - own.size(), at), part.path());
                checked++;
            }
        }
        assertTrue(checked > site.years().size(), "more parts than years");
    }

    @Test
    void theJobsAreEveryFileOfTheYearsUnitsAndProjectsOnce() {
        SiteRenderer.Parts parts = new SiteRenderer.Parts(site, Templates.precompiled(), new Markdown(0), new byte[0]);
        List<String> expected = new ArrayList<>();
        expected.add(parts.home().path());
        parts.siteWide().forEach(job -> expected.add(job.path()));
        for (YearModel year : site.years()) {
            parts.year(year).forEach(job -> expected.add(job.path()));
            for (UnitModel unit : year.units()) {
                expected.add(parts.unit(year, unit).path());
                for (ProjectModel project : unit.projects()) expected.add(parts.project(year, unit, project).path());
            }
        }
        expected.add(parts.css().path());
        List<String> paths = new ArrayList<>(jobs().stream().map(SiteRenderer.Job::path).toList());
        assertEquals(paths.size(), paths.stream().distinct().count(), "no file twice");
        assertEquals(expected.stream().sorted().toList(), paths.stream().sorted().toList());
    }

    @Test
    void aFormsSecondRenderingGivesTheBytesOfItsFirstAndARecordedOneNotesWhatItWouldAlone(@TempDir Path tmp) throws IOException {
        // A project narrative that states a figure of the year: only the form's parts read the year's totals.
        Path content = ContentFixture.copy("site/fixture/content", tmp.resolve("content"));
        Files.writeString(content.resolve("2020/inspection/inspection-fund.md"), "全年预算 {{ report.planned }}。\n");
        CheckResult result = Checker.check(new DirectorySource(content));
        SiteModel fixture = SiteModel.build(result, FindingIndex.of(result.findings()), Edition.INTERNAL);
        YearModel year = fixture.years().stream().filter(y -> y.number() == 2020).findFirst().orElseThrow();
        ProjectModel project = year.projects().stream().filter(p -> p.project().id().equals("inspection-fund")).findFirst().orElseThrow();

        // What a recorded rendering reads when no plain one came before (a fresh set of jobs, made outside the recording).
        SiteRenderer.Job fresh = job(fixture, project);
        ModelReads.Recorded<byte[]> alone = ModelReads.record(() -> fresh.content().bytes());
        assertTrue(alone.reads().contains(year.totals()), "the narrative's figure is read");

        SiteRenderer.Job page = job(fixture, project);
        byte[] first = page.content().bytes(); // makes the form's parts and leaves them for the second rendering
        byte[] second = page.content().bytes(); // takes them
        assertArrayEquals(first, second);
        page.content().bytes(); // leaves them again
        // A recorded rendering must not take them: it would not note what making them read.
        ModelReads.Recorded<byte[]> recorded = ModelReads.record(() -> page.content().bytes());
        assertArrayEquals(first, recorded.value());
        assertArrayEquals(first, alone.value());
        assertEquals(byKind(alone.reads()), byKind(recorded.reads()));
    }

    /** Reads as two sets: model parts by identity, derived facts by value (each recording notes its own fact objects). */
    private static List<Set<Object>> byKind(Set<Object> reads) {
        Set<Object> parts = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Object> facts = new HashSet<>();
        for (Object read : reads) (read instanceof ModelReads.Derived ? facts : parts).add(read);
        return List.of(parts, facts);
    }

    /** The job of a project's page, from a fresh set of jobs (so with nothing made for its form yet). */
    private static SiteRenderer.Job job(SiteModel model, ProjectModel project) {
        return SiteRenderer.jobs(model, Templates.precompiled(), new Markdown(0), new byte[0]).stream()
                .filter(j -> j.path().equals(project.path())).findFirst().orElseThrow();
    }
}
