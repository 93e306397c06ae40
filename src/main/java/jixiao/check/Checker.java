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

/** The check stage: load, resolve the rules, score every project and collect every finding. */
public final class Checker {

    private Checker() {
    }

    public static CheckResult check(ContentSource source) throws IOException {
        ContentLoader.Result loaded = ContentLoader.load(source);
        Content content = loaded.content();
        List<Finding> findings = new ArrayList<>(loaded.findings());
        RulesProfile profile = RulesProfile.resolve(content.site().rules(), findings::add);
        Scorer scorer = new Scorer(profile);

        List<Project> projects = content.years().stream().flatMap(y -> y.projects()).toList();
        // Scoring and checking one project needs nothing from another: use every core.
        List<Scored> scored = projects.parallelStream().map(p -> scoreAndCheck(p, scorer, profile)).toList();
        Map<String, ProjectScore> scores = new HashMap<>();
        for (Scored s : scored) {
            scores.put(CheckResult.key(s.score().project()), s.score());
            findings.addAll(s.findings());
        }
        NarrativeChecks.check(content, findings::add);
        return new CheckResult(content, profile, scores, findings);
    }

    private record Scored(ProjectScore score, List<Finding> findings) {
    }

    private static Scored scoreAndCheck(Project project, Scorer scorer, RulesProfile profile) {
        ProjectScore score = scorer.score(project);
        List<Finding> findings = new ArrayList<>();
        ProjectChecks.check(project, score, profile, findings::add);
        return new Scored(score, findings);
    }

}
