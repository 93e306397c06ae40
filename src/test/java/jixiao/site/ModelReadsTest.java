package jixiao.site;

import jixiao.check.Checker;
import jixiao.compare.Edition;
import jixiao.content.DirectorySource;
import jixiao.testing.Builds;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A rendering's reads of the site model are noted by identity, on its own thread, and nowhere else. */
class ModelReadsTest {

    private static SiteModel model() throws IOException {
        var result = Checker.check(new DirectorySource(Builds.fixtureContent()));
        return SiteModel.build(result, FindingIndex.of(result.findings()), Edition.INTERNAL);
    }

    @Test
    void aRecordingNotesWhatEachAccessorGaveNotTheWholeProjectOrUnit() throws IOException {
        SiteModel site = model();
        YearModel year = site.years().get(0);
        UnitModel unit = year.units().get(0);
        ProjectModel project = unit.projects().get(0);
        ModelReads.Recorded<String> recorded = ModelReads.record(
                () -> project.project().name() + project.findings() + unit.unit().name() + year.totals() + unit.path());
        assertIdentical(List.of(project.project(), project, unit.unit(), year.totals()), recorded.reads(),
                "a project's content, its findings (the project model itself), its unit's own fields, the year's totals; "
                        + "a unit's path is where it is, not what it holds: not a read");
        assertTrue(ModelReads.parts(site).containsAll(recorded.reads()), "every part a rendering can note is a part of the model");
    }

    /** {@code actual} holds exactly {@code expected}, by identity (records that are equal may be different parts). */
    private static void assertIdentical(List<Object> expected, Set<Object> actual, String message) {
        assertEquals(expected.size(), actual.size(), message);
        for (Object part : expected) assertTrue(actual.contains(part), message + ": " + part.getClass().getSimpleName());
    }

    @Test
    void readsOutsideARecordingOrOnAnotherThreadAreNotNoted() throws Exception {
        SiteModel site = model();
        ProjectModel project = site.years().get(0).projects().get(0);
        ModelReads.Recorded<Integer> recorded = ModelReads.record(() -> {
            Thread other = new Thread(project::score);
            other.start();
            try {
                other.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return 1;
        });
        assertTrue(recorded.reads().isEmpty());
    }

    @Test
    void anInnerRecordingKeepsItsReadsToItself() throws IOException {
        SiteModel site = model();
        ProjectModel first = site.years().get(0).projects().get(0);
        ProjectModel second = site.years().get(0).projects().get(1);
        ModelReads.Recorded<Set<Object>> outer = ModelReads.record(() -> {
            first.score();
            Set<Object> inner = ModelReads.record(second::score).reads();
            first.project();
            return inner;
        });
        assertIdentical(List.of(first.score(), first.project()), outer.reads(), "the outer recording's reads");
        assertIdentical(List.of(second.score()), outer.value(), "the inner recording's reads");
    }

    @Test
    void aDerivedFactIsNotedByNameAndValueInARecordingAndNothingOutsideOne() {
        assertEquals("changes_labor.html", ModelReads.noteDerived("changes-page/2021/fund", "changes_labor.html"));
        ModelReads.Recorded<Integer> recorded = ModelReads.record(() -> {
            ModelReads.noteDerived("changes-page/2021/fund", "changes_labor_2.html");
            return 1;
        });
        assertEquals(Set.of(new ModelReads.Derived("changes-page/2021/fund", "changes_labor_2.html")), Set.copyOf(recorded.reads()));
    }
}
