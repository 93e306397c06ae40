package jixiao.score;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one place where figures are rounded, divided or compared at a precision. Computations keep
 * full precision; only what is shown or compared with a stated figure goes through here. A
 * method says in its name whether it takes a ratio (0.9949) or a percent (99.49).
 */
public final class Rounding {

    /**
     * Precision of divisions (rates, B / A): 34 significant digits, far beyond any figure on a form,
     * so that rounding to two decimals afterwards is exact in every case that matters.
     */
    static final MathContext DIVISION = MathContext.DECIMAL128;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

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

    /** Full-precision division for rates, ratios and means. */
    public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, DIVISION);
    }

    /**
     * (to − from) / from in percent, half-up to two decimals (10 → 12.5 is 25.00). Computed in one
     * division at scale 2, which rounds exactly, rather than dividing and rounding twice.
     *
     * @throws ArithmeticException when {@code from} is zero; a change from nothing has no ratio
     */
    public static BigDecimal relativePercent(BigDecimal from, BigDecimal to) {
        return to.subtract(from).multiply(HUNDRED).divide(from, 2, RoundingMode.HALF_UP);
    }

    /**
     * The exact normal form of a figure: without trailing zeros and never in exponent form
     * (5.00 → 5, 1E+3 → 1000, 0.00 → 0, 4.9745 stays), so that equal figures are equal and print the same.
     */
    public static BigDecimal normal(BigDecimal value) {
        if (value == null) return null;
        if (value.signum() == 0) return BigDecimal.ZERO;
        // A figure already in normal form is returned itself, not an equal copy: a year's comparison keeps the
        // figures it normalises (snapshots, then each change again), at 100,000 projects half a million copies.
        int scale = value.scale();
        if (scale == 0) return value;
        BigDecimal v = value.stripTrailingZeros();
        if (scale > 0 && v.scale() == scale) return value;
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    /** {@code value × scale ÷ max} to the nearest whole number, half-up: a figure's length in a chart of {@code scale} pixels. */
    public static int pixels(BigDecimal value, BigDecimal max, int scale) {
        return value.multiply(BigDecimal.valueOf(scale)).divide(max, 0, RoundingMode.HALF_UP).intValueExact();
    }

    /** The smallest multiple of {@code step} not below {@code value}: the top of a chart's axis (93.5 → 100 for 10). */
    public static BigDecimal upToMultiple(BigDecimal value, BigDecimal step) {
        return value.divide(step, 0, RoundingMode.CEILING).multiply(step);
    }

    /** The largest multiple of {@code step} not above {@code value}: the bottom of a chart's axis (84.5 → 80 for 10). */
    public static BigDecimal downToMultiple(BigDecimal value, BigDecimal step) {
        return value.divide(step, 0, RoundingMode.FLOOR).multiply(step);
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
