package jixiao.site;

import jixiao.content.AmountSet;
import jixiao.content.ExecutionRow;
import jixiao.content.Indicator;
import jixiao.content.Project;
import jixiao.content.Stated;
import jixiao.diagnostic.Finding;
import jixiao.score.IndicatorScore;
import jixiao.score.ProjectScore;
import jixiao.score.Rounding;
import jixiao.score.RulesProfile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Lays a project out as the paper 自评表 ({@link Form}). */
public final class Forms {

    private Forms() {
    }

    public static Form of(ProjectModel model, SiteModel site) {
        Project p = model.project();
        ProjectScore s = model.score();
        RulesProfile profile = site.profile();
        FindingPlacement placed = model.findings();
        Stated stated = p.stated() == null ? Stated.NONE : p.stated();
        String unit = p.moneyUnit();

        List<Form.AmountRow> budget = List.of(
                new Form.AmountRow("合计", amount(p.budget().planned().total(), unit), amount(p.budget().received().total(), unit),
                        amount(p.budget().executed().total(), unit)),
                new Form.AmountRow("其中：财政资金", part(p.budget().planned(), true, unit), part(p.budget().received(), true, unit),
                        part(p.budget().executed(), true, unit)),
                new Form.AmountRow("其他", part(p.budget().planned(), false, unit), part(p.budget().received(), false, unit),
                        part(p.budget().executed(), false, unit)));
        Form.Compare rate = new Form.Compare(text(stated.executionRate()), Money.rate(s.executionRatio()),
                differs(s.statedExecutionRate(), s.executionRatePercent()));

        List<Form.GoalRow> goals = p.goals().stream().map(g -> new Form.GoalRow(text(g.expected()), text(g.achieved()))).toList();

        List<Form.IndicatorRow> rows = indicatorRows(p, s, profile, placed, site.edition().showsFindings());
        boolean deviation = p.indicators().stream().anyMatch(i -> i.deviation() != null && !i.deviation().isBlank());

        ExecutionRow written = stated.executionRow();
        RulesProfile.Execution ex = profile.execution();
        Form.ExecutionRow execution = new Form.ExecutionRow(
                ex.label() + "（" + ex.weight().toPlainString() + "）", ex.label(),
                written == null ? "" : orEmpty(written.name()),
                written == null ? "" : orEmpty(written.target()),
                new Form.Compare(written == null ? Money.NONE : text(written.actual()), Money.rate(s.executionRatio()),
                        differs(s.statedRowActual(), s.executionRatePercent())),
                ex.weight().toPlainString(),
                new Form.Compare(Money.score(stated.executionScore()), Money.score(s.executionScore()),
                        differs(s.statedExecutionScore(), s.executionScore())),
                views(placed.at(Slot.Kind.EXECUTION)));

        Form.Compare total = s.computable()
                ? new Form.Compare(Money.score(stated.total()), Money.score(s.computedTotal()), differs(s.statedTotal(), s.computedTotal()))
                : new Form.Compare(Money.score(stated.total()), ProjectScore.UNCOMPUTABLE, false, s.uncomputable());
        Form.Compare grade = new Form.Compare(text(stated.grade()),
                !s.computable() ? ProjectScore.UNCOMPUTABLE : s.computedGrade() == null ? Money.NONE : s.computedGrade(),
                s.computable() && s.statedGrade() != null && s.computedGrade() != null && !s.statedGrade().equals(s.computedGrade()));

        Form.ContactView contact = p.contact() != null && site.edition().showsContacts(site.site())
                ? new Form.ContactView(orEmpty(p.contact().name()), orEmpty(p.contact().phone())) : null;

        List<Finding> general = new ArrayList<>(placed.at(Slot.Kind.GENERAL));
        general.addAll(placed.at(Slot.Kind.BASIC));
        general.addAll(placed.at(Slot.Kind.NARRATIVE));
        List<Finding> budgetFindings = new ArrayList<>(placed.at(Slot.Kind.BUDGET));
        budgetFindings.addAll(placed.at(Slot.Kind.EXECUTION_RATE));
        List<Finding> goalFindings = new ArrayList<>(placed.at(Slot.Kind.GOALS));
        goalFindings.addAll(placed.at(Slot.Kind.COMPLETION));

        // What the form says, blank where it is blank: the report's department is not what this form was filed by.
        String department = p.filingDepartment() == null ? "" : p.filingDepartment().strip();

        return new Form(p.id(), p.name(), Integer.toString(p.year()), orEmpty(department),
                p.implementingUnit() == null ? Money.NONE : p.implementingUnit(), unit, p.isDraft(),
                budget, rate, views(budgetFindings), goals, text(stated.completion()), views(goalFindings),
                rows, deviation, deviation ? 9 : 8, views(placed.at(Slot.Kind.INDICATORS)),
                execution, total, views(placed.at(Slot.Kind.TOTAL)), grade, views(placed.at(Slot.Kind.GRADE)),
                views(placed.at(Slot.Kind.PROBLEMS)), contact, views(placed.at(Slot.Kind.CONTACT)),
                views(placed.at(Slot.Kind.INTERNAL)), views(general), placed.count());
    }

    /**
     * The rows of 四 in the order written, grouped as the form prints them: consecutive rows with
     * the same 一级 share one 一级 cell, and within it consecutive rows with the same 二级 share one
     * 二级 cell. A 二级 filed under the wrong 一级 therefore shows where the form put it. A row with
     * findings takes a second table row (the findings), which the spans include.
     */
    static List<Form.IndicatorRow> indicatorRows(Project p, ProjectScore s, RulesProfile profile, FindingPlacement placed,
                                                 boolean withFindings) {
        List<Indicator> indicators = p.indicators();
        int n = indicators.size();
        int[] height = new int[n];
        for (int i = 0; i < n; i++) height[i] = withFindings && !placed.at(Slot.indicator(i)).isEmpty() ? 2 : 1;
        List<Form.IndicatorRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Indicator ind = indicators.get(i);
            Form.Cell level1 = null;
            if (i == 0 || !indicators.get(i - 1).level1().equals(ind.level1())) {
                int span = 0;
                for (int j = i; j < n && indicators.get(j).level1().equals(ind.level1()); j++) span += height[j];
                level1 = new Form.Cell(level1Label(profile, ind.level1()), span);
            }
            Form.Cell level2 = null;
            if (level1 != null || !indicators.get(i - 1).level2().equals(ind.level2())) {
                int span = 0;
                for (int j = i; j < n && indicators.get(j).level1().equals(ind.level1())
                        && indicators.get(j).level2().equals(ind.level2()); j++) span += height[j];
                level2 = new Form.Cell(profile.level2Label(ind.level2()), span);
            }
            IndicatorScore score = s.indicators().get(i);
            boolean verifiable = score.verifiable();
            // A score taken as written that is a word (优, 良) has no figure: 无法核算, never a 0.00 that counts it as 0.
            boolean word = !verifiable && score.statedScore() == null && ind.score() != null && !ind.score().isBlank();
            Form.Compare compare = new Form.Compare(Money.score(ind.score()),
                    word ? ProjectScore.UNCOMPUTABLE : Money.score(score.computedScore()),
                    verifiable && differs(score.statedScore(), score.computedScore()));
            rows.add(new Form.IndicatorRow(level1, level2, "i" + (i + 1), ind.name(), orEmpty(ind.definition()),
                    text(ind.target()), text(ind.actual()),
                    ind.weight() == null ? Money.NONE : ind.weight().toPlainString(), compare,
                    word ? "因自评得分不是数字而无法核算" : verifiable ? "" : note(score.method()), orEmpty(ind.deviation()),
                    withFindings ? views(placed.at(Slot.indicator(i))) : List.of()));
        }
        return rows;
    }

    private static String level1Label(RulesProfile profile, String key) {
        return profile.level1(key).map(l -> l.label() + "（" + l.weight().toPlainString() + "）").orElse(key);
    }

    private static String note(IndicatorScore.Method method) {
        return switch (method) {
            case NO_WEIGHT -> "无分值，按自评得分计";
            case UNIT_MISMATCH -> "单位不一致，按自评得分计";
            case MALFORMED -> "指标值不完整，按自评得分计";
            case JUDGED -> "定性指标，按自评得分计";
            default -> "按自评得分计";
        };
    }

    static boolean differs(BigDecimal stated, BigDecimal computed) {
        return stated != null && computed != null && !Rounding.matches(stated, computed);
    }

    private static String amount(BigDecimal value, String unit) {
        return Money.format(value, unit);
    }

    /** 财政资金 or 其他 as written; blank when the form leaves the cell empty. */
    private static String part(AmountSet set, boolean fiscal, String unit) {
        BigDecimal v = fiscal ? set.fiscal() : set.other();
        return v == null ? "" : Money.format(v, unit);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? Money.NONE : value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    public static List<FindingView> views(List<Finding> findings) {
        return findings.stream().map(FindingView::of).toList();
    }
}
