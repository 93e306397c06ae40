package jixiao.serve;

import jixiao.build.EditionFiles;
import jixiao.build.Look;
import jixiao.build.ModelPatch;
import jixiao.build.ProjectKey;
import jixiao.build.RenderedFile;
import jixiao.build.SiteBuild;
import jixiao.check.CheckResult;
import jixiao.check.Checker;
import jixiao.content.ContentLayout;
import jixiao.content.ContentLoader;
import jixiao.content.ContentSource;
import jixiao.content.DirectorySource;
import jixiao.content.Project;
import jixiao.content.Year;
import jixiao.diagnostic.Finding;
import jixiao.diagnostic.Severity;
import jixiao.render.Markdown;
import jixiao.render.SiteRenderer;
import jixiao.render.Templates;
import jixiao.compare.Edition;
import jixiao.site.FindingIndex;
import jixiao.site.Paths;
import jixiao.site.SiteModel;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * The internal edition of a content folder, kept up to date as its files change: the state behind
 * {@code jixiao serve}. Not thread-safe: one thread starts it and applies every change; what it gives
 * out ({@link Snapshot}) is immutable.
 *
 * <p>A saved project file (or its narrative) is read again on its own, re-checked, the site model patched
 * ({@link ModelPatch}), and only the files that read a part of the model the patch replaced are rendered
 * again ({@link EditionFiles}); anything else (site.yaml, a year's or unit's
 * files, a file that appears or disappears, the templates) rebuilds everything. Files are rendered
 * when first asked for, except the changed projects' own pages, which are ready before the change
 * is announced. Content with errors keeps the last pages built without errors.
 */
final class LiveSite implements Closeable {

    /** More changed project files than this at once (a git checkout, a search and replace): rebuild everything. */
    static final int MAX_RELOADS = 100;
    private static final int MAX_LOGGED_ERRORS = 10;
    /** Saves' worth of work done ahead ({@link #warmUp}): about as many as the JIT took to settle on 10,000 projects. */
    static final int WARM_UPS = 30;

    private final Path contentDir;
    private final ListingSource source;
    private final Path templatesDir;
    private final PrintStream log;
    private final Markdown markdown = new Markdown(0);
    /**
     * Every look loaded, by its folder's {@link Look#fingerprint}, closed with the site: pages made with an
     * earlier one may still be rendering, and templates put back as they were (an error undone) need no
     * compiling again.
     */
    private final Map<String, Look> looks = new HashMap<>();

    private Look look;
    private String templateProblem;

    private CheckResult current;
    private Set<String> files = Set.of();
    private String contentProblem;

    private SiteModel model;
    private EditionFiles pages;
    private final Set<ProjectKey> dirty = new LinkedHashSet<>();
    private boolean rebuildModel = true;
    private boolean renderAll = true;

    private long version;
    private Snapshot snapshot;

    /**
     * @param templatesDir a folder of the user's own templates, or null for the built-in ones
     * @param log          where each rebuild is reported in a line or two
     */
    LiveSite(Path contentDir, Path templatesDir, PrintStream log) {
        this.contentDir = contentDir.toAbsolutePath().normalize();
        this.source = new ListingSource(new DirectorySource(this.contentDir));
        this.templatesDir = templatesDir;
        this.log = log;
    }

    /**
     * Reads the templates and the whole content folder.
     *
     * @throws IllegalArgumentException when a page template is missing
     * @throws RuntimeException         a template error ({@link Templates#isTemplateError}) when one does not compile
     * @throws IOException              when the content or templates folder cannot be read
     */
    Snapshot start() throws IOException {
        long started = System.nanoTime();
        loadTemplates();
        current = Checker.check(source);
        files = source.listed();
        Snapshot s = publish();
        log.println("已读取 " + current.scores().size() + " 个项目：" + counts(current) + "；用时 " + millis(started) + " 毫秒。");
        logErrors(s);
        return s;
    }

    Snapshot snapshot() {
        return snapshot;
    }

    /** Applies one burst of changes; null when nothing in it concerns the site (an editor's temporary file). */
    Snapshot update(Changes changes) {
        long started = System.nanoTime();
        boolean any = false;
        if (changes.templates() && templatesDir != null) {
            any = true;
            try {
                loadTemplates();
                templateProblem = null;
                renderAll = true;
            } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
                templateProblem = "模板出错：" + e.getMessage();
            } catch (RuntimeException e) {
                if (!Templates.isTemplateError(e)) throw e;
                templateProblem = "模板出错：" + e.getMessage();
            }
        }
        Plan plan = changes.overflow() || contentProblem != null ? Plan.FULL : plan(changes.content());
        String what;
        if (plan.full()) {
            any = true;
            what = "内容";
            loadAll();
        } else {
            what = String.join("、", plan.projectFiles());
            for (String file : plan.projectFiles()) {
                any = true;
                if (!reload(file)) {
                    what += "（需要重新读取全部内容）";
                    loadAll();
                    break;
                }
            }
        }
        if (!any) return null;
        Snapshot s = publish();
        String time = LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"));
        if (changes.templates() && templatesDir != null) what = what.isEmpty() ? "模板" : "模板和" + what;
        if (s.current()) {
            log.println(time + " 已更新 " + what + "：" + counts(current) + "；用时 " + millis(started) + " 毫秒。");
        } else {
            log.println(time + " " + what + "：" + counts(current) + "，继续显示上次成功生成的页面。");
            logErrors(s);
        }
        return s;
    }

    // ------------------------------------------------------------------ content

    /** What a burst of changes needs: everything read again, or some project files. */
    private record Plan(boolean full, Set<String> projectFiles) {
        static final Plan FULL = new Plan(true, Set.of());
    }

    /**
     * A changed file that the content already had, and still has, is read again alone when it is a project
     * file or a project's narrative. A file that appears or disappears, or any other file, changes more than
     * one project's pages: read everything. Paths that neither were nor are content (an editor's temporary
     * file that came and went) are ignored.
     */
    private Plan plan(Set<String> changed) {
        Set<String> projects = new TreeSet<>();
        for (String path : changed) {
            if (path.isEmpty() || DirectorySource.isHidden(path)) continue;
            Path file = contentDir.resolve(path);
            boolean known = files.contains(path);
            if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                if (!isKnownFolder(path)) return Plan.FULL;
                continue;
            }
            boolean exists = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
            if (!known) {
                if (exists || isKnownFolder(path)) return Plan.FULL;
                continue;
            }
            if (!exists) return Plan.FULL;
            Optional<String> project = ContentLayout.projectFile(path).map(ContentLayout.ProjectPath::file)
                    .or(() -> ContentLayout.projectNarrative(path).map(ContentLayout.ProjectPath::file).filter(files::contains));
            if (project.isEmpty()) return Plan.FULL;
            projects.add(project.get());
        }
        if (projects.size() > MAX_RELOADS) return Plan.FULL;
        return new Plan(false, projects);
    }

    private boolean isKnownFolder(String path) {
        String prefix = path + "/";
        for (String f : files) if (f.startsWith(prefix)) return true;
        return false;
    }

    private void loadAll() {
        try {
            current = Checker.check(source);
            files = source.listed();
            contentProblem = null;
        } catch (IOException | UncheckedIOException e) {
            contentProblem = "读取内容失败：" + e.getMessage();
        }
        rebuildModel = true;
        dirty.clear();
    }

    /** Reads one project file again; false when its change needs the whole content checked again. */
    private boolean reload(String path) {
        Optional<CheckResult> next = recheck(current, files, path);
        if (next.isEmpty()) return false;
        current = next.get();
        dirty.add(ProjectKey.ofFile(path));
        return true;
    }

    /** {@code state} with one project file read and checked again; empty when that needs the whole content checked. */
    private Optional<CheckResult> recheck(CheckResult state, Set<String> listed, String path) {
        String narrative = path.substring(0, path.length() - ".yaml".length()) + ".md";
        ContentLoader.Reloaded reloaded = ContentLoader.reloadProject(source, state.content().site(), path,
                listed.contains(narrative) ? narrative : null);
        return Checker.recheck(state, reloaded, source);
    }

    /**
     * Work that makes the editor's first saves as fast as the later ones: it does what a save of one project
     * costs, {@link #WARM_UPS} times, on a project of the latest year that did not change, and keeps nothing.
     * Without it the JIT compiles that path during the first saves, which are then several times slower
     * (on 10,000 projects the first took 0.55 s, the thirtieth 0.1 s). The task works on the state of this
     * moment, which is immutable, so it can run on a thread of its own while changes are applied; it does
     * nothing when there is nothing to warm up (no pages yet, errors in the content). {@code stop} ends it
     * between steps.
     */
    Runnable warmUp(BooleanSupplier stop) {
        CheckResult state = current;
        SiteModel site = model;
        Set<String> listed = files;
        EditionFiles shown = pages;
        if (site == null || renderAll || shown == null || state.hasErrors() || problem() != null) return () -> { };
        List<Year> years = state.content().years();
        Optional<Project> project = years.isEmpty() ? Optional.empty() : years.get(years.size() - 1).projects().findFirst();
        if (project.isEmpty()) return () -> { };
        ProjectKey key = ProjectKey.of(project.get());
        String path = key.year() + "/" + key.unitId() + "/" + key.id() + ".yaml";
        return () -> {
            for (int i = 0; i < WARM_UPS && !stop.getAsBoolean(); i++) {
                Optional<SiteModel> patched = recheck(state, listed, path).flatMap(r -> ModelPatch.apply(site, r, Set.of(key)));
                if (patched.isEmpty()) return;
                RenderedFile page = shown.after(patched.get(), markdown).files().get(Paths.project(key.year(), key.unitId(), key.id()));
                if (page != null) page.bytes();
            }
        };
    }

    // ------------------------------------------------------------------ pages

    private Snapshot publish() {
        String problem = problem();
        if (problem == null && !current.hasErrors()) render();
        snapshot = Snapshot.of(++version, pages == null ? Map.of() : pages.files(), current.findings(), problem);
        return snapshot;
    }

    private String problem() {
        if (templateProblem == null) return contentProblem;
        return contentProblem == null ? templateProblem : contentProblem + "\n" + templateProblem;
    }

    /** Brings {@link #pages} up to date with {@link #current}, which has no errors. */
    private void render() {
        if (model == null || rebuildModel) {
            model = SiteBuild.model(current, Edition.INTERNAL);
            renderAll = true;
        } else if (!dirty.isEmpty()) {
            Optional<SiteModel> patched = ModelPatch.apply(model, current, dirty);
            if (patched.isPresent()) {
                model = patched.get();
            } else {
                model = SiteBuild.model(current, Edition.INTERNAL);
                renderAll = true;
            }
        }
        rebuildModel = false;
        // Files that read only what the patch kept stay as they are; the others are rendered again when asked for.
        pages = renderAll || pages == null ? EditionFiles.of(model, look, markdown) : pages.after(model, markdown);
        // The page an editor is looking at is ready before the browser is told to reload it.
        for (ProjectKey key : dirty) {
            RenderedFile page = pages.files().get(Paths.project(key.year(), key.unitId(), key.id()));
            try {
                if (page != null) page.bytes();
            } catch (RuntimeException e) {
                // Reported when the page is asked for.
            }
        }
        renderAll = false;
        dirty.clear();
    }

    /**
     * Loads the templates (again): a user's folder is compiled whole at once, and the compiled classes are
     * all that is read afterwards, so pages not rendered yet still render with the templates they were
     * made with while the user goes on editing.
     */
    private void loadTemplates() throws IOException {
        if (templatesDir == null) {
            look = Look.builtIn();
            return;
        }
        String fingerprint = Look.fingerprint(templatesDir);
        Look known = looks.get(fingerprint);
        if (known == null) {
            known = Look.of(templatesDir);
            // Kept for reuse only if nothing changed while it compiled; it is closed with the site either way.
            String after = Look.fingerprint(templatesDir);
            looks.put(after.equals(fingerprint) ? fingerprint : "changed while compiling " + looks.size(), known);
        }
        look = known;
    }

    // ------------------------------------------------------------------ log

    private static String counts(CheckResult r) {
        return r.count(Severity.ERROR) + " 个错误，" + r.count(Severity.WARNING) + " 个警告，" + r.count(Severity.INFO) + " 条提示";
    }

    private void logErrors(Snapshot s) {
        if (s.problem() != null) log.println(s.problem());
        List<Finding> errors = s.errors();
        for (int i = 0; i < Math.min(errors.size(), MAX_LOGGED_ERRORS); i++) log.println(errors.get(i).toCompilerLine());
        if (errors.size() > MAX_LOGGED_ERRORS) log.println("……还有 " + (errors.size() - MAX_LOGGED_ERRORS) + " 个错误，见浏览器中的提示。");
    }

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Override
    public void close() {
        for (Look l : looks.values()) l.close();
        looks.clear();
    }

    /** A content folder that remembers the file list of its last full read, so that it is walked once per rebuild. */
    private static final class ListingSource implements ContentSource {
        private final DirectorySource folder;
        private volatile List<String> listed = List.of();

        ListingSource(DirectorySource folder) {
            this.folder = folder;
        }

        Set<String> listed() {
            return Set.copyOf(listed);
        }

        @Override
        public List<String> files() throws IOException {
            return listing().files();
        }

        @Override
        public Listing listing() throws IOException {
            Listing listing = folder.listing();
            listed = listing.files();
            return listing;
        }

        @Override
        public byte[] read(String path) throws IOException {
            return folder.read(path);
        }

        @Override
        public String displayRoot() {
            return folder.displayRoot();
        }
    }
}
