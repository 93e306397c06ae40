package jixiao.content;

import java.math.BigDecimal;

/**
 * One 三级指标 row of 四、年度绩效指标完成情况, as written.
 *
 * @param level1 the 一级 key it was filed under ({@code output}, {@code effect}, {@code satisfaction})
 * @param level2 the 二级 key ({@code quantity}, {@code social}, …), possibly one that belongs to another 一级
 * @param target 预期指标值, text exactly as typed (null when not written)
 * @param actual 实际完成值, text exactly as typed (null when not written)
 * @param weight 分值, null on legacy forms that have none
 * @param score  自评得分 exactly as stated (may be non-numeric, such as 优), null when not written
 * @param path   the YAML path of this row ({@code indicators.output.quantity[0]}), for {@link SourceMap}
 */
public record Indicator(
        String level1,
        String level2,
        String name,
        String definition,
        String target,
        String actual,
        BigDecimal weight,
        String score,
        Judgement judgement,
        String deviation,
        String path) {
}
