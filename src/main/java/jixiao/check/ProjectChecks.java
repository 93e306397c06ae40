package jixiao.check;

import jixiao.content.Problems;
import jixiao.content.Project;
import jixiao.score.ProjectScore;
import jixiao.score.RulesProfile;

import java.util.Objects;

/**
 * The figure checks of one project form: its amounts, the figures it states against those computed
 * from its budget and indicators, and its indicators against the rules profile. Every finding is
 * positioned at the value that holds the stated figure (or the key concerned) and says in Chinese
 * what is wrong, both figures, and how to fix it. Immutable and thread-safe.
 *
 * <p>Severities: the structure of the form (unknown keys) is an error; figures that contradict each
 * other are warnings; notes that change nothing on the form are info.
 */
public final class ProjectChecks {

    private final RulesProfile profile;

    public ProjectChecks(RulesProfile profile) {
        this.profile = Objects.requireNonNull(profile);
    }

    public static void check(Project project, ProjectScore score, RulesProfile profile, Problems out) {
        new ProjectChecks(profile).check(project, score, out);
    }

    public void check(Project project, ProjectScore score, Problems out) {
        BudgetChecks.check(project, out);
        StatedChecks.check(project, score, profile, out);
        StatedChecks.level1WithoutNumbers(project, score, profile, out);
        IndicatorChecks.check(project, score, profile, out);
    }
}
