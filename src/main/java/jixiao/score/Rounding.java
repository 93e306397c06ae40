package jixiao.score;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one place where figures are rounded or compared at a precision. Computations keep full
 * precision; only what is shown or compared with a stated figure goes through here.
 */
public final class Rounding {

    /**
     * Precision of divisions (rates, B / A): 34 significant digits, far beyond any figure on a form,
     * so that rounding to two decimals afterwards is exact in every case that matters.
     */
    static final MathContext DIVISION = MathContext.DECIMAL128;


    private Rounding() {
    }

    /** Half-up to two decimals: how totals, scores and rates are shown (89.995 → 90.00). */
    public static BigDecimal halfUp2(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Whether a stated figure agrees with a computed one: it equals the computed value rounded
     * half-up, or truncated, to the number of decimals the stated figure is written with. Forms
     * are filled in by hand, some people round and some cut off, and both are honest:
     * {@code 99} matches 99.49, {@code 81.72} matches 81.7252, {@code 100.00} does not match 99.93.
     */
    public static boolean matches(BigDecimal stated, BigDecimal computed) {
        int decimals = Math.max(0, stated.scale());
        return stated.compareTo(computed.setScale(decimals, RoundingMode.HALF_UP)) == 0
                || stated.compareTo(computed.setScale(decimals, RoundingMode.DOWN)) == 0;
    }

    /** A ratio in percent, exactly (0.9949 → 99.49). */
    public static BigDecimal percent(BigDecimal ratio) {
        return ratio.movePointRight(2);
    }

    /** Full-precision division for rates and ratios. */
    static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, DIVISION);
    }

    /** A score or amount for a message: rounded half-up to two decimals, without trailing zeros (94.95, 10, 50.5). */
    public static String show(BigDecimal value) {
        BigDecimal v = halfUp2(value).stripTrailingZeros();
        return (v.signum() == 0 ? BigDecimal.ZERO : v).toPlainString();
    }

    /** A ratio as a percentage with two decimals, as rates are shown (0.99490 → 99.49%). */
    public static String showPercent(BigDecimal ratio) {
        return halfUp2(percent(ratio)).toPlainString() + "%";
    }
}
