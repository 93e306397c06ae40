package jixiao.check;

import jixiao.content.Budget;
import jixiao.content.ExecutionRow;
import jixiao.content.Problems;
import jixiao.content.Project;
import jixiao.content.SourceMap;
import jixiao.content.Stated;
import jixiao.diagnostic.Finding;
import jixiao.score.ProjectScore;
import jixiao.score.Rounding;
import jixiao.score.RulesProfile;

import java.math.BigDecimal;
import java.util.List;

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

        BigDecimal maximum = profile.maximum();
        if (score.statedTotal() != null && score.statedTotal().compareTo(maximum) > 0) {
            out.report(Finding.warning("total-over-maximum", at.at("stated.total"),
                    "总分写的是 " + Texts.stated(score.statedTotal()) + " 分，超过满分 " + maximum.stripTrailingZeros().toPlainString()
                            + " 分：请核对总分。"));
        }
        if (!score.computable()) {
            // No number is proposed: a total computed from 优 counted as 0, or from levels above their weight, is none.
            // A draft not yet filled in (as `new year` copies it) is expected to have nothing scored: info, not a warning.
            boolean blankDraft = project.isDraft() && ProjectScore.NOTHING_SCORED.equals(score.uncomputable());
            FindingFactory severity = blankDraft ? Finding::info : Finding::warning;
            out.report(severity.make("total-not-computable", score.statedTotal() != null ? at.at("stated.total") : at.at("indicators"),
                    "总分无法核算：" + score.uncomputable() + "。页面显示“无法核算”，合计和平均分不计入本项目"
                            + (score.statedTotal() == null ? "" : "，所写总分 " + Texts.stated(score.statedTotal()) + " 分无法核对")
                            + (ProjectScore.NOTHING_SCORED.equals(score.uncomputable()) ? "：请填写各项指标的实际完成值和自评得分。" : "：请先改正各项自评得分。")));
        } else if (score.statedTotal() != null && !Rounding.matches(score.statedTotal(), score.computedTotal())) {
            SharedCause cause = score.executionRatio() == null ? SharedCause.NONE : SharedCause.of(project, score,
                    score.statedExecutionScore() != null && !Rounding.matches(score.statedExecutionScore(), score.executionScore()));
            out.report(Finding.warning("total-mismatch", at.at("stated.total"),
                    "总分写的是 " + Texts.stated(score.statedTotal()) + " 分，按各项三级指标得分与" + profile.execution().label()
                            + "得分计算应为 " + Texts.score(score.computedTotal()) + " 分：请核对各项得分，或把总分改为 "
                            + Texts.score(score.computedTotal()) + "。" + (cause.explainsTotal() ? cause.other(at) : "")));
        }
        comparatorOnlyRow(project, at, out);
        completionWithoutSpending(project, score, at, out);
        grade(score, profile, at, out);
    }

    @FunctionalInterface
    private interface FindingFactory {
        Finding make(String code, jixiao.diagnostic.SourcePosition at, String message);
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
        boolean scoreWrong = score.statedExecutionScore() != null && !Rounding.matches(score.statedExecutionScore(), score.executionScore());
        RulesProfile.Execution e = profile.execution();
        SharedCause cause = SharedCause.of(project, score, scoreWrong);
        if (scoreWrong) {
            out.report(Finding.warning("execution-score-mismatch", at.at("stated.execution_score"),
                    e.label() + "得分写的是 " + Texts.stated(score.statedExecutionScore()) + " 分，按执行率 " + computedRate
                            + " 计算应为 " + Texts.score(score.executionScore()) + " 分（满分 " + e.weight().toPlainString()
                            + " 分 × 执行率，执行率超过 100% 按 100% 计）：请改为 " + Texts.score(score.executionScore()) + "。"
                            + cause.first(at)));
        }
        if (score.statedRowActual() != null && !Rounding.matches(score.statedRowActual(), score.executionRatePercent())) {
            ExecutionRow row = project.stated().executionRow();
            boolean compliance = row.name() != null && COMPLIANCE.stream().anyMatch(w -> row.name().strip().startsWith(w))
                    && score.statedRowActual().compareTo(HUNDRED) == 0 && !scoreWrong;
            if (compliance) {
                out.report(Finding.info("execution-row-compliance", at.at("stated.execution_row.actual"),
                        profile.execution().label() + "一行写的是“" + row.name().strip() + "”：" + row.actual().strip()
                                + "，说的是资金是否按要求使用，不是执行率（" + basis + "，得分已按此计）：如要写执行率，请改为 "
                                + computedRate + "。"));
            } else {
                out.report(Finding.warning("execution-row-mismatch", at.at("stated.execution_row.actual"),
                        profile.execution().label() + "一行的实际完成值写的是 " + row.actual().strip()
                                + "，" + basis + "：请改为 " + computedRate + "。" + cause.other(at)));
            }
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
        if (!contradictsStatedTotal && score.computable() && score.computedGrade() != null && !score.computedGrade().equals(grade)) {
            out.report(Finding.info("computed-grade-differs", at.at("stated.grade"),
                    "评价等级写的是“" + grade + "”，按计算总分 " + Texts.score(score.computedTotal()) + " 分应为“"
                            + score.computedGrade() + "”（" + Texts.gradeRange(profile, score.computedGrade())
                            + "）：页面会同时显示所写等级和计算等级；等级应按计算总分确定，请核对。"));
        }
    }

    private static final List<String> COMPLIANCE = jixiao.claims.Vocabulary.builtIn().complianceRows();
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * One stated execution rate behind several findings: the 预算执行率 score, its row and the total all follow from it
     * when the total is off by just what the score is. The first finding names the cause, the others point to it,
     * so that a review box reads as one mistake.
     */
    private record SharedCause(boolean shared, boolean explainsTotal, boolean row, String scorePath) {
        static final SharedCause NONE = new SharedCause(false, false, false, null);

        static SharedCause of(Project project, ProjectScore score, boolean scoreWrong) {
            if (!scoreWrong) return NONE;
            boolean total = score.statedTotal() != null && score.computable()
                    && score.statedTotal().subtract(score.computedTotal())
                    .compareTo(Rounding.halfUp2(score.statedExecutionScore().subtract(score.executionScore()))) == 0;
            boolean row = score.statedRowActual() != null && !Rounding.matches(score.statedRowActual(), score.executionRatePercent());
            return new SharedCause(total || row, total, row, "stated.execution_score");
        }

        String first(SourceMap at) {
            if (!shared) return "";
            return "（本条是同一原因的第一条：" + (explainsTotal ? "总分" : "") + (explainsTotal && row ? "和" : "")
                    + (row ? "预算执行率一行" : "") + "的差异也都来自执行率没有按执行数 ÷ 预算数计，改正后一并消除。）";
        }

        String other(SourceMap at) {
            if (!shared) return "";
            return "（与第 " + at.at(scorePath).line() + " 行的预算执行率得分同一原因，见该条。）";
        }
    }

    /** An execution row whose target is only a comparator (≥ with no number). */
    private static void comparatorOnlyRow(Project project, SourceMap at, Problems out) {
        ExecutionRow row = project.stated().executionRow();
        if (row == null || row.target() == null) return;
        String t = row.target().strip();
        if (!t.isEmpty() && t.chars().allMatch(c -> "≥≤><=＞＜≧≦".indexOf(c) >= 0)) {
            out.report(Finding.warning("malformed-value", at.at("stated.execution_row.target"),
                    "预算执行率一行的预期指标值“" + t + "”只有比较符号，没有数字：请补上数字（如 ≥90%），或写成文字。"));
        }
    }

    /** 总体完成率 stated (100%) while nothing was spent. */
    private static void completionWithoutSpending(Project project, ProjectScore score, SourceMap at, Problems out) {
        String completion = project.stated().completion();
        var executed = project.budget() == null || project.budget().executed() == null ? null : project.budget().executed().total();
        if (completion == null || executed == null || executed.signum() != 0) return;
        String digits = completion.replace("%", "").replace("％", "").strip();
        if (!digits.matches("\\d+(\\.\\d+)?") || new BigDecimal(digits).signum() == 0) return;
        out.report(Finding.warning("completion-without-spending", at.at("stated.completion"),
                "总体完成率写的是 " + completion.strip() + "，但执行数为 0" + project.moneyUnit()
                        + "：资金一分未支出，目标不会已经完成；请核对总体完成率或执行数。"));
    }

    /** A 一级指标 whose every score is a word (优, 良): its share of the total cannot be computed. */
    static void level1WithoutNumbers(Project project, ProjectScore score, RulesProfile profile, Problems out) {
        java.util.Map<String, java.util.List<jixiao.score.IndicatorScore>> byLevel1 = new java.util.LinkedHashMap<>();
        for (jixiao.score.IndicatorScore i : score.indicators()) byLevel1.computeIfAbsent(i.indicator().level1(), k -> new java.util.ArrayList<>()).add(i);
        byLevel1.forEach((key, list) -> {
            boolean written = list.stream().anyMatch(i -> i.indicator().score() != null && !i.indicator().score().isBlank());
            boolean number = list.stream().anyMatch(i -> i.statedScore() != null || i.verifiable());
            if (!written || number) return;
            String label = profile.level1(key).map(RulesProfile.Level1::label).orElse(key);
            out.report(Finding.warning("level1-no-numeric-score", project.sources().keyAt("indicators." + key),
                    label + "（" + key + "）下没有一项自评得分是数字（写的是 " + Texts.list(list.stream()
                            .map(i -> "“" + i.indicator().score().strip() + "”").distinct().toList())
                            + "）：该一级指标的得分无法计算；请写分数（如 9 或 12.5），等级只写在 stated.grade。"));
        });
    }

    private static void notANumber(String text, BigDecimal parsed, String path, String label, String example, SourceMap at, Problems out) {
        if (text == null || text.isBlank() || parsed != null) return;
        out.report(Finding.warning("stated-not-a-number", at.at(path),
                label + "“" + text.strip() + "”不是数字，无法核对：请只写数字，如 " + example + "。"));
    }
}
