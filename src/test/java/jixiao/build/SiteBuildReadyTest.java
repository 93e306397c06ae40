package jixiao.build;

import jixiao.check.CheckResult;
import jixiao.check.Checker;
import jixiao.compare.Edition;
import jixiao.content.DirectorySource;
import jixiao.content.Project;
import jixiao.site.FindingIndex;
import jixiao.site.ProjectModel;
import jixiao.site.SiteModel;
import jixiao.site.Slot;
import jixiao.site.UnitModel;
import jixiao.site.YearModel;
import jixiao.testing.Builds;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A full build renders from {@link SiteBuild#ready}: findings placed first, then the projects' positions dropped. */
class SiteBuildReadyTest {

    @Test
    void findingsLandOnTheSameRowsAfterThePositionsAreDropped() throws IOException {
        int placedOnRows = 0;
        for (Path content : List.of(Builds.realContent(), Builds.fixtureContent(), Builds.threeYearContent())) {
            CheckResult result = Checker.check(new DirectorySource(content));
            SiteModel before = SiteModel.build(result, FindingIndex.of(result.findings()), Edition.INTERNAL);
            SiteBuild.Ready ready = SiteBuild.ready(result);
            SiteModel after = SiteModel.build(ready.result(), FindingIndex.of(ready.result().findings()), Edition.INTERNAL,
                    ready.placed());
            List<ProjectModel> was = projects(before);
            List<ProjectModel> is = projects(after);
            assertEquals(was.size(), is.size());
            for (int i = 0; i < was.size(); i++) {
                ProjectModel a = was.get(i);
                ProjectModel b = is.get(i);
                assertEquals(a.project().file(), b.project().file());
                assertEquals(a.findings().all(), b.findings().all(), a.project().file());
                for (Slot slot : slots(a.project())) {
                    assertEquals(a.findings().at(slot), b.findings().at(slot), a.project().file() + " " + slot);
                    if (slot.kind() != Slot.Kind.GENERAL && slot.kind() != Slot.Kind.NARRATIVE) placedOnRows += a.findings().at(slot).size();
                }
            }
        }
        assertTrue(placedOnRows > 0, "some finding is placed on a row, so that the comparison means something");
    }

    @Test
    void theRenderedResultKeepsOnlyEachProjectsFile() throws IOException {
        CheckResult result = Checker.check(new DirectorySource(Builds.realContent()));
        CheckResult slim = SiteBuild.ready(result).result();
        List<Project> was = result.content().years().stream().flatMap(y -> y.projects()).toList();
        List<Project> is = slim.content().years().stream().flatMap(y -> y.projects()).toList();
        assertEquals(was.size(), is.size());
        for (int i = 0; i < was.size(); i++) {
            assertEquals(was.get(i).file(), is.get(i).file());
            assertTrue(is.get(i).sources().positions().isEmpty(), is.get(i).file());
            assertEquals(was.get(i).name(), is.get(i).name());
            assertSame(is.get(i), slim.score(is.get(i)).project(), "a score refers to the copy, not the project with positions");
        }
        assertEquals(result.findings(), slim.findings());
    }

    private static List<ProjectModel> projects(SiteModel model) {
        List<ProjectModel> all = new ArrayList<>();
        for (YearModel y : model.years()) for (UnitModel u : y.units()) all.addAll(u.projects());
        return all;
    }

    private static List<Slot> slots(Project project) {
        List<Slot> slots = new ArrayList<>();
        for (Slot.Kind kind : Slot.Kind.values()) if (kind != Slot.Kind.INDICATOR) slots.add(Slot.of(kind));
        for (int i = 0; i < project.indicators().size(); i++) slots.add(Slot.indicator(i));
        return slots;
    }
}
