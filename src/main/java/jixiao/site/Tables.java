package jixiao.site;

import jixiao.content.Project;
import jixiao.score.ProjectScore;

import java.util.ArrayList;
import java.util.List;

/**
 * The tables of the overview pages, with every figure formatted and every link relative to the
 * page that shows them. Project amounts are converted exactly to the site's money unit, so that
 * a column adds up to its total.
 */
public final class Tables {

    private Tables() {
    }

    /** A link from one page to another: its text and its relative href. */
    public record Link(String text, String href) {
    }

    /**
     * A group's figures, formatted. {@code gradeCounts} follows the profile's grade order. {@code averageScoreNote}
     * says how many projects the average leaves out (无法核算), "" when none: a note, shown apart from the figure.
     */
    public record TotalsView(String projects, String planned, String received, String executed, String rate,
                             String averageStated, String averageScore, String averageScoreNote, String grade,
                             List<String> gradeCounts,
                             String excellent, String excellentRate) {
        public TotalsView {
            gradeCounts = List.copyOf(gradeCounts);
        }

        public static TotalsView of(Totals t) {
            return new TotalsView(Integer.toString(t.projects()), Money.format(t.planned(), t.moneyUnit()),
                    Money.format(t.received(), t.moneyUnit()), Money.format(t.executed(), t.moneyUnit()),
                    Money.rate(t.executionRatio()), Money.score(t.averageStated()),
                    Money.score(t.averageScore()),
                    t.uncomputable() == 0 ? "" : t.uncomputable() + " 个项目无法核算，未计入",
                    t.grade() == null ? Money.NONE : t.grade(),
                    Tables.gradeCounts(t),
                    Integer.toString(t.excellent()), Money.rate(t.excellentRatio()));
        }
    }

    /**
     * Per grade, the number of signed forms stating it, with the computed count beside it where that differs
     * ({@code 18（核算 12）}): the signed grade is the official record, never replaced in silence by jixiao's.
     */
    static List<String> gradeCounts(Totals t) {
        List<String> out = new ArrayList<>();
        t.signedGradeCounts().forEach((grade, signed) -> {
            int computed = t.gradeCounts().getOrDefault(grade, 0);
            out.add(signed == computed ? Integer.toString(signed) : signed + "（核算 " + computed + "）");
        });
        return out;
    }

    /**
     * One project in a summary table.
     *
     * @param findings     the number of findings on its form (internal edition), 0 in the public one
     * @param findingsHref where they are listed on the project's page
     * @param statedRate   预算执行进度 as the form states it ({@link Money#NONE} when blank); {@code rate} is computed
     * @param rateDiffers  whether the two differ at the stated precision
     */
    public record ProjectRow(Link unit, Link project, boolean draft, String planned, String executed, String rate,
                             String statedTotal, String computedTotal, boolean totalDiffers, String grade,
                             String statedGrade, boolean gradeDiffers, int findings, String findingsHref,
                             String statedRate, boolean rateDiffers) {
    }

    /** One unit in the 部门绩效自评情况统计表. */
    public record UnitRow(Link unit, TotalsView totals) {
    }

    /**
     * One year on the home page.
     *
     * @param changes its changes page, named by the year it is compared with; null for the first year
     */
    public record YearRow(Link year, String title, TotalsView totals, Link changes, String pending) {
    }

    public static List<ProjectRow> projects(List<ProjectModel> projects, YearModel year, String from, String siteUnit) {
        List<ProjectRow> rows = new ArrayList<>(projects.size());
        for (ProjectModel pm : projects) {
            Project p = pm.project();
            ProjectScore s = pm.score();
            UnitModel unit = year.unitsById().get(p.unitId());
            String href = Paths.relative(from, pm.path());
            rows.add(new ProjectRow(
                    new Link(unit.unit().name(), Paths.relative(from, unit.path())),
                    new Link(p.name(), href),
                    p.isDraft(),
                    Money.format(Money.convert(p.budget().planned().total(), p.moneyUnit(), siteUnit), siteUnit),
                    Money.format(Money.convert(p.budget().executed().total(), p.moneyUnit(), siteUnit), siteUnit),
                    Money.rate(s.executionRatio()),
                    Money.score(s.project().stated() == null ? null : s.project().stated().total()),
                    s.computable() ? Money.score(s.computedTotal()) : ProjectScore.UNCOMPUTABLE,
                    s.computable() && Forms.differs(s.statedTotal(), s.computedTotal()),
                    !s.computable() ? ProjectScore.UNCOMPUTABLE : s.computedGrade() == null ? Money.NONE : s.computedGrade(),
                    s.statedGrade() == null ? Money.NONE : s.statedGrade(),
                    s.computable() && s.statedGrade() != null && s.computedGrade() != null && !s.statedGrade().equals(s.computedGrade()),
                    pm.findings().count(),
                    href + "#" + p.id() + "-findings",
                    p.stated() == null || p.stated().executionRate() == null || p.stated().executionRate().isBlank()
                            ? Money.NONE : p.stated().executionRate().strip(),
                    Forms.differs(s.statedExecutionRate(), s.executionRatePercent())));
        }
        return rows;
    }

    public static List<UnitRow> units(YearModel year, String from) {
        // A unit whose every project this edition leaves out (drafts, in the public one) has nothing published yet:
        // not a row of zeros; the page says how many projects are not yet published.
        return year.units().stream()
                .filter(u -> !u.projects().isEmpty() || u.unit().projects().stream().noneMatch(p -> year.hiddenIds().contains(p.id())))
                .map(u -> new UnitRow(new Link(u.unit().name(), Paths.relative(from, u.path())), TotalsView.of(u.totals())))
                .toList();
    }
}
