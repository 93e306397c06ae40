package jixiao.serve;

import jixiao.output.Folders;
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
 * <p>A saved project file (or its narrative) is read again on its own, re-checked, and only the files
 * it can alter ({@link Affected}) are rendered again; anything else (site.yaml, a year's or unit's
 * files, a file that appears or disappears, the templates) rebuilds everything. Files are rendered
 * when first asked for, except the changed projects' own pages, which are ready before the change
 * is announced. Content with errors keeps the last pages built without errors.
 */
final class LiveSite implements Closeable {

    static final String CSS_RESOURCE = "/jixiao/site/site.css";
    static final String CSS_OVERRIDE = "site.css";
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
    private final List<Path> classFolders = new ArrayList<>();

    private Templates templates;
    private byte[] css;
    private String templateProblem;

    private CheckResult current;
    private Set<String> files = Set.of();
    private String contentProblem;

    private SiteModel model;
    private Map<String, LazyFile> pages = Map.of();
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
        Templates pageTemplates = templates;
        byte[] stylesheet = css;
        if (site == null || renderAll || state.hasErrors() || problem() != null) return () -> { };
        List<Year> years = state.content().years();
        Optional<Project> project = years.isEmpty() ? Optional.empty() : years.get(years.size() - 1).projects().findFirst();
        if (project.isEmpty()) return () -> { };
        ProjectKey key = ProjectKey.of(project.get());
        String path = key.year() + "/" + key.unitId() + "/" + key.id() + ".yaml";
        return () -> {
            for (int i = 0; i < WARM_UPS && !stop.getAsBoolean(); i++) {
                Optional<SiteModel> patched = recheck(state, listed, path).flatMap(r -> ModelPatch.apply(site, r, Set.of(key)));
                if (patched.isEmpty()) return;
                SiteRenderer.Job page = Affected.jobs(patched.get(), new SiteRenderer.Parts(patched.get(), pageTemplates, markdown, stylesheet), Set.of(key))
                        .get(Paths.project(key.year(), key.unitId(), key.id()));
                if (page != null) page.content().bytes();
            }
        };
    }

    // ------------------------------------------------------------------ pages

    private Snapshot publish() {
        String problem = problem();
        if (problem == null && !current.hasErrors()) render();
        snapshot = Snapshot.of(++version, pages, current.findings(), problem);
        return snapshot;
    }

    private String problem() {
        if (templateProblem == null) return contentProblem;
        return contentProblem == null ? templateProblem : contentProblem + "\n" + templateProblem;
    }

    /** Brings {@link #pages} up to date with {@link #current}, which has no errors. */
    private void render() {
        if (model == null || rebuildModel) {
            model = SiteModel.build(current, FindingIndex.of(current.findings()), Edition.INTERNAL);
            renderAll = true;
        } else if (!dirty.isEmpty()) {
            Optional<SiteModel> patched = ModelPatch.apply(model, current, dirty);
            if (patched.isPresent()) {
                model = patched.get();
            } else {
                model = SiteModel.build(current, FindingIndex.of(current.findings()), Edition.INTERNAL);
                renderAll = true;
            }
        }
        rebuildModel = false;
        Map<String, LazyFile> next = null;
        if (!renderAll) {
            next = new HashMap<>(pages);
            Map<String, SiteRenderer.Job> affected = Affected.jobs(model, new SiteRenderer.Parts(model, templates, markdown, css), dirty);
            for (SiteRenderer.Job job : affected.values()) next.put(job.path(), new LazyFile(job.content()::bytes));
            // A page that was not there before: the change was more than replacing projects after all.
            if (next.size() != pages.size()) next = null;
        }
        if (next == null) {
            List<SiteRenderer.Job> jobs = SiteRenderer.jobs(model, templates, markdown, css);
            next = new HashMap<>(jobs.size() * 4 / 3 + 1);
            for (SiteRenderer.Job job : jobs) next.put(job.path(), new LazyFile(job.content()::bytes));
        } else {
            // The page an editor is looking at is ready before the browser is told to reload it.
            for (ProjectKey key : dirty) {
                LazyFile page = next.get(Paths.project(key.year(), key.unitId(), key.id()));
                try {
                    if (page != null) page.bytes();
                } catch (RuntimeException e) {
                    // Reported when the page is asked for.
                }
            }
        }
        renderAll = false;
        dirty.clear();
        pages = next;
    }

    private void loadTemplates() throws IOException {
        if (templatesDir == null) {
            templates = Templates.precompiled();
            css = resource(CSS_RESOURCE);
            return;
        }
        // jte recompiles a template whose file changed when it next renders: give it a copy that does not
        // change, so that pages not rendered yet still render with the templates they were built with.
        for (String page : Templates.PAGES) {
            if (!Files.isRegularFile(templatesDir.resolve(page))) throw new IllegalArgumentException("模板文件夹 " + templatesDir + " 中缺少 " + page);
        }
        Path work = Files.createTempDirectory("jixiao-serve-templates-");
        classFolders.add(work);
        Path copy = work.resolve("templates");
        copyTree(templatesDir, copy);
        Templates t = Templates.fromDirectory(copy, work.resolve("classes"));
        t.prepare();
        Path own = copy.resolve(CSS_OVERRIDE);
        byte[] stylesheet = Files.isRegularFile(own) ? Files.readAllBytes(own) : resource(CSS_RESOURCE);
        templates = t;
        css = stylesheet;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path rel = from.relativize(dir);
                if (!rel.toString().isEmpty() && DirectorySource.isHidden(rel.toString().replace('\\', '/'))) return FileVisitResult.SKIP_SUBTREE;
                Files.createDirectories(to.resolve(rel.toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path rel = from.relativize(file);
                if (attrs.isRegularFile() && !DirectorySource.isHidden(rel.toString().replace('\\', '/'))) Files.copy(file, to.resolve(rel.toString()));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = LiveSite.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("程序包中缺少 " + name);
            return in.readAllBytes();
        }
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
        for (Path folder : classFolders) Folders.deleteQuietly(folder);
        classFolders.clear();
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
