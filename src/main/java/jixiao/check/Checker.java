package jixiao.check;

import jixiao.content.Content;
import jixiao.content.ContentLoader;
import jixiao.content.ContentSource;
import jixiao.content.Project;
import jixiao.diagnostic.Finding;
import jixiao.score.ProjectScore;
import jixiao.score.RulesProfile;
import jixiao.score.Scorer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The check stage: load, resolve the rules, score every project and collect every finding. */
public final class Checker {

    private Checker() {
    }

    public static CheckResult check(ContentSource source) throws IOException {
        return check(source, true);
    }

    /**
     * Checks on all cores when {@code parallel}, else on the calling thread only. The result is the
     * same either way: every stage keeps its input order and findings are sorted.
     */
    public static CheckResult check(ContentSource source, boolean parallel) throws IOException {
        ContentLoader.Result loaded = ContentLoader.load(source, parallel);
        Content content = loaded.content();
        List<Finding> findings = new ArrayList<>(loaded.findings());
        RulesProfile profile = RulesProfile.resolve(content.site().rules(), findings::add);
        Scorer scorer = new Scorer(profile);
        ProjectChecks checks = new ProjectChecks(profile);

        List<Project> projects = content.years().stream().flatMap(y -> y.projects()).toList();
        // Scoring and checking one project needs nothing from another: use every core.
        Stream<Project> stream = parallel ? projects.parallelStream() : projects.stream();
        List<Scored> scored = stream.map(p -> scoreAndCheck(p, scorer, checks)).toList();
        Map<String, ProjectScore> scores = new HashMap<>(scored.size() * 4 / 3 + 1);
        for (Scored s : scored) {
            scores.put(CheckResult.key(s.score().project()), s.score());
            findings.addAll(s.findings());
        }
        NarrativeChecks.check(content, parallel, findings::add);
        return new CheckResult(content, profile, scores, findings);
    }

    private record Scored(ProjectScore score, List<Finding> findings) {
    }

    private static Scored scoreAndCheck(Project project, Scorer scorer, ProjectChecks checks) {
        ProjectScore score = scorer.score(project);
        List<Finding> findings = new ArrayList<>();
        checks.check(project, score, findings::add);
        return new Scored(score, findings);
    }

}
