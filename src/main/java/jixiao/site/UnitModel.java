package jixiao.site;

import jixiao.content.Unit;
import jixiao.diagnostic.Finding;

import java.util.List;

/** A unit as an edition shows it: its projects in listing order and their totals. */
public record UnitModel(Unit unit, List<ProjectModel> projects, Totals totals, List<Finding> findings) {

    public UnitModel {
        projects = List.copyOf(projects);
        findings = List.copyOf(findings);
    }

    public String path() {
        return Paths.unit(unit.year(), unit.id());
    }
}
