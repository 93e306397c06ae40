package jixiao.site;

import jixiao.score.Amount;
import jixiao.score.Rounding;

import java.math.BigDecimal;

/**
 * How figures are shown on the pages: the one number-format rule of the site.
 * <ul>
 * <li>Amounts are exact: the written value without trailing zeros ({@code 10.00} → {@code 10万元},
 * {@code 4.9745} → {@code 4.9745万元}), converted between 元, 万元 and 亿元 by moving the decimal point, never
 * through a float and never rounded (a rounded amount would not add up to the form's total).</li>
 * <li>Scores (得分, 总分, stated or computed) have two decimals ({@code 12.5} → {@code 12.50}); a stated score
 * that is not a number is shown as written.</li>
 * <li>Rates are percentages with two decimals ({@code 99.49%}).</li>
 * </ul>
 * The data downloads (summary.csv, summary.xlsx, data.json) keep every value as written.
 */
public final class Money {

    /** Shown where a figure cannot be computed (a rate over a zero budget) or was not written. */
    public static final String NONE = "—";

    private Money() {
    }

    /** {@code amount} in {@code from} expressed exactly in {@code to} ({@link Amount#in}); unchanged when the units agree. */
    public static BigDecimal convert(BigDecimal amount, String from, String to) {
        return Amount.convert(amount, from, to);
    }

    /** The number as written, without exponent: {@code 4.9745}. */
    public static String plain(BigDecimal amount) {
        return amount == null ? NONE : amount.toPlainString();
    }

    /** The amount with its unit, without trailing zeros: {@code 4.9745万元}, {@code 10万元}. */
    public static String format(BigDecimal amount, String unit) {
        return amount == null ? NONE : Amount.of(amount, unit).toString();
    }

    /** A ratio as a percentage with two decimals ({@code 0.99490} → {@code 99.49%}), or {@link #NONE}. */
    public static String rate(BigDecimal ratio) {
        return ratio == null ? NONE : Rounding.showPercent(ratio);
    }

    /** A stated score as written on the form, with two decimals when it is a number ({@code 12.5} → {@code 12.50}); {@link #NONE} when blank. */
    public static String score(String stated) {
        if (stated == null || stated.isBlank()) return NONE;
        String s = stated.strip();
        if (!PLAIN_NUMBER.matcher(s).matches()) return s;
        return Rounding.halfUp2(new BigDecimal(s)).toPlainString();
    }

    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    /** A computed score with two decimals ({@code 91.34}, {@code 95.00}), or {@link #NONE}. */
    public static String score(BigDecimal score) {
        return score == null ? NONE : Rounding.halfUp2(score).toPlainString();
    }
}
