package jixiao.compare;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A figure that differs. Money is in the comparison's money unit; rates are in percent as shown
 * (two decimals). Either side is null when the figure is not there (no stated total, no rate
 * when 预算数 is 0).
 */
public record NumberChange(Field field, BigDecimal from, BigDecimal to) implements Change {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public NumberChange {
        from = Money.normal(from);
        to = Money.normal(to);
    }

    /** to − from, or null when either side is missing. */
    public BigDecimal delta() {
        return from == null || to == null ? null : Money.normal(to.subtract(from));
    }

    /**
     * (to − from) / from in percent, half-up to two decimals; null when from is 0 or either side is
     * missing (a change from nothing has no ratio). Computed in one division at scale 2, which
     * rounds exactly, rather than dividing and rounding twice.
     */
    public BigDecimal relativePercent() {
        if (from == null || to == null || from.signum() == 0) return null;
        return to.subtract(from).multiply(HUNDRED).divide(from, 2, RoundingMode.HALF_UP);
    }
}
