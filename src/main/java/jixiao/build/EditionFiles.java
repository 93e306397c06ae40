package jixiao.build;

import jixiao.render.Markdown;
import jixiao.render.SiteRenderer;
import jixiao.site.ModelReads;
import jixiao.site.SiteModel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    private EditionFiles(SiteModel model, Look look, Map<String, RenderedFile> files) {
        this.model = model;
        this.look = look;
        this.files = files;
    }

    /** The files of {@code model}, none rendered yet. */
    public static EditionFiles of(SiteModel model, Look look, Markdown markdown) {
        return of(model, look, SiteRenderer.jobs(model, look.templates(), markdown, look.css()));
    }

    private static EditionFiles of(SiteModel model, Look look, List<SiteRenderer.Job> jobs) {
        Map<String, RenderedFile> files = new HashMap<>(jobs.size() * 4 / 3 + 1);
        for (SiteRenderer.Job job : jobs) files.put(job.path(), RenderedFile.of(job.content()::bytes));
        return new EditionFiles(model, look, files);
    }

    /**
     * The files of {@code next}, a model patched from this one's ({@code ModelPatch}) and rendered with the
     * same look: a rendered file that read only parts {@code next} still holds is kept as it is, any other
     * is made again (and rendered when asked for). The site's files, its years, units and projects must be
     * the same in both; when the file paths differ this renders everything afresh. One pass over the new
     * files, on every save in {@code serve}: the model's parts are listed only when a rendered file needs them.
     */
    public EditionFiles after(SiteModel next, Markdown markdown) {
        List<SiteRenderer.Job> jobs = SiteRenderer.jobs(next, look.templates(), markdown, look.css());
        if (jobs.size() != files.size() || next.edition() != model.edition()
                || next.site() != model.site() || next.profile() != model.profile()) {
            return of(next, look, jobs);
        }
        Set<Object> parts = null;
        Map<String, RenderedFile> kept = new HashMap<>(jobs.size() * 4 / 3 + 1);
        for (SiteRenderer.Job job : jobs) {
            RenderedFile old = files.get(job.path());
            if (old == null) return of(next, look, jobs); // as many files, but not the same paths
            if (old.rendered()) {
                if (parts == null) parts = ModelReads.parts(next);
                if (old.holdsFor(parts)) {
                    kept.put(job.path(), old);
                    continue;
                }
            }
            kept.put(job.path(), RenderedFile.of(job.content()::bytes));
        }
        return new EditionFiles(next, look, kept);
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
