package jixiao.score;

import jixiao.content.Judgement;
import jixiao.content.Stated;
import jixiao.content.YamlNode;
import jixiao.content.YamlReader;
import jixiao.diagnostic.Finding;
import jixiao.diagnostic.SourcePosition;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulesProfileTest {

    private static final String FILE = "content/site.yaml";

    private static YamlNode yaml(String text) {
        List<Finding> problems = new ArrayList<>();
        YamlNode node = new YamlReader().parse(text, FILE, problems::add).orElseThrow();
        assertEquals(List.of(), problems);
        return node;
    }

    /** The rules: value of a site.yaml. */
    private static YamlNode rules(String siteYaml) {
        return ((YamlNode.Mapping) yaml(siteYaml)).get("rules").orElseThrow();
    }

    @Test
    void theBuiltInProfileIsReadFromItsResource() {
        RulesProfile p = RulesProfile.builtIn("cn-2020").orElseThrow();
        assertEquals("cn-2020", p.name());
        assertEquals(List.of("output", "effect", "satisfaction"), p.level1().stream().map(RulesProfile.Level1::key).toList());
        assertEquals(List.of("50", "30", "10"), p.level1().stream().map(l -> l.weight().toPlainString()).toList());
        assertEquals("产出指标", p.level1("output").orElseThrow().label());
        assertEquals("effect", p.ownerOf("social").orElseThrow().key());
        assertEquals("社会效益指标", p.level2Label("social"));
        assertEquals(new RulesProfile.Execution("预算执行率", new BigDecimal("10")), p.execution());
        assertEquals(RulesProfile.NegativeMode.RATIO, p.negative());
        assertEquals(List.of("优", "良", "中", "差"), p.grades().stream().map(RulesProfile.Grade::label).toList());
        assertEquals("优", p.gradeOf(new BigDecimal("90.00")).orElseThrow());
        assertEquals("良", p.gradeOf(new BigDecimal("89.99")).orElseThrow());
        assertEquals("差", p.gradeOf(BigDecimal.ZERO).orElseThrow());
    }

    @Test
    void judgementBandsAreSharesOfTheWeightWithTheirEdges() {
        RulesProfile p = RulesProfile.builtIn("cn-2020").orElseThrow();
        BigDecimal w = BigDecimal.TEN;
        RulesProfile.Band achieved = p.band(Judgement.ACHIEVED, w);
        assertTrue(achieved.contains(new BigDecimal("8")));
        assertTrue(achieved.contains(new BigDecimal("10")));
        assertFalse(achieved.contains(new BigDecimal("7.99")));
        assertFalse(achieved.contains(new BigDecimal("10.5")));
        RulesProfile.Band partial = p.band(Judgement.PARTIAL, w);
        assertTrue(partial.contains(new BigDecimal("6")));
        assertTrue(partial.contains(new BigDecimal("7.99")));
        assertFalse(partial.contains(new BigDecimal("8")));
        RulesProfile.Band missed = p.band(Judgement.MISSED, w);
        assertTrue(missed.contains(BigDecimal.ZERO));
        assertTrue(missed.contains(new BigDecimal("5.99")));
        assertFalse(missed.contains(new BigDecimal("6")));
    }

    @Test
    void aNameOrNothingSelectsTheBuiltInProfile() {
        List<Finding> problems = new ArrayList<>();
        assertEquals("cn-2020", RulesProfile.resolve(rules("rules: cn-2020\n"), problems::add).name());
        assertEquals("cn-2020", RulesProfile.resolve(null, problems::add).name());
        assertEquals(List.of(), problems);
    }

    @Test
    void anUnknownProfileNameIsAnErrorAtItsValue() {
        List<Finding> problems = new ArrayList<>();
        RulesProfile p = RulesProfile.resolve(rules("title: t\nrules: cn-2021\n"), problems::add);
        assertEquals("cn-2020", p.name(), "the other checks still run under cn-2020");
        assertEquals(List.of("content/site.yaml:2:8: error[unknown-rules-profile]: 未知的规则配置“cn-2021”：内置的只有 cn-2020。"
                        + "请写 rules: cn-2020，或在 rules: 下按内容格式“Rules”一节写出完整的规则映射。"),
                problems.stream().map(Finding::toCompilerLine).toList());
    }

    private static final String CUSTOM = """
            rules:
              name: strict
              level1:
                output:       { label: 产出指标, weight: 40, level2: [quantity, quality, timeliness, cost] }
                effect:       { label: 效益指标, weight: 30, level2: [economic, social, ecological, sustainability] }
                satisfaction: { label: 满意度指标, weight: 10, level2: [satisfaction] }
              level2_labels: { quantity: 数量指标, quality: 质量指标, timeliness: 时效指标, cost: 成本指标,
                               economic: 经济效益指标, social: 社会效益指标, ecological: 生态效益指标,
                               sustainability: 可持续影响指标, satisfaction: 服务对象满意度指标 }
              execution: { label: 预算执行率, weight: 20 }
              negative: deviation
              judgement: { achieved: 0.9, partial: 0.5 }
              grades: [ { min: 95, label: 优秀 }, { min: 85, label: 良好 }, { min: 0, label: 一般 } ]
            """;

    @Test
    void aCustomProfileChangesWeightsNegativeModeAndGrades() {
        List<Finding> problems = new ArrayList<>();
        RulesProfile custom = RulesProfile.resolve(rules(CUSTOM), problems::add);
        assertEquals(List.of(), problems);
        assertEquals("strict", custom.name());
        assertEquals(new BigDecimal("40"), custom.level1("output").orElseThrow().weight());

        var project = ScorerTest.project("10", "5", Stated.NONE,
                ScorerTest.indicator("≤4", "5", "40", null), ScorerTest.indicator("是", "是", "30", null));
        ProjectScore underCn2020 = new Scorer(RulesProfile.builtIn("cn-2020").orElseThrow()).score(project);
        ProjectScore underCustom = new Scorer(custom).score(project);
        // cn-2020: 40 × 4/5 + 30 + 10 × 50% = 67.00 (中); strict: 40 × (1 − 1/4) + 30 + 20 × 50% = 70.00 (一般)
        assertEquals("67.00", underCn2020.computedTotal().toPlainString());
        assertEquals("中", underCn2020.computedGrade());
        assertEquals("70.00", underCustom.computedTotal().toPlainString());
        assertEquals("一般", underCustom.computedGrade());
        assertTrue(custom.band(Judgement.PARTIAL, BigDecimal.TEN).contains(new BigDecimal("5")));
    }

    @Test
    void aMalformedProfileGivesLocatedErrorsAndFallsBackToCn2020() {
        String site = """
                rules:
                  name: broken
                  level1:
                    output: { label: 产出指标, weight: lots, level2: [quantity] }
                    effect: { label: 效益指标, weight: 30, level2: [quantity, social] }
                  level2_labels: { quantity: 数量指标 }
                  negative: sideways
                  judgement: { achieved: 0.6, partial: 1.5 }
                  grades: [ { min: 90, label: 优 }, { min: 90, label: 良 } ]
                  colour: blue
                """;
        List<Finding> problems = new ArrayList<>();
        RulesProfile p = RulesProfile.resolve(rules(site), problems::add);
        assertEquals("cn-2020", p.name());
        assertEquals(List.of(
                "content/site.yaml:2:3: error[rules-missing-key]: rules 缺少 execution（结构见内容格式文档“Rules”一节）。",
                "content/site.yaml:4:36: error[rules-type]: rules.level1.output.weight 应为不小于 0 的数（如 50 或 12.5），这里是文本“lots”。",
                "content/site.yaml:5:49: error[rules-invalid-value]: 二级指标键“quantity”同时列在一级指标“output”和“effect”下：每个二级指标只能属于一个一级指标。",
                "content/site.yaml:6:18: error[rules-missing-key]: rules.level2_labels 缺少二级指标“social”的名称：请加上 social: <名称>，如 quantity: 数量指标。",
                "content/site.yaml:7:13: error[rules-invalid-value]: rules.negative 只能是 ratio 或 deviation，这里写的是“sideways”。",
                "content/site.yaml:8:40: error[rules-invalid-value]: rules.judgement.partial 是分值的比例，应在 0 到 1 之间（如 0.8），这里是 1.5。",
                "content/site.yaml:9:43: error[rules-invalid-value]: rules.grades[1].min 与前面的等级重复（90）：每个等级的下限必须不同。",
                "content/site.yaml:10:3: error[rules-unknown-key]: rules 下不认识键“colour”：可用的键有 excellent_grades、execution、grades、judgement、level1、level2_labels、name、negative。"),
                problems.stream().sorted(Finding.ORDER).map(Finding::toCompilerLine).toList());
    }

    @Test
    void aNumberWithTooManyDigitsInAProfileIsAnErrorAtItsValue() {
        List<Finding> problems = new ArrayList<>();
        RulesProfile.resolve(rules(CUSTOM.replace("execution: { label: 预算执行率, weight: 20 }",
                "execution: { label: 预算执行率, weight: 20.00000000001 }")), problems::add);
        assertEquals(List.of("content/site.yaml:10:38: error[number-too-long]: “rules.execution.weight”中的数字“20.00000000001”"
                        + "过长（整数 2 位、小数 11 位）：数字最多 20 位整数、10 位小数，请核对后改写。"),
                problems.stream().map(Finding::toCompilerLine).toList());
    }

    @Test
    void aProfileThatIsNeitherANameNorAMappingIsAnError() {
        List<Finding> problems = new ArrayList<>();
        RulesProfile.resolve(rules("rules: [cn-2020]\n"), problems::add);
        assertEquals(List.of(new SourcePosition(FILE, 1, 8)), problems.stream().map(Finding::position).toList());
        assertEquals("rules-type", problems.get(0).code());
    }

    /** 财预〔2020〕10号's grades: 优 from 90, 良 from 80; 优良率 counts both. */
    @Test
    void theBuiltInProfileCountsYouAndLiangTowardsTheExcellentRate() {
        assertEquals(List.of("优", "良"), RulesProfile.builtIn("cn-2020").orElseThrow().excellentGrades());
    }

    @Test
    void aCustomProfileNamesItsExcellentGradesOrCountsItsTwoHighest() {
        List<Finding> problems = new ArrayList<>();

        RulesProfile unnamed = RulesProfile.resolve(rules(CUSTOM), problems::add);
        RulesProfile named = RulesProfile.resolve(rules(CUSTOM + "  excellent_grades: [优秀]\n"), problems::add);

        assertEquals(List.of(), problems);
        assertEquals(List.of("优秀", "良好"), unnamed.excellentGrades());
        assertEquals(List.of("优秀"), named.excellentGrades());
    }

    @Test
    void anExcellentGradeThatIsNoGradeIsAnErrorAtItsValue() {
        List<Finding> problems = new ArrayList<>();

        RulesProfile.resolve(rules(CUSTOM + "  excellent_grades: [优秀, 优]\n"), problems::add);

        assertEquals(List.of("content/site.yaml:14:26: error[rules-invalid-value]: rules.excellent_grades 中的“优”不是 rules.grades 中的等级：可用的有 优秀、良好、一般。"),
                problems.stream().map(Finding::toCompilerLine).toList());
    }
}
