package jixiao.score;

import jixiao.content.Indicator;

import java.math.BigDecimal;

/**
 * How one 三级指标 scores.
 *
 * @param target        预期指标值 as parsed
 * @param actual        实际完成值 as parsed
 * @param nameUnit      the unit in parentheses at the end of the name, or null
 * @param unit          the unit the indicator is measured in (name's, else target's, else actual's), or null
 * @param mismatch      the side written in another unit than the indicator's or the other side's, or null
 * @param method        how the computed score was obtained
 * @param statedScore   自评得分 as a number; null when not written or not a number (see {@link #scoreNotANumber()})
 * @param computedScore the score that follows from the figures at full precision; the stated score
 *                      (or 0) when it cannot be computed, so that totals still add up
 * @param verifiable    whether {@code computedScore} was computed independently of the stated score
 */
public record IndicatorScore(
        Indicator indicator,
        ParsedValue target,
        ParsedValue actual,
        String nameUnit,
        String unit,
        Side mismatch,
        Method method,
        BigDecimal statedScore,
        BigDecimal computedScore,
        boolean verifiable) {

    public enum Side { TARGET, ACTUAL }

    public enum Method {
        /** ≥, > or a bare number: w when B ≥ A, else w × B / A. */
        POSITIVE,
        /** ≤ or &lt;: w when B ≤ A, else per the profile's negative mode. */
        NEGATIVE,
        /** =: w when B = A, else as positive. */
        EQUAL,
        /** Qualitative text that says the target was met (是/是, 完成/是否完成): w. */
        MATCHED_TEXT,
        /** Qualitative with a judgement: the stated score, checked against the judgement's band. */
        JUDGED,
        /** Qualitative with neither a judgement nor a text equal to the target: the stated score. */
        UNJUDGED,
        /** Target and actual in different units: the stated score. */
        UNIT_MISMATCH,
        /** A comparator with no number: the stated score. */
        MALFORMED,
        /** No weight on the form (legacy): the stated score. */
        NO_WEIGHT
    }

    /** Whether the form states a score that is not a number (优, 良). */
    public boolean scoreNotANumber() {
        return indicator.score() != null && !indicator.score().isBlank() && statedScore == null;
    }
}
