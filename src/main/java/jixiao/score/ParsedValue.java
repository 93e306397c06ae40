package jixiao.score;

import java.math.BigDecimal;

/**
 * A target or actual value as read by {@link ValueParser}.
 *
 * @param text     exactly what the editor typed (null when the value was not written)
 * @param kind     what could be read out of it
 * @param relation the comparator, {@link Relation#NONE} for a bare number or a non-number
 * @param number   the number, with the scale it was written with ({@code 100.00} keeps two decimals); null unless {@link Kind#NUMBER}
 * @param unit     the unit written after the number, normalised ({@code ％} → {@code %}); null when none
 */
public record ParsedValue(String text, Kind kind, Relation relation, BigDecimal number, String unit) {

    public enum Kind {
        /** Not written, or blank. */
        EMPTY,
        /** Holds exactly one number. */
        NUMBER,
        /** Text without a usable number ({@code 是}, {@code 每半年一次}, or two numbers or more). */
        QUALITATIVE,
        /** A comparator with no number ({@code ≥}): the editor meant a number and left it out. */
        MALFORMED
    }

    public boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    public boolean hasUnit() {
        return unit != null;
    }

    static ParsedValue of(String text, Kind kind) {
        return new ParsedValue(text, kind, Relation.NONE, null, null);
    }
}
