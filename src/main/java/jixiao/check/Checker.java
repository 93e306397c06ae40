package jixiao.check;

import jixiao.content.Content;
import jixiao.content.ContentLoader;
import jixiao.content.ContentSource;
import jixiao.content.Narrative;
import jixiao.content.Project;
import jixiao.content.Unit;
import jixiao.content.YamlMemo;
import jixiao.content.YamlReader;
import jixiao.content.Year;
import jixiao.diagnostic.Finding;
import jixiao.parallel.Parallel;
import jixiao.score.ProjectScore;
import jixiao.score.RulesProfile;
import jixiao.score.Scorer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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
        return check(source, parallel, YamlMemo.NONE);
    }

    /** {@link #check(ContentSource, boolean)}, with YAML trees parsed before taken from {@code memo}. */
    public static CheckResult check(ContentSource source, boolean parallel, YamlMemo memo) throws IOException {
        return check(source, parallel, memo, CheckMemo.NONE);
    }

    /**
     * {@link #check(ContentSource, boolean, YamlMemo)}, with the findings of the checks that read one project's texts
     * taken from {@code found} when it holds them for the same inputs.
     */
    public static CheckResult check(ContentSource source, boolean parallel, YamlMemo memo, CheckMemo found) throws IOException {
        ContentLoader.Result loaded = ContentLoader.load(source, parallel, memo);
        Content content = loaded.content();
        List<Finding> findings = new ArrayList<>(loaded.findings());
        RulesProfile profile = RulesProfile.resolve(content.site().rules(), findings::add);
        Scorer scorer = new Scorer(profile);
        ProjectChecks checks = new ProjectChecks(profile);

        List<Project> projects = content.years().stream().flatMap(y -> y.projects()).toList();
        // Scoring and checking one project needs nothing from another: use every core.
        List<Scored> scored = parallel ? Parallel.map(projects, 32, p -> scoreAndCheck(p, scorer, checks))
                : projects.stream().map(p -> scoreAndCheck(p, scorer, checks)).toList();
        Map<String, ProjectScore> scores = new HashMap<>(scored.size() * 4 / 3 + 1);
        for (Scored s : scored) {
            scores.put(CheckResult.key(s.score().project()), s.score());
            findings.addAll(s.findings());
        }
        NarrativeChecks.check(content, parallel, findings::add);
        // One reader for both: a file read again to place a finding inside a YAML value is read once.
        Function<String, String> text = sourceText(source);
        found.prepare(projects);
        found.prepare(scored.stream().map(Scored::score).toList());
        PublicTextChecks.check(content, text, parallel, findings::add, found);
        ProseClaimChecks.check(content, scores, text, parallel, findings::add, found);
        return new CheckResult(content, profile, scores, findings);
    }

    /**
     * The text of a content file by its display path ({@code content/2020/unit/project.yaml}), read again when
     * asked (only to place a finding inside a YAML value), or null when it cannot be read.
     */
    private static Function<String, String> sourceText(ContentSource source) {
        Map<String, Optional<String>> read = new ConcurrentHashMap<>();
        String prefix = source.displayRoot() + "/";
        return display -> read.computeIfAbsent(display, d -> {
            if (!d.startsWith(prefix)) return Optional.empty();
            try {
                return YamlReader.decode(source.read(d.substring(prefix.length())), d, f -> { });
            } catch (IOException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    /**
     * {@code previous} with one project file read again ({@link ContentLoader#reloadProject}): the project
     * re-scored and re-checked, its findings replaced, everything else kept. Gives what {@link #check}
     * gives for the same files, or empty when that cannot be had without checking the whole tree (its
     * id is used by another project of the year; it appeared or disappeared while a narrative of the
     * year refers to it, or its contact changed, which any public text may hold). The prose that can state the
     * project's figures (the year's report.md, its unit's unit.md) is checked again with it, so findings there
     * change too. {@code source} is read again only to place a finding inside a value of the project's file.
     */
    public static Optional<CheckResult> recheck(CheckResult previous, ContentLoader.Reloaded reloaded, ContentSource source) {
        Content content = reloaded.applyTo(previous.content());
        Optional<Year> year = content.year(reloaded.year());
        if (year.isEmpty() || year.get().units().stream().noneMatch(u -> u.id().equals(reloaded.unitId()))) return Optional.empty();
        Optional<Project> before = previous.content().year(reloaded.year()).stream().flatMap(Year::projects)
                .filter(p -> p.unitId().equals(reloaded.unitId()) && p.id().equals(reloaded.id())).findFirst();
        // Duplicate ids are reported by comparing files; leave them to a whole check.
        boolean sameIdElsewhere = year.get().projects()
                .anyMatch(p -> p.id().equals(reloaded.id()) && !p.unitId().equals(reloaded.unitId()));
        if (sameIdElsewhere) return Optional.empty();
        if (before.isPresent() != reloaded.project().isPresent() && refersTo(year.get(), reloaded.id())) return Optional.empty();
        // Every public text is checked against every contact: a changed contact may be anywhere.
        if (!Objects.equals(before.map(Project::contact), reloaded.project().map(Project::contact))) return Optional.empty();

        Set<String> files = new HashSet<>();
        files.add(reloaded.file());
        if (reloaded.narrativeFile() != null) files.add(reloaded.narrativeFile());
        before.map(Project::narrative).ifPresent(n -> files.add(n.file()));
        List<Finding> findings = new ArrayList<>(reloaded.findings());
        Map<String, ProjectScore> scores = new HashMap<>(previous.scores());
        Function<String, String> text = sourceText(source);
        before.ifPresent(p -> scores.remove(CheckResult.key(p)));
        if (reloaded.project().isPresent()) {
            Project p = reloaded.project().get();
            Scored s = scoreAndCheck(p, new Scorer(previous.profile()), new ProjectChecks(previous.profile()));
            scores.put(CheckResult.key(p), s.score());
            findings.addAll(s.findings());
            NarrativeChecks.check(year.get(), p, findings::add);
            findings.addAll(PublicTextChecks.check(p, content, text));
        }
        // Prose states the figures of the projects it speaks of: the year's report.md of all, the unit's unit.md of the
        // unit's, the project's texts of its own. Those are checked again (their findings may change when the name or a
        // figure does, and the pages that show them with them); no other text of the year speaks of this project.
        Unit unit = year.get().units().stream().filter(u -> u.id().equals(reloaded.unitId())).findFirst().orElseThrow();
        ProseClaimChecks.Around prose = ProseClaimChecks.around(content, year.get(), unit, reloaded.project().orElse(null), scores, text);
        findings.removeIf(f -> ProseClaimChecks.isClaimFinding(f) && prose.files().contains(f.position().file()));
        findings.addAll(prose.findings());
        findings.addAll(kept(previous, files, prose.files()));
        return Optional.of(new CheckResult(content, previous.profile(), scores, findings));
    }

    /**
     * The previous findings that still hold: all but those in {@code replaced} (files read and checked again) and the
     * prose-claim findings in {@code claimsChecked}. The findings are sorted by file, so each file's are a range: only
     * those ranges are looked at, not every finding of the content.
     */
    private static List<Finding> kept(CheckResult previous, Set<String> replaced, Set<String> claimsChecked) {
        List<Finding> all = previous.findings();
        Map<Integer, String> ranges = new TreeMap<>(); // by where they start; a file without findings has no range
        Set<String> files = new HashSet<>(replaced);
        files.addAll(claimsChecked);
        for (String file : files) {
            int start = previous.start(file);
            if (previous.end(start, file) > start) ranges.put(start, file);
        }
        List<Finding> kept = new ArrayList<>(all.size());
        int at = 0;
        for (Map.Entry<Integer, String> range : ranges.entrySet()) {
            int start = range.getKey();
            String file = range.getValue();
            int end = previous.end(start, file);
            kept.addAll(all.subList(at, start));
            if (!replaced.contains(file)) {
                for (Finding f : all.subList(start, end)) if (!ProseClaimChecks.isClaimFinding(f)) kept.add(f);
            }
            at = end;
        }
        kept.addAll(all.subList(at, all.size()));
        return kept;
    }

    /** Whether any narrative of the year (other than the project's own) might refer to project {@code id}. */
    private static boolean refersTo(Year year, String id) {
        List<Narrative> narratives = new ArrayList<>();
        narratives.add(year.report().narrative());
        for (Unit u : year.units()) {
            narratives.add(u.narrative());
            for (Project p : u.projects()) if (!p.id().equals(id)) narratives.add(p.narrative());
        }
        return narratives.stream().anyMatch(n -> n != null && n.markdown().contains(id));
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
