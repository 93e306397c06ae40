package jixiao.score;

import jixiao.content.AmountSet;
import jixiao.content.Budget;
import jixiao.content.Indicator;
import jixiao.content.Judgement;
import jixiao.content.Project;
import jixiao.content.SourceMap;
import jixiao.content.Stated;
import jixiao.content.Status;
import jixiao.score.IndicatorScore.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScorerTest {

    private static final RulesProfile CN_2020 = RulesProfile.builtIn("cn-2020").orElseThrow();
    private static final Scorer SCORER = new Scorer(CN_2020);

    static Indicator indicator(String name, String target, String actual, String weight, String score, Judgement judgement) {
        return new Indicator("output", "quantity", name, null, target, actual,
                weight == null ? null : new BigDecimal(weight), score, judgement, null, "indicators.output.quantity[0]");
    }

    static Indicator indicator(String target, String actual, String weight, String score) {
        return indicator("指标", target, actual, weight, score, null);
    }

    static Project project(String planned, String executed, Stated stated, Indicator... indicators) {
        Budget budget = new Budget(amounts(planned), amounts(planned), amounts(executed));
        return new Project(2020, "unit", "p", "项目", null, null, null, "万元", Status.FINAL, budget, List.of(),
                List.of(indicators), stated, null, null, null, null, SourceMap.empty("content/2020/unit/p.yaml"));
    }

    private static AmountSet amounts(String total) {
        return new AmountSet(new BigDecimal(total), null, null);
    }

    private static void assertScore(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }

    @ParameterizedTest(name = "target {0}, actual {1}, weight {2} → {3} ({4})")
    @CsvSource(delimiter = '|', value = {
            // positive: w when B ≥ A, else w × B / A
            "≥100%  | 100%   | 10 | 10     | POSITIVE",
            "≥100%  | 99.99% | 10 | 9.999  | POSITIVE",
            "≥100%  | 120%   | 10 | 10     | POSITIVE",
            "100人  | 80人   | 5  | 4      | POSITIVE",
            ">=20人次 | 56   | 12.5 | 12.5 | POSITIVE",
            ">80%   | 40%    | 10 | 5      | POSITIVE",
            "≥0     | 0      | 10 | 10     | POSITIVE",
            // negative, ratio mode: w when B ≤ A, else w × A / B
            "≤4%    | 2.40%  | 15 | 15     | NEGATIVE",
            "≤4%    | 4%     | 15 | 15     | NEGATIVE",
            "≤4     | 5      | 10 | 8      | NEGATIVE",
            "<=10   | 9      | 10 | 10     | NEGATIVE",
            "≤0     | 5      | 10 | 0      | NEGATIVE",
            // equal: w when B = A, else as positive
            "=100   | 100    | 10 | 10     | EQUAL",
            "=100   | 90     | 10 | 9      | EQUAL",
            "=100   | 110    | 10 | 10     | EQUAL",
            // qualitative text that meets the target
            "是     | 是     | 10 | 10     | MATCHED_TEXT",
            "是否完成 | 完成  | 15 | 15     | MATCHED_TEXT",
            "是否符合要求 | 是 | 15 | 15    | MATCHED_TEXT",
            "否     | 否     | 10 | 10     | MATCHED_TEXT",
    })
    void anIndicatorWithAWeightIsScoredFromItsFigures(String target, String actual, String weight, String expected, Method method) {
        IndicatorScore s = SCORER.score(indicator(target, actual, weight, null));
        assertEquals(method, s.method());
        assertScore(expected, s.computedScore());
        assertTrue(s.verifiable());
    }

    @ParameterizedTest(name = "deviation: target {0}, actual {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "≤4  | 4   | 10",
            "≤4  | 5   | 7.5",
            "≤4  | 7.9 | 0.25",
            "≤4  | 8   | 0",      // B = 2A
            "≤4  | 12  | 0",      // beyond 2A: never negative
            "≤0  | 1   | 0",      // A = 0: any overrun is total
            "<10 | 11  | 9",
    })
    void theDeviationModeScoresANegativeOverrunByItsShareOfTheTarget(String target, String actual, String expected) {
        RulesProfile deviation = new RulesProfile("d", CN_2020.level1(), CN_2020.level2Labels(), CN_2020.execution(),
                RulesProfile.NegativeMode.DEVIATION, CN_2020.judgement(), CN_2020.grades(), CN_2020.excellentGrades());
        assertScore(expected, new Scorer(deviation).score(indicator(target, actual, "10", null)).computedScore());
    }

    @Test
    void aQualitativeIndicatorWithAJudgementTakesItsStatedScoreUnverified() {
        IndicatorScore s = SCORER.score(indicator("指标", "是", "产生一定激励效果", "5", "4", Judgement.ACHIEVED));
        assertEquals(Method.JUDGED, s.method());
        assertScore("4", s.computedScore());
        assertFalse(s.verifiable());
    }

    @Test
    void aQualitativeIndicatorWithoutJudgementOrMatchingTextTakesItsStatedScore() {
        IndicatorScore s = SCORER.score(indicator("是", "产生一定激励效果", "5", "4"));
        assertEquals(Method.UNJUDGED, s.method());
        assertScore("4", s.computedScore());
        assertFalse(s.verifiable());
    }

    @Test
    void anIndicatorWithoutWeightTakesItsStatedScoreAndIsNotVerifiable() {
        IndicatorScore s = SCORER.score(indicator("≥100%", "50%", null, "9"));
        assertEquals(Method.NO_WEIGHT, s.method());
        assertScore("9", s.computedScore());
        assertFalse(s.verifiable());
    }

    @Test
    void aNonNumericScoreWithoutWeightCountsZero() {
        IndicatorScore s = SCORER.score(indicator("100", "100", null, "优"));
        assertScore("0", s.computedScore());
        assertNull(s.statedScore());
        assertTrue(s.scoreNotANumber());
        assertFalse(s.verifiable());
    }

    @Test
    void aSideInAnotherUnitThanTheIndicatorIsAMismatchScoredAsStated() {
        IndicatorScore s = SCORER.score(indicator("日常检查企业数（家）", "≥100%", "72.00", "10", "9", null));
        assertEquals(IndicatorScore.Side.TARGET, s.mismatch());
        assertEquals("家", s.unit());
        assertEquals(Method.UNIT_MISMATCH, s.method());
        assertScore("9", s.computedScore());
        assertFalse(s.verifiable());
    }

    @Test
    void sidesInDifferentUnitsMismatchAtTheActualAndASideWithoutUnitTakesTheOthers() {
        assertEquals(IndicatorScore.Side.ACTUAL, SCORER.score(indicator("≥100家", "72%", "10", "9")).mismatch());
        IndicatorScore s = SCORER.score(indicator("结案率（%）", "≥100%", "100.00", "10", "10", null));
        assertNull(s.mismatch());
        assertEquals("%", s.unit());
        IndicatorScore t = SCORER.score(indicator(">=20人次", "56", "10", "10"));
        assertNull(t.mismatch());
        assertEquals("人次", t.unit());
    }

    @Test
    void aComparatorWithoutNumberIsMalformedAndScoredAsStated() {
        IndicatorScore s = SCORER.score(indicator("≥", "80", "10", "8"));
        assertEquals(Method.MALFORMED, s.method());
        assertScore("8", s.computedScore());
    }

    @Test
    void theExecutionScoreIsTheRateTimesItsWeight() {
        ProjectScore s = SCORER.score(project("5", "4.9745", Stated.NONE));
        assertScore("0.9949", s.executionRatio());
        assertScore("99.49", s.executionRatePercent());
        assertScore("9.949", s.executionScore());
        assertEquals("9.95", s.computedTotal().toPlainString());
    }

    @Test
    void anExecutionRateAbove100PercentIsCappedForTheScore() {
        ProjectScore s = SCORER.score(project("10", "12", Stated.NONE));
        assertScore("1.2", s.executionRatio());
        assertScore("10", s.executionScore());
    }

    @Test
    void aPlannedTotalOfZeroLeavesTheRateUndefined() {
        ProjectScore s = SCORER.score(project("0", "0", Stated.NONE, indicator("是", "是", "50", "50")));
        assertNull(s.executionRatio());
        assertNull(s.executionRatePercent());
        assertNull(s.executionScore());
        assertEquals("50.00", s.computedTotal().toPlainString());
    }

    @ParameterizedTest(name = "{0} + 10 → {1} {2}")
    @CsvSource({"79.995, 90.00, 优", "79.994, 89.99, 良", "70, 80.00, 良", "69.999, 80.00, 良", "49.99, 59.99, 差", "50, 60.00, 中", "0, 10.00, 差"})
    void theTotalIsRoundedHalfUpToTwoDecimalsAndGradedWhenRounded(String indicators, String total, String grade) {
        ProjectScore s = SCORER.score(project("10", "10", Stated.NONE, indicator("是", "是", null, indicators)));
        assertEquals(total, s.computedTotal().toPlainString());
        assertEquals(grade, s.computedGrade());
    }

    @Test
    void statedFiguresAreReadWithTheirDecimalsAndTheStatedTotalIsGraded() {
        Stated stated = new Stated("99%", "99%", "10", new jixiao.content.ExecutionRow("预算执行进度", "≥90", "19.44"), "90", "良");
        ProjectScore s = SCORER.score(project("5", "4.9745", stated, indicator("是", "是", null, "85")));
        assertEquals("99", s.statedExecutionRate().toPlainString());
        assertEquals("10", s.statedExecutionScore().toPlainString());
        assertEquals("19.44", s.statedRowActual().toPlainString());
        assertEquals("90", s.statedTotal().toPlainString());
        assertEquals("良", s.statedGrade());
        assertEquals("优", s.gradeOfStatedTotal());
        assertEquals("94.95", s.computedTotal().toPlainString());
    }

    @Test
    void groupsSumWeightsOnlyWhenAllAreWrittenAndStatedScoresThatAreNumbers() {
        ProjectScore s = SCORER.score(project("10", "10", Stated.NONE,
                indicator("≥100%", "100%", "30", "30"), indicator("≥100%", "50%", "20", "12.5")));
        GroupSum g = s.group("output").orElseThrow();
        assertEquals(2, g.indicators());
        assertScore("50", g.weight());
        assertScore("42.5", g.stated());
        assertScore("40", g.computed());

        ProjectScore legacy = SCORER.score(project("10", "10", Stated.NONE,
                indicator("是", "是", "30", "30"), indicator("是", "是", null, "优")));
        assertNull(legacy.group("output").orElseThrow().weight());
        assertScore("30", legacy.group("output").orElseThrow().stated());
        assertTrue(legacy.hasUnweightedIndicators());
    }

    @Test
    void aScorerIsSharedSafelyBetweenThreads() {
        Project p = project("5", "4.9745", Stated.NONE, indicator("≥100%", "99%", "50", "49.5"));
        String expected = SCORER.score(p).computedTotal().toPlainString();
        List<String> totals = java.util.stream.IntStream.range(0, 200).parallel()
                .mapToObj(i -> SCORER.score(p).computedTotal().toPlainString()).distinct().toList();
        assertEquals(List.of(expected), totals);
    }
}
