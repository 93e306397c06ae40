package jixiao.site;

import jixiao.check.Checker;
import jixiao.compare.Edition;
import jixiao.content.DirectorySource;
import jixiao.testing.Builds;
import org.junit.jupiter.api.Test;

import java.io.IOException;
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
    void aRecordingNotesTheProjectsUnitsAndYearPartsItRead() throws IOException {
        SiteModel site = model();
        YearModel year = site.years().get(0);
        UnitModel unit = year.units().get(0);
        ProjectModel project = unit.projects().get(0);
        ModelReads.Recorded<String> recorded = ModelReads.record(() -> project.project().name() + year.totals() + unit.path());
        assertEquals(Set.of(project, year.totals()), Set.copyOf(recorded.reads()),
                "a unit's path is where it is, not what it holds: not a read");
        assertTrue(ModelReads.parts(site).containsAll(recorded.reads()), "every part a rendering can note is a part of the model");
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
        assertEquals(Set.of(first), Set.copyOf(outer.reads()));
        assertEquals(Set.of(second), Set.copyOf(outer.value()));
    }

    @Test
    void noteAllNotesEachPartInARecordingAndNothingOutsideOne() {
        Object a = new Object();
        Object b = new Object();
        ModelReads.noteAll(java.util.List.of(a, b)); // nothing records: nothing to note, nothing thrown
        ModelReads.Recorded<Integer> recorded = ModelReads.record(() -> {
            ModelReads.noteAll(java.util.List.of(a, b));
            return 1;
        });
        assertEquals(2, recorded.reads().size());
        assertTrue(recorded.reads().contains(a) && recorded.reads().contains(b));
    }
}
