package jixiao.compare;

import jixiao.content.Indicator;
import jixiao.score.Rounding;

import java.math.BigDecimal;

/**
 * One side of a 三级指标 in a comparison: the indicator as written and where it stands among its level's. Its values
 * are read from the indicator as they are asked for, not copied: a year's comparison keeps one snapshot for each side
 * of every indicator that changed (480,000 at 100,000 projects), and copies of eight fields each were 23 MB of the
 * largest build's live data.
 *
 * @param indicator the indicator as loaded
 * @param position  0-based position among the indicators written under the same level1/level2
 */
public record IndicatorSnapshot(Indicator indicator, int position) {

    /** The 一级 key as written ({@code output}). */
    public String level1() {
        return indicator.level1();
    }

    /** The 二级 key as written ({@code quantity}). */
    public String level2() {
        return indicator.level2();
    }

    /** {@code output.quantity}: the value compared as {@link Field#LEVEL}. */
    public String level() {
        return indicator.level1() + "." + indicator.level2();
    }

    /** The name without surrounding spaces; empty when not written. */
    public String name() {
        return Comparer.name(indicator);
    }

    /** 预期指标值 as typed, without surrounding spaces; null when not written. */
    public String target() {
        return Comparer.blankToNull(indicator.target());
    }

    /** 实际完成值 as typed, likewise. */
    public String actual() {
        return Comparer.blankToNull(indicator.actual());
    }

    /** 分值 in its shortest form (10.0 → 10); null on legacy forms. */
    public BigDecimal weight() {
        return indicator.weight() == null ? null : Rounding.normal(indicator.weight());
    }

    /** 自评得分 as typed, without surrounding spaces; null when not written. */
    public String score() {
        return Comparer.blankToNull(indicator.score());
    }
}
