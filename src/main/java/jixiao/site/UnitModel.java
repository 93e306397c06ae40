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

    // Each read notes what it gives for ModelReads, not the whole unit: every report part names every unit, and
    // an edit to one project must not make them all depend on it.

    /**
     * The unit's own fields. A rendering may read its content projects' ids through it (how many are left out as
     * drafts), nothing else of them: the build cache takes a unit read this way as its own fields and its projects'
     * ids ({@code jixiao.build.ModelParts}); a project's content is read through {@link #projects()}.
     */
    @Override
    public Unit unit() {
        return ModelReads.note(unit);
    }

    /** The projects in listing order; reading one of them notes it again, on its own. */
    @Override
    public List<ProjectModel> projects() {
        return ModelReads.note(projects);
    }

    @Override
    public Totals totals() {
        return ModelReads.note(totals);
    }

    /** Notes the unit model itself: an empty list of findings is one object shared by many units. */
    @Override
    public List<Finding> findings() {
        return ModelReads.note(this).findings;
    }

    public String path() {
        return Paths.unit(unit.year(), unit.id());
    }
}
