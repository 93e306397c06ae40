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

}
