package jixiao.content;

import java.math.BigDecimal;

/**
 * One row of 预算安排/资金到位/资金执行 as written: the total and, when written, its
 * 财政资金 and 其他 parts. Parts are null when the editor left them out; exact decimals.
 */
public record AmountSet(BigDecimal total, BigDecimal fiscal, BigDecimal other) {
}
