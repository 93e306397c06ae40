package jixiao.content;

/** 二、预算执行情况: planned (预算数, 调整后), received (到位数) and executed (执行数). */
public record Budget(AmountSet planned, AmountSet received, AmountSet executed) {
}
