package jixiao.compare;

import jixiao.content.Content;
import jixiao.content.Narrative;
import jixiao.content.Report;
import jixiao.content.Year;
import jixiao.content.ContentLoader;
import jixiao.content.DirectorySource;
import jixiao.diagnostic.Finding;
import jixiao.testing.ContentFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The comparison model for the three-year fixture in src/test/resources/compare/content. */
class ComparerTest {

    private static Content content;

    @BeforeAll
    static void load() throws IOException {
        ContentLoader.Result result = ContentLoader.load(new DirectorySource(ContentFixture.resource("compare/content")));
        assertEquals(List.of(), result.findings().stream().filter(f -> f.severity() == jixiao.diagnostic.Severity.ERROR).toList(),
                "the fixture loads without errors");
        content = result.content();
    }

    private static YearComparison compare(int from, int to, Edition edition) {
        List<Finding> problems = new ArrayList<>();
        Comparison c = Comparer.of(content.site(), edition, problems::add).compare(content, from, to).orElseThrow();
        assertEquals(List.of(), problems);
        assertEquals(1, c.years().size());
        return c.years().get(0);
    }

    private static YearComparison internal2021() {
        return compare(2020, 2021, Edition.INTERNAL);
    }

    private static ProjectChange project(YearComparison y, String id) {
        return y.projects().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no " + id));
    }

    private static UnitChange unit(YearComparison y, String id) {
        return y.units().stream().filter(u -> u.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no " + id));
    }

    /** A snapshot's values as a line: level1, level2, name, position, target, actual, weight, score. */
    private static String snapshot(IndicatorSnapshot s) {
        return String.join(" ", s.level1(), s.level2(), s.name(), String.valueOf(s.position()), s.target(), s.actual(),
                s.weight().toPlainString(), s.score());
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void projectsAreListedByUnitRankThenIdWithKinds() {
        YearComparison y = internal2021();
        assertEquals(2020, y.fromYear());
        assertEquals(2021, y.toYear());
        assertEquals(List.of(
                "labor/arbitration UNCHANGED",
                "labor/employment-fair REMOVED",
                "labor/inspection-fund CHANGED",
                "personnel/archive-digitisation CHANGED",
                "personnel/recruitment CHANGED",
                "personnel/training-plan ADDED",
                "personnel/veteran-cadres CHANGED",
                "personnel/wage-guarantee MOVED",
                "talent/talent-subsidy ADDED",
                "archive/archive-room REMOVED"),
                y.projects().stream().map(p -> p.unitId() + "/" + p.id() + " " + p.kind()).toList());
    }

    @Test
    void unitsAreListedNewOrderFirstThenRemovedOnes() {
        YearComparison y = internal2021();
        assertEquals(List.of("labor CHANGED", "personnel CHANGED", "talent ADDED", "archive REMOVED"),
                y.units().stream().map(u -> u.id() + " " + u.kind()).toList());
        UnitChange talent = unit(y, "talent");
        assertNull(talent.fromName());
        assertEquals("人才中心", talent.toName());
        assertEquals("档案室", unit(y, "archive").fromName());
    }

    @Test
    void projectInAnotherUnitUnderTheSameIdIsAMove() {
        ProjectChange p = project(internal2021(), "wage-guarantee");
        assertEquals(ChangeKind.MOVED, p.kind());
        assertTrue(p.isMoved());
        assertEquals("labor", p.from().unitId());
        assertEquals("劳动处", p.from().unitName());
        assertEquals("personnel", p.to().unitId());
        assertEquals("人事科", p.to().unitName());
        assertEquals(List.of(), p.changes(), "nothing else changed");
        assertEquals(List.of(), p.indicators());
    }

    @Test
    void amountChangesCarryAbsoluteAndRelativeDifference() {
        ProjectChange p = project(internal2021(), "inspection-fund");
        assertEquals(List.of(
                new NumberChange(Field.PLANNED, d("5"), d("6")),
                new NumberChange(Field.RECEIVED, d("5"), d("6")),
                new NumberChange(Field.EXECUTED, d("4.9745"), d("5.7")),
                new NumberChange(Field.EXECUTION_RATE, d("99.49"), d("95")),
                new NumberChange(Field.STATED_TOTAL, d("99.95"), d("97.83")),
                new NumberChange(Field.COMPUTED_TOTAL, d("99.95"), d("97.83"))),
                p.changes());
        NumberChange executed = (NumberChange) p.change(Field.EXECUTED).orElseThrow();
        assertEquals(d("0.7255"), executed.delta());
        assertEquals(d("14.58"), executed.relativePercent(), "0.7255 / 4.9745 = 14.5844…%");
        NumberChange planned = (NumberChange) p.change(Field.PLANNED).orElseThrow();
        assertEquals(d("20.00"), planned.relativePercent());
    }

    @Test
    void changeFromZeroHasNoRelativeDifferenceAndRateAppears() {
        ProjectChange p = project(internal2021(), "archive-digitisation");
        NumberChange planned = (NumberChange) p.change(Field.PLANNED).orElseThrow();
        assertEquals(BigDecimal.ZERO, planned.from());
        assertEquals(d("8"), planned.to());
        assertEquals(d("8"), planned.delta());
        assertNull(planned.relativePercent(), "undefined when the old amount is 0");
        NumberChange rate = (NumberChange) p.change(Field.EXECUTION_RATE).orElseThrow();
        assertNull(rate.from(), "no rate without a planned amount");
        assertEquals(d("95"), rate.to());
        assertNull(rate.delta());
    }

    @Test
    void statedAndComputedGradesAndTotalsAreCompared() {
        ProjectChange p = project(internal2021(), "archive-digitisation");
        assertEquals(new NumberChange(Field.STATED_TOTAL, d("0"), d("89.5")), p.change(Field.STATED_TOTAL).orElseThrow());
        assertEquals(new NumberChange(Field.COMPUTED_TOTAL, d("0"), d("89.5")), p.change(Field.COMPUTED_TOTAL).orElseThrow());
        assertEquals(new TextChange(Field.STATED_GRADE, "差", "良"), p.change(Field.STATED_GRADE).orElseThrow());
        assertEquals(new TextChange(Field.COMPUTED_GRADE, "差", "良"), p.change(Field.COMPUTED_GRADE).orElseThrow());
    }

    @Test
    void differentMoneyUnitsAreConvertedExactlyToTheSiteUnit() {
        YearComparison y = internal2021();
        ProjectChange recruitment = project(y, "recruitment");
        assertEquals("万元", recruitment.from().moneyUnit());
        assertEquals("元", recruitment.to().moneyUnit());
        assertEquals(d("3"), recruitment.to().planned(), "30000 元 is 3 万元");
        assertTrue(recruitment.change(Field.PLANNED).isEmpty(), "3 万元 and 30000 元 are the same amount");
        assertEquals(new NumberChange(Field.EXECUTED, d("2.5"), d("2.8")), recruitment.change(Field.EXECUTED).orElseThrow());
        assertEquals(new TextChange(Field.MONEY_UNIT, "万元", "元"), recruitment.change(Field.MONEY_UNIT).orElseThrow());

        ProjectSnapshot subsidy = project(y, "talent-subsidy").to();
        assertEquals("亿元", subsidy.moneyUnit());
        assertEquals(d("12"), subsidy.planned(), "0.0012 亿元 is 12 万元");
        assertEquals(d("10"), subsidy.executed());
        assertEquals(d("83.33"), subsidy.executionRatePercent());
    }

    @Test
    void renamedProjectIsANameChange() {
        ProjectChange p = project(internal2021(), "recruitment");
        assertEquals(ChangeKind.CHANGED, p.kind());
        assertTrue(p.isRenamed());
        assertEquals(new TextChange(Field.NAME, "公开招聘", "事业单位公开招聘"), p.changes().get(0));
    }

    @Test
    void indicatorsAreMatchedByNameWithRenamesLevelsAndValues() {
        ProjectChange p = project(internal2021(), "inspection-fund");
        List<IndicatorChange> i = p.indicators();
        assertEquals(List.of(
                "CHANGED 检查企业数（家） → 检查企业数（家）",
                "RENAMED 办结业务数（件） → 办结案件数（件）",
                "CHANGED 宣传活动（次） → 宣传活动（次）",
                "ADDED null → 案件按时办结率（%）",
                "CHANGED 结案率（%） → 结案率（%）",
                "CHANGED 服务对象满意度（%） → 服务对象满意度（%）",
                "REMOVED 欠薪案件查处率（%） → null"),
                i.stream().map(c -> c.kind() + " " + (c.from() == null ? null : c.from().name()) + " → "
                        + (c.to() == null ? null : c.to().name())).toList());
        assertEquals(List.of(new TextChange(Field.TARGET, "≥100家", "≥120家"), new TextChange(Field.SCORE, "20", "18.33")),
                i.get(0).changes());
        assertEquals(List.of(), i.get(1).changes(), "renamed in place, values unchanged");
        assertEquals(List.of(new TextChange(Field.LEVEL, "output.quality", "output.quantity")), i.get(2).changes());
        assertEquals("output timeliness 案件按时办结率（%） 0 ≥95% 96% 5 5", snapshot(i.get(3).to()));
        assertEquals(List.of(new NumberChange(Field.WEIGHT, d("20"), d("25")), new TextChange(Field.SCORE, "20", "25")),
                i.get(4).changes());
        assertEquals(List.of(new TextChange(Field.ACTUAL, "95%", "97%")), i.get(5).changes());
        assertEquals("effect social 欠薪案件查处率（%） 1 ≥90% 100% 10 10", snapshot(i.get(6).from()));
    }

    @Test
    void projectNarrativeChangesAreCountedInParagraphsWithExcerpts() {
        ProjectChange p = project(internal2021(), "veteran-cadres");
        assertEquals(ChangeKind.CHANGED, p.kind());
        assertEquals(new NarrativeChange(1, 0, 1, List.of(
                new ParagraphChange(ChangeKind.CHANGED, 1, 1, "2020年组织老干部参观学习两次。", "2021年组织老干部参观学习三次，并开展健康讲座。"),
                new ParagraphChange(ChangeKind.ADDED, -1, 3, null, "下一年度将增加走访慰问。"))),
                p.narrative());
        assertTrue(p.problems().isEmpty());
    }

    @Test
    void unitChangesCarryNameTotalsAndNarrative() {
        YearComparison y = internal2021();
        UnitChange personnel = unit(y, "personnel");
        assertEquals(new TextChange(Field.NAME, "人事处", "人事科"), personnel.changes().get(0));
        assertEquals(new NumberChange(Field.PROJECTS, d("3"), d("5")), personnel.change(Field.PROJECTS).orElseThrow(),
                "wage-guarantee moved in, training-plan (a draft) added");
        UnitChange labor = unit(y, "labor");
        assertTrue(labor.change(Field.NAME).isEmpty());
        assertEquals(new NumberChange(Field.PLANNED, d("18.5"), d("8")), labor.change(Field.PLANNED).orElseThrow());
        assertEquals(1, labor.narrative().changed());
        assertEquals(new ParagraphChange(ChangeKind.CHANGED, 2, 2, "2020年共检查企业110家。", "2021年共检查企业130家，办结案件120件。"),
                labor.narrative().paragraphs().get(0));
    }

    @Test
    void yearTotalsAreInTheSiteMoneyUnit() {
        YearComparison y = internal2021();
        assertEquals(List.of(
                new NumberChange(Field.PLANNED, d("29.5"), d("47")),
                new NumberChange(Field.RECEIVED, d("29.5"), d("43")),
                new NumberChange(Field.EXECUTED, d("28.6745"), d("40.1")),
                new NumberChange(Field.EXECUTION_RATE, d("97.2"), d("85.32"))),
                y.totals(), "8 projects at both sides: no count change");
    }

    /** A change between years shows amounts as pages write them (4.9745, 10): written as 1.50 and 10.000 they change no total. */
    @Test
    void amountsWrittenWithTrailingZerosGiveTheSameTotals(@TempDir Path tmp) throws IOException {
        Path padded = tmp.resolve("content");
        ContentFixture.copyTree(ContentFixture.resource("compare/content"), padded);
        Pattern amount = Pattern.compile("\\{ total: (\\d+)(\\.\\d+)?");
        try (Stream<Path> files = Files.walk(padded)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                String text = Files.readString(file);
                Files.writeString(file, amount.matcher(text)
                        .replaceAll(m -> "{ total: " + m.group(1) + (m.group(2) == null ? ".000" : m.group(2) + "00")));
            }
        }
        Content loaded = ContentLoader.load(new DirectorySource(padded)).content();
        List<Finding> problems = new ArrayList<>();
        YearComparison y = Comparer.of(loaded.site(), Edition.INTERNAL, problems::add).compare(loaded, 2020, 2021).orElseThrow()
                .years().get(0);
        assertEquals(internal2021().totals(), y.totals());
        for (UnitChange unit : internal2021().units()) assertEquals(unit.changes(), unit(y, unit.id()).changes(), unit.id());
    }

    @Test
    void internalEditionShowsDraftsAndPrivateChanges() {
        YearComparison y = internal2021();
        ProjectChange draft = project(y, "training-plan");
        assertEquals(ChangeKind.ADDED, draft.kind());
        assertTrue(draft.to().isDraft());
        ProjectChange recruitment = project(y, "recruitment");
        assertEquals(new TextChange(Field.CONTACT_PHONE, "5776425", "5776426"), recruitment.change(Field.CONTACT_PHONE).orElseThrow());
        assertEquals(Visibility.CONTACT, recruitment.change(Field.CONTACT_PHONE).orElseThrow().visibility());
        assertEquals(new TextChange(Field.INTERNAL_NOTES, "2020年招聘经费由人事处核对。", "2021年起由组织部复核。"),
                recruitment.change(Field.INTERNAL_NOTES).orElseThrow());
        assertEquals(Visibility.INTERNAL, Field.INTERNAL_NOTES.visibility());
    }

    @Test
    void publicEditionLeavesOutDraftsAndPrivateFields() {
        YearComparison y = compare(2020, 2021, Edition.PUBLIC);
        assertTrue(y.projects().stream().noneMatch(p -> p.id().equals("training-plan")), "drafts are not in the public edition");
        assertTrue(y.projects().stream().flatMap(p -> p.changes().stream()).allMatch(c -> c.visibility() == Visibility.PUBLIC));
        ProjectChange recruitment = project(y, "recruitment");
        assertEquals(List.of(Field.NAME, Field.MONEY_UNIT, Field.EXECUTED, Field.EXECUTION_RATE, Field.STATED_TOTAL,
                Field.COMPUTED_TOTAL), recruitment.changes().stream().map(Change::field).toList());
        assertEquals(new NumberChange(Field.PROJECTS, d("3"), d("4")), unit(y, "personnel").change(Field.PROJECTS).orElseThrow(),
                "the draft does not count in the public totals");
        assertEquals(new NumberChange(Field.PLANNED, d("29.5"), d("43")), y.totals().get(0));
    }

    @Test
    void publicNarrativeExcerptsNeverNameADraftProject() {
        Year y2020 = content.year(2020).orElseThrow();
        Year y2021 = content.year(2021).orElseThrow();
        Report r = y2021.report();
        Year withReference = new Year(2021, new Report(r.title(), r.department(), r.period(), r.published(),
                new Narrative("培训计划 {{ training-plan.planned }}。\n\n招聘 {{ recruitment.planned }}。\n", "content/2021/report.md"),
                r.sources()), y2021.units());

        NarrativeChange pub = Comparer.of(content.site(), Edition.PUBLIC, f -> { }).year(y2020, withReference).narrative();
        String excerpts = pub.paragraphs().toString();
        assertTrue(excerpts.contains("（未公开）"), excerpts);
        assertTrue(excerpts.contains("{{ recruitment.planned }}"), "a published project's reference stays: " + excerpts);
        assertTrue(!excerpts.contains("training-plan"), excerpts);

        NarrativeChange internal = Comparer.of(content.site(), Edition.INTERNAL, f -> { }).year(y2020, withReference).narrative();
        assertTrue(internal.paragraphs().toString().contains("training-plan"), "the internal edition names drafts");
    }

    /** The excerpts mask what the page resolves, read with the page's grammar: code is shown as written on both. */
    @Test
    void publicNarrativeExcerptsMaskExactlyTheReferencesThePageResolves() {
        Year y2020 = content.year(2020).orElseThrow();
        Year y2021 = content.year(2021).orElseThrow();
        Report r = y2021.report();
        Year withReference = new Year(2021, new Report(r.title(), r.department(), r.period(), r.published(),
                new Narrative("甲 {{training-plan.planned}}，乙 `{{ training-plan.score }}`。\n", "content/2021/report.md"),
                r.sources()), y2021.units());

        NarrativeChange pub = Comparer.of(content.site(), Edition.PUBLIC, f -> { }).year(y2020, withReference).narrative();

        String excerpts = pub.paragraphs().toString();
        assertTrue(excerpts.contains("甲 （未公开），乙 `{{ training-plan.score }}`。"), excerpts);
    }

    @Test
    void publicEditionShowsContactChangesWhenTheSiteAllowsIt() {
        jixiao.content.Site s = content.site();
        jixiao.content.Site showing = new jixiao.content.Site(s.title(), s.organisation(), s.baseUrl(), s.moneyUnit(), s.rules(),
                true, s.sources());
        YearComparison y = Comparer.of(showing, Edition.PUBLIC, f -> { })
                .year(content.year(2020).orElseThrow(), content.year(2021).orElseThrow());
        ProjectChange recruitment = project(y, "recruitment");
        assertTrue(recruitment.change(Field.CONTACT_PHONE).isPresent());
        assertTrue(recruitment.change(Field.INTERNAL_NOTES).isEmpty(), "internal notes never");
    }

    @Test
    void draftThatBecomesFinalIsAddedInThePublicEditionAndAStatusChangeInTheInternalOne() {
        jixiao.content.Year drafts = content.year(2021).orElseThrow();
        jixiao.content.Year finals = new jixiao.content.Year(drafts.year(), drafts.report(), drafts.units().stream()
                .map(u -> new jixiao.content.Unit(u.year(), u.id(), u.name(), u.order(), u.narrative(),
                        u.projects().stream().map(ComparerTest::asFinal).toList(), u.sources()))
                .toList());
        ProjectChange pub = project(Comparer.of(content.site(), Edition.PUBLIC, f -> { }).year(drafts, finals), "training-plan");
        assertEquals(ChangeKind.ADDED, pub.kind());
        ProjectChange internal = project(Comparer.of(content.site(), Edition.INTERNAL, f -> { }).year(drafts, finals), "training-plan");
        assertEquals(ChangeKind.CHANGED, internal.kind());
        assertEquals(List.of(new TextChange(Field.STATUS, "draft", "final")), internal.changes());
    }

    @Test
    void comparingAgainAfterAChangeEqualsComparingFromScratchAndKeepsWhatDidNotChange() {
        Year y2020 = content.year(2020).orElseThrow();
        Year y2021 = content.year(2021).orElseThrow();
        for (Edition edition : Edition.values()) {
            Comparer comparer = Comparer.of(content.site(), edition, f -> { });
            YearComparison before = comparer.year(y2020, y2021);
            String id = before.projects().stream().filter(p -> p.from() != null && p.to() != null).findFirst().orElseThrow().id();
            Year edited = withProjects(y2021, p -> p.id().equals(id) ? renamed(p, p.name() + "（修订）", "新的问题说明。") : p);

            YearComparison patched = comparer.year(y2020, edited, before, java.util.Set.of(id));
            assertEquals(comparer.year(y2020, edited), patched, edition.name());
            assertEquals(ChangeKind.CHANGED, project(patched, id).kind());
            for (int i = 0; i < before.projects().size(); i++) {
                // Kept, not compared again: the very same comparison.
                if (!before.projects().get(i).id().equals(id)) org.junit.jupiter.api.Assertions.assertSame(before.projects().get(i), patched.projects().get(i));
            }
        }
    }

    @Test
    void comparingAgainAfterAProjectDisappearedEqualsComparingFromScratch() {
        Year y2020 = content.year(2020).orElseThrow();
        Year y2021 = content.year(2021).orElseThrow();
        Comparer comparer = Comparer.of(content.site(), Edition.INTERNAL, f -> { });
        YearComparison before = comparer.year(y2020, y2021);
        String id = before.projects().stream().filter(p -> p.to() != null).findFirst().orElseThrow().id();
        Year without = new Year(y2021.year(), y2021.report(), y2021.units().stream()
                .map(u -> new jixiao.content.Unit(u.year(), u.id(), u.name(), u.order(), u.narrative(),
                        u.projects().stream().filter(p -> !p.id().equals(id)).toList(), u.sources()))
                .toList());
        assertEquals(comparer.year(y2020, without), comparer.year(y2020, without, before, java.util.Set.of(id)));
    }

    private static Year withProjects(Year year, java.util.function.UnaryOperator<jixiao.content.Project> change) {
        return new Year(year.year(), year.report(), year.units().stream()
                .map(u -> new jixiao.content.Unit(u.year(), u.id(), u.name(), u.order(), u.narrative(),
                        u.projects().stream().map(change).toList(), u.sources()))
                .toList());
    }

    private static jixiao.content.Project renamed(jixiao.content.Project p, String name, String problems) {
        return new jixiao.content.Project(p.year(), p.unitId(), p.id(), name, p.implementingUnit(), p.filingDepartment(),
                p.order(), p.moneyUnit(), p.status(), p.budget(), p.goals(), p.indicators(), p.stated(),
                problems, p.contact(), p.internal(), p.narrative(), p.sources());
    }

    private static jixiao.content.Project asFinal(jixiao.content.Project p) {
        return new jixiao.content.Project(p.year(), p.unitId(), p.id(), p.name(), p.implementingUnit(), p.filingDepartment(),
                p.order(), p.moneyUnit(), jixiao.content.Status.FINAL, p.budget(), p.goals(), p.indicators(), p.stated(),
                p.problems(), p.contact(), p.internal(), p.narrative(), p.sources());
    }

    @Test
    void unchangedProjectIsKeptAndMarkedUnchanged() {
        ProjectChange p = project(internal2021(), "arbitration");
        assertEquals(ChangeKind.UNCHANGED, p.kind());
        assertFalse(p.hasChanges());
        assertEquals(1, internal2021().projects().size() - internal2021().changedProjects().size());
    }

    @Test
    void earlierYearsShowRemovedUnitAndItsProject() {
        YearComparison y = compare(2019, 2020, Edition.INTERNAL);
        assertEquals(List.of("labor CHANGED", "personnel ADDED", "archive ADDED", "legacy REMOVED"),
                y.units().stream().map(u -> u.id() + " " + u.kind()).toList());
        assertEquals(ChangeKind.REMOVED, project(y, "old-project").kind());
        assertEquals("legacy", project(y, "old-project").unitId());
        assertEquals(List.of(new TextChange(Field.ACTUAL, "95家", "110家"), new TextChange(Field.SCORE, "19", "20")),
                project(y, "inspection-fund").indicators().get(0).changes());
    }

    @Test
    void historyFollowsOneProjectThroughConsecutiveYears() {
        List<ProjectChange> history = Comparer.of(content.site(), Edition.INTERNAL, f -> { }).history(content, "inspection-fund");
        assertEquals(List.of("2019→2020 CHANGED", "2020→2021 CHANGED"),
                history.stream().map(p -> p.from().year() + "→" + p.to().year() + " " + p.kind()).toList());
        List<ProjectChange> moved = Comparer.of(content.site(), Edition.INTERNAL, f -> { }).history(content, "wage-guarantee");
        assertEquals(List.of("ADDED", "MOVED"), moved.stream().map(p -> p.kind().name()).toList());
    }

    @Test
    void yearMissingFromTheTreeGivesNoComparison() {
        assertTrue(Comparer.of(content.site(), Edition.INTERNAL, f -> { }).compare(content, 2018, 2020).isEmpty());
    }
}
