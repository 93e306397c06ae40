package jixiao.render;

import jixiao.site.Paths;
import jixiao.site.ProjectModel;
import jixiao.site.SiteModel;
import jixiao.site.UnitModel;
import jixiao.site.YearModel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Renders every file of one edition into memory: pages, downloads and the stylesheet, keyed by
 * their path from the edition's root. Pages are rendered in parallel (they share nothing but
 * immutable models); the result is a sorted map, so what is written does not depend on timing.
 */
public final class SiteRenderer {

    /** The files of one edition; {@code pages} counts the HTML pages among them. */
    public record Rendered(SortedMap<String, byte[]> files, int pages) {
        public Rendered {
            files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        }
    }

    private SiteRenderer() {
    }

    public static Rendered render(SiteModel site, Templates templates, Markdown markdown, byte[] css) {
        PageBuilder pages = new PageBuilder(site, markdown);
        List<Job> jobs = new ArrayList<>();
        jobs.add(html(Paths.HOME, () -> templates.render("home.jte", pages.home())));
        for (YearModel year : site.years()) {
            int y = year.number();
            jobs.add(html(Paths.year(y), () -> templates.render("year.jte", pages.year(year))));
            jobs.add(html(Paths.report(y), () -> templates.render("report.jte", pages.report(year))));
            jobs.add(new Job(Paths.csv(y), () -> SummaryCsv.of(year, site), false));
            jobs.add(new Job(Paths.json(y), () -> YearData.of(year, site), false));
            for (UnitModel unit : year.units()) {
                jobs.add(html(unit.path(), () -> templates.render("unit.jte", pages.unit(year, unit))));
                for (ProjectModel project : unit.projects()) {
                    jobs.add(html(project.path(), () -> templates.render("project.jte", pages.project(year, unit, project))));
                }
            }
        }
        jobs.add(new Job(Paths.CSS, () -> css, false));
        List<Map.Entry<String, byte[]>> done = jobs.parallelStream().map(j -> Map.entry(j.path(), j.content().get())).toList();
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : done) {
            if (files.put(e.getKey(), e.getValue()) != null) throw new IllegalStateException("two files at " + e.getKey());
        }
        int pageCount = (int) jobs.stream().filter(Job::page).count();
        return new Rendered(files, pageCount);
    }

    private record Job(String path, Supplier<byte[]> content, boolean page) {
    }

    private static Job html(String path, Supplier<String> render) {
        return new Job(path, () -> render.get().getBytes(StandardCharsets.UTF_8), true);
    }
}
