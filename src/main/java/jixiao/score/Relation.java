package jixiao.score;

/**
 * The comparator a value is written with, after normalisation ({@code >=}, {@code ≧} and
 * {@code ＞＝} all become {@link #GE}). What it means for scoring is {@link #direction()}.
 */
public enum Relation {
    GE("≥"), GT(">"), LE("≤"), LT("<"), EQ("="), NONE("");

    /** How an indicator with this target comparator is scored (see "Scoring" in the content format). */
    public enum Direction { POSITIVE, NEGATIVE, EQUAL }

    private final String symbol;

    Relation(String symbol) {
        this.symbol = symbol;
    }

    /** The canonical symbol, "" for a bare number. */
    public String symbol() {
        return symbol;
    }

    /** A bare number is a positive indicator: more is better. */
    public Direction direction() {
        return switch (this) {
            case LE, LT -> Direction.NEGATIVE;
            case EQ -> Direction.EQUAL;
            case GE, GT, NONE -> Direction.POSITIVE;
        };
    }
}
