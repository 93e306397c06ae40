package jixiao.content;

import java.util.List;

/**
 * One 部门预算项目绩效自评表, as written. Figures are kept as the editor typed them;
 * computing and comparing them is the job of {@code jixiao.score} and {@code jixiao.check}.
 *
 * @param moneyUnit the project's 金额单位, already defaulted from site.yaml
 * @param narrative the project's .md, or null
 * @param sources   where each value of the YAML file was written
 */
public record Project(
        int year,
        String unitId,
        String id,
        String name,
        String implementingUnit,
        String filingDepartment,
        Integer order,
        String moneyUnit,
        Status status,
        Budget budget,
        List<Goal> goals,
        List<Indicator> indicators,
        Stated stated,
        String problems,
        Contact contact,
        String internal,
        Narrative narrative,
        SourceMap sources) {

    public Project {
        goals = List.copyOf(goals);
        indicators = List.copyOf(indicators);
    }

    public boolean isDraft() {
        return status == Status.DRAFT;
    }

    public String file() {
        return sources.file();
    }

    /** This project with no source positions: only its file is kept (see {@link Content#withoutPositions}). */
    Project withoutPositions() {
        return new Project(year, unitId, id, name, implementingUnit, filingDepartment, order, moneyUnit, status, budget, goals,
                indicators, stated, problems, contact, internal, narrative, SourceMap.empty(sources.file()));
    }
}
