package jixiao.compare;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NumberChangeTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void relativeDifferenceIsRoundedHalfUpToTwoDecimals() {
        assertEquals(d("33.33"), new NumberChange(Field.PLANNED, d("3"), d("4")).relativePercent());
        assertEquals(d("-66.67"), new NumberChange(Field.PLANNED, d("3"), d("1")).relativePercent());
        assertEquals(d("0.01"), new NumberChange(Field.PLANNED, d("20000"), d("20001")).relativePercent(), "0.005 rounds up");
    }

    @Test
    void relativeDifferenceIsUndefinedFromZeroOrMissing() {
        assertNull(new NumberChange(Field.PLANNED, d("0"), d("5")).relativePercent());
        assertNull(new NumberChange(Field.STATED_TOTAL, null, d("5")).relativePercent());
        assertNull(new NumberChange(Field.STATED_TOTAL, null, d("5")).delta());
    }

    @Test
    void figuresAreKeptWithoutTrailingZerosOrExponents() {
        NumberChange c = new NumberChange(Field.PLANNED, d("5.00"), d("1E+2"));
        assertEquals("5", c.from().toPlainString());
        assertEquals("100", c.to().toPlainString());
        assertEquals("95", c.delta().toPlainString());
    }

    @Test
    void moneyConvertsExactlyBetweenUnits() {
        assertEquals(d("4.9745"), Money.convert(d("49745"), "元", "万元"));
        assertEquals(d("12"), Money.convert(d("0.0012"), "亿元", "万元"));
        assertEquals(d("10000"), Money.convert(d("1"), "亿元", "万元"));
        assertEquals(d("0.00000001"), Money.convert(d("1"), "元", "亿元"));
        assertEquals(d("30000"), Money.convert(d("3"), "万元", "元"));
    }
}
