package jixiao.check;

import jixiao.content.ContentLoader;
import jixiao.content.DirectorySource;
import jixiao.diagnostic.Finding;
import jixiao.diagnostic.Severity;
import jixiao.score.RulesProfile;
import jixiao.score.Scorer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real 2020 forms, transcribed with their mistakes: each mistake is reported at the line that holds it. */
class RealContentChecksTest {

    private static List<String> lines;

    @BeforeAll
    static void checkRealContent() throws IOException {
        ContentLoader.Result result = ContentLoader.load(new DirectorySource(Path.of("content")));
        List<Finding> findings = new ArrayList<>(result.findings());
        RulesProfile profile = RulesProfile.resolve(result.content().site().rules(), findings::add);
        Scorer scorer = new Scorer(profile);
        ProjectChecks checks = new ProjectChecks(profile);
        result.content().years().forEach(y -> y.projects().forEach(p -> checks.check(p, scorer.score(p), findings::add)));
        assertEquals(List.of(), findings.stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::toCompilerLine).toList(),
                "the real content is structurally valid");
        lines = findings.stream().sorted(Finding.ORDER).map(Finding::toCompilerLine).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // stated execution rates the budget figures don't give
            "content/2020/organization/grassroots-party-building.yaml:56:19: warning[execution-rate-mismatch]: 预算执行进度写的是 59.22%，按执行数 10.1万元 ÷ 预算数 20万元 计算应为 50.50%",
            "content/2020/talent-exchange/employment-fund.yaml:83:19: warning[execution-rate-mismatch]: 预算执行进度写的是 100%，按执行数 139万元 ÷ 预算数 1039万元 计算应为 13.38%",
            "content/2020/personnel/veteran-cadres.yaml:52:19: warning[execution-rate-mismatch]: 预算执行进度写的是 100.00%，按执行数 14.99万元 ÷ 预算数 15.00万元 计算应为 99.93%",
            // 预算执行率 scores that don't follow from the rate
            "content/2020/talent-exchange/employment-fund.yaml:85:20: warning[execution-score-mismatch]: 预算执行率得分写的是 10 分，按执行率 13.38% 计算应为 1.34 分",
            "content/2020/labor/land-acquired-farmers-security.yaml:59:20: warning[execution-score-mismatch]: 预算执行率得分写的是 55 分",
            // 二级指标 under the wrong 一级指标, and the 一级 totals they inflate
            "content/2020/personnel/archive-room.yaml:26:5: warning[level2-misplaced]: 二级指标 社会效益指标（social） 属于一级指标 效益指标（effect），却写在 产出指标（output） 下",
            "content/2020/personnel/public-recruitment.yaml:26:5: warning[level2-misplaced]: 二级指标 可持续影响指标（sustainability） 属于一级指标 效益指标（effect）",
            "content/2020/personnel/archive-room.yaml:16:3: warning[level1-score-over-weight]: 产出指标（output）下各项自评得分合计 80 分，超过该一级指标的分值 50 分",
            // the fiscal amount larger than its total
            "content/2020/talent-exchange/employment-fund.yaml:7:35: warning[amount-part-exceeds-total]: 预算数中的财政资金 10839万元 大于预算数合计 1039万元",
            // the grade contradicting its score
            "content/2020/labor/land-acquired-farmers-security.yaml:62:10: warning[grade-mismatch]: 评价等级写的是“良”，但所写总分 90 分对应的等级是“优”",
            // non-numeric scores
            "content/2020/labor/land-acquired-farmers-security.yaml:23:16: warning[score-not-a-number]: 三级指标“指标 1审批批次”的自评得分“优”不是数字",
            "content/2020/labor/land-acquired-farmers-security.yaml:47:16: warning[score-not-a-number]: 三级指标“指标 ２”的自评得分“良”不是数字",
            // mismatched units, malformed values
            "content/2020/labor-inspection/labor-inspection-fund.yaml:25:17: warning[unit-mismatch]: 三级指标“日常检查企业数（家）”的预期指标值“≥100%”单位是“%”，而指标名称中的单位是“家”",
            "content/2020/organization/remote-education-sites.yaml:60:17: warning[malformed-value]: 三级指标“党员满意度（%）”的预期指标值“≥”只有比较符号",
            // the stated total against the forms' own figures
            "content/2020/organization/organisation-supervision.yaml:73:10: warning[total-mismatch]: 总分写的是 99 分，按各项三级指标得分与预算执行率得分计算应为 92.36 分",
            "content/2020/labor-inspection/labor-inspection-fund.yaml:15:1: info[scores-not-verifiable]: 本表有 9 项三级指标没有写分值（weight）",
    })
    void theTranscribedMistakeIsReportedAtItsLine(String expected) {
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(expected)), () -> "missing: " + expected + "\n" + String.join("\n", lines));
    }

    @Test
    void figuresRoundedOrCutOffByTheEditorAreNotReported() {
        // 99% for 99.49% (labor-inspection), 17% for 17.14% (pre-1949), 81.72% for 81.7252% (employment-support)
        for (String file : List.of("labor-inspection/labor-inspection-fund", "organization/pre-1949-party-members", "talent-exchange/employment-support")) {
            assertTrue(lines.stream().noneMatch(l -> l.startsWith("content/2020/" + file + ".yaml") && l.contains("[execution-rate-mismatch]")), file);
        }
    }
}
