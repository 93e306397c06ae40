package jixiao.score;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount of money with the unit it is in. Amounts are exact: they convert between units by
 * moving the decimal point, never through a float and never rounded (a rounded amount would not
 * add up to the form's total).
 */
public record Amount(BigDecimal value, MoneyUnit unit) {

    public Amount {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
    }

    public static Amount of(BigDecimal value, String unit) {
        return new Amount(value, MoneyUnit.of(unit));
    }

    /** The same amount in {@code to}: the value as written when already in {@code to}, else in its {@link Rounding#normal normal form}. */
    public Amount in(MoneyUnit to) {
        if (to == unit) return this;
        return new Amount(Rounding.normal(value.movePointRight(unit.shiftTo(to))), to);
    }

    /**
     * {@code value}, written in {@code from}, in {@code to}: what {@link #in} gives, without making an Amount when
     * the units agree (nearly always), since year totals convert every amount of a year, on each save in serve.
     */
    public static BigDecimal convert(BigDecimal value, String from, String to) {
        if (from.equals(to)) return Objects.requireNonNull(value, "value");
        return of(value, from).in(MoneyUnit.of(to)).value();
    }

    /** As pages write it, without trailing zeros: {@code 4.9745万元}, {@code 10万元}. */
    @Override
    public String toString() {
        return Rounding.normal(value).toPlainString() + unit.label();
    }
}
