package jixiao.site;

import jixiao.content.Project;
import jixiao.score.ProjectScore;

import java.util.List;

/**
 * A project as an edition shows it.
 *
 * @param findings its findings placed on the form's rows; {@link FindingPlacement#NONE} in the public edition
 * @param years    the same project id in every year of the edition, this one included, oldest first
 *                 (it may sit in another unit in another year)
 */
public record ProjectModel(Project project, ProjectScore score, FindingPlacement findings, List<ProjectRef> years) {

    public ProjectModel {
        years = List.copyOf(years);
    }

    // Each read notes what it gives for ModelReads, not the whole project: a year's report.docx reads every project's
    // form but not its other years, so a project renamed in 2021 leaves the 2020 files that do not show its history as
    // they were. Findings note the project model itself (FindingPlacement.NONE is one object shared by thousands).

    @Override
    public Project project() {
        return ModelReads.note(project);
    }

    @Override
    public ProjectScore score() {
        return ModelReads.note(score);
    }

    @Override
    public FindingPlacement findings() {
        return ModelReads.note(this).findings;
    }

    @Override
    public List<ProjectRef> years() {
        return ModelReads.note(years);
    }

    public String path() {
        return Paths.project(project.year(), project.unitId(), project.id());
    }

    /** The same project id in the edition's other years, oldest first. */
    public List<ProjectRef> otherYears() {
        return years().stream().filter(r -> r.year() != project.year()).toList();
    }

    /** Where a project id appears in one year, with its score there (which holds the project). */
    public record ProjectRef(int year, String unitId, String unitName, String name, String path, ProjectScore score) {
    }
}
