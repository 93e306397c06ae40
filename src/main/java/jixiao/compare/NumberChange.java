package jixiao.compare;

import jixiao.score.Rounding;

import java.math.BigDecimal;

/**
 * A figure that differs. Money is in the comparison's money unit; rates are in percent as shown
 * (two decimals). Either side is null when the figure is not there (no stated total, no rate
 * when 预算数 is 0).
 */
public record NumberChange(Field field, BigDecimal from, BigDecimal to) implements Change {

    public NumberChange {
        from = Rounding.normal(from);
        to = Rounding.normal(to);
    }

    /** to − from, or null when either side is missing. */
    public BigDecimal delta() {
        return from == null || to == null ? null : Rounding.normal(to.subtract(from));
    }

    /**
     * (to − from) / from in percent, half-up to two decimals; null when from is 0 or either side is
     * missing (a change from nothing has no ratio).
     */
    public BigDecimal relativePercent() {
        if (from == null || to == null || from.signum() == 0) return null;
        return Rounding.relativePercent(from, to);
    }
}
