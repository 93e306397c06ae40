package jixiao.importer;

import jixiao.content.AmountSet;
import jixiao.content.ExecutionRow;
import jixiao.content.Goal;
import jixiao.content.Indicator;
import jixiao.content.Stated;
import jixiao.content.YamlText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An imported form as a project file of content format v1, in the layout of the transcribed 2020 files: texts
 * double-quoted exactly as the form writes them (mistakes included, so that {@code jixiao check} finds them),
 * amounts as plain decimals, and what could not be placed in comments at the top, each naming its table, row
 * and cell.
 */
final class FormYaml {

    private FormYaml() {
    }

    static String text(ImportedForm f, Integer order, String source) {
        StringBuilder b = new StringBuilder();
        b.append("# 部门预算项目绩效自评表，由 jixiao import 从 ").append(oneLine(source)).append(" 的").append(f.where()).append(" 导入。\n");
        if (!f.notes().isEmpty()) {
            b.append("# 以下内容未能放入本文件，请对照原表核对：\n");
            for (String note : f.notes()) b.append("#   ").append(oneLine(note)).append('\n');
        }
        b.append('\n');
        b.append("name: ").append(YamlText.quote(f.name())).append('\n');
        text(b, "", "implementing_unit", f.implementingUnit());
        text(b, "", "filing_department", f.filingDepartment());
        if (order != null) b.append("order: ").append(order).append('\n');
        text(b, "", "money_unit", f.moneyUnit());
        if (f.draft()) b.append("status: \"draft\"\n");

        b.append("\nbudget:\n");
        amounts(b, "planned", f.planned());
        amounts(b, "received", f.received());
        amounts(b, "executed", f.executed());

        if (!f.goals().isEmpty()) {
            b.append("\ngoals:\n");
            for (Goal g : f.goals()) {
                // A cell the form leaves blank is left out, as the transcriptions do.
                if (g.expected() != null) b.append("  - expected: ").append(YamlText.quote(g.expected())).append('\n');
                if (g.achieved() != null) {
                    b.append(g.expected() != null ? "    " : "  - ").append("achieved: ").append(YamlText.quote(g.achieved())).append('\n');
                }
            }
        }

        if (!f.indicators().isEmpty()) {
            b.append("\nindicators:\n");
            // Grouped level by level in the order the form first uses each, as the loader reads them back.
            Map<String, Map<String, List<Indicator>>> levels = new LinkedHashMap<>();
            for (Indicator i : f.indicators()) {
                levels.computeIfAbsent(i.level1(), k -> new LinkedHashMap<>()).computeIfAbsent(i.level2(), k -> new ArrayList<>()).add(i);
            }
            levels.forEach((level1, level2s) -> {
                b.append("  ").append(level1).append(":\n");
                level2s.forEach((level2, rows) -> {
                    b.append("    ").append(level2).append(":\n");
                    for (Indicator i : rows) {
                        b.append("      - name: ").append(YamlText.quote(i.name())).append('\n');
                        text(b, "        ", "definition", i.definition());
                        text(b, "        ", "target", i.target());
                        text(b, "        ", "actual", i.actual());
                        if (i.weight() != null) b.append("        weight: ").append(YamlText.amount(i.weight())).append('\n');
                        text(b, "        ", "score", i.score());
                        text(b, "        ", "deviation", i.deviation());
                    }
                });
            });
        }

        Stated s = f.stated();
        StringBuilder stated = new StringBuilder();
        text(stated, "  ", "execution_rate", s.executionRate());
        text(stated, "  ", "completion", s.completion());
        ExecutionRow row = s.executionRow();
        if (row != null) {
            List<String> cells = new ArrayList<>();
            if (row.name() != null) cells.add("name: " + YamlText.quote(row.name()));
            if (row.target() != null) cells.add("target: " + YamlText.quote(row.target()));
            if (row.actual() != null) cells.add("actual: " + YamlText.quote(row.actual()));
            stated.append("  execution_row: { ").append(String.join(", ", cells)).append(" }\n");
        }
        text(stated, "  ", "execution_score", s.executionScore());
        text(stated, "  ", "total", s.total());
        text(stated, "  ", "grade", s.grade());
        if (!stated.isEmpty()) b.append("\nstated:\n").append(stated);

        if (f.problems() != null) b.append('\n').append("problems: ").append(YamlText.quote(f.problems())).append('\n');
        if (f.contact() != null) {
            b.append("\ncontact:\n");
            text(b, "  ", "name", f.contact().name());
            text(b, "  ", "phone", f.contact().phone());
        }
        return b.toString();
    }

    /** A row of amounts; the total is written even when the form leaves it blank, so that the loader names what to fill in. */
    private static void amounts(StringBuilder b, String key, AmountSet set) {
        List<String> parts = new ArrayList<>();
        if (set.total() != null) parts.add("total: " + YamlText.amount(set.total()));
        if (set.fiscal() != null) parts.add("fiscal: " + YamlText.amount(set.fiscal()));
        if (set.other() != null) parts.add("other: " + YamlText.amount(set.other()));
        if (parts.isEmpty()) {
            b.append("  ").append(key).append(": {}   # 表上没有填写合计：请补上 total\n");
        } else {
            b.append("  ").append(key).append(": { ").append(String.join(", ", parts)).append(" }\n");
        }
    }

    private static void text(StringBuilder b, String indent, String key, String value) {
        if (value != null) b.append(indent).append(key).append(": ").append(YamlText.quote(value)).append('\n');
    }

    /** A comment stays on its line: line breaks and other control characters become spaces. */
    private static String oneLine(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 || cp == 0x85 ? ' ' : cp));
        return out.toString();
    }
}
