package jixiao.check;

import jixiao.content.Content;
import jixiao.content.ContentLoader;
import jixiao.content.Project;
import jixiao.content.Year;
import jixiao.diagnostic.Finding;
import jixiao.diagnostic.Severity;
import jixiao.score.ProjectScore;
import jixiao.score.RulesProfile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything checking gives the later stages: the content, the rules it was scored with,
 * every project's score and every finding, in report order.
 */
public record CheckResult(Content content, RulesProfile profile, Map<String, ProjectScore> scores, List<Finding> findings) {

    public CheckResult {
        scores = Map.copyOf(scores);
        findings = findings.stream().sorted(Finding.ORDER).toList();
    }

    /**
     * The findings in {@code file}, in report order: a range of {@link #findings}, which are sorted by file first, found
     * by binary search rather than by looking at every finding (serve asks on each save, of thousands of findings).
     */
    public List<Finding> in(String file) {
        int from = start(file);
        return findings.subList(from, end(from, file));
    }

    /** Where the findings in {@code file} begin, or would. */
    int start(String file) {
        int low = 0;
        int high = findings.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (findings.get(mid).position().file().compareTo(file) < 0) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    /** Where the findings in {@code file} that begin at {@code from} end. */
    int end(int from, String file) {
        int to = from;
        while (to < findings.size() && findings.get(to).position().file().equals(file)) to++;
        return to;
    }

    /** This result with the content's project source positions dropped ({@link Content#withoutPositions}). */
    public CheckResult withoutPositions() {
        Content slim = content.withoutPositions();
        // A score refers to its project: it must refer to the copy, or the copy saves nothing.
        Map<String, ProjectScore> rescored = new HashMap<>(scores);
        for (Year year : slim.years()) {
            year.projects().forEach(p -> {
                ProjectScore score = scores.get(key(p));
                if (score != null && score.project().file().equals(p.file())) rescored.put(key(p), score.withProject(p));
            });
        }
        return new CheckResult(slim, profile, rescored, findings);
    }

    static String key(Project project) {
        return project.year() + "/" + project.id();
    }

    public ProjectScore score(Project project) {
        ProjectScore score = scores.get(key(project));
        if (score == null) throw new IllegalArgumentException("not scored: " + key(project));
        return score;
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    /** Whether a build must stop: on errors, and with {@code --strict} on warnings too. */
    public boolean fails(boolean strict) {
        return hasErrors() || (strict && count(Severity.WARNING) > 0);
    }

    /**
     * Whether a content file could not be read: an I/O problem (exit 2, as README says), not a mistake
     * in the content, though it is listed, with its path and reason, among the findings.
     */
    public boolean unreadable() {
        return findings.stream().anyMatch(f -> f.code().equals(ContentLoader.READ_FAILED));
    }
}
