package jixiao.content;

/**
 * What the signed form states, exactly as typed (so its precision is known):
 * 预算执行进度, 总体完成率, the 预算执行率 row's 自评得分, 总分 and 评价等级.
 * Any of them may be null when the form leaves it blank.
 */
public record Stated(
        String executionRate,
        String completion,
        String executionScore,
        ExecutionRow executionRow,
        String total,
        String grade) {

    public static final Stated NONE = new Stated(null, null, null, null, null, null);
}
