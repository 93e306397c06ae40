package jixiao.site;

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
        Map<String, Integer> signedGradeCounts) {

    public Totals {
        gradeCounts = Collections.unmodifiableMap(new LinkedHashMap<>(gradeCounts));
        signedGradeCounts = Collections.unmodifiableMap(new LinkedHashMap<>(signedGradeCounts));
    }

    public static Totals of(List<ProjectScore> scores, String moneyUnit, RulesProfile profile) {
        BigDecimal planned = BigDecimal.ZERO;
        BigDecimal received = BigDecimal.ZERO;
        BigDecimal executed = BigDecimal.ZERO;
        BigDecimal scoreSum = BigDecimal.ZERO;
        BigDecimal statedSum = BigDecimal.ZERO;
        int stated = 0;
        int uncomputable = 0;
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (RulesProfile.Grade g : profile.grades()) counts.put(g.label(), 0);
        Map<String, Integer> signed = new LinkedHashMap<>(counts);
        for (ProjectScore s : scores) {
            Project p = s.project();
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
        List<String> top = profile.excellentGrades();
        int excellent = top.stream().mapToInt(g -> counts.getOrDefault(g, 0)).sum();
        int n = scores.size();
        int computed = n - uncomputable;
        BigDecimal average = computed == 0 ? null : mean(scoreSum, computed);
        return new Totals(n, moneyUnit, planned, received, executed,
                planned.signum() == 0 ? null : Rounding.divide(executed, planned),
                average,
                stated == 0 ? null : mean(statedSum, stated),
                average == null ? null : profile.gradeOf(average).orElse(null),
                counts, excellent,
                computed == 0 ? null : Rounding.divide(BigDecimal.valueOf(excellent), BigDecimal.valueOf(computed)),
                uncomputable, signed);
    }

    private static BigDecimal mean(BigDecimal sum, int n) {
        return Rounding.halfUp2(Rounding.divide(sum, BigDecimal.valueOf(n)));
    }
}
