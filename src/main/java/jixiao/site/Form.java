package jixiao.site;

import java.util.List;

/**
 * The 部门预算项目绩效自评表 of one project laid out as the paper form, every figure already
 * formatted: stated figures as typed, computed ones by the rules ({@link Money}). Findings lists
 * are empty in the public edition.
 *
 * @param anchor           the form's id on a page that holds several forms
 * @param filingDepartment 填报部门
 * @param budget           rows 合计, 其中：财政资金, 其他 of 二、预算执行情况
 * @param executionRate    预算执行进度: as stated against executed ÷ planned
 * @param indicators       rows of 四, grouped as written with rowspans for 一级 and 二级
 * @param indicatorColumns number of columns of the indicator table
 * @param contact          null unless the edition shows contacts and the form has one
 * @param general          findings not about one row (the file as a whole, 一、基本情况)
 */
public record Form(
        String anchor,
        String name,
        String year,
        String filingDepartment,
        String implementingUnit,
        String moneyUnit,
        boolean draft,
        List<AmountRow> budget,
        Compare executionRate,
        List<FindingView> budgetFindings,
        List<GoalRow> goals,
        String completion,
        List<FindingView> goalFindings,
        List<IndicatorRow> indicators,
        boolean hasDeviation,
        int indicatorColumns,
        List<FindingView> indicatorFindings,
        ExecutionRow execution,
        Compare total,
        List<FindingView> totalFindings,
        Compare grade,
        List<FindingView> gradeFindings,
        List<FindingView> problemFindings,
        ContactView contact,
        List<FindingView> contactFindings,
        List<FindingView> internalFindings,
        List<FindingView> general,
        int findingCount) {

    public Form {
        budget = List.copyOf(budget);
        budgetFindings = List.copyOf(budgetFindings);
        goals = List.copyOf(goals);
        goalFindings = List.copyOf(goalFindings);
        indicators = List.copyOf(indicators);
        indicatorFindings = List.copyOf(indicatorFindings);
        totalFindings = List.copyOf(totalFindings);
        gradeFindings = List.copyOf(gradeFindings);
        problemFindings = List.copyOf(problemFindings);
        contactFindings = List.copyOf(contactFindings);
        internalFindings = List.copyOf(internalFindings);
        general = List.copyOf(general);
    }

    /** One row of 二、预算执行情况: 预算数（调整后）, 到位数, 执行数. */
    public record AmountRow(String label, String planned, String received, String executed) {
    }

    /**
     * A stated figure beside the computed one; {@code differs} when they do not match at the stated precision.
     * {@code note} says why the computed one is not a figure (无法核算), "" otherwise: pages show it beside the
     * table, never inside a number column.
     */
    public record Compare(String stated, String computed, boolean differs, String note) {
        public Compare(String stated, String computed, boolean differs) {
            this(stated, computed, differs, "");
        }
    }

    /** One row of 三、目标完成情况. */
    public record GoalRow(String expected, String achieved) {
    }

    /** A 一级 or 二级 cell that spans {@code rowspan} table rows; null in the rows it covers. */
    public record Cell(String text, int rowspan) {
    }

    /**
     * One 三级指标 row.
     *
     * @param level1 the 一级 cell, null where the one above spans this row
     * @param level2 the 二级 cell, null alike
     * @param note   why the computed score is the stated one (not verifiable), else ""
     */
    public record IndicatorRow(Cell level1, Cell level2, String id, String name, String definition, String target,
                               String actual, String weight, Compare score, String note, String deviation,
                               List<FindingView> findings) {
        public IndicatorRow {
            findings = List.copyOf(findings);
        }
    }

    /** The 预算执行率 row, computed from the budget, beside what the form wrote in it. */
    public record ExecutionRow(String level1, String level2, String name, String target, Compare actual,
                               String weight, Compare score, List<FindingView> findings) {
        public ExecutionRow {
            findings = List.copyOf(findings);
        }
    }

    public record ContactView(String name, String phone) {
    }
}
