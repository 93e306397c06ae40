package jixiao.format;

import jixiao.score.ProjectScore;
import jixiao.compare.Change;
import jixiao.compare.ChangeKind;
import jixiao.compare.Comparison;
import jixiao.compare.IndicatorChange;
import jixiao.compare.NarrativeChange;
import jixiao.compare.ParagraphChange;
import jixiao.compare.ProjectChange;
import jixiao.compare.ProjectSnapshot;
import jixiao.compare.UnitChange;
import jixiao.compare.YearComparison;

import java.util.List;
import java.util.stream.Collectors;

/** A comparison for a terminal: Chinese labels, one change per line, indented by level. */
public final class DiffText {

    private final DiffFormat f;
    private final StringBuilder out = new StringBuilder();

    private DiffText(DiffFormat format) {
        this.f = format;
    }

    public static String render(Comparison c, String fromLabel, String toLabel, DiffFormat format) {
        return new DiffText(format).comparison(c, fromLabel, toLabel);
    }

    private String comparison(Comparison c, String fromLabel, String toLabel) {
        line("比较：" + fromLabel + " → " + toLabel + "（" + c.edition().label() + "，金额单位：" + c.moneyUnit() + "）");
        if (!c.hasChanges()) {
            line("");
            line("没有变化。");
            return out.toString();
        }
        for (YearComparison y : c.years()) {
            if (!y.hasChanges()) continue;
            line("");
            year(y);
        }
        return out.toString();
    }

    private void year(YearComparison y) {
        line("== " + DiffFormat.yearTitle(y) + " ==");
        if (!y.totals().isEmpty()) {
            line("");
            line("年度合计");
            for (Change c : y.totals()) line("  " + change(c));
        }
        if (!y.narrative().isEmpty()) {
            line("");
            narrative("报告说明", y.narrative(), "");
        }
        List<UnitChange> units = y.changedUnits();
        if (!units.isEmpty()) {
            line("");
            line("单位");
            for (UnitChange u : units) unit(u);
        }
        List<ProjectChange> projects = y.changedProjects();
        if (!projects.isEmpty()) {
            line("");
            line("项目");
            for (ProjectChange p : projects) project(p);
        }
        long unchanged = y.projects().size() - projects.size();
        if (unchanged > 0) {
            line("");
            line("另有 " + unchanged + " 个项目没有变化。");
        }
    }

    private void unit(UnitChange u) {
        line("  " + marker(u.kind()) + " " + u.kind().label() + " " + u.name() + "（" + u.id() + "）");
        for (Change c : u.changes()) line("      " + change(c));
        if (!u.narrative().isEmpty()) narrative("单位说明", u.narrative(), "      ");
    }

    private void project(ProjectChange p) {
        ProjectSnapshot s = p.current();
        String where = switch (p.kind()) {
            case MOVED -> "：" + p.from().unitName() + " → " + p.to().unitName();
            default -> " · " + s.unitName();
        };
        line("  " + marker(p.kind()) + " " + p.kind().label() + " " + DiffFormat.name(s) + "（" + p.id() + "）" + where);
        if (p.kind() == ChangeKind.ADDED || p.kind() == ChangeKind.REMOVED) {
            line("      " + summary(s));
            return;
        }
        for (Change c : p.changes()) line("      " + change(c));
        if (!p.indicators().isEmpty()) {
            line("      指标");
            for (IndicatorChange i : p.indicators()) line("        " + indicator(i));
        }
        if (!p.narrative().isEmpty()) narrative("项目说明", p.narrative(), "      ");
        if (!p.problems().isEmpty()) narrative("存在问题", p.problems(), "      ");
    }

    private String summary(ProjectSnapshot s) {
        return "预算数 " + s.planned().toPlainString() + " " + f.moneyUnit()
                + "，执行数 " + s.executed().toPlainString() + " " + f.moneyUnit()
                + (s.executionRatePercent() == null ? "" : "，执行率 " + DiffFormat.percent(s.executionRatePercent()))
                + "，核算总分 " + (s.computedTotal() == null ? ProjectScore.UNCOMPUTABLE : s.computedTotal().toPlainString())
                + (s.computedGrade() == null ? "" : "（" + s.computedGrade() + "）");
    }

    private String indicator(IndicatorChange i) {
        String head = marker(i.kind()) + " " + DiffFormat.kind(i) + " ";
        return switch (i.kind()) {
            case ADDED -> head + "〔" + f.level(i.to()) + "〕" + i.to().name() + "：" + f.values(i.to());
            case REMOVED -> head + "〔" + f.level(i.from()) + "〕" + i.from().name();
            case RENAMED -> head + "「" + i.from().name() + "」→「" + i.to().name() + "」" + details(i.changes(), "：");
            default -> head + "「" + i.to().name() + "」" + details(i.changes(), "：");
        };
    }

    private String details(List<Change> changes, String lead) {
        if (changes.isEmpty()) return "";
        return lead + changes.stream().map(this::change).collect(Collectors.joining("；"));
    }

    private String change(Change c) {
        StringBuilder sb = new StringBuilder(f.label(c.field())).append(" ").append(f.from(c)).append(" → ").append(f.to(c));
        String delta = f.delta(c);
        String relative = f.relative(c);
        if (!delta.isEmpty()) sb.append("（").append(delta).append(relative.isEmpty() ? "" : "，" + relative).append("）");
        return sb.toString();
    }

    private void narrative(String label, NarrativeChange n, String indent) {
        line(indent + label + "：" + DiffFormat.counts(n));
        for (ParagraphChange p : n.paragraphs()) {
            switch (p.kind()) {
                case ADDED -> line(indent + "  + 「" + p.to() + "」");
                case REMOVED -> line(indent + "  - 「" + p.from() + "」");
                default -> {
                    line(indent + "  ~ 「" + p.from() + "」");
                    line(indent + "    → 「" + p.to() + "」");
                }
            }
        }
    }

    private static String marker(ChangeKind kind) {
        return switch (kind) {
            case ADDED -> "+";
            case REMOVED -> "-";
            case MOVED -> ">";
            default -> "~";
        };
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
