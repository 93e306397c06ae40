package jixiao.content;

/**
 * The 三级指标/预期指标值/实际完成值 cells that some forms write in the 预算执行率 row.
 * Not part of format v1's scoring (the row is computed from the budget); kept so the page
 * can show what the form says and the checks can compare its actual with the computed rate.
 */
public record ExecutionRow(String name, String target, String actual) {
}
