package jixiao.score;

import jixiao.content.Indicator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A per-X unit (次/月/家) is the bare unit's measure when the indicator says 每 or 各; otherwise it still differs. */
class PerXUnitTest {

    private static final Scorer SCORER = new Scorer(RulesProfile.builtIn(RulesProfile.CN_2020).orElseThrow());

    private static IndicatorScore score(String name, String target, String actual) {
        return SCORER.score(new Indicator("output", "quantity", name, null, target, actual, null, "10", null, null,
                "indicators.output.quantity[0]"));
    }

    @Test
    void perMonthPerHolderAgainstTimesWhereTheTargetSaysEach() {
        assertNull(score("孵化基地按要求开展活动数量", "每月至少3次，并提前报备。", "≥3次/月/家").mismatch());
        assertNull(score("带动各类失业人员就业", "各孵化企业带动就业≥2人", "≥2人/家").mismatch());
    }

    @Test
    void withoutEachOrPerTheUnitsStillDiffer() {
        assertEquals(IndicatorScore.Side.ACTUAL, score("带动失业人员就业", "≥2人", "≥2人/家").mismatch());
        assertEquals(IndicatorScore.Side.ACTUAL, score("各类人员", "≥2人", "≥2次").mismatch());
    }
}
