package jixiao.serve;

import jixiao.content.Narrative;
import jixiao.content.Project;
import jixiao.render.SiteRenderer;
import jixiao.site.ProjectModel;
import jixiao.site.SiteModel;
import jixiao.site.UnitModel;
import jixiao.site.YearModel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The files of an edition that a change of some projects can alter, everything else staying byte for
 * byte as it was:
 * <ul>
 *   <li>the project's page, its unit's page, and the pages of the same id in other years (they link to it);</li>
 *   <li>every file of its year's folder that is not a unit's (the year overview, report.html, downloads, and
 *       any other year page, such as a comparison with the year before), and such other year pages of the
 *       later years (the overview, report and downloads of another year show nothing of this one);</li>
 *   <li>the home page (the years' totals);</li>
 *   <li>the pages of the year whose Markdown may print one of its figures: texts with {@code {{} that name the
 *       project, {@code report}, or (in its unit) {@code unit}.</li>
 * </ul>
 */
final class Affected {

    /** Year files that show only their own year. */
    private static final Set<String> OWN_YEAR_FILES = Set.of("index.html", "report.html", "summary.csv", "data.json");

    private Affected() {
    }

    /**
     * The files to render again, by path, the changed projects' own pages first.
     *
     * @param site the model after the change
     */
    static Map<String, SiteRenderer.Job> jobs(SiteModel site, SiteRenderer.Parts parts, Set<ProjectKey> changed) {
        Map<String, SiteRenderer.Job> out = new LinkedHashMap<>();
        for (ProjectKey key : changed) {
            year(site, key.year()).ifPresent(y -> project(y, key.id(), parts, out));
        }
        add(out, parts.home());
        for (SiteRenderer.Job job : parts.siteWide()) add(out, job);
        for (ProjectKey key : changed) {
            Optional<YearModel> year = year(site, key.year());
            if (year.isEmpty()) continue;
            UnitModel unit = year.get().unitsById().get(key.unitId());
            if (unit != null) add(out, parts.unit(year.get(), unit));
            for (YearModel other : site.years()) if (other != year.get()) project(other, key.id(), parts, out);
            referring(year.get(), key, parts, out);
            for (SiteRenderer.Job job : parts.year(year.get())) add(out, job);
            for (YearModel later : site.years()) {
                if (later.number() <= key.year()) continue;
                for (SiteRenderer.Job job : parts.year(later)) {
                    if (!OWN_YEAR_FILES.contains(job.path().substring(job.path().lastIndexOf('/') + 1))) add(out, job);
                }
            }
        }
        return out;
    }

    private static Optional<YearModel> year(SiteModel site, int number) {
        return site.years().stream().filter(y -> y.number() == number).findFirst();
    }

    private static void project(YearModel year, String id, SiteRenderer.Parts parts, Map<String, SiteRenderer.Job> out) {
        ProjectModel p = year.projectsById().get(id);
        if (p == null) return;
        UnitModel unit = year.unitsById().get(p.project().unitId());
        if (unit != null) add(out, parts.project(year, unit, p));
    }

    private static void add(Map<String, SiteRenderer.Job> out, SiteRenderer.Job job) {
        out.putIfAbsent(job.path(), job);
    }

    /** Adds the unit and project pages of {@code year} whose Markdown may refer to a figure that {@code key} changes. */
    private static void referring(YearModel year, ProjectKey key, SiteRenderer.Parts parts, Map<String, SiteRenderer.Job> out) {
        for (UnitModel unit : year.units()) {
            boolean own = unit.unit().id().equals(key.unitId());
            if (mayRefer(unit.unit().narrative(), key.id(), own)) add(out, parts.unit(year, unit));
            for (ProjectModel pm : unit.projects()) {
                Project p = pm.project();
                if (mayRefer(p.narrative(), key.id(), own) || mayRefer(p.problems(), key.id(), own)
                        || mayRefer(p.internal(), key.id(), own)) {
                    add(out, parts.project(year, unit, pm));
                }
            }
        }
    }

    private static boolean mayRefer(Narrative narrative, String id, boolean ownUnit) {
        return narrative != null && mayRefer(narrative.markdown(), id, ownUnit);
    }

    /** Whether {@code text} may hold {@code {{ id.… }}}, {@code {{ report.… }}} or (in the project's unit) {@code {{ unit.… }}}. */
    static boolean mayRefer(String text, String id, boolean ownUnit) {
        if (text == null || !text.contains("{{")) return false;
        return text.contains(id) || text.contains("report") || (ownUnit && text.contains("unit"));
    }
}
