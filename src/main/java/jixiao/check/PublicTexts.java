package jixiao.check;

import jixiao.content.Content;
import jixiao.content.Goal;
import jixiao.content.Indicator;
import jixiao.content.Narrative;
import jixiao.content.Project;
import jixiao.content.Report;
import jixiao.content.SourceMap;
import jixiao.content.Unit;
import jixiao.content.Year;
import jixiao.diagnostic.SourcePosition;

import java.util.ArrayList;
import java.util.List;

/**
 * Every text of the content that the public edition shows, with where it was written: titles and names,
 * goals, indicator texts, problems and narratives of everything but drafts. Stated figures, scores and
 * amounts are figures, not prose; contacts and internal notes never reach the public edition.
 */
final class PublicTexts {

    private PublicTexts() {
    }

    /**
     * One text.
     *
     * @param start    where the text starts: its YAML value, or line 1 of a narrative
     * @param markdown whether it is Markdown (its HTML comments are not published)
     * @param file     true when the text is a whole file (a narrative), so offsets give exact lines and columns
     */
    record Text(String text, SourcePosition start, boolean markdown, boolean file) {
    }

    static List<Text> of(Content content) {
        List<Text> texts = new ArrayList<>();
        SourceMap site = content.site().sources();
        add(texts, content.site().title(), site, "title");
        add(texts, content.site().organisation(), site, "organisation");
        for (Year year : content.years()) {
            Report report = year.report();
            add(texts, report.title(), report.sources(), "title");
            add(texts, report.department(), report.sources(), "department");
            add(texts, report.narrative());
            for (Unit unit : year.units()) {
                add(texts, unit.name(), unit.sources(), "name");
                add(texts, unit.narrative());
                for (Project p : unit.projects()) texts.addAll(of(p));
            }
        }
        return texts;
    }

    /** The public texts of one project; none for a draft, which the public edition leaves out. */
    static List<Text> of(Project p) {
        List<Text> texts = new ArrayList<>();
        if (p.isDraft()) return texts;
        SourceMap at = p.sources();
        add(texts, p.name(), at, "name");
        add(texts, p.implementingUnit(), at, "implementing_unit");
        add(texts, p.filingDepartment(), at, "filing_department");
        for (int i = 0; i < p.goals().size(); i++) {
            Goal g = p.goals().get(i);
            add(texts, g.expected(), at, "goals[" + i + "].expected");
            add(texts, g.achieved(), at, "goals[" + i + "].achieved");
        }
        for (Indicator ind : p.indicators()) {
            add(texts, ind.name(), at, ind.path() + ".name");
            add(texts, ind.definition(), at, ind.path() + ".definition");
            add(texts, ind.target(), at, ind.path() + ".target");
            add(texts, ind.actual(), at, ind.path() + ".actual");
            add(texts, ind.deviation(), at, ind.path() + ".deviation");
        }
        if (p.problems() != null && at.has("problems")) texts.add(new Text(p.problems(), at.at("problems"), true, false));
        add(texts, p.narrative());
        return texts;
    }

    /** A YAML value, when it was written (a name defaulted from an id was not). */
    private static void add(List<Text> texts, String text, SourceMap at, String path) {
        if (text != null && !text.isEmpty() && at.has(path)) texts.add(new Text(text, at.at(path), false, false));
    }

    private static void add(List<Text> texts, Narrative narrative) {
        if (narrative != null) texts.add(new Text(narrative.markdown(), new SourcePosition(narrative.file(), 1, 1), true, true));
    }
}
