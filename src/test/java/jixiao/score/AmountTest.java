package jixiao.score;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class AmountTest {

    @Test
    void convertsExactlyBetweenUnitsByMovingThePoint() {
        assertEquals(d("4.9745"), in("49745", "元", MoneyUnit.WAN_YUAN));
        assertEquals(d("12"), in("0.0012", "亿元", MoneyUnit.WAN_YUAN));
        assertEquals(d("10000"), in("1", "亿元", MoneyUnit.WAN_YUAN));
        assertEquals(d("0.00000001"), in("1", "元", MoneyUnit.YI_YUAN));
        assertEquals(d("30000"), in("3", "万元", MoneyUnit.YUAN));
    }

    /** Sums keep the scale as written when nothing is converted (data.json prints them so). */
    @Test
    void staysAsWrittenInItsOwnUnit() {
        Amount written = Amount.of(d("10.00"), "万元");

        assertSame(written, written.in(MoneyUnit.WAN_YUAN));
    }

    /** The value-only conversion that totals use on every save in serve: the same rule, no Amount made when the units agree. */
    @Test
    void convertingAValueFollowsTheSameRuleAsAnAmount() {
        BigDecimal written = d("10.00");
        assertSame(written, Amount.convert(written, "万元", "万元"));
        assertEquals(d("4.9745"), Amount.convert(d("49745"), "元", "万元"));
        assertEquals(in("0.0012", "亿元", MoneyUnit.WAN_YUAN), Amount.convert(d("0.0012"), "亿元", "万元"));
    }

    @Test
    void printsWithoutTrailingZerosOrExponent() {
        assertEquals("10万元", Amount.of(d("10.00"), "万元").toString());
        assertEquals("1000元", Amount.of(new BigDecimal("1E+3"), "元").toString());
        assertEquals("4.9745万元", Amount.of(d("4.9745"), "万元").toString());
    }

    private static BigDecimal in(String value, String from, MoneyUnit to) {
        return Amount.of(d(value), from).in(to).value();
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }
}
