package jixiao.site;

/**
 * A place on the 自评表 that a finding can be shown at.
 *
 * @param index the indicator's position in {@code Project.indicators()} for {@link Kind#INDICATOR}, else 0
 */
public record Slot(Kind kind, int index) {

    public enum Kind {
        /** The file as a whole, or a value no row shows. */
        GENERAL,
        /** 一、基本情况 */
        BASIC,
        /** 二、预算执行情况: the amounts */
        BUDGET,
        /** 预算执行进度 as stated */
        EXECUTION_RATE,
        /** 三、目标完成情况 */
        GOALS,
        /** 总体完成率 */
        COMPLETION,
        /** 四、the section as a whole */
        INDICATORS,
        /** one 三级指标 row */
        INDICATOR,
        /** the 预算执行率 row */
        EXECUTION,
        TOTAL,
        GRADE,
        /** 五、存在问题… */
        PROBLEMS,
        CONTACT,
        INTERNAL,
        /** the project's .md */
        NARRATIVE
    }

    public static Slot of(Kind kind) {
        return new Slot(kind, 0);
    }

    public static Slot indicator(int index) {
        return new Slot(Kind.INDICATOR, index);
    }
}
