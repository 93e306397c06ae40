package jixiao.cli;

import jixiao.content.YamlText;
import jixiao.content.AmountSet;
import jixiao.content.ExecutionRow;
import jixiao.content.Goal;
import jixiao.content.Indicator;
import jixiao.content.Project;
import jixiao.content.Report;
import jixiao.content.Unit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code jixiao new year <year> --from <previous>} writes for each file of the previous year.
 * The files are emitted from the loaded records, never by copying text, so that what is cleared is
 * really cleared (no stale figure survives in a comment or an alias) and every value is quoted safely.
 *
 * <p>A year's form is planned before the year and filled in after it. What was planned carries over;
 * what happened does not:
 * <ul>
 *   <li>kept: the project id, name, 实施预算单位, 填报部门, order, money_unit (when written), 预算数
 *       (budget.planned, the usual starting point of next year's budget), each goal's 年度预期目标,
 *       each indicator's level, name, definition, target and weight, the 预算执行率 row's name and target;</li>
 *   <li>kept: contact. The same person usually fills in next year's form; it stays out of the public
 *       edition anyway unless site.yaml allows it, and an editor corrects it more easily than retyping it;</li>
 *   <li>cleared, written as {@code ""} or 0 so the editor sees where to fill in: 到位数 and 执行数 (0, with
 *       the same fiscal/other parts as before), 具体完成情况, 实际完成值, 自评得分, 偏差原因, the 预算执行率
 *       row's actual and every stated figure (执行进度, 完成率, 得分, 总分, 等级);</li>
 *   <li>dropped: judgement (it judges an actual that does not exist yet, and an empty judgement is not
 *       valid), problems and internal notes (they are about the previous year's results), published,
 *       and every narrative (report.md, unit.md and project .md are written for one year);</li>
 *   <li>set: status: draft, so that an unfinished copy never reaches the public edition.</li>
 * </ul>
 */
final class YearCopy {

    private YearCopy() {
    }

    /** The previous year's title for the new year: each standalone occurrence of the old year is replaced. */
    static String retitle(String title, int from, int to) {
        Matcher m = Pattern.compile("(?<![0-9０-９])" + from + "(?![0-9０-９])").matcher(title);
        return m.replaceAll(String.valueOf(to));
    }

    static String report(String schema, Report previous, int from, int to) {
        StringBuilder b = new StringBuilder(Skeletons.schemaLine(schema));
        b.append("# ").append(to).append(" 年度报告，由 ").append(from).append(" 年度的 report.yaml 生成")
                .append("（jixiao new year ").append(to).append(" --from ").append(from).append("）。\n");
        b.append("# 报告正文写在同一文件夹的 report.md 中；上一年度的正文没有复制。\n\n");
        b.append("title: ").append(YamlText.quote(retitle(previous.title(), from, to))).append('\n');
        if (previous.department() != null) b.append("department: ").append(YamlText.quote(previous.department())).append('\n');
        b.append("period: ").append(to).append('\n');
        b.append("# 发布日期，格式为 年-月-日；发布时去掉行首的“# ”并填写。\n");
        b.append("# published: \"").append(to + 1).append("-03-31\"\n");
        return b.toString();
    }

    static String unit(String schema, Unit previous, int from) {
        StringBuilder b = new StringBuilder(Skeletons.schemaLine(schema));
        b.append("# 由 ").append(from).append(" 年度的 unit.yaml 生成；单位概况（unit.md）按年度撰写，没有复制。\n\n");
        b.append("name: ").append(YamlText.quote(previous.name())).append('\n');
        if (previous.order() != null) b.append("order: ").append(previous.order()).append('\n');
        return b.toString();
    }

    static String project(String schema, Project p, int from, int to) {
        StringBuilder b = new StringBuilder(Skeletons.schemaLine(schema));
        b.append("# ").append(to).append(" 年度部门预算项目绩效自评表，由 ").append(from).append(" 年度的同名项目生成")
                .append("（jixiao new year ").append(to).append(" --from ").append(from).append("）。\n");
        b.append("# 保留了项目名称、预算数、年度预期目标和指标设置；到位数、执行数、完成情况、实际完成值、自评得分\n");
        b.append("# 和表上写明的数字已清空，存在问题和内部备注没有复制。填写完成并核对后，把 status 改为 final。\n\n");

        b.append("name: ").append(YamlText.quote(p.name())).append('\n');
        text(b, "", "implementing_unit", p.implementingUnit());
        text(b, "", "filing_department", p.filingDepartment());
        if (p.order() != null) b.append("order: ").append(p.order()).append('\n');
        // The loaded record has the site's default filled in; only a unit the editor wrote is carried over.
        if (p.sources().has("money_unit")) text(b, "", "money_unit", p.moneyUnit());
        b.append("status: \"draft\"\n");

        b.append("\nbudget:\n");
        b.append("  planned: ").append(amounts(p.budget().planned(), false)).append('\n');
        b.append("  received: ").append(amounts(p.budget().received(), true)).append('\n');
        b.append("  executed: ").append(amounts(p.budget().executed(), true)).append('\n');

        if (!p.goals().isEmpty()) {
            b.append("\ngoals:\n");
            for (Goal g : p.goals()) {
                b.append("  - expected: ").append(YamlText.quote(g.expected() == null ? "" : g.expected())).append('\n');
                b.append("    achieved: \"\"\n");
            }
        }

        if (!p.indicators().isEmpty()) {
            b.append("\nindicators:\n");
            // Indicators were read level by level in document order, so grouping keeps that order.
            Map<String, Map<String, List<Indicator>>> levels = new LinkedHashMap<>();
            for (Indicator i : p.indicators()) {
                levels.computeIfAbsent(i.level1(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(i.level2(), k -> new ArrayList<>()).add(i);
            }
            levels.forEach((level1, level2s) -> {
                b.append("  ").append(level1).append(":\n");
                level2s.forEach((level2, rows) -> {
                    b.append("    ").append(level2).append(":\n");
                    for (Indicator i : rows) indicator(b, i);
                });
            });
        }

        b.append("\nstated:\n");
        b.append("  execution_rate: \"\"\n");
        b.append("  completion: \"\"\n");
        b.append("  execution_score: \"\"\n");
        ExecutionRow row = p.stated() == null ? null : p.stated().executionRow();
        if (row != null) {
            List<String> cells = new ArrayList<>();
            if (row.name() != null) cells.add("name: " + YamlText.quote(row.name()));
            if (row.target() != null) cells.add("target: " + YamlText.quote(row.target()));
            cells.add("actual: \"\"");
            b.append("  execution_row: { ").append(String.join(", ", cells)).append(" }\n");
        }
        b.append("  total: \"\"\n");
        b.append("  grade: \"\"\n");

        if (p.contact() != null && (p.contact().name() != null || p.contact().phone() != null)) {
            b.append("\ncontact:\n");
            text(b, "  ", "name", p.contact().name());
            text(b, "  ", "phone", p.contact().phone());
        }
        return b.toString();
    }

    private static void indicator(StringBuilder b, Indicator i) {
        b.append("      - name: ").append(YamlText.quote(i.name())).append('\n');
        text(b, "        ", "definition", i.definition());
        text(b, "        ", "target", i.target());
        if (i.weight() != null) b.append("        weight: ").append(YamlText.amount(i.weight())).append('\n');
        b.append("        actual: \"\"\n");
        b.append("        score: \"\"\n");
        b.append("        deviation: \"\"\n");
    }

    /** Planned amounts as written; received and executed cleared to 0, with the same parts written as before. */
    private static String amounts(AmountSet set, boolean clear) {
        List<String> parts = new ArrayList<>();
        parts.add("total: " + (clear ? "0" : YamlText.amount(set.total())));
        if (set.fiscal() != null) parts.add("fiscal: " + (clear ? "0" : YamlText.amount(set.fiscal())));
        if (set.other() != null) parts.add("other: " + (clear ? "0" : YamlText.amount(set.other())));
        return "{ " + String.join(", ", parts) + " }";
    }

    private static void text(StringBuilder b, String indent, String key, String value) {
        if (value != null) b.append(indent).append(key).append(": ").append(YamlText.quote(value)).append('\n');
    }
}
