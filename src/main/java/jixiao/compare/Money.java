package jixiao.compare;

import java.math.BigDecimal;
import java.util.List;

/** Exact conversion between 元, 万元 and 亿元, and the one normal form for compared figures. */
final class Money {

    /** Powers of ten of each unit in 元: 1 万元 = 10⁴ 元, 1 亿元 = 10⁸ 元. */
    private static final List<String> UNITS = List.of("元", "万元", "亿元");
    private static final int[] EXPONENTS = {0, 4, 8};

    private Money() {
    }

    /** {@code amount} written in {@code from} expressed in {@code to}; exact, since only the decimal point moves. */
    static BigDecimal convert(BigDecimal amount, String from, String to) {
        if (amount == null) return null;
        int shift = exponent(from) - exponent(to);
        return normal(amount.movePointRight(shift));
    }

    private static int exponent(String unit) {
        int i = UNITS.indexOf(unit);
        if (i < 0) throw new IllegalArgumentException("unknown money unit " + unit);
        return EXPONENTS[i];
    }

    /**
     * Without trailing zeros and never in exponent form (5.00 → 5, 100 stays 100), so that equal
     * figures are equal records and print the same everywhere.
     */
    static BigDecimal normal(BigDecimal value) {
        if (value == null) return null;
        if (value.signum() == 0) return BigDecimal.ZERO;
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }
}
