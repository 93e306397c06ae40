package jixiao.score;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class RoundingTest {

    @ParameterizedTest(name = "stated {0} vs computed {1} → {2}")
    @CsvSource({
            "99, 99.49, true",        // rounded
            "99, 99.5, true",         // truncated (rounding gives 100)
            "100, 99.5, true",        // rounded
            "81.72, 81.7252, true",
            "81.73, 81.7252, true",   // rounded
            "17, 17.1388, true",
            "100.00, 99.93, false",   // two decimals written: 100.00 claims more than 99.93
            "100, 99.93, true",
            "59.22, 50.5, false",
            "33.6, 33.6, true",
            "10, 9.949, true",
            "1, 1.714, true",
            "1, 5.05, false",
            "95, 94.949, true",
            "0.00, 0, true",
    })
    void aStatedFigureMatchesWhenRoundedOrTruncatedToItsOwnDecimals(String stated, String computed, boolean matches) {
        assertEquals(matches, Rounding.matches(new BigDecimal(stated), new BigDecimal(computed)));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"89.995, 90.00", "89.994, 89.99", "99.4949, 99.49", "0.005, 0.01", "100, 100.00"})
    void halfUp2RoundsHalfUpToTwoDecimals(String value, String expected) {
        BigDecimal rounded = Rounding.halfUp2(new BigDecimal(value));
        assertEquals(expected, rounded.toPlainString());
    }

    @Test
    void figuresAreShownRoundedAndRatesInPercentWithTwoDecimals() {
        assertEquals("94.95", Rounding.show(new BigDecimal("94.949")));
        assertEquals("10", Rounding.show(new BigDecimal("10.000")));
        assertEquals("0", Rounding.show(new BigDecimal("0.000")));
        assertEquals("99.49%", Rounding.showPercent(new BigDecimal("0.99490")));
        assertEquals("50.50%", Rounding.showPercent(new BigDecimal("0.505")));
        assertEquals(new BigDecimal("99.4900"), Rounding.percent(new BigDecimal("0.994900")), "exact, no digits lost or added");
    }

    @ParameterizedTest(name = "{0} → {1}: {2}%")
    @CsvSource({"10, 12.5, 25.00", "3, 4, 33.33", "3, 2, -33.33", "0.005, 0.0051, 2.00"})
    void relativeChangeIsOneHalfUpDivisionToTwoDecimals(String from, String to, String expected) {
        assertEquals(expected, Rounding.relativePercent(new BigDecimal(from), new BigDecimal(to)).toPlainString());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"5.00, 5", "1E+3, 1000", "0.00, 0", "4.9745, 4.9745", "-1.50, -1.5", "100, 100", "1.2E+2, 120", "12.340, 12.34"})
    void normalFormHasNoTrailingZerosAndNoExponent(String value, String expected) {
        BigDecimal normal = Rounding.normal(new BigDecimal(value));
        assertEquals(expected, normal.toPlainString());
        assertEquals(normal.stripTrailingZeros().scale() < 0 ? 0 : normal.stripTrailingZeros().scale(), normal.scale(),
                "no trailing zeros kept, never a negative scale");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"4.9745", "100", "-1.5", "0.05", "12345678901234567890.1"})
    void aFigureAlreadyNormalIsReturnedItselfNotACopy(String value) {
        // Comparisons keep the figures they normalise: an equal copy of each would double what they hold.
        BigDecimal figure = new BigDecimal(value);
        assertSame(figure, Rounding.normal(figure));
    }

    @Test
    void chartAxesEndOnMultiplesAndLengthsRoundHalfUp() {
        assertEquals("100", Rounding.upToMultiple(new BigDecimal("93.5"), BigDecimal.TEN).toPlainString());
        assertEquals("80", Rounding.downToMultiple(new BigDecimal("84.5"), BigDecimal.TEN).toPlainString());
        assertEquals(50, Rounding.pixels(new BigDecimal("0.5"), BigDecimal.ONE, 100));
        assertEquals(1, Rounding.pixels(new BigDecimal("0.5"), BigDecimal.ONE, 1), "half-up");
    }
}
