package jixiao.build;

import jixiao.check.CheckResult;
import jixiao.compare.Edition;
import jixiao.content.Project;
import jixiao.content.Year;
import jixiao.output.FileStamp;
import jixiao.output.SiteWriter;
import jixiao.parallel.Parallel;
import jixiao.render.PieceMemo;
import jixiao.render.SiteRenderer;
import jixiao.site.ModelReads;
import jixiao.site.SiteModel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One build that uses the cache beside its output: it renders a file only when the model parts it read last
 * time ({@link ModelParts}) no longer hash the same, or the file is new, and otherwise carries the previous
 * output's file into the new tree ({@link SiteWriter#carry}). Every file it renders is recorded again, so the
 * cache it writes after the commit describes the new output whole.
 */
final class Incremental {

    /** Marks, in a concurrent map that holds no nulls, a file whose reads cannot be kept: rendered on every build. */
    private static final int[] NEVER = new int[0];
    /**
     * For a developer asking why an incremental build rendered so much ({@code -Djixiao.explainIncremental=true}): each
     * file it renders is printed to standard error with the parts it read last time that changed since.
     */
    private static final boolean EXPLAIN = Boolean.getBoolean("jixiao.explainIncremental");

    private final Path folder;
    private final Path out;
    /** The key of this build, or null when site.yaml or the rules profile cannot be hashed (no cache then). */
    private final String key;
    private final BuildCache.Loaded previous;
    private final PartHash hash;
    /** The YAML trees the check before this build read, written with the rest; null when not kept. */
    private final YamlCache yaml;
    /** The findings of the check's per-project text checks, written with the rest; null when not kept. */
    private final CheckCache checks;
    /** The pieces of files rendered a part at a time (report.docx); null when this build keeps no cache. */
    private final PieceCache pieces;
    private final List<BuildCache.Written> written = new ArrayList<>();
    private final AtomicInteger rendered = new AtomicInteger();

    private Incremental(Path out, String key, BuildCache.Loaded previous, PartHash hash, YamlCache yaml, CheckCache checks) {
        this.out = out;
        this.folder = BuildCache.folderFor(out);
        this.key = key;
        this.previous = previous;
        this.hash = hash;
        this.yaml = yaml;
        this.checks = checks;
        this.pieces = key == null ? null : PieceCache.open(folder, key);
    }

    /**
     * @param look what the templates and stylesheet are: "built-in", or the fingerprint of the user's folder
     * @param out  the output folder, absolute ({@code OutputPaths.targetOf}); the cache sits beside it
     * @param yaml the YAML trees the check read, to be written after the commit; null when not kept
     * @param checks the findings the check kept, to be written after the commit, with the hashes it worked out (the
     *             projects' and scores', not worked out again); null when not kept
     */
    static Incremental start(CheckResult result, String version, String look, Path out, YamlCache yaml, CheckCache checks) {
        PartHash hash = checks == null ? new PartHash() : checks.hash();
        String key;
        try {
            PartHash.Value site = hash.of(result.content().site());
            PartHash.Value profile = hash.of(result.profile());
            key = hex("version " + version + "\nlook " + look + "\nsite " + site + "\nprofile " + profile);
        } catch (PartHash.Unhashable e) {
            return new Incremental(out, null, BuildCache.Loaded.NONE, hash, yaml, checks);
        }
        // Each edition's parts hold the same projects and scores: hashed once, on all cores, before the first edition asks.
        List<Project> projects = result.content().years().stream().flatMap(Year::projects).toList();
        hash.rememberAll(projects);
        hash.rememberAll(projects.stream().map(result::score).toList());
        return new Incremental(out, key, BuildCache.read(BuildCache.folderFor(out), key), hash, yaml, checks);
    }

    /** Renders, or carries over from the previous output, every file of one edition of the build. */
    void write(Edition edition, SiteModel model, List<SiteRenderer.Job> jobs, SiteWriter site, SiteBuild.Progress progress) {
        ModelParts parts = ModelParts.of(model, hash);
        String shape = shape(edition, model, jobs);
        BuildCache.Edition known = previous.editions().get(edition.key());
        BuildCache.Edition before = known != null && known.shape().equals(shape) ? known : null;
        int[][] holding = before == null ? new int[0][] : holding(before, parts);
        Map<String, int[]> reads = new ConcurrentHashMap<>(jobs.size() * 4 / 3 + 1);
        // One job at a time per core: a year's report takes thousands of times longer than a project page.
        Parallel.forEach(jobs, 1, job -> {
            String path = edition.key() + "/" + job.path();
            BuildCache.Entry entry = before == null ? null : before.files().get(job.path());
            int[] kept = entry == null || entry.set() < 0 ? null : holding[entry.set()];
            if (kept != null && site.carry(path, entry.stamp())) {
                reads.put(job.path(), kept);
            } else {
                if (EXPLAIN) explain(path, before, entry, parts);
                // Rendered on this thread, so that every model part the rendering reads is noted.
                PieceMemo memo = pieces == null ? PieceMemo.NONE : pieces.forFile(edition.key(), job.path(), shape, parts);
                ModelReads.Recorded<Object> made = ModelReads.record(() -> {
                    PieceMemo.using(memo, () -> site.write(path, job.content()::writeTo));
                    return null;
                });
                int[] numbers = parts.numbersOf(made.reads());
                reads.put(job.path(), numbers == null ? NEVER : numbers);
                rendered.incrementAndGet();
            }
            progress.step();
        });
        Map<String, int[]> kept = new HashMap<>(reads.size() * 4 / 3 + 1);
        reads.forEach((path, numbers) -> kept.put(path, numbers == NEVER ? null : numbers));
        written.add(new BuildCache.Written(edition.key(), shape, parts, kept, null));
    }

    private static void explain(String path, BuildCache.Edition before, BuildCache.Entry entry, ModelParts parts) {
        StringBuilder why = new StringBuilder("rendered ").append(path).append(':');
        if (entry == null) why.append(" not in the cache (a new file, or no cache of this shape)");
        else if (entry.set() < 0) why.append(" rendered on every build");
        else {
            for (int r : before.sets()[entry.set()]) {
                int number = parts.number(before.names()[r]);
                if (number < 0 || !before.hashes()[r].equals(parts.hash(number))) why.append(' ').append(before.names()[r]);
            }
        }
        System.err.println(why);
    }

    /**
     * Each set of reads of the previous build that still holds (every part in it hashes as it did then), as the
     * numbers of those parts in {@code parts}, sorted; null for a set that no longer holds. Each part and each set
     * is looked at once, however many files share it.
     */
    private static int[][] holding(BuildCache.Edition before, ModelParts parts) {
        int[] now = new int[before.names().length];
        for (int i = 0; i < now.length; i++) {
            int number = parts.number(before.names()[i]);
            now[i] = number >= 0 && before.hashes()[i].equals(parts.hash(number)) ? number : -1;
        }
        int[][] holding = new int[before.sets().length][];
        for (int s = 0; s < holding.length; s++) {
            int[] set = before.sets()[s];
            int[] numbers = new int[set.length];
            boolean holds = true;
            for (int r = 0; r < set.length && holds; r++) {
                numbers[r] = now[set[r]];
                holds = numbers[r] >= 0;
            }
            if (!holds) continue;
            Arrays.sort(numbers);
            holding[s] = numbers;
        }
        return holding;
    }

    /**
     * What the files of an edition read without noting it, as one hash: the edition, the files there are in
     * their order (which years, units and projects, and how they are listed), and the site-wide findings.
     */
    private String shape(Edition edition, SiteModel model, List<SiteRenderer.Job> jobs) {
        StringBuilder text = new StringBuilder(jobs.size() * 40).append(edition.key()).append('\n');
        for (SiteRenderer.Job job : jobs) text.append(job.path()).append('\n');
        try {
            text.append(hash.of(model.siteFindings()));
        } catch (PartHash.Unhashable e) {
            text.append(System.nanoTime()); // never the same twice: nothing of this edition is reused
        }
        return hex(text.toString());
    }

    /** Removes the previous cache, just before the swap: it describes the output about to be replaced. */
    void beforeCommit() {
        BuildCache.delete(folder);
        PieceCache.delete(folder);
    }

    /**
     * Writes the cache of the output just committed; a cache that cannot be written only makes the next build a
     * full one. Returns a note on the previous cache for the user, or null.
     */
    String afterCommit() {
        // One after another: side by side on two cores they took twice as long (each is made whole in memory first,
        // and together they outgrew the heap the build keeps).
        if (yaml != null) yaml.write();
        if (checks != null) checks.write();
        if (pieces != null) pieces.write();
        writeBuildCache();
        if (key == null) return "site.yaml 或评分规则无法计算指纹，未使用生成缓存";
        return previous.note();
    }

    private void writeBuildCache() {
        if (key == null) return;
        try {
            List<BuildCache.Written> stamped = new ArrayList<>();
            for (BuildCache.Written edition : written) {
                List<String> paths = List.copyOf(edition.reads().keySet());
                List<FileStamp> stamps = Parallel.map(paths, 256, p -> FileStamp.of(out.resolve(edition.edition()).resolve(p)));
                Map<String, FileStamp> byPath = new HashMap<>(paths.size() * 4 / 3 + 1);
                for (int i = 0; i < paths.size(); i++) byPath.put(paths.get(i), stamps.get(i));
                stamped.add(new BuildCache.Written(edition.edition(), edition.shape(), edition.parts(), edition.reads(), byPath));
            }
            BuildCache.write(folder, key, stamped);
        } catch (IOException | RuntimeException e) {
            BuildCache.delete(folder);
        }
    }

    int rendered() {
        return rendered.get();
    }

    private static String hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
