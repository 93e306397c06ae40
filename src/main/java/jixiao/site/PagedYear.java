package jixiao.site;

import jixiao.compare.ProjectChange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.function.Function;

/**
 * How a year's long pages are cut so that none grows past what a browser opens comfortably: the printable
 * report and the changes page stay whole while the year has few forms, and beyond that become one page per
 * unit (a large unit in numbered parts), each a complete document of its own. This is the one place that
 * decides; the year page, the report's index and the project pages all link by what it says.
 */
public final class PagedYear {

    /**
     * At most this many forms on one page. A form renders to 12–16 KB of HTML (the generated 10,000-project
     * content: a unit of about 250 forms gave 3 MB), so 100 forms keep a page near 1.5 MB, under the 2 MB
     * that a phone's browser still opens and prints without trouble; the real 2020 report (22 forms, 36 A4
     * pages) stays one document, as it was handed in.
     */
    public static final int FORMS_PER_PAGE = 100;

    /** A system property that lowers {@link #FORMS_PER_PAGE}, for tests that show a split on a small fixture. */
    public static final String FORMS_PER_PAGE_PROPERTY = "jixiao.formsPerPage";

    private PagedYear() {
    }

    /** The limit in force: {@link #FORMS_PER_PAGE} unless {@link #FORMS_PER_PAGE_PROPERTY} sets another (at least 1). */
    public static int formsPerPage() {
        Integer set = Integer.getInteger(FORMS_PER_PAGE_PROPERTY);
        return set == null ? FORMS_PER_PAGE : Math.max(1, set);
    }

    /** Whether the year is too large for one report page (and one changes page, one overview of every project). */
    public static boolean split(YearModel year) {
        return year.projects().size() > formsPerPage();
    }

    /**
     * One page of a split year: a unit's items {@code number} of {@code count} (from 1).
     *
     * @param path the page's path from the edition's root
     */
    public record Part<T>(String path, UnitModel unit, int number, int count, List<T> items) {
        public Part {
            items = List.copyOf(items);
        }

        /** “第 2 部分（共 3 部分）” for a unit in several parts, empty for a unit in one. */
        public String numbering() {
            return count == 1 ? "" : "第 " + number + " 部分（共 " + count + " 部分）";
        }
    }

    /** The parts of a split year's report: every unit in order, each in as few parts as the limit allows. */
    public static List<Part<ProjectModel>> reportParts(YearModel year) {
        List<Part<ProjectModel>> parts = new ArrayList<>();
        for (UnitModel unit : year.units()) {
            parts.addAll(cut(unit, unit.projects(), n -> Paths.reportPart(year.number(), unit.unit().id(), n)));
        }
        return List.copyOf(parts);
    }

    /**
     * The parts of a year's changes page when the projects it shows in detail ({@code detailed}, in the comparison's
     * order) are more than one page holds: the units that have any, in the year's order, each in as few parts as the
     * limit allows; empty when one page holds them all.
     */
    public static List<Part<ProjectChange>> changesParts(YearModel year, List<ProjectChange> detailed) {
        if (detailed.size() <= formsPerPage()) return List.of();
        Map<String, List<ProjectChange>> byUnit = new HashMap<>();
        for (ProjectChange c : detailed) byUnit.computeIfAbsent(c.unitId(), k -> new ArrayList<>()).add(c);
        List<Part<ProjectChange>> parts = new ArrayList<>();
        for (UnitModel unit : year.units()) {
            List<ProjectChange> changes = byUnit.get(unit.unit().id());
            if (changes == null) continue;
            parts.addAll(cut(unit, changes, n -> Paths.changesPart(year.number(), unit.unit().id(), n)));
        }
        return List.copyOf(parts);
    }

    /**
     * A unit's items in {@code ceil(size / limit)} parts of nearly equal size, the first ones one larger where
     * the division leaves a remainder; a unit without items has one empty part (its narrative still has a place).
     */
    public static <T> List<Part<T>> cut(UnitModel unit, List<T> items, Function<Integer, String> path) {
        int limit = formsPerPage();
        int count = Math.max(1, (items.size() + limit - 1) / limit);
        List<Part<T>> parts = new ArrayList<>(count);
        int from = 0;
        for (int n = 1; n <= count; n++) {
            int size = items.size() / count + (n <= items.size() % count ? 1 : 0);
            parts.add(new Part<>(path.apply(n), unit, n, count, items.subList(from, from + size)));
            from += size;
        }
        return parts;
    }
}
