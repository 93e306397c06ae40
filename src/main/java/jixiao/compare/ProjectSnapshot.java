package jixiao.compare;

import jixiao.content.Status;

import jixiao.score.Rounding;

import java.math.BigDecimal;

/**
 * One side of a project in a comparison: what the pages show about it, with no private field
 * (contact and internal notes stay in the content records). Money is in the comparison's money
 * unit; {@code moneyUnit} is the unit the project file was written in.
 *
 * @param executionRatePercent 预算执行率 in percent (99.49, not 0.9949), half-up to two decimals; null when 预算数 is 0
 * @param statedTotal    总分 as stated, null when not written or not a number
 * @param computedTotal  computed total, two decimals; null when it is no fact (无法核算)
 */
public record ProjectSnapshot(
        int year,
        String unitId,
        String unitName,
        String id,
        String name,
        String implementingUnit,
        String moneyUnit,
        Status status,
        BigDecimal planned,
        BigDecimal received,
        BigDecimal executed,
        BigDecimal executionRatePercent,
        BigDecimal statedTotal,
        BigDecimal computedTotal,
        String statedGrade,
        String computedGrade) {

    public ProjectSnapshot {
        planned = Rounding.normal(planned);
        received = Rounding.normal(received);
        executed = Rounding.normal(executed);
        executionRatePercent = Rounding.normal(executionRatePercent);
        statedTotal = Rounding.normal(statedTotal);
        computedTotal = Rounding.normal(computedTotal);
    }

    public boolean isDraft() {
        return status == Status.DRAFT;
    }
}
