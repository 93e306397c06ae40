package jixiao.build;

import jixiao.render.Markdown;
import jixiao.render.PageBuilder;
import jixiao.render.SiteRenderer;
import jixiao.site.ModelReads;
import jixiao.site.ProjectModel;
import jixiao.site.SiteModel;
import jixiao.site.UnitModel;
import jixiao.site.YearModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every file of one edition, each rendered when first asked for and kept with what it read: what
 * {@code serve} shows. {@link #after} gives the files of a patched model, keeping every rendered file
 * whose reads the new model still holds. No list of which page shows what is kept by hand: a new kind
 * of page or download is tracked as soon as it reads the model.
 */
public final class EditionFiles {

    private final SiteModel model;
    private final Look look;
    private final Map<String, RenderedFile> files;
    /** The paths of each year's own files ({@link SiteRenderer.Parts#year}) by year: what a patched year's files are held to. */
    private final Map<Integer, Set<String>> yearPaths;

    private EditionFiles(SiteModel model, Look look, Map<String, RenderedFile> files, Map<Integer, Set<String>> yearPaths) {
        this.model = model;
        this.look = look;
        this.files = files;
        this.yearPaths = yearPaths;
    }

    /** The files of {@code model}, none rendered yet. */
    public static EditionFiles of(SiteModel model, Look look, Markdown markdown) {
        List<SiteRenderer.Job> jobs = SiteRenderer.jobs(model, look.templates(), markdown, look.css());
        Map<String, RenderedFile> files = new HashMap<>(jobs.size() * 4 / 3 + 1);
        for (SiteRenderer.Job job : jobs) files.put(job.path(), RenderedFile.of(job.content()::bytes));
        SiteRenderer.Parts parts = new SiteRenderer.Parts(model, look.templates(), markdown, look.css());
        Map<Integer, Set<String>> yearPaths = new HashMap<>();
        for (YearModel year : model.years()) yearPaths.put(year.number(), paths(parts.year(year)));
        return new EditionFiles(model, look, files, Map.copyOf(yearPaths));
    }

    /**
     * The files of {@code next}, a model patched from this one's ({@code ModelPatch}) and rendered with the
     * same look: a rendered file that read only parts {@code next} still holds is kept as it is, any other
     * is made again (and rendered when asked for). The site's files, its years, units and projects must be
     * the same in both; when the file paths differ this renders everything afresh.
     *
     * <p>A save costs what it touched, not the size of the site: only the parts the patch replaced (a year, a
     * unit, a project: a different object in {@code next}) are listed again, and each is held to the paths it
     * had. Every other file not kept is rendered from the whole list of {@code next}'s files, which is made the
     * first time one of them is asked for (a page the editor opens next), not on the save.
     */
    public EditionFiles after(SiteModel next, Markdown markdown) {
        if (next.edition() != model.edition() || next.site() != model.site() || next.profile() != model.profile()
                || next.years().size() != model.years().size()) {
            return of(next, look, markdown);
        }
        SiteRenderer.Parts parts = new SiteRenderer.Parts(next, look.templates(), markdown, look.css());
        Map<String, SiteRenderer.Job> remade = new HashMap<>();
        List<SiteRenderer.Job> siteWide = new ArrayList<>(parts.siteWide());
        siteWide.add(parts.home());
        siteWide.add(parts.css());
        for (SiteRenderer.Job job : siteWide) remade.put(job.path(), job);
        for (int i = 0; i < next.years().size(); i++) {
            YearModel was = model.years().get(i);
            YearModel now = next.years().get(i);
            if (was == now) continue;
            if (was.number() != now.number() || was.units().size() != now.units().size()) return of(next, look, markdown);
            // A year's own files depend on more than its projects (the changes page is cut into parts by how many changed).
            List<SiteRenderer.Job> yearJobs = parts.year(now);
            Set<String> paths = paths(yearJobs);
            if (!paths.equals(yearPaths.get(now.number()))) return of(next, look, markdown);
            for (SiteRenderer.Job job : yearJobs) remade.put(job.path(), job);
            for (int u = 0; u < now.units().size(); u++) {
                UnitModel before = was.units().get(u);
                UnitModel unit = now.units().get(u);
                if (before == unit) continue;
                if (!before.path().equals(unit.path()) || before.projects().size() != unit.projects().size()) return of(next, look, markdown);
                remade.put(unit.path(), parts.unit(now, unit));
                for (int p = 0; p < unit.projects().size(); p++) {
                    ProjectModel project = unit.projects().get(p);
                    ProjectModel old = before.projects().get(p);
                    if (project == old) continue;
                    String path = project.path();
                    if (!path.equals(old.path())) return of(next, look, markdown);
                    remade.put(path, parts.project(now, unit, project));
                }
            }
        }
        Supplier<Map<String, SiteRenderer.Job>> all = new AllJobs(next, look, markdown);
        Set<Object> nextParts = null;
        Function<String, Object> nextFacts = null;
        Map<String, RenderedFile> kept = new HashMap<>(files.size() * 4 / 3 + 1);
        for (Map.Entry<String, RenderedFile> e : files.entrySet()) {
            String path = e.getKey();
            RenderedFile old = e.getValue();
            if (old.rendered()) {
                if (nextParts == null) {
                    nextParts = ModelReads.parts(next);
                    nextFacts = PageBuilder.derivedFact(next);
                }
                if (old.holdsFor(nextParts, nextFacts)) {
                    kept.put(path, old);
                    continue;
                }
            }
            SiteRenderer.Job job = remade.get(path);
            kept.put(path, job != null ? RenderedFile.of(job.content()::bytes) : RenderedFile.of(() -> all.get().get(path).content().bytes()));
        }
        return new EditionFiles(next, look, kept, yearPaths); // a changed year's paths are the same, or all is afresh
    }

    private static Set<String> paths(List<SiteRenderer.Job> jobs) {
        Set<String> paths = new HashSet<>();
        for (SiteRenderer.Job job : jobs) paths.add(job.path());
        return Set.copyOf(paths);
    }

    /** Every job of a model by path, listed once, the first time a file asks. */
    private static final class AllJobs implements Supplier<Map<String, SiteRenderer.Job>> {
        private SiteModel model;
        private Look look;
        private Markdown markdown;
        private Map<String, SiteRenderer.Job> jobs;

        AllJobs(SiteModel model, Look look, Markdown markdown) {
            this.model = model;
            this.look = look;
            this.markdown = markdown;
        }

        @Override
        public synchronized Map<String, SiteRenderer.Job> get() {
            if (jobs == null) {
                List<SiteRenderer.Job> list = SiteRenderer.jobs(model, look.templates(), markdown, look.css());
                Map<String, SiteRenderer.Job> byPath = new HashMap<>(list.size() * 4 / 3 + 1);
                for (SiteRenderer.Job job : list) byPath.put(job.path(), job);
                jobs = byPath;
                model = null;
                look = null;
                markdown = null;
            }
            return jobs;
        }
    }

    public SiteModel model() {
        return model;
    }

    public Look look() {
        return look;
    }

    /** The files by path from the edition's root; not to be changed. */
    public Map<String, RenderedFile> files() {
        return files;
    }
}
