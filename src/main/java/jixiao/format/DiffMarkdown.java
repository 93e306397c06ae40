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

/**
 * A comparison as GitHub-flavoured Markdown, to paste as a pull-request comment: a heading per
 * year, tables of figures (old → new, Δ, Δ%), lists of indicator and paragraph changes. Every
 * text that comes from the content is escaped, so a name with {@code |} or {@code *} cannot
 * break a table or start emphasis.
 */
public final class DiffMarkdown {

    private final DiffFormat f;
    private final StringBuilder out = new StringBuilder();

    private DiffMarkdown(DiffFormat format) {
        this.f = format;
    }

    public static String render(Comparison c, String fromLabel, String toLabel, DiffFormat format) {
        return new DiffMarkdown(format).comparison(c, fromLabel, toLabel);
    }

    private String comparison(Comparison c, String fromLabel, String toLabel) {
        line("## 绩效自评变更：" + esc(fromLabel) + " → " + esc(toLabel));
        line("");
        line(c.edition().label() + " · 金额单位：" + c.moneyUnit());
        if (!c.hasChanges()) {
            line("");
            line("没有变化。");
            return out.toString();
        }
        for (YearComparison y : c.years()) if (y.hasChanges()) year(y);
        return out.toString();
    }

    private void year(YearComparison y) {
        line("");
        line("### " + DiffFormat.yearTitle(y));
        if (!y.totals().isEmpty()) {
            line("");
            line("**年度合计**");
            line("");
            table(y.totals());
        }
        if (!y.narrative().isEmpty()) {
            line("");
            narrative("报告说明", y.narrative());
        }
        List<UnitChange> units = y.changedUnits();
        if (!units.isEmpty()) {
            line("");
            line("#### 单位");
            line("");
            for (UnitChange u : units) unit(u);
        }
        List<ProjectChange> projects = y.changedProjects();
        for (ProjectChange p : projects) project(p);
        long unchanged = y.projects().size() - projects.size();
        if (unchanged > 0) {
            line("");
            line("另有 " + unchanged + " 个项目没有变化。");
        }
    }

    private void unit(UnitChange u) {
        String head = "- " + u.kind().label() + "：**" + esc(u.name()) + "**（`" + u.id() + "`）";
        if (u.kind() != ChangeKind.CHANGED) {
            line(head);
            return;
        }
        List<String> parts = u.changes().stream().map(this::inline).collect(Collectors.toList());
        if (!u.narrative().isEmpty()) parts.add("单位说明" + DiffFormat.counts(u.narrative()));
        line(head + "：" + String.join("；", parts));
    }

    private void project(ProjectChange p) {
        ProjectSnapshot s = p.current();
        line("");
        line("#### " + p.kind().label() + "：" + esc(DiffFormat.name(s)) + "（`" + p.id() + "`）");
        line("");
        if (p.kind() == ChangeKind.MOVED) line("单位：" + esc(p.from().unitName()) + " → " + esc(p.to().unitName()));
        else line("单位：" + esc(s.unitName()));
        if (p.kind() == ChangeKind.ADDED || p.kind() == ChangeKind.REMOVED) {
            line("");
            line("| 数据 | 值 |");
            line("| --- | ---: |");
            line("| 预算数（" + f.moneyUnit() + "） | " + s.planned().toPlainString() + " |");
            line("| 执行数（" + f.moneyUnit() + "） | " + s.executed().toPlainString() + " |");
            if (s.executionRatePercent() != null) line("| 预算执行率 | " + DiffFormat.percent(s.executionRatePercent()) + " |");
            line("| 核算总分 | " + (s.computedTotal() == null ? ProjectScore.UNCOMPUTABLE : s.computedTotal().toPlainString())
                    + (s.computedGrade() == null ? "" : "（" + esc(s.computedGrade()) + "）") + " |");
            return;
        }
        if (!p.changes().isEmpty()) {
            line("");
            table(p.changes());
        }
        if (!p.indicators().isEmpty()) {
            line("");
            line("**指标**");
            line("");
            for (IndicatorChange i : p.indicators()) line("- " + indicator(i));
        }
        if (!p.narrative().isEmpty()) {
            line("");
            narrative("项目说明", p.narrative());
        }
        if (!p.problems().isEmpty()) {
            line("");
            narrative("存在问题", p.problems());
        }
    }

    private void table(List<Change> changes) {
        line("| 数据 | 原值 → 新值 | Δ | Δ% |");
        line("| --- | --- | ---: | ---: |");
        for (Change c : changes) {
            line("| " + f.label(c.field()) + " | " + cell(f.from(c)) + " → " + cell(f.to(c)) + " | "
                    + f.delta(c) + " | " + f.relative(c) + " |");
        }
    }

    private String indicator(IndicatorChange i) {
        String head = DiffFormat.kind(i) + "：";
        return switch (i.kind()) {
            case ADDED -> head + "**" + esc(i.to().name()) + "**（" + f.level(i.to()) + "）" + (f.values(i.to()).isEmpty() ? "" : "，" + esc(f.values(i.to())));
            case REMOVED -> head + "**" + esc(i.from().name()) + "**（" + f.level(i.from()) + "）";
            case RENAMED -> head + "**" + esc(i.from().name()) + "** → **" + esc(i.to().name()) + "**" + details(i.changes());
            default -> head + "**" + esc(i.to().name()) + "**" + details(i.changes());
        };
    }

    private String details(List<Change> changes) {
        if (changes.isEmpty()) return "";
        return "：" + changes.stream().map(this::inline).collect(Collectors.joining("；"));
    }

    private String inline(Change c) {
        StringBuilder sb = new StringBuilder(f.label(c.field())).append(" ").append(esc(f.from(c))).append(" → ").append(esc(f.to(c)));
        String delta = f.delta(c);
        String relative = f.relative(c);
        if (!delta.isEmpty()) sb.append("（").append(delta).append(relative.isEmpty() ? "" : "，" + relative).append("）");
        return sb.toString();
    }

    private void narrative(String label, NarrativeChange n) {
        line("**" + label + "**：" + DiffFormat.counts(n));
        line("");
        for (ParagraphChange p : n.paragraphs()) {
            switch (p.kind()) {
                case ADDED -> line("- 新增：「" + esc(p.to()) + "」");
                case REMOVED -> line("- 删除：「" + esc(p.from()) + "」");
                default -> line("- 修改：「" + esc(p.from()) + "」→「" + esc(p.to()) + "」");
            }
        }
    }

    /** A table cell: escaped, on one line. */
    private static String cell(String text) {
        return esc(text.replace('\n', ' '));
    }

    /**
     * Backslash-escapes the characters that could start markup inside a line: emphasis, code,
     * links, HTML, table cells, strikethrough, entities. Escaped text never starts a line here,
     * so the characters that only matter there (#, -, +, 1.) need no escape.
     */
    static String esc(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if ("\\`*_[]<>|~&".indexOf(c) >= 0) sb.append('\\');
            sb.append(c == '\n' || c == '\r' ? ' ' : c);
        }
        return sb.toString();
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
