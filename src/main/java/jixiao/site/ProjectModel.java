package jixiao.site;

import jixiao.content.Project;
import jixiao.score.ProjectScore;

import java.util.List;

/**
 * A project as an edition shows it.
 *
 * @param findings   its findings placed on the form's rows; {@link FindingPlacement#NONE} in the public edition
 * @param otherYears the same project id in the edition's other years, oldest first (it may sit in another unit there)
 */
public record ProjectModel(Project project, ProjectScore score, FindingPlacement findings, List<ProjectRef> otherYears) {

    public ProjectModel {
        otherYears = List.copyOf(otherYears);
    }

    public String path() {
        return Paths.project(project.year(), project.unitId(), project.id());
    }

    /** Where a project id appears in one year. */
    public record ProjectRef(int year, String unitId, String unitName, String name, String path) {
    }
}
