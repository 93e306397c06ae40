package jixiao.content;

import java.math.BigDecimal;

/**
 * One row of 预算安排/资金到位/资金执行 as written: the total and, when written, its
 * 财政资金 and 其他 parts. Parts are null when the editor left them out; exact decimals.
 */
public record AmountSet(BigDecimal total, BigDecimal fiscal, BigDecimal other) {

    /** 财政资金: as written, else total minus 其他 when that is written, else the total. */
    public BigDecimal fiscalOrDerived() {
        if (fiscal != null) return fiscal;
        if (other != null && total != null) return total.subtract(other);
        return total;
    }

    /** 其他: as written, else total minus 财政资金 when that is written, else zero. */
    public BigDecimal otherOrDerived() {
        if (other != null) return other;
        if (fiscal != null && total != null) return total.subtract(fiscal);
        return BigDecimal.ZERO;
    }
}
