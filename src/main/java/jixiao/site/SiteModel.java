package jixiao.site;

import jixiao.check.CheckResult;
import jixiao.compare.Comparer;
import jixiao.compare.Edition;
import jixiao.compare.YearComparison;
import jixiao.content.Project;
import jixiao.content.Site;
import jixiao.content.Unit;
import jixiao.content.Year;
import jixiao.diagnostic.Finding;
import jixiao.score.ProjectScore;
import jixiao.score.RulesProfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The site of one edition: the years, units and projects it shows, their totals, links between
 * years, each year compared with the one before it, and (internal edition) the findings placed
 * where they belong. Built from the check
 * stage's result; nothing here knows about HTML.
 *
 * @param siteFindings findings in site.yaml and in files that belong to no year, unit or project; internal edition only
 */
public record SiteModel(Edition edition, Site site, RulesProfile profile, List<YearModel> years, List<Finding> siteFindings) {

    public SiteModel {
        years = List.copyOf(years);
        siteFindings = List.copyOf(siteFindings);
    }

    public static SiteModel build(CheckResult result, FindingIndex index, Edition edition) {
        return build(result, index, edition, null);
    }

    /**
     * The model, with each project's findings placed as in {@code placed} (by the project's file, as
     * {@link FindingPlacement#placeAll} gives them) instead of placed here; null to place them here, which
     * needs the content's source positions.
     */
    public static SiteModel build(CheckResult result, FindingIndex index, Edition edition, Map<String, FindingPlacement> placed) {
        Site site = result.content().site();
        RulesProfile profile = result.profile();
        boolean withFindings = edition.showsFindings();

        // Where each project id appears in this edition, by year: for links between years.
        Map<String, List<ProjectModel.ProjectRef>> refsById = new HashMap<>();
        for (Year year : result.content().years()) {
            for (Unit unit : year.units()) {
                for (Project p : unit.projects()) {
                    if (!edition.includes(p)) continue;
                    refsById.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(new ProjectModel.ProjectRef(
                            year.year(), unit.id(), unit.name(), p.name(), Paths.project(year.year(), unit.id(), p.id()),
                            result.score(p)));
                }
            }
        }

        List<YearModel> years = new ArrayList<>();
        Set<String> claimed = new HashSet<>();
        // Scores come from the check, not scored again for the comparison.
        // The comparison takes each year's sums from its totals rather than adding up every project again.
        Map<Year, Totals> yearTotals = new IdentityHashMap<>();
        Comparer comparer = Comparer.of(site, result::score, edition, y -> Totals.sums(yearTotals.get(y)));
        Year previous = null;
        for (Year year : result.content().years()) {
            List<UnitModel> units = new ArrayList<>();
            Map<String, ProjectModel> byId = new LinkedHashMap<>();
            Map<String, UnitModel> unitsById = new LinkedHashMap<>();
            Set<String> hidden = new HashSet<>();
            for (Unit unit : year.units()) {
                List<ProjectModel> projects = new ArrayList<>();
                List<ProjectScore> scores = new ArrayList<>();
                for (Project p : unit.projects()) {
                    claimed.add(p.file());
                    if (p.narrative() != null) claimed.add(p.narrative().file());
                    if (!edition.includes(p)) {
                        hidden.add(p.id());
                        continue;
                    }
                    ProjectScore score = result.score(p);
                    FindingPlacement placement = !withFindings ? FindingPlacement.NONE
                            : placed != null ? placed.getOrDefault(p.file(), FindingPlacement.NONE)
                            : FindingPlacement.of(p, index);
                    ProjectModel model = new ProjectModel(p, score, placement, refsById.getOrDefault(p.id(), List.of()));
                    projects.add(model);
                    scores.add(score);
                    byId.put(p.id(), model);
                }
                claimed.add(unit.sources().file());
                if (unit.narrative() != null) claimed.add(unit.narrative().file());
                List<Finding> unitFindings = new ArrayList<>();
                if (withFindings) {
                    unitFindings.addAll(index.in(unit.sources().file()));
                    if (unit.narrative() != null) unitFindings.addAll(index.in(unit.narrative().file()));
                }
                UnitModel um = new UnitModel(unit, projects, Totals.of(scores, site.moneyUnit(), profile), unitFindings);
                units.add(um);
                unitsById.put(unit.id(), um);
            }
            claimed.add(year.report().sources().file());
            if (year.report().narrative() != null) claimed.add(year.report().narrative().file());
            List<Finding> yearFindings = new ArrayList<>();
            if (withFindings) {
                yearFindings.addAll(index.in(year.report().sources().file()));
                if (year.report().narrative() != null) yearFindings.addAll(index.in(year.report().narrative().file()));
            }
            Totals totals = Totals.combine(units.stream().map(UnitModel::totals).toList(), site.moneyUnit(), profile);
            yearTotals.put(year, totals);
            YearComparison changes = previous == null ? null : comparer.year(previous, year);
            years.add(new YearModel(year, units, totals, yearFindings, byId, unitsById, hidden, changes));
            previous = year;
        }
        // site.yaml and files that belong to no year, unit or project (a stray file, a folder that is not a year).
        List<Finding> siteFindings = withFindings ? index.outside(claimed) : List.of();
        return new SiteModel(edition, site, profile, years, siteFindings);
    }

    /** The year before {@code year} in the content (not necessarily the calendar year before), if any. */
    public Optional<YearModel> previous(YearModel year) {
        int i = years.indexOf(year);
        return i > 0 ? Optional.of(years.get(i - 1)) : Optional.empty();
    }
}
