package jixiao.site;

import jixiao.compare.YearComparison;
import jixiao.content.Year;
import jixiao.diagnostic.Finding;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One year as an edition shows it.
 *
 * @param findings   findings in report.yaml and report.md (internal edition only)
 * @param hiddenIds  ids of the year's projects that this edition leaves out (drafts in the public edition),
 *                   so that a narrative's reference to one can say so instead of printing its figures
 * @param changes    what changed since the year before it in the content, as this edition shows it; null for the
 *                   first year
 */
public record YearModel(Year year, List<UnitModel> units, Totals totals, List<Finding> findings,
                        Map<String, ProjectModel> projectsById, Map<String, UnitModel> unitsById, Set<String> hiddenIds,
                        YearComparison changes) {

    public YearModel {
        units = List.copyOf(units);
        findings = List.copyOf(findings);
        projectsById = Map.copyOf(projectsById);
        unitsById = Map.copyOf(unitsById);
        hiddenIds = Set.copyOf(hiddenIds);
    }

    // Accessors note what they give for ModelReads: a file that read a year's totals depends on them.

    @Override
    public Year year() {
        return ModelReads.note(year);
    }

    /** The year's report.yaml and report.md: kept as they were when a project of the year changes. */
    public jixiao.content.Report report() {
        return ModelReads.note(year.report());
    }

    @Override
    public Totals totals() {
        return ModelReads.note(totals);
    }

    @Override
    public List<Finding> findings() {
        return ModelReads.note(findings);
    }

    @Override
    public Set<String> hiddenIds() {
        return ModelReads.note(hiddenIds);
    }

    @Override
    public YearComparison changes() {
        return ModelReads.note(changes);
    }

    public int number() {
        return year.year();
    }

    /** Whether the year has a changes page: every year but the first. */
    public boolean hasPrevious() {
        return changes != null;
    }

    public List<ProjectModel> projects() {
        return units.stream().flatMap(u -> u.projects().stream()).toList();
    }

    public Optional<ProjectModel> project(String id) {
        return Optional.ofNullable(projectsById.get(id));
    }

    /** Every finding of the year that this edition shows: the report's, the units' and the projects'. */
    public int findingCount() {
        return findings().size() + units.stream().mapToInt(u -> u.findings().size()
                + u.projects().stream().mapToInt(p -> p.findings().count()).sum()).sum();
    }
}
