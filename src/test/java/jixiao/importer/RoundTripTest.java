package jixiao.importer;

import jixiao.content.Content;
import jixiao.content.ContentLoader;
import jixiao.content.DirectorySource;
import jixiao.content.Indicator;
import jixiao.content.Project;
import jixiao.content.Unit;
import jixiao.content.Year;
import jixiao.diagnostic.Finding;
import jixiao.diagnostic.Severity;
import jixiao.testing.Builds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * content/ → build → the internal edition's report.docx → jixiao import into an empty folder → the same 22
 * projects: every figure and text of every form, contacts included, in the same units and order. (What is not on
 * the paper form, the narratives and the internal notes, is not expected back.)
 */
class RoundTripTest {

    @TempDir
    static Path work;
    static Content original;
    static Content imported;
    static Builds.Run importRun;
    static List<Finding> importedFindings;

    @BeforeAll
    static void roundTrip() throws IOException {
        Path out = work.resolve("out");
        Builds.build(Builds.realContent(), out);
        Path content = work.resolve("imported/content");
        importRun = Builds.run("import", out.resolve("internal/2020/report.docx").toString(), "--year", "2020", "--content", content.toString());
        original = ContentLoader.load(new DirectorySource(Builds.realContent())).content();
        ContentLoader.Result loaded = ContentLoader.load(new DirectorySource(content));
        imported = loaded.content();
        importedFindings = loaded.findings();
    }

    @Test
    void theImportSucceedsAndSaysWhatItDid() {
        assertEquals(0, importRun.exit(), importRun.err());
        assertTrue(importRun.out().contains("导入了 22 张自评表，分属 6 个单位；所有单元格都已放入。"), importRun.out());
    }

    @Test
    void theImportedContentLoadsWithoutErrors() {
        assertEquals(List.of(), importedFindings.stream().filter(f -> f.severity() == Severity.ERROR).toList());
    }

    @Test
    void everyProjectComesBackWithEveryFigureAndText() {
        Map<String, Project> before = projects(original);
        Map<String, Project> after = projects(imported);
        assertEquals(22, before.size());
        assertEquals(before.keySet(), after.keySet());
        for (String id : before.keySet()) {
            Project a = before.get(id);
            Project b = after.get(id);
            assertEquals(a.unitId(), b.unitId(), id);
            assertEquals(a.name(), b.name(), id);
            assertEquals(a.implementingUnit(), b.implementingUnit(), id);
            assertEquals(a.filingDepartment(), b.filingDepartment(), id);
            assertEquals(a.order(), b.order(), id);
            assertEquals(a.moneyUnit(), b.moneyUnit(), id);
            assertEquals(a.status(), b.status(), id);
            assertEquals(a.budget(), b.budget(), id);
            assertEquals(a.goals(), b.goals(), id);
            assertEquals(indicators(a), indicators(b), id);
            assertEquals(a.stated(), b.stated(), id);
            assertEquals(stripEnd(a.problems()), stripEnd(b.problems()), id);
            assertEquals(a.contact(), b.contact(), id);
        }
    }

    @Test
    void unitsComeBackWithTheirNamesAndOrder() {
        Year a = original.year(2020).orElseThrow();
        Year b = imported.year(2020).orElseThrow();
        assertEquals(a.units().stream().map(u -> u.id() + " " + u.name() + " " + u.order()).toList(),
                b.units().stream().map(u -> u.id() + " " + u.name() + " " + u.order()).toList());
    }

    @Test
    void aDraftComesBackAsADraftUnderItsId(@TempDir Path other) throws IOException {
        Builds.build(Builds.fixtureContent(), other.resolve("out"));
        Path content = other.resolve("content");
        Builds.Run run = Builds.run("import", other.resolve("out/internal/2020/report.docx").toString(), "--year", "2020",
                "--content", content.toString());
        assertEquals(0, run.exit(), run.err());
        Project draft = projects(ContentLoader.load(new DirectorySource(content)).content()).get("draft-qx7zk5");
        assertEquals(jixiao.content.Status.DRAFT, draft.status());
        assertEquals("talent", draft.unitId());
    }

    private static Map<String, Project> projects(Content c) {
        return c.year(2020).orElseThrow().units().stream().map(Unit::projects).flatMap(List::stream)
                .collect(Collectors.toMap(Project::id, Function.identity()));
    }

    /** Indicators without where the YAML wrote them (path), which is not a figure or a text of the form. */
    private static List<List<Object>> indicators(Project p) {
        return p.indicators().stream().map((Indicator i) -> List.<Object>of(i.level1(), i.level2(), String.valueOf(i.name()),
                String.valueOf(i.definition()), String.valueOf(i.target()), String.valueOf(i.actual()), String.valueOf(i.weight()),
                String.valueOf(i.score()), String.valueOf(i.judgement()), String.valueOf(i.deviation()))).toList();
    }

    private static String stripEnd(String s) {
        return s == null ? null : s.stripTrailing();
    }
}
