package jixiao.compare;

import java.util.List;

/**
 * One year compared with another (2020 with 2021 of one tree), or a year with itself at two
 * revisions. A side's year is null when that side has no such year (a year added or removed
 * between revisions).
 *
 * @param totals    the year's totals (planned, received, executed, rate, project count) that differ
 * @param units     every unit of either side: the new side's in listing order, then removed ones in
 *                  the old side's order
 * @param projects  every project of either side, by the rank of its unit in {@code units}, then id;
 *                  a moved project is listed under its new unit
 * @param narrative the year's report.md
 * @param pending   how many of the later year's projects this edition does not show yet (drafts, in the public one):
 *                  left out of both sides, so that a project not yet final is never listed as deleted
 */
public record YearComparison(
        Integer fromYear,
        Integer toYear,
        List<Change> totals,
        List<UnitChange> units,
        List<ProjectChange> projects,
        NarrativeChange narrative,
        int pending) {

    public YearComparison {
        totals = List.copyOf(totals);
        units = List.copyOf(units);
        projects = List.copyOf(projects);
    }

    public boolean hasChanges() {
        return !totals.isEmpty() || !narrative.isEmpty()
                || units.stream().anyMatch(UnitChange::hasChanges)
                || projects.stream().anyMatch(ProjectChange::hasChanges);
    }

    public List<ProjectChange> changedProjects() {
        return projects.stream().filter(ProjectChange::hasChanges).toList();
    }

    public List<UnitChange> changedUnits() {
        return units.stream().filter(UnitChange::hasChanges).toList();
    }
}
