package jixiao.check;

import jixiao.content.Content;
import jixiao.content.Narrative;
import jixiao.content.Project;
import jixiao.content.Problems;
import jixiao.content.Unit;
import jixiao.content.Year;
import jixiao.diagnostic.Finding;
import jixiao.parallel.Parallel;
import jixiao.narrative.Figure;
import jixiao.narrative.MalformedReference;
import jixiao.narrative.NarrativeParser;
import jixiao.narrative.NarrativeReference;
import jixiao.narrative.NarrativeReferences;
import jixiao.narrative.NarrativeTooComplexException;
import jixiao.narrative.ReferenceSyntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Narrative references ({@code {{ id.figure }}}, {@code {{ unit.figure }}}, {@code {{ report.figure }}})
 * must name something that exists, so that a build never prints a reference it cannot resolve.
 */
public final class NarrativeChecks {

    private static final NarrativeParser PARSER = new NarrativeParser();

    private NarrativeChecks() {
    }

    static void check(Content content, Problems out) {
        check(content, true, out);
    }

    /**
     * Checks every narrative of the content, on all cores when {@code parallel}. Findings are
     * reported on the calling thread, in the same order either way.
     */
    static void check(Content content, boolean parallel, Problems out) {
        List<Scoped> narratives = new ArrayList<>();
        for (Year year : content.years()) {
            Set<String> ids = year.projects().map(Project::id).collect(Collectors.toSet());
            add(narratives, year.report().narrative(), false, ids);
            for (Unit unit : year.units()) {
                add(narratives, unit.narrative(), true, ids);
                for (Project p : unit.projects()) add(narratives, p.narrative(), true, ids);
            }
        }
        Function<Scoped, List<Finding>> scan = n -> {
            List<Finding> local = new ArrayList<>();
            check(n.narrative(), n.unitInScope(), n.projectIds(), local::add);
            return local;
        };
        List<List<Finding>> found = parallel ? Parallel.map(narratives, 8, scan) : narratives.stream().map(scan).toList();
        for (List<Finding> local : found) local.forEach(out::report);
    }

    /** A narrative to scan and what its references may name. */
    private record Scoped(Narrative narrative, boolean unitInScope, Set<String> projectIds) {
    }

    /** Keeps only narratives that can hold a reference, so that the others are not even parsed. */
    private static void add(List<Scoped> narratives, Narrative narrative, boolean unitInScope, Set<String> projectIds) {
        if (narrative == null || !ReferenceSyntax.mayHoldReference(narrative.markdown())) return;
        narratives.add(new Scoped(narrative, unitInScope, projectIds));
    }

    /** The references in one project's narrative, as {@link #check(Content, Problems)} checks them within its year. */
    static void check(Year year, Project project, Problems out) {
        check(project.narrative(), true, year.projects().map(Project::id).collect(Collectors.toSet()), out);
    }

    private static void check(Narrative narrative, boolean unitInScope, Set<String> projectIds, Problems out) {
        if (narrative == null) return;
        NarrativeReferences found;
        try {
            found = PARSER.scan(narrative.markdown(), narrative.file());
        } catch (NarrativeTooComplexException e) {
            out.report(Finding.error("narrative-too-complex", e.position(),
                    "说明文字嵌套过深，无法按 Markdown 读取：请减少列表、引用或强调的嵌套层数。"));
            return;
        }
        for (MalformedReference m : found.malformed()) {
            out.report(Finding.error("malformed-reference", m.position(),
                    "无法识别的引用“" + m.text() + "”：引用须写成 {{ 项目编号.指标 }}、{{ unit.指标 }} 或 {{ report.指标 }}，"
                            + "如 {{ report.executed }}；若要原样显示“{{”，请放进反引号 `{{`。"));
        }
        for (NarrativeReference r : found.references()) {
            String problem = problem(r, unitInScope, projectIds);
            if (problem != null) out.report(Finding.error("unknown-reference", r.position(), problem));
        }
    }

    /** What is wrong with a well-formed reference, or null when it resolves. */
    private static String problem(NarrativeReference r, boolean unitInScope, Set<String> projectIds) {
        boolean total = r.scope().equals("unit") || r.scope().equals("report");
        if (r.scope().equals("unit") && !unitInScope) {
            return "引用 " + r + " 无效：年度报告 report.md 中没有“本单位”，请改用 {{ report." + r.figure() + " }} 或具体项目编号。";
        }
        if (!total && !projectIds.contains(r.scope())) {
            return "引用 " + r + " 无效：本年度没有编号为“" + r.scope() + "”的项目，请检查项目编号（即项目 .yaml 文件名）。";
        }
        List<String> allowed = Figure.keys(total);
        if (!allowed.contains(r.figure())) {
            return "引用 " + r + " 无效：没有名为“" + r.figure() + "”的指标，可用的有 " + String.join("、", allowed) + "。";
        }
        return null;
    }
}
