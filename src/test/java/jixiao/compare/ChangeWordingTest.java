package jixiao.compare;

import jixiao.score.RulesProfile;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The wording that jixiao diff and the site's changes pages share, pinned once for both. */
class ChangeWordingTest {

    private static final RulesProfile CN_2020 = RulesProfile.builtIn(RulesProfile.CN_2020).orElseThrow();

    @Test
    void levelsReadWithTheProfilesLabels() {
        assertEquals("产出指标 › 数量指标", ChangeWording.level(CN_2020, "output.quantity"));
        assertEquals("产出指标 › 数量指标", ChangeWording.text(CN_2020, Field.LEVEL, "output.quantity"));
    }

    @Test
    void statusesAndLongTextsReadAsWords() {
        assertEquals("草稿", ChangeWording.text(CN_2020, Field.STATUS, "draft"));
        assertEquals("定稿", ChangeWording.text(CN_2020, Field.STATUS, "final"));
        assertEquals("一".repeat(ChangeWording.SHORT) + "…", ChangeWording.text(CN_2020, Field.NAME, "一".repeat(50)));
        assertEquals("a b", ChangeWording.shorten("  a\n\t b "));
    }

    @Test
    void differencesCarryTheirSignAndRatesTwoDecimals() {
        assertEquals("+1.5", ChangeWording.signed(new BigDecimal("1.5")));
        assertEquals("-0.5", ChangeWording.signed(new BigDecimal("-0.5")));
        assertEquals("+0.51 个百分点", ChangeWording.points(new BigDecimal("0.505")));
        assertEquals("95.00%", ChangeWording.percent(new BigDecimal("95")));
        assertEquals("+20.00%", ChangeWording.relative(new BigDecimal("10"), new BigDecimal("12")));
        assertEquals("—", ChangeWording.relative(BigDecimal.ZERO, BigDecimal.ONE));
        assertEquals("", ChangeWording.relative(null, BigDecimal.ONE));
    }
}
