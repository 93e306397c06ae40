package jixiao.render;

import jixiao.site.Paths;
import jixiao.site.ProjectModel;
import jixiao.site.SiteModel;
import jixiao.site.UnitModel;
import jixiao.site.YearModel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Renders every file of one edition: pages, downloads and the stylesheet, each handed to a sink
 * with its path from the edition's root as soon as it is ready. Pages are rendered in parallel
 * (they share nothing but immutable models), so the sink must accept files from several threads
 * in any order, as {@code SiteWriter} does; what a file holds never depends on that order.
 */
public final class SiteRenderer {

    /** Takes one rendered file; called from several threads. */
    @FunctionalInterface
    public interface Sink {
        void accept(String path, byte[] bytes);

        /** Told, before the first file, how many files are coming (for a progress line). */
        default void expect(int files) {
        }
    }

    /** What one edition gave: its number of HTML pages and of files in all. */
    public record Counts(int pages, int files) {
    }

    private SiteRenderer() {
    }

    public static Counts render(SiteModel site, Templates templates, Markdown markdown, byte[] css, Sink sink) {
        List<Job> jobs = jobs(site, templates, markdown, css);
        sink.expect(jobs.size());
        jobs.parallelStream().forEach(j -> sink.accept(j.path(), j.content().get()));
        return new Counts((int) jobs.stream().filter(Job::page).count(), jobs.size());
    }

    /**
     * Every file of one edition, not yet rendered: its path from the edition's root and how to render it.
     * Rendering one needs nothing from the others, so a caller may render only some of them, in any order.
     */
    public static List<Job> jobs(SiteModel site, Templates templates, Markdown markdown, byte[] css) {
        Parts parts = new Parts(site, templates, markdown, css);
        List<Job> jobs = new ArrayList<>();
        jobs.add(parts.home());
        for (YearModel year : site.years()) {
            jobs.addAll(parts.year(year));
            for (UnitModel unit : year.units()) {
                jobs.add(parts.unit(year, unit));
                for (ProjectModel project : unit.projects()) jobs.add(parts.project(year, unit, project));
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
        private final byte[] css;

        public Parts(SiteModel site, Templates templates, Markdown markdown, byte[] css) {
            this.site = site;
            this.templates = templates;
            this.pages = new PageBuilder(site, markdown);
            this.css = css;
        }

        public Job home() {
            return html(Paths.HOME, () -> templates.render("home.jte", pages.home()));
        }

        /** The files in a year's folder that belong to no unit: its overview, the whole report, the changes page and the downloads. */
        public List<Job> year(YearModel year) {
            int y = year.number();
            List<Job> jobs = new ArrayList<>();
            jobs.add(html(Paths.year(y), () -> templates.render("year.jte", pages.year(year))));
            jobs.add(html(Paths.report(y), () -> templates.render("report.jte", pages.report(year))));
            if (year.hasPrevious()) {
                jobs.add(html(Paths.changes(y), () -> templates.render("changes.jte", pages.changes(year))));
            }
            jobs.add(new Job(Paths.csv(y), () -> SummaryCsv.of(year, site), false));
            jobs.add(new Job(Paths.xlsx(y), () -> SummaryXlsx.of(year, site), false));
            jobs.add(new Job(Paths.json(y), () -> YearData.of(year, site), false));
            return List.copyOf(jobs);
        }

        public Job unit(YearModel year, UnitModel unit) {
            return html(unit.path(), () -> templates.render("unit.jte", pages.unit(year, unit)));
        }

        public Job project(YearModel year, UnitModel unit, ProjectModel project) {
            return html(project.path(), () -> templates.render("project.jte", pages.project(year, unit, project)));
        }

        public Job css() {
            return new Job(Paths.CSS, () -> css, false);
        }
    }

    /** One file of an edition: where it goes, how to render it, and whether it is an HTML page. */
    public record Job(String path, Supplier<byte[]> content, boolean page) {
    }

    private static Job html(String path, Supplier<byte[]> render) {
        return new Job(path, render, true);
    }
}
