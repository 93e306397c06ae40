package jixiao.site;

import jixiao.narrative.Figure;
import jixiao.check.CheckResult;
import jixiao.check.Checker;
import jixiao.compare.Comparer;
import jixiao.compare.Edition;
import jixiao.content.DirectorySource;
import jixiao.content.Project;
import jixiao.diagnostic.Finding;
import jixiao.score.ProjectScore;
import jixiao.testing.Builds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The site model of the fixture: editions, totals, figures, findings placed on the form's rows. */
class SiteModelTest {

    static CheckResult result;
    static SiteModel internal;
    static SiteModel published;

    @BeforeAll
    static void load() throws IOException {
        result = Checker.check(new DirectorySource(Builds.fixtureContent()));
        FindingIndex index = FindingIndex.of(result.findings());
        internal = SiteModel.build(result, index, Edition.INTERNAL);
        published = SiteModel.build(result, index, Edition.PUBLIC);
    }

    private static YearModel year(SiteModel site, int year) {
        return site.years().stream().filter(y -> y.number() == year).findFirst().orElseThrow();
    }

    @Test
    void totalsConvertEveryProjectToTheSiteMoneyUnitExactly() {
        Totals t = year(published, 2020).totals();
        // 5万元 + 12000元 + 0.1039亿元
        assertEquals(new BigDecimal("1045.2"), t.planned().stripTrailingZeros());
        assertEquals("1045.2万元", Money.format(t.planned(), t.moneyUnit()));
        assertEquals(3, t.projects());
    }

    @Test
    void aYearsTotalsAreThoseOfEveryProjectItShowsAddedUpDirectly() {
        // The model adds up its units' totals; that must be the same, to the scale of each sum, as one pass over the
        // year's projects (amounts in three money units, uncomputable and stated scores in the fixture).
        for (SiteModel site : List.of(internal, published)) {
            for (YearModel year : site.years()) {
                List<ProjectScore> scores = year.units().stream().flatMap(u -> u.projects().stream()).map(ProjectModel::score).toList();
                assertEquals(Totals.of(scores, site.site().moneyUnit(), site.profile()), year.totals(), site.edition() + " " + year.number());
            }
        }
    }

    @Test
    void aYearComparisonTakingTheModelsSumsEqualsOneAddingUpEveryProject() {
        // Both take the model's sums; the public one leaves out the draft of the earlier year, both in its totals and in the
        // comparison, which must agree.
        for (SiteModel site : List.of(internal, published)) {
            Comparer adding = Comparer.of(site.site(), result::score, site.edition());
            for (int i = 1; i < site.years().size(); i++) {
                YearModel year = site.years().get(i);
                assertEquals(adding.year(site.years().get(i - 1).year(), year.year()), year.changes(), site.edition() + " " + year.number());
            }
        }
    }

    @Test
    void totalsCountWhatTheEditionShows() {
        assertEquals(3, year(published, 2020).totals().projects());
        assertEquals(4, year(internal, 2020).totals().projects());
        assertTrue(year(published, 2020).hiddenIds().contains("draft-qx7zk5"));
        assertTrue(year(internal, 2020).hiddenIds().isEmpty());
    }

    @Test
    void averagesAndExcellentRateFollowTheComputedTotals() {
        Totals t = year(published, 2020).totals();
        // computed totals 94.35, 100.00 (index), 81.34 (employment): mean 91.896… → 91.90
        assertEquals(new BigDecimal("91.90"), t.averageScore());
        assertEquals(new BigDecimal("100.00"), t.averageStated());
        assertEquals("优", t.grade());
        assertEquals(Map.of("优", 2, "良", 1, "中", 0, "差", 0), t.gradeCounts());
        assertEquals(List.of("优", "良", "中", "差"), List.copyOf(t.gradeCounts().keySet()));
        assertEquals("100.00%", Money.rate(t.excellentRatio()));
        assertEquals("13.89%", Money.rate(t.executionRatio()));
    }

    @Test
    void narrativeReferencesResolveToFormattedFigures() {
        YearModel y = year(published, 2020);
        UnitModel inspection = y.unitsById().get("inspection");
        assertEquals("4.9745万元", Figures.resolve(y, inspection, "inspection-fund", "executed"));
        assertEquals("99.49%", Figures.resolve(y, inspection, "inspection-fund", "execution_rate"));
        assertEquals("94.35", Figures.resolve(y, inspection, "inspection-fund", "score"));
        assertEquals("100", Figures.resolve(y, inspection, "inspection-fund", "stated_total"));
        assertEquals("优", Figures.resolve(y, inspection, "inspection-fund", "grade"));
        assertEquals("2", Figures.resolve(y, inspection, "unit", "projects"));
        assertEquals("6.2万元", Figures.resolve(y, inspection, "unit", "planned"));
        assertEquals("3", Figures.resolve(y, null, "report", "projects"));
        assertEquals("良", Figures.resolve(y, null, "employment", "grade"));
    }

    @Test
    void aReferenceToADraftSaysItIsNotPublishedInThePublicEdition() {
        assertEquals(Figure.NOT_PUBLISHED, Figures.resolve(year(published, 2020), null, "draft-qx7zk5", "planned"));
        assertEquals("7777.77万元", Figures.resolve(year(internal, 2020), null, "draft-qx7zk5", "planned"));
    }

    @Test
    void theSameProjectInOtherYearsIsFoundWhereverItsUnitIs() {
        ProjectModel p = year(published, 2020).project("inspection-fund").orElseThrow();
        assertEquals(List.of(new ProjectModel.ProjectRef(2021, "personnel", "人事处", "监察专项资金（2021）",
                "2021/personnel/inspection-fund.html", p.otherYears().get(0).score())), p.otherYears());
        assertEquals(2021, p.otherYears().get(0).score().project().year());
        assertEquals(List.of(2020, 2021), p.years().stream().map(ProjectModel.ProjectRef::year).toList());
    }

    @Test
    void everyYearButTheFirstIsComparedWithTheOneBefore() {
        assertNull(year(published, 2020).changes());
        assertEquals(2020, year(published, 2021).changes().fromYear());
        assertEquals(year(published, 2020), published.previous(year(published, 2021)).orElseThrow());
        // The public comparison leaves the draft out entirely; the internal one shows it removed.
        assertTrue(year(published, 2021).changes().projects().stream().noneMatch(p -> p.id().equals("draft-qx7zk5")));
        assertTrue(year(internal, 2021).changes().projects().stream().anyMatch(p -> p.id().equals("draft-qx7zk5")));
    }

    @Test
    void findingsArePlacedOnTheRowTheyAreAbout() {
        ProjectModel p = year(internal, 2020).project("inspection-fund").orElseThrow();
        FindingPlacement placed = p.findings();
        // score-mismatch at indicators.output.quantity[0].score
        assertEquals(List.of("score-mismatch"), codes(placed.at(Slot.indicator(0))));
        assertEquals(List.of(), codes(placed.at(Slot.indicator(1))));
        // level2-misplaced at the key indicators.output.social: the first row filed under it
        assertEquals(List.of("level2-misplaced"), codes(placed.at(Slot.indicator(2))));
        assertEquals(List.of("total-mismatch"), codes(placed.at(Slot.Kind.TOTAL)));
        // html-comment in problems
        assertEquals(List.of("html-comment"), codes(placed.at(Slot.Kind.PROBLEMS)));
        assertEquals(4, placed.count());

        ProjectModel employment = year(internal, 2020).project("employment").orElseThrow();
        assertEquals(List.of("execution-rate-mismatch"), codes(employment.findings().at(Slot.Kind.EXECUTION_RATE)));
        assertEquals(List.of("execution-score-mismatch"), codes(employment.findings().at(Slot.Kind.EXECUTION)));
        assertEquals(List.of("computed-grade-differs"), codes(employment.findings().at(Slot.Kind.GRADE)));
    }

    @Test
    void aFindingAtAValuesExactPositionLandsOnItsRow() {
        Project project = year(internal, 2020).project("inspection-fund").orElseThrow().project();
        String path = project.indicators().get(3).path() + ".actual";
        Finding f = Finding.warning("unit-mismatch", project.sources().at(path), "x");
        FindingPlacement placed = FindingPlacement.of(project, List.of(f), List.of());
        assertEquals(List.of(f), placed.at(Slot.indicator(3)));
        Finding whole = Finding.warning("x", jixiao.diagnostic.SourcePosition.ofFile(project.file()), "x");
        assertEquals(List.of(whole), FindingPlacement.of(project, List.of(whole), List.of()).at(Slot.Kind.GENERAL));
    }

    @Test
    void thePublicEditionHasNoFindings() {
        for (YearModel y : published.years()) {
            assertEquals(0, y.findingCount());
            for (ProjectModel p : y.projects()) assertEquals(FindingPlacement.NONE, p.findings());
        }
        assertTrue(year(internal, 2020).findingCount() > 0);
    }

    @Test
    void indicatorRowsAreGroupedAsWrittenSoAMisplacedLevel2ShowsWhereTheFormPutIt() {
        ProjectModel p = year(internal, 2020).project("inspection-fund").orElseThrow();
        List<Form.IndicatorRow> rows = Forms.of(p, internal).indicators();
        // output: quantity ×2 (row 0 has a finding, so two table rows), social ×1 (with a finding); effect: social; satisfaction
        assertEquals(new Form.Cell("产出指标（50）", 5), rows.get(0).level1());
        assertEquals(new Form.Cell("数量指标", 3), rows.get(0).level2());
        assertNull(rows.get(1).level1());
        assertNull(rows.get(1).level2());
        assertNull(rows.get(2).level1());
        assertEquals(new Form.Cell("社会效益指标", 2), rows.get(2).level2());
        assertEquals(new Form.Cell("效益指标（30）", 1), rows.get(3).level1());
        assertEquals(new Form.Cell("社会效益指标", 1), rows.get(3).level2());
        assertEquals(new Form.Cell("满意度指标（10）", 1), rows.get(4).level1());

        // Without findings (public edition) every row is one table row.
        List<Form.IndicatorRow> plain = Forms.of(year(published, 2020).project("inspection-fund").orElseThrow(), published).indicators();
        assertEquals(new Form.Cell("产出指标（50）", 3), plain.get(0).level1());
        assertEquals(new Form.Cell("数量指标", 2), plain.get(0).level2());
    }

    @Test
    void theFormShowsStatedAndComputedFiguresSideBySide() {
        Form f = Forms.of(year(published, 2020).project("employment").orElseThrow(), published);
        assertEquals(new Form.Compare("100%", "13.38%", true), f.executionRate());
        assertEquals(new Form.Compare("10.00", "1.34", true), f.execution().score());
        assertEquals(new Form.Compare("100.00", "81.34", true), f.total());
        assertEquals(new Form.Compare("优", "良", true), f.grade());
        assertEquals(new Form.Compare("50.00", "40.00", true), f.indicators().get(0).score());
        assertEquals("0.1039亿元", f.budget().get(0).planned());
        assertNull(f.contact(), "no contact in the public edition");
        Form internalForm = Forms.of(year(internal, 2020).project("employment").orElseThrow(), internal);
        assertEquals(new Form.ContactView("联系人标记QX7ZK1", "0315-PHONEQX7ZK2"), internalForm.contact());
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }
}
