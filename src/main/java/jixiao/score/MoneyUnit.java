package jixiao.score;

/** The units amounts are written in, and their powers of ten over 元: 1 万元 = 10⁴ 元, 1 亿元 = 10⁸ 元. */
public enum MoneyUnit {
    YUAN("元", 0),
    WAN_YUAN("万元", 4),
    YI_YUAN("亿元", 8);

    private final String label;
    private final int exponent;

    MoneyUnit(String label, int exponent) {
        this.label = label;
        this.exponent = exponent;
    }

    /** As written in content and on pages: 元, 万元, 亿元. */
    public String label() {
        return label;
    }

    /** @throws IllegalArgumentException for anything else; the loader only lets these three through */
    public static MoneyUnit of(String label) {
        // A loop over one array: this runs for every amount summed (a year's totals on each save in serve), and a
        // stream over a fresh values() per call was a twentieth of a save's time at 10,000 projects.
        for (MoneyUnit u : ALL) if (u.label.equals(label)) return u;
        throw new IllegalArgumentException("unknown money unit: " + label);
    }

    private static final MoneyUnit[] ALL = values();

    /** How many places the decimal point moves right from this unit to {@code to}. */
    int shiftTo(MoneyUnit to) {
        return exponent - to.exponent;
    }
}
