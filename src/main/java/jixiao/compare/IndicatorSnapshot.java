package jixiao.compare;

import java.math.BigDecimal;

/**
 * One side of a 三级指标 in a comparison.
 *
 * @param level1   the 一级 key as written ({@code output})
 * @param level2   the 二级 key as written ({@code quantity})
 * @param position 0-based position among the indicators written under the same level1/level2
 * @param target   预期指标值 as typed, null when not written
 * @param actual   实际完成值 as typed, null alike
 * @param weight   分值, null on legacy forms
 * @param score    自评得分 as typed, null when not written
 */
public record IndicatorSnapshot(String level1, String level2, String name, int position, String target, String actual,
                                BigDecimal weight, String score) {

    /** {@code output.quantity}: the value compared as {@link Field#LEVEL}. */
    public String level() {
        return level1 + "." + level2;
    }
}
