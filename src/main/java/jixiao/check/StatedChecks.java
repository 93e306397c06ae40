package jixiao.check;

import jixiao.content.Budget;
import jixiao.content.Problems;
import jixiao.content.Project;
import jixiao.content.SourceMap;
import jixiao.content.Stated;
import jixiao.diagnostic.Finding;
import jixiao.score.ProjectScore;
import jixiao.score.Rounding;
import jixiao.score.RulesProfile;

import java.math.BigDecimal;

/** What the signed form states (stated:) against what its figures give. */
final class StatedChecks {

    private StatedChecks() {
    }

    static void check(Project project, ProjectScore score, RulesProfile profile, Problems out) {
        Stated stated = project.stated();
        if (stated == null) return;
        SourceMap at = project.sources();

        notANumber(stated.executionRate(), score.statedExecutionRate(), "stated.execution_rate", "预算执行进度", "99.49%", at, out);
        notANumber(stated.executionScore(), score.statedExecutionScore(), "stated.execution_score", "预算执行率得分", "10", at, out);
        notANumber(stated.total(), score.statedTotal(), "stated.total", "总分", "95", at, out);

        BigDecimal rate = score.executionRatio();
        if (rate != null) executionFigures(project, score, profile, at, out);

        if (score.statedTotal() != null && !Rounding.matches(score.statedTotal(), score.computedTotal())) {
            out.report(Finding.warning("total-mismatch", at.at("stated.total"),
                    "总分写的是 " + Texts.stated(score.statedTotal()) + " 分，按各项三级指标得分与" + profile.execution().label()
                            + "得分计算应为 " + Texts.score(score.computedTotal()) + " 分：请核对各项得分，或把总分改为 "
                            + Texts.score(score.computedTotal()) + "。"));
        }
        grade(score, profile, at, out);
    }

    private static void executionFigures(Project project, ProjectScore score, RulesProfile profile, SourceMap at, Problems out) {
        Budget budget = project.budget();
        String unit = project.moneyUnit();
        String computedRate = Rounding.showPercent(score.executionRatio());
        String basis = "按执行数 " + Texts.amount(budget.executed().total(), unit) + " ÷ 预算数 "
                + Texts.amount(budget.planned().total(), unit) + " 计算应为 " + computedRate;
        if (score.statedExecutionRate() != null && !Rounding.matches(score.statedExecutionRate(), score.executionRatePercent())) {
            out.report(Finding.warning("execution-rate-mismatch", at.at("stated.execution_rate"),
                    "预算执行进度写的是 " + project.stated().executionRate().strip() + "，" + basis
                            + "：请改为 " + computedRate + "，或核对预算数和执行数。"));
        }
        if (score.statedExecutionScore() != null && !Rounding.matches(score.statedExecutionScore(), score.executionScore())) {
            RulesProfile.Execution e = profile.execution();
            out.report(Finding.warning("execution-score-mismatch", at.at("stated.execution_score"),
                    e.label() + "得分写的是 " + Texts.stated(score.statedExecutionScore()) + " 分，按执行率 " + computedRate
                            + " 计算应为 " + Texts.score(score.executionScore()) + " 分（满分 " + e.weight().toPlainString()
                            + " 分 × 执行率，执行率超过 100% 按 100% 计）：请改为 " + Texts.score(score.executionScore()) + "。"));
        }
        if (score.statedRowActual() != null && !Rounding.matches(score.statedRowActual(), score.executionRatePercent())) {
            out.report(Finding.warning("execution-row-mismatch", at.at("stated.execution_row.actual"),
                    profile.execution().label() + "一行的实际完成值写的是 " + project.stated().executionRow().actual().strip()
                            + "，" + basis + "：请改为 " + computedRate + "。"));
        }
    }

    private static void grade(ProjectScore score, RulesProfile profile, SourceMap at, Problems out) {
        String grade = score.statedGrade();
        if (grade == null) return;
        String grades = Texts.list(profile.grades().stream().map(RulesProfile.Grade::label).toList());
        if (!profile.isGrade(grade)) {
            out.report(Finding.warning("unknown-grade", at.at("stated.grade"),
                    "评价等级“" + grade + "”不是规则中的等级：请改为 " + grades + " 之一"
                            + (score.gradeOfStatedTotal() == null ? "。" : "（所写总分 " + Texts.stated(score.statedTotal())
                            + " 分对应“" + score.gradeOfStatedTotal() + "”）。")));
            return;
        }
        boolean contradictsStatedTotal = score.gradeOfStatedTotal() != null && !score.gradeOfStatedTotal().equals(grade);
        if (contradictsStatedTotal) {
            out.report(Finding.warning("grade-mismatch", at.at("stated.grade"),
                    "评价等级写的是“" + grade + "”，但所写总分 " + Texts.stated(score.statedTotal()) + " 分对应的等级是“"
                            + score.gradeOfStatedTotal() + "”（" + Texts.gradeRange(profile, score.gradeOfStatedTotal())
                            + "）：请改为“" + score.gradeOfStatedTotal() + "”，或核对总分。"));
        }
        // Info, not a warning: when the stated grade fits the stated total, a different computed grade
        // only follows from figures already warned about (total-mismatch, execution-score-mismatch …)
        // or from the form rounding its total; warning again would count one mistake twice.
        if (!contradictsStatedTotal && score.computedGrade() != null && !score.computedGrade().equals(grade)) {
            out.report(Finding.info("computed-grade-differs", at.at("stated.grade"),
                    "评价等级写的是“" + grade + "”，按计算总分 " + Texts.score(score.computedTotal()) + " 分应为“"
                            + score.computedGrade() + "”（" + Texts.gradeRange(profile, score.computedGrade())
                            + "）：页面会同时显示所写等级和计算等级；等级应按计算总分确定，请核对。"));
        }
    }

    private static void notANumber(String text, BigDecimal parsed, String path, String label, String example, SourceMap at, Problems out) {
        if (text == null || text.isBlank() || parsed != null) return;
        out.report(Finding.warning("stated-not-a-number", at.at(path),
                label + "“" + text.strip() + "”不是数字，无法核对：请只写数字，如 " + example + "。"));
    }
}
