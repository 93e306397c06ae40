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
import java.util.function.Supplier;

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

    /**
     * One part of the public texts: made only when asked, and the project whose texts they are (null for the
     * site's, a year report's or a unit's).
     */
    record Part(Project project, Supplier<List<Text>> texts) {
    }

    /**
     * Every public text of the content, in parts: the site's, a year's report, a unit's, and
     * each project's, made only when asked. A check that scans them part by part holds the texts (and a position
     * for each) of the parts in hand, not of the whole content: at 100,000 projects 2.75 million texts, 180 MB.
     */
    static List<Part> parts(Content content) {
        List<Part> parts = new ArrayList<>();
        List<Text> site = new ArrayList<>();
        SourceMap siteSources = content.site().sources();
        add(site, content.site().title(), siteSources, "title");
        add(site, content.site().organisation(), siteSources, "organisation");
        parts.add(new Part(null, () -> site));
        for (Year year : content.years()) {
            Report report = year.report();
            List<Text> reportTexts = new ArrayList<>();
            add(reportTexts, report.title(), report.sources(), "title");
            add(reportTexts, report.department(), report.sources(), "department");
            add(reportTexts, report.narrative());
            parts.add(new Part(null, () -> reportTexts));
            for (Unit unit : year.units()) {
                List<Text> unitTexts = new ArrayList<>();
                add(unitTexts, unit.name(), unit.sources(), "name");
                add(unitTexts, unit.narrative());
                parts.add(new Part(null, () -> unitTexts));
                for (Project p : unit.projects()) parts.add(new Part(p, () -> of(p)));
            }
        }
        return parts;
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
