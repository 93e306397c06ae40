package jixiao.score;

import jixiao.content.Project;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A project's figures computed from its budget and indicators, next to the figures its form states.
 * Computed values keep full precision except {@code computedTotal}, which the format defines as rounded.
 *
 * @param executionRatio       executed.total / planned.total, a ratio (0.9949); null when planned.total is 0 (or missing)
 * @param executionRatePercent the same in percent (99.49 for 0.9949), exact; null alike
 * @param executionScore       min(rate, 1) × the execution weight; null when the rate is
 * @param computedTotal        indicators' computed scores + execution score, half-up to two decimals
 * @param computedGrade        the grade of {@code computedTotal}
 * @param statedExecutionRate  stated 预算执行进度 in percent, null when not written or not a number
 * @param statedExecutionScore stated 预算执行率 自评得分, null alike
 * @param statedRowActual      the 预算执行率 row's 实际完成值 as a percentage, null alike
 * @param statedTotal          stated 总分, null alike
 * @param statedGrade          stated 评价等级 as written, null when not written
 * @param gradeOfStatedTotal   the grade the stated total earns, null without a stated total
 * @param groups               per 一级 key as written, in the order first written
 * @param uncomputable         why the computed total is no fact (a score that is not a number counted as 0, a
 *                             一级指标's scores above its weight, a total above the profile's maximum), or null when it is
 */
public record ProjectScore(
        Project project,
        BigDecimal executionRatio,
        BigDecimal executionRatePercent,
        BigDecimal executionScore,
        List<IndicatorScore> indicators,
        BigDecimal computedTotal,
        String computedGrade,
        BigDecimal statedExecutionRate,
        BigDecimal statedExecutionScore,
        BigDecimal statedRowActual,
        BigDecimal statedTotal,
        String statedGrade,
        String gradeOfStatedTotal,
        List<GroupSum> groups,
        String uncomputable) {

    /** What pages show for a computed total or grade that is no fact. */
    public static final String UNCOMPUTABLE = "无法核算";

    /** Why a form with nothing scored has no total: no indicator has an actual value or a numeric score. */
    public static final String NOTHING_SCORED = "没有一项指标填写了实际完成值或数字的自评得分";

    public ProjectScore {
        indicators = List.copyOf(indicators);
        groups = List.copyOf(groups);
    }

    /** This score of {@code same}, the same project in another copy (one without source positions). */
    public ProjectScore withProject(Project same) {
        return new ProjectScore(same, executionRatio, executionRatePercent, executionScore, indicators, computedTotal, computedGrade,
                statedExecutionRate, statedExecutionScore, statedRowActual, statedTotal, statedGrade, gradeOfStatedTotal, groups,
                uncomputable);
    }

    public Optional<GroupSum> group(String level1) {
        return groups.stream().filter(g -> g.level1().equals(level1)).findFirst();
    }

    /** Whether the computed total and grade mean something: pages show 无法核算 and totals leave it out otherwise. */
    public boolean computable() {
        return uncomputable == null;
    }

    /** Whether some indicator has no weight, so its score is taken as stated (legacy forms). */
    public boolean hasUnweightedIndicators() {
        return indicators.stream().anyMatch(i -> i.indicator().weight() == null);
    }
}
