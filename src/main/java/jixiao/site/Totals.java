package jixiao.site;

import jixiao.compare.Comparer;
import jixiao.content.Project;
import jixiao.score.ProjectScore;
import jixiao.score.Rounding;
import jixiao.score.RulesProfile;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of a group of projects (a unit, a year), counting only what the edition shows.
 *
 * <ul>
 *   <li>Amounts are summed after converting each project's amounts exactly to the site's money unit.</li>
 *   <li>{@code executionRatio} is total executed ÷ total planned, a ratio (not an average of rates), null when nothing is planned.</li>
 *   <li>{@code averageScore} is the mean of the projects' computed totals, half-up to two decimals;
 *       {@code averageStated} the mean of the stated totals that are numbers, over the projects that have one.
 *       Both are null for an empty group. {@code grade} is the grade the average score earns.</li>
 *   <li>{@code gradeCounts} counts projects by computed grade, in the profile's order (优, 良, 中, 差);
 *       {@code excellent} counts those in the profile's excellent grades (优 and 良 in cn-2020), and
 *       {@code excellentRatio} (优良率) is that share, a ratio, of all projects, null for an empty group.</li>
 *   <li>A project whose computed total is no fact ({@link ProjectScore#computable()}: 无法核算) is left out of
 *       {@code averageScore}, {@code grade}, {@code gradeCounts}, {@code excellent} and {@code excellentRatio};
 *       {@code uncomputable} counts them, so that pages can say so.</li>
 *   <li>{@code signedGradeCounts} counts projects by the grade their signed form states (the official record),
 *       in the same order; a form without a grade of the profile is not counted.</li>
 *   <li>{@code computedSum}, {@code statedSum} and {@code statedCount} are what the averages are made of, kept so
 *       that a year's totals are its units' totals added up ({@link #combine}) rather than a second pass over every
 *       project (which {@code jixiao serve} would make on each save).</li>
 * </ul>
 */
public record Totals(
        int projects,
        String moneyUnit,
        BigDecimal planned,
        BigDecimal received,
        BigDecimal executed,
        BigDecimal executionRatio,
        BigDecimal averageScore,
        BigDecimal averageStated,
        String grade,
        Map<String, Integer> gradeCounts,
        int excellent,
        BigDecimal excellentRatio,
        int uncomputable,
        Map<String, Integer> signedGradeCounts,
        BigDecimal computedSum,
        BigDecimal statedSum,
        int statedCount) {

    public Totals {
        gradeCounts = Collections.unmodifiableMap(new LinkedHashMap<>(gradeCounts));
        signedGradeCounts = Collections.unmodifiableMap(new LinkedHashMap<>(signedGradeCounts));
    }

    public static Totals of(List<ProjectScore> scores, String moneyUnit, RulesProfile profile) {
        Tally tally = new Tally(moneyUnit, profile);
        for (ProjectScore s : scores) tally.add(s);
        return tally.totals();
    }

    /**
     * The totals of groups that together hold each project once (a year's units): equal to {@link #of} over all
     * their projects, since amounts and scores add up exactly (no rounding before the averages are taken).
     */
    public static Totals combine(List<Totals> parts, String moneyUnit, RulesProfile profile) {
        Tally tally = new Tally(moneyUnit, profile);
        for (Totals t : parts) tally.add(t);
        return tally.totals();
    }

    /** Sums and counts as they are gathered; {@link #totals} derives the rest. */
    private static final class Tally {
        private final String moneyUnit;
        private final RulesProfile profile;
        private BigDecimal planned = BigDecimal.ZERO;
        private BigDecimal received = BigDecimal.ZERO;
        private BigDecimal executed = BigDecimal.ZERO;
        private BigDecimal scoreSum = BigDecimal.ZERO;
        private BigDecimal statedSum = BigDecimal.ZERO;
        private int projects;
        private int stated;
        private int uncomputable;
        private final Map<String, Integer> counts = new LinkedHashMap<>();
        private final Map<String, Integer> signed;

        Tally(String moneyUnit, RulesProfile profile) {
            this.moneyUnit = moneyUnit;
            this.profile = profile;
            for (RulesProfile.Grade g : profile.grades()) counts.put(g.label(), 0);
            signed = new LinkedHashMap<>(counts);
        }

        void add(ProjectScore s) {
            Project p = s.project();
            projects++;
            planned = planned.add(Money.convert(p.budget().planned().total(), p.moneyUnit(), moneyUnit));
            received = received.add(Money.convert(p.budget().received().total(), p.moneyUnit(), moneyUnit));
            executed = executed.add(Money.convert(p.budget().executed().total(), p.moneyUnit(), moneyUnit));
            if (s.computable()) scoreSum = scoreSum.add(s.computedTotal());
            else uncomputable++;
            if (s.statedTotal() != null) {
                statedSum = statedSum.add(s.statedTotal());
                stated++;
            }
            if (s.statedGrade() != null && signed.containsKey(s.statedGrade())) signed.merge(s.statedGrade(), 1, Integer::sum);
            if (s.computable() && s.computedGrade() != null) counts.merge(s.computedGrade(), 1, Integer::sum);
        }

        void add(Totals t) {
            if (!t.moneyUnit().equals(moneyUnit)) throw new IllegalArgumentException("totals in " + t.moneyUnit() + ", not " + moneyUnit);
            projects += t.projects();
            planned = planned.add(t.planned());
            received = received.add(t.received());
            executed = executed.add(t.executed());
            scoreSum = scoreSum.add(t.computedSum());
            uncomputable += t.uncomputable();
            statedSum = statedSum.add(t.statedSum());
            stated += t.statedCount();
            t.signedGradeCounts().forEach((grade, n) -> signed.merge(grade, n, Integer::sum));
            t.gradeCounts().forEach((grade, n) -> counts.merge(grade, n, Integer::sum));
        }

        Totals totals() {
            List<String> top = profile.excellentGrades();
            int excellent = top.stream().mapToInt(g -> counts.getOrDefault(g, 0)).sum();
            int computed = projects - uncomputable;
            BigDecimal average = computed == 0 ? null : mean(scoreSum, computed);
            return new Totals(projects, moneyUnit, planned, received, executed,
                    planned.signum() == 0 ? null : Rounding.divide(executed, planned),
                    average,
                    stated == 0 ? null : mean(statedSum, stated),
                    average == null ? null : profile.gradeOf(average).orElse(null),
                    counts, excellent,
                    computed == 0 ? null : Rounding.divide(BigDecimal.valueOf(excellent), BigDecimal.valueOf(computed)),
                    uncomputable, signed, scoreSum, statedSum, stated);
        }
    }

    /** What a comparison of years adds up of a year, taken from the year's totals (which count what the edition shows); null for null. */
    public static Comparer.Sums sums(Totals totals) {
        return totals == null ? null : new Comparer.Sums(totals.planned(), totals.received(), totals.executed(), totals.projects());
    }

    private static BigDecimal mean(BigDecimal sum, int n) {
        return Rounding.halfUp2(Rounding.divide(sum, BigDecimal.valueOf(n)));
    }
}
