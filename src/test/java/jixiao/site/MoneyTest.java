package jixiao.site;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MoneyTest {

    @Test
    void amountsAreShownExactlyWithoutTrailingZerosWithTheirUnit() {
        assertEquals("4.9745万元", Money.format(new BigDecimal("4.9745"), "万元"));
        assertEquals("10万元", Money.format(new BigDecimal("10.00"), "万元"));
        assertEquals("10万元", Money.format(new BigDecimal("10"), "万元"));
        assertEquals("1000元", Money.format(new BigDecimal("1E+3"), "元"));
        assertEquals("0.5万元", Money.format(new BigDecimal("0.50"), "万元"));
        assertEquals("—", Money.format(null, "万元"));
    }

    @Test
    void statedScoresHaveTwoDecimalsLikeComputedOnes() {
        assertEquals("12.50", Money.score("12.5"));
        assertEquals("100.00", Money.score("100"));
        assertEquals("9.67", Money.score("9.666"));
        assertEquals(Money.score(new BigDecimal("12.5")), Money.score("12.5"));
        assertEquals("优", Money.score("优"));
        assertEquals("约9分", Money.score("约9分"));
        assertEquals("—", Money.score(" "));
        assertEquals("—", Money.score((String) null));
    }

    @Test
    void conversionBetweenUnitsIsExact() {
        assertEquals("1.2", Money.convert(new BigDecimal("12000"), "元", "万元").toPlainString());
        assertEquals("1039", Money.convert(new BigDecimal("0.1039"), "亿元", "万元").toPlainString());
        assertEquals("0.00000001", Money.convert(new BigDecimal("1"), "元", "亿元").toPlainString());
        assertEquals("123456789.01", Money.convert(new BigDecimal("1.2345678901"), "亿元", "元").toPlainString());
        assertEquals("4.9745", Money.convert(new BigDecimal("4.9745"), "万元", "万元").toPlainString());
    }

    @Test
    void ratesHaveTwoDecimalsHalfUp() {
        assertEquals("99.49%", Money.rate(new BigDecimal("0.99490")));
        assertEquals("13.38%", Money.rate(new BigDecimal("139").divide(new BigDecimal("1039"), java.math.MathContext.DECIMAL128)));
        assertEquals("—", Money.rate(null));
    }
}
