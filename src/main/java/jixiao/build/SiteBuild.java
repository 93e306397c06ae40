package jixiao.build;

import jixiao.check.CheckMemo;
import jixiao.check.CheckResult;
import jixiao.compare.Edition;
import jixiao.content.YamlMemo;
import jixiao.diagnostic.IoReason;
import jixiao.output.OutputPaths;
import jixiao.output.OutputRefused;
import jixiao.parallel.Parallel;
import jixiao.output.SiteWriter;
import jixiao.render.Markdown;
import jixiao.render.SiteRenderer;
import jixiao.render.Templates;
import jixiao.site.FindingIndex;
import jixiao.site.FindingPlacement;
import jixiao.site.SiteModel;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The build after the check: the site model of each edition, its pages rendered with a {@link Look}, all
 * of it written into a new output folder and swapped in at once. What {@code jixiao build} runs, and (the
 * model and the look) what {@code jixiao serve} shares with it.
 */
public final class SiteBuild {

    /** What a build reports as it goes; {@link #step} is called from several threads. */
    public interface Progress {
        /** A phase with this many files begins. */
        void phase(String label, int files);

        /** One more file done. */
        void step();

        /** Nothing is going on now (before a message is printed). */
        void idle();
    }

    /**
     * A committed build.
     *
     * @param internalPages HTML pages of the internal edition
     * @param publicPages   HTML pages of the public edition
     * @param files         files written in all
     * @param keptAside     where the previous output was left because files no build wrote appeared in it
     *                      while this one ran; null when it was removed as usual
     * @param rendered      files rendered by this build; the others were carried over from the previous output
     * @param cacheNote     why the cache beside the output was not used, for a user who asks; null when it was, or there was none
     */
    public record Written(int internalPages, int publicPages, int files, Path keptAside, int rendered, String cacheNote) {
    }

    /** A build that wrote nothing: the previous output is as it was. The message says why, for the user. */
    public static final class Failed extends Exception {
        Failed(String message) {
            super(message, null, false, false);
        }
    }

    private SiteBuild() {
    }

    /** The site model of one edition for a check result. */
    public static SiteModel model(CheckResult result, Edition edition) {
        return SiteModel.build(result, FindingIndex.of(result.findings()), edition);
    }

    /**
     * Whether a build may use the cache beside its output ({@link BuildCache}), and the jixiao version it keys on.
     *
     * @param use     false for a full build ({@code build} without {@code --incremental}): the cache is neither read nor written
     * @param version jixiao's version; a cache of another version is ignored
     * @param yaml    the YAML trees of the last build's content files, for the check before the build; written again
     *                with the rest of the cache; null when not kept
     * @param checks  the findings of the last build's per-project text checks, likewise; null when not kept
     */
    public record Cache(boolean use, String version, YamlCache yaml, CheckCache checks) {
        public static final Cache NONE = new Cache(false, "", null, null);

        /** The cache of an incremental build into {@code outDir}, its YAML trees and findings read. */
        public static Cache incremental(Path outDir, String version) {
            try {
                Path out = OutputPaths.targetOf(outDir);
                YamlCache yaml = YamlCache.open(out, version);
                return new Cache(true, version, yaml, CheckCache.open(out, version, yaml));
            } catch (IOException e) {
                return new Cache(true, version, null, null); // the build itself says why it cannot place the output
            }
        }

        /** What the check before the build may take its YAML trees from. */
        public YamlMemo parsed() {
            return yaml == null ? YamlMemo.NONE : yaml;
        }

        /** What the check before the build may take the findings of its per-project text checks from. */
        public CheckMemo found() {
            return checks == null ? CheckMemo.NONE : checks;
        }
    }

    /**
     * A check result ready to render: with {@code placed} (not null), each project's findings already placed by its
     * file ({@link FindingPlacement#placeAll}), so that the result need not keep the source positions placing reads.
     */
    public record Ready(CheckResult result, Map<String, FindingPlacement> placed) {
        /** {@code result} as it is: the findings are placed as each edition's model is made. */
        public static Ready asIs(CheckResult result) {
            return new Ready(result, null);
        }
    }

    /**
     * {@code result} with its findings placed and then its projects' source positions dropped: a full build renders
     * with less memory (100,000 projects: ~75 MB less live data through both editions). Not for an incremental build,
     * whose cache hashes the content with its positions.
     */
    public static Ready ready(CheckResult result) {
        Map<String, FindingPlacement> placed = FindingPlacement.placeAll(result.content(), FindingIndex.of(result.findings()));
        return new Ready(result.withoutPositions(), placed);
    }

    /** {@link #write(Ready, Path, Path, Progress, Cache)} of {@code result} as it is. */
    public static Written write(CheckResult result, Path templatesDir, Path outDir, Progress progress, Cache cache) throws Failed {
        return write(Ready.asIs(result), templatesDir, outDir, progress, cache);
    }

    /**
     * Renders both editions of {@code result} (a check without failing findings) into {@code outDir}, with
     * the templates of {@code templatesDir} (null for the built-in ones). With a cache, a file whose recorded
     * inputs are the same as in the previous build is carried over from the previous output, not rendered:
     * the output is byte for byte what a full build writes.
     *
     * @throws Failed when nothing could be written: the output folder refused, a template error, a failed write
     */
    public static Written write(Ready ready, Path templatesDir, Path outDir, Progress progress, Cache cache) throws Failed {
        CheckResult result = ready.result();
        try (Look look = Look.of(templatesDir)) {
            Markdown markdown = new Markdown(0);
            int[] pages = new int[Edition.values().length];
            int files = 0;
            // Both editions go into one new tree beside the old output, swapped in together by commit();
            // any failure before that leaves the old output as it was.
            try (SiteWriter site = SiteWriter.begin(outDir)) {
                Incremental incremental = cache.use()
                        ? Incremental.start(result, cache.version(), templatesDir == null ? "built-in" : Look.fingerprint(templatesDir),
                        OutputPaths.targetOf(outDir), cache.yaml(), cache.checks())
                        : null;
                for (Edition edition : Edition.values()) {
                    SiteModel model = SiteModel.build(result, FindingIndex.of(result.findings()), edition, ready.placed());
                    List<SiteRenderer.Job> jobs = SiteRenderer.jobs(model, look.templates(), markdown, look.css());
                    progress.phase("正在生成" + edition.label(), jobs.size());
                    if (incremental == null) {
                        // One job at a time per core: a year's report takes thousands of times longer than a project page.
                        Parallel.forEach(jobs, 1, job -> {
                            site.write(edition.key() + "/" + job.path(), job.content()::writeTo);
                            progress.step();
                        });
                    } else {
                        incremental.write(edition, model, jobs, site, progress);
                    }
                    for (SiteRenderer.Job job : jobs) if (job.page()) pages[edition.ordinal()]++;
                    files += jobs.size();
                }
                progress.idle();
                // The cache describes the output about to be replaced: gone before the swap, written again after it.
                if (incremental != null) incremental.beforeCommit();
                else {
                    BuildCache.delete(BuildCache.folderFor(OutputPaths.targetOf(outDir)));
                    YamlCache.delete(BuildCache.folderFor(OutputPaths.targetOf(outDir)));
                    CheckCache.delete(BuildCache.folderFor(OutputPaths.targetOf(outDir)));
                    PieceCache.delete(BuildCache.folderFor(OutputPaths.targetOf(outDir)));
                }
                site.commit();
                String note = incremental == null ? null : incremental.afterCommit();
                return new Written(pages[Edition.INTERNAL.ordinal()], pages[Edition.PUBLIC.ordinal()], files, site.keptAside(),
                        incremental == null ? files : incremental.rendered(), note);
            }
        } catch (OutputRefused | IllegalArgumentException e) {
            progress.idle();
            throw new Failed(e.getMessage());
        } catch (IOException | RuntimeException e) {
            // An I/O failure may come wrapped (a template engine writing into a full disk): name it for what it is.
            IOException io = IoReason.cause(e);
            if (io == null && !Templates.isTemplateError(e)) throw (RuntimeException) e; // an IOException is its own cause
            progress.idle();
            throw new Failed((io != null ? writeFailure(outDir, io) : "模板出错：" + e.getMessage()) + "；原有输出保持不变。");
        }
    }

    /** What a failed write says: where, and why in the system's terms (a full disk, a missing permission). */
    private static String writeFailure(Path outDir, IOException e) {
        String where = e instanceof FileSystemException fse && fse.getFile() != null ? fse.getFile() : outDir.toString();
        return "写入 " + where + " 失败：" + IoReason.of(e);
    }
}
