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

    // Any read of a unit notes the unit for ModelReads: it is replaced whole when one of its projects changes.

    @Override
    public Unit unit() {
        return ModelReads.note(this).unit;
    }

    @Override
    public List<ProjectModel> projects() {
        return ModelReads.note(this).projects;
    }

    @Override
    public Totals totals() {
        return ModelReads.note(this).totals;
    }

    @Override
    public List<Finding> findings() {
        return ModelReads.note(this).findings;
    }

    public String path() {
        return Paths.unit(unit.year(), unit.id());
    }
}
