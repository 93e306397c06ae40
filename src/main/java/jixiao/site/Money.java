package jixiao.site;

import jixiao.score.Rounding;

import java.math.BigDecimal;

/**
 * How amounts and rates are shown. Amounts stay exact decimals: as written ({@code 4.9745万元}),
 * or converted between 元, 万元 and 亿元 by moving the decimal point, never through a float.
 */
public final class Money {

    /** Shown where a figure cannot be computed (a rate over a zero budget) or was not written. */
    public static final String NONE = "—";

    private Money() {
    }

    /** Powers of ten of each unit over 元. */
    static int exponent(String unit) {
        return switch (unit) {
            case "元" -> 0;
            case "万元" -> 4;
            case "亿元" -> 8;
            default -> throw new IllegalArgumentException("unknown money unit: " + unit);
        };
    }

    /** {@code amount} in {@code from} expressed exactly in {@code to}; unchanged when the units agree. */
    public static BigDecimal convert(BigDecimal amount, String from, String to) {
        if (from.equals(to)) return amount;
        BigDecimal moved = amount.movePointRight(exponent(from) - exponent(to)).stripTrailingZeros();
        return moved.scale() < 0 ? moved.setScale(0) : moved;
    }

    /** The number as written, without exponent: {@code 4.9745}. */
    public static String plain(BigDecimal amount) {
        return amount == null ? NONE : amount.toPlainString();
    }

    /** The number with its unit: {@code 4.9745万元}. */
    public static String format(BigDecimal amount, String unit) {
        return amount == null ? NONE : amount.toPlainString() + unit;
    }

    /** A ratio as a percentage with two decimals ({@code 0.99490} → {@code 99.49%}), or {@link #NONE}. */
    public static String rate(BigDecimal ratio) {
        return ratio == null ? NONE : Rounding.showPercent(ratio);
    }

    /** A computed score with two decimals ({@code 91.34}, {@code 95.00}), or {@link #NONE}. */
    public static String score(BigDecimal score) {
        return score == null ? NONE : Rounding.halfUp2(score).toPlainString();
    }
}
