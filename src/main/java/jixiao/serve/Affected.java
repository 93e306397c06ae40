package jixiao.serve;

import jixiao.content.Narrative;
import jixiao.content.Project;
import jixiao.site.Paths;
import jixiao.site.ProjectModel;
import jixiao.site.SiteModel;
import jixiao.site.UnitModel;
import jixiao.site.YearModel;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The files of an edition that a change of some projects can alter, everything else staying byte for
 * byte as it was:
 * <ul>
 *   <li>the project's page, its unit's page, and the pages of the same id in other years (they link to it);</li>
 *   <li>every file of its year's folder that is not a unit's (the year overview, report.html, downloads, and
 *       any other year page such as a comparison with the year before), and such other year pages of the
 *       later years (index, report and downloads of another year show nothing of this one);</li>
 *   <li>the home page (the years' totals);</li>
 *   <li>the pages of the year whose Markdown may print one of its figures: texts with {@code {{} that name the
 *       project, {@code report}, or (in its unit) {@code unit}.</li>
 * </ul>
 */
final class Affected {

    /** Year pages that show only their own year. */
    private static final Set<String> OWN_YEAR_FILES = Set.of("index.html", "report.html", "summary.csv", "data.json");

    private Affected() {
    }

    /**
     * @param site  the model after the change
     * @param files every file of the edition, by path
     */
    static Set<String> paths(SiteModel site, Set<ProjectKey> changed, Collection<String> files) {
        Set<String> out = new LinkedHashSet<>();
        for (ProjectKey key : changed) out.add(Paths.project(key.year(), key.unitId(), key.id()));
        out.add(Paths.HOME);
        for (ProjectKey key : changed) {
            out.add(Paths.unit(key.year(), key.unitId()));
            for (YearModel year : site.years()) {
                if (year.number() != key.year()) year.project(key.id()).ifPresent(p -> out.add(p.path()));
            }
        }
        for (ProjectKey key : changed) {
            site.years().stream().filter(y -> y.number() == key.year()).findFirst()
                    .ifPresent(year -> referring(year, key, out));
        }
        for (ProjectKey key : changed) {
            for (String file : files) {
                int slash = file.indexOf('/');
                if (slash < 0 || file.indexOf('/', slash + 1) >= 0) continue;
                int year;
                try {
                    year = Integer.parseInt(file.substring(0, slash));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (year == key.year() || (year > key.year() && !OWN_YEAR_FILES.contains(file.substring(slash + 1)))) out.add(file);
            }
        }
        return out;
    }

    /** Adds the unit and project pages of {@code year} whose Markdown may refer to a figure that {@code key} changes. */
    private static void referring(YearModel year, ProjectKey key, Set<String> out) {
        for (UnitModel unit : year.units()) {
            boolean own = unit.unit().id().equals(key.unitId());
            if (mayRefer(unit.unit().narrative(), key.id(), own)) out.add(unit.path());
            for (ProjectModel pm : unit.projects()) {
                Project p = pm.project();
                Narrative n = p.narrative();
                if (mayRefer(n == null ? null : n.markdown(), key.id(), own) || mayRefer(p.problems(), key.id(), own)
                        || mayRefer(p.internal(), key.id(), own)) {
                    out.add(pm.path());
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
