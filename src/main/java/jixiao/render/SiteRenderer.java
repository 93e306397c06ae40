package jixiao.render;

import jixiao.compare.ProjectChange;
import jixiao.site.PagedYear;
import jixiao.site.Paths;
import jixiao.site.ProjectModel;
import jixiao.site.SiteModel;
import jixiao.site.UnitModel;
import jixiao.site.YearModel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every file of one edition (pages, downloads and the stylesheet) as a job: its path from the edition's root and
 * how to render it. Jobs share nothing but immutable models, so a caller (build.SiteBuild, serve) renders them in
 * parallel, in any order, or only some of them; what a file holds never depends on that. Pages are rendered into
 * memory; the largest files (a year's report and data) stream to where they go.
 */
public final class SiteRenderer {

    private SiteRenderer() {
    }

    /**
     * Every file of one edition, not yet rendered: its path from the edition's root and how to render it.
     * Rendering one needs nothing from the others, so a caller may render only some of them, in any order.
     */
    public static List<Job> jobs(SiteModel site, Templates templates, Markdown markdown, byte[] css) {
        Parts parts = new Parts(site, templates, markdown, css);
        List<Job> jobs = new ArrayList<>();
        // The longest jobs first (each year's Word report, then its data and workbook): the thousands of pages
        // after them keep the other cores busy meanwhile. A year's Word report last, after its units' pages, was a
        // second at the end of each edition with one core working (a one-edit rebuild of 10,000 projects).
        for (YearModel year : site.years()) jobs.addAll(parts.yearWide(year));
        jobs.add(parts.home());
        jobs.addAll(parts.siteWide());
        for (YearModel year : site.years()) {
            // A report part comes right after its projects' pages: a form's parts are made once for both
            // (PageBuilder), and are held only between the two.
            Map<UnitModel, List<PagedYear.Part<ProjectModel>>> reportParts = new IdentityHashMap<>();
            if (PagedYear.split(year)) {
                for (PagedYear.Part<ProjectModel> part : PagedYear.reportParts(year)) {
                    reportParts.computeIfAbsent(part.unit(), u -> new ArrayList<>()).add(part);
                }
            }
            for (UnitModel unit : year.units()) {
                jobs.add(parts.unit(year, unit));
                List<PagedYear.Part<ProjectModel>> unitParts = reportParts.getOrDefault(unit, List.of());
                if (unitParts.isEmpty()) {
                    for (ProjectModel project : unit.projects()) jobs.add(parts.project(year, unit, project));
                }
                for (PagedYear.Part<ProjectModel> part : unitParts) {
                    for (ProjectModel project : part.items()) jobs.add(parts.project(year, unit, project));
                    jobs.add(parts.reportPart(year, part));
                }
            }
        }
        jobs.add(parts.css());
        return jobs;
    }

    /** The files of one edition part by part, for a caller that renders again only the parts a change affects. */
    public static final class Parts {
        private final SiteModel site;
        private final Templates templates;
        private final PageBuilder pages;
        private final Markdown markdown;
        private final byte[] css;

        public Parts(SiteModel site, Templates templates, Markdown markdown, byte[] css) {
            this.site = site;
            this.templates = templates;
            this.pages = new PageBuilder(site, markdown);
            this.markdown = markdown;
            this.css = css;
        }

        public Job home() {
            return html(Paths.HOME, () -> templates.render("home.jte", pages.home()));
        }

        /**
         * The files in a year's folder that belong to no unit: its overview, the whole report, the changes page and the
         * downloads; a split year's report parts (one per unit, or numbered parts of one) included.
         */
        public List<Job> year(YearModel year) {
            List<Job> jobs = new ArrayList<>(yearWide(year));
            if (PagedYear.split(year)) {
                for (PagedYear.Part<ProjectModel> part : PagedYear.reportParts(year)) jobs.add(reportPart(year, part));
            }
            return List.copyOf(jobs);
        }

        /** One part of a split year's report. */
        public Job reportPart(YearModel year, PagedYear.Part<ProjectModel> part) {
            return new Job(part.path(), out -> templates.render("report-part.jte", pages.reportPart(year, part), out), true);
        }

        /** {@link #year} without a split year's report parts. */
        List<Job> yearWide(YearModel year) {
            int y = year.number();
            List<Job> jobs = new ArrayList<>();
            // Longest first: see jobs().
            jobs.add(new Job(Paths.docx(y), out -> DocxReport.write(year, site, markdown, out), false));
            boolean split = PagedYear.split(year);
            if (!split) {
                jobs.add(new Job(Paths.json(y), out -> YearData.write(year, site, out), false));
            } else {
                // A split year's data is tens of MB of JSON: it is a download (no page reads it), so it is served
                // compressed, at about a tenth of the size.
                jobs.add(new Job(Paths.jsonGzip(y), out -> Gzip.write(out, o -> YearData.write(year, site, o)), false));
            }
            jobs.add(new Job(Paths.xlsx(y), Body.of(() -> SummaryXlsx.of(year, site)), false));
            // Pages that list every project of the year (report.html every form) grow with the content: they are
            // written as they are rendered, never held in memory whole.
            jobs.add(new Job(Paths.year(y), out -> templates.render("year.jte", pages.year(year), out), true));
            if (!split) {
                jobs.add(new Job(Paths.report(y), out -> templates.render("report.jte", pages.report(year), out), true));
            } else {
                jobs.add(new Job(Paths.report(y), out -> templates.render("report-index.jte", pages.reportIndex(year), out), true));
            }
            if (year.hasPrevious()) {
                jobs.add(new Job(Paths.changes(y), out -> templates.render("changes.jte", pages.changes(year), out), true));
                for (PagedYear.Part<ProjectChange> part : pages.changesParts(year)) {
                    jobs.add(new Job(part.path(), out -> templates.render("changes-part.jte", pages.changesPart(year, part), out), true));
                }
            }
            jobs.add(new Job(Paths.csv(y), Body.of(() -> SummaryCsv.of(year, site)), false));
            jobs.add(new Job(Paths.datapackage(y), Body.of(() -> DataPackage.of(year, site)), false));
            return List.copyOf(jobs);
        }

        public Job unit(YearModel year, UnitModel unit) {
            return html(unit.path(), () -> templates.render("unit.jte", pages.unit(year, unit)));
        }

        public Job project(YearModel year, UnitModel unit, ProjectModel project) {
            return html(project.path(), () -> templates.render("project.jte", pages.project(year, unit, project)));
        }

        /**
         * The pages and files about the whole edition besides its home page: the search page (every project),
         * its index, the script and the accessibility statement.
         */
        public List<Job> siteWide() {
            return List.of(
                    html(Paths.SEARCH, () -> templates.render("search.jte", pages.search())),
                    html(Paths.ACCESSIBILITY, () -> templates.render("accessibility.jte", pages.accessibility())),
                    new Job(Paths.SEARCH_INDEX, out -> SearchIndex.write(site, out), false),
                    new Job(Paths.SCRIPT, Body.of(SiteRenderer::script), false));
        }

        public Job css() {
            return new Job(Paths.CSS, Body.of(() -> css), false);
        }
    }

    /** One file of an edition: where it goes, how to render it, and whether it is an HTML page. */
    public record Job(String path, Body content, boolean page) {
    }

    /**
     * How to render one file: into a stream, or (for a file that needs it whole, or is small) into memory.
     * Rendering throws {@link UncheckedIOException} when the stream fails.
     */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;

        /** The whole file in memory. */
        default byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            try {
                writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }

        /** A body rendered whole in memory. */
        static Body of(Supplier<byte[]> render) {
            return new Body() {
                @Override
                public void writeTo(OutputStream out) throws IOException {
                    out.write(render.get());
                }

                @Override
                public byte[] bytes() {
                    return render.get();
                }
            };
        }
    }

    /** The script, the same for every edition and site. */
    static byte[] script() {
        try (InputStream in = SiteRenderer.class.getResourceAsStream(SCRIPT_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + SCRIPT_RESOURCE);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String SCRIPT_RESOURCE = "/jixiao/site/site.js";

    private static Job html(String path, Supplier<byte[]> render) {
        return new Job(path, Body.of(render), true);
    }
}
