package jixiao.build;

import jixiao.check.CheckResult;
import jixiao.content.Narrative;
import jixiao.content.Project;
import jixiao.content.Unit;
import jixiao.content.Year;
import jixiao.diagnostic.Finding;
import jixiao.score.ProjectScore;
import jixiao.compare.Comparer;
import jixiao.compare.Edition;
import jixiao.compare.YearComparison;
import jixiao.site.FindingPlacement;
import jixiao.site.Paths;
import jixiao.site.ProjectModel;
import jixiao.site.SiteModel;
import jixiao.site.Totals;
import jixiao.site.UnitModel;
import jixiao.site.YearModel;

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
 * A site model with some projects replaced, everything else taken from the previous model: what
 * {@link SiteModel#build} gives for the new check result, without placing the findings of every
 * other project again (that is most of the cost of building a model), and comparing again with the
 * year before only the changed projects (and their units). {@code ServeIncrementalTest} holds it to
 * that: the pages of a patched model equal those of a model built from scratch. What it does not
 * replace it keeps, the same objects, which is how {@link EditionFiles} knows which files still hold.
 */
public final class ModelPatch {

    private ModelPatch() {
    }

    /**
     * @param changed projects whose files were read again since {@code old} was built; everything else
     *                in {@code result} is as it was then
     * @return empty when the change is more than replacing projects (a project that appears, disappears
     * or moves, a year or unit that is new), and the model must be built from scratch
     */
    public static Optional<SiteModel> apply(SiteModel old, CheckResult result, Set<ProjectKey> changed) {
        Edition edition = old.edition();
        List<Year> years = result.content().years();
        if (years.size() != old.years().size() || result.content().site() != old.site() || result.profile() != old.profile()) {
            return Optional.empty();
        }
        Set<String> changedIds = new HashSet<>();
        for (ProjectKey key : changed) changedIds.add(key.id());
        Map<String, List<Finding>> findings = findings(result, changed);
        List<YearModel> models = new ArrayList<>();
        for (int i = 0; i < years.size(); i++) {
            Year year = years.get(i);
            YearModel before = old.years().get(i);
            if (before.number() != year.year() || before.units().size() != year.units().size()) return Optional.empty();
            // Units with a changed project, or with a project of a changed id (its links to other years change).
            Set<String> units = new HashSet<>();
            for (ProjectKey key : changed) if (key.year() == year.year()) units.add(key.unitId());
            for (String id : changedIds) {
                ProjectModel shown = before.projectsById().get(id);
                if (shown != null) units.add(shown.project().unitId());
                if (before.hiddenIds().contains(id)) return Optional.empty();
            }
            if (units.isEmpty()) {
                models.add(before);
                continue;
            }
            Optional<YearModel> patched = year(before, year, result, changed, changedIds, units, findings, edition);
            if (patched.isEmpty()) return Optional.empty();
            models.add(patched.get());
        }
        // A year's comparison with the year before it includes a changed project when either year has it.
        Set<Integer> changedYears = new HashSet<>();
        for (ProjectKey key : changed) changedYears.add(key.year());
        Comparer comparer = null;
        for (int i = 1; i < years.size(); i++) {
            if (!changedYears.contains(years.get(i).year()) && !changedYears.contains(years.get(i - 1).year())) continue;
            if (comparer == null) {
                // Each year's sums for the comparison are in its (patched) totals: no second pass over every project.
                Map<Year, Totals> totals = new IdentityHashMap<>();
                for (YearModel m : models) totals.put(m.year(), m.totals());
                comparer = Comparer.of(old.site(), result::score, edition, y -> Totals.sums(totals.get(y)));
            }
            YearModel m = models.get(i);
            YearComparison changes = comparer.year(years.get(i - 1), years.get(i), old.years().get(i).changes(), changedIds);
            models.set(i, new YearModel(m.year(), m.units(), m.totals(), m.findings(), m.projectsById(), m.unitsById(),
                    m.hiddenIds(), changes));
        }
        return Optional.of(new SiteModel(edition, old.site(), old.profile(), models, old.siteFindings()));
    }

    /**
     * The findings in the changed projects' files, and in the report and unit files of their years (a project's
     * figures and name are stated in its year's report.md and its unit's unit.md, whose findings change with them), by
     * file, in report order.
     */
    private static Map<String, List<Finding>> findings(CheckResult result, Set<ProjectKey> changed) {
        Map<String, List<Finding>> byFile = new HashMap<>();
        Set<Integer> years = new HashSet<>();
        for (ProjectKey key : changed) years.add(key.year());
        for (Year year : result.content().years()) {
            if (!years.contains(year.year())) continue;
            for (String file : files(year.report().sources().file(), year.report().narrative())) byFile.put(file, new ArrayList<>());
            for (Unit unit : year.units()) {
                for (String file : files(unit.sources().file(), unit.narrative())) byFile.put(file, new ArrayList<>());
                for (Project p : unit.projects()) {
                    if (!changed.contains(ProjectKey.of(p))) continue;
                    for (String file : files(p.file(), p.narrative())) byFile.put(file, new ArrayList<>());
                }
            }
        }
        for (Map.Entry<String, List<Finding>> file : byFile.entrySet()) file.getValue().addAll(result.in(file.getKey()));
        return byFile;
    }

    private static List<String> files(String file, Narrative narrative) {
        return narrative == null ? List.of(file) : List.of(file, narrative.file());
    }

    /**
     * The findings of a report's or unit's files as {@link SiteModel#build} lists them; {@code old} itself when they
     * are the same, so that the files that showed them are kept.
     */
    private static List<Finding> placed(Map<String, List<Finding>> findings, String file, Narrative narrative, List<Finding> old,
                                        Edition edition) {
        if (!edition.showsFindings()) return old;
        List<Finding> now = new ArrayList<>();
        for (String f : files(file, narrative)) now.addAll(findings.getOrDefault(f, List.of()));
        return now.equals(old) ? old : now;
    }

    private static Optional<YearModel> year(YearModel before, Year year, CheckResult result, Set<ProjectKey> changed,
                                            Set<String> changedIds, Set<String> changedUnits,
                                            Map<String, List<Finding>> findings, Edition edition) {
        List<UnitModel> units = new ArrayList<>();
        Map<String, ProjectModel> byId = new LinkedHashMap<>();
        Map<String, UnitModel> unitsById = new LinkedHashMap<>();
        Set<String> hidden = new HashSet<>();
        boolean scoresChanged = false;
        for (Unit unit : year.units()) {
            UnitModel oldUnit = before.unitsById().get(unit.id());
            if (oldUnit == null) return Optional.empty();
            List<Finding> unitFindings = placed(findings, unit.sources().file(), unit.narrative(), oldUnit.findings(), edition);
            if (!changedUnits.contains(unit.id())) {
                for (Project p : unit.projects()) if (!edition.includes(p)) hidden.add(p.id());
                for (ProjectModel pm : oldUnit.projects()) byId.put(pm.project().id(), pm);
                UnitModel kept = unitFindings == oldUnit.findings() ? oldUnit
                        : new UnitModel(unit, oldUnit.projects(), oldUnit.totals(), unitFindings);
                units.add(kept);
                unitsById.put(unit.id(), kept);
                continue;
            }
            List<ProjectModel> projects = new ArrayList<>();
            List<ProjectScore> scores = new ArrayList<>();
            boolean unitScoresChanged = false;
            for (Project p : unit.projects()) {
                ProjectModel oldModel = before.projectsById().get(p.id());
                boolean included = edition.includes(p);
                boolean wasIncluded = oldModel != null && oldModel.project().unitId().equals(unit.id());
                // A project that appears, disappears or changes whether this edition shows it changes the page set.
                if (included ? !wasIncluded : !before.hiddenIds().contains(p.id())) return Optional.empty();
                if (!included) {
                    hidden.add(p.id());
                    continue;
                }
                ProjectModel model;
                if (changed.contains(ProjectKey.of(p))) {
                    ProjectScore score = result.score(p);
                    FindingPlacement placed = edition.showsFindings()
                            ? FindingPlacement.of(p, findings.getOrDefault(p.file(), List.of()),
                            p.narrative() == null ? List.of() : findings.getOrDefault(p.narrative().file(), List.of()))
                            : FindingPlacement.NONE;
                    model = new ProjectModel(p, score, placed, refs(result, p.id(), edition));
                    unitScoresChanged = true;
                } else if (changedIds.contains(p.id())) {
                    model = new ProjectModel(oldModel.project(), oldModel.score(), oldModel.findings(),
                            refs(result, p.id(), edition));
                } else {
                    model = oldModel;
                }
                projects.add(model);
                scores.add(model.score());
                byId.put(p.id(), model);
            }
            if (projects.size() != oldUnit.projects().size()) return Optional.empty();
            UnitModel um = new UnitModel(unit, projects,
                    unitScoresChanged ? Totals.of(scores, result.content().site().moneyUnit(), result.profile()) : oldUnit.totals(),
                    unitFindings);
            scoresChanged |= unitScoresChanged;
            units.add(um);
            unitsById.put(unit.id(), um);
        }
        Totals totals = scoresChanged
                ? Totals.combine(units.stream().map(UnitModel::totals).toList(), result.content().site().moneyUnit(), result.profile())
                : before.totals();
        List<Finding> yearFindings = placed(findings, year.report().sources().file(), year.report().narrative(), before.findings(), edition);
        return Optional.of(new YearModel(year, units, totals, yearFindings, byId, unitsById, hidden, before.changes()));
    }

    /** Where project {@code id} appears in the edition's years, this one included, as {@link SiteModel#build} lists them. */
    private static List<ProjectModel.ProjectRef> refs(CheckResult result, String id, Edition edition) {
        List<ProjectModel.ProjectRef> refs = new ArrayList<>();
        for (Year year : result.content().years()) {
            for (Unit unit : year.units()) {
                for (Project p : unit.projects()) {
                    if (!p.id().equals(id) || !edition.includes(p)) continue;
                    refs.add(new ProjectModel.ProjectRef(year.year(), unit.id(), unit.name(), p.name(),
                            Paths.project(year.year(), unit.id(), p.id()), result.score(p)));
                }
            }
        }
        return refs;
    }
}
