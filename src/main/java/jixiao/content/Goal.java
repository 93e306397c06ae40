package jixiao.content;

/** One row of 三、目标完成情况: 年度预期目标 and 具体完成情况, as written. */
public record Goal(String expected, String achieved) {
}
