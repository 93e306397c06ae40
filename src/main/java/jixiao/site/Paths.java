package jixiao.site;

/**
 * Where each page of an edition lives, as a path from the edition's root with {@code /}, and
 * relative links between them, so that the output works from {@code file://} and under any base path.
 * Ids are checked by the loader ({@code [a-z0-9][a-z0-9-]*}), so no path leaves the edition.
 */
public final class Paths {

    public static final String HOME = "index.html";
    public static final String CSS = "assets/site.css";
    /** Search, sorting and filtering as progressive enhancement: every page works without it. */
    public static final String SCRIPT = "assets/site.js";
    /** Every project, unit and indicator of the edition, for {@link #SCRIPT}'s search. */
    public static final String SEARCH_INDEX = "assets/search.json";
    /** The search page: without JavaScript, a list of every project. */
    public static final String SEARCH = "search.html";
    public static final String ACCESSIBILITY = "accessibility.html";

    private Paths() {
    }

    /** The year a page belongs to ({@code 2020/…}), null for the pages of the whole site. */
    public static Integer yearOf(String path) {
        int slash = path.indexOf('/');
        if (slash != 4) return null;
        String head = path.substring(0, 4);
        return head.chars().allMatch(Character::isDigit) ? Integer.valueOf(head) : null;
    }

    public static String year(int year) {
        return year + "/index.html";
    }

    public static String report(int year) {
        return year + "/report.html";
    }

    /**
     * One part of a split year's report ({@link PagedYear}): {@code 2020/report_unit.html}, then
     * {@code report_unit_2.html}… Ids cannot contain {@code _}, so no unit folder or other part has that name.
     */
    public static String reportPart(int year, String unit, int number) {
        return year + "/report_" + unit + (number == 1 ? "" : "_" + number) + ".html";
    }

    /** One unit's part of a split year's changes page ({@link PagedYear}), named as {@link #reportPart}. */
    public static String changesPart(int year, String unit, int number) {
        return year + "/changes_" + unit + (number == 1 ? "" : "_" + number) + ".html";
    }

    /** A split year's data.json, gzip-compressed (about a tenth of its size). */
    public static String jsonGzip(int year) {
        return year + "/data.json.gz";
    }

    /** What changed since the previous year; only years with a previous year have one. */
    public static String changes(int year) {
        return year + "/changes.html";
    }

    public static String csv(int year) {
        return year + "/summary.csv";
    }

    public static String xlsx(int year) {
        return year + "/summary.xlsx";
    }

    /** The 绩效自评报告 as a Word document, to hand in. */
    public static String docx(int year) {
        return year + "/report.docx";
    }

    public static String json(int year) {
        return year + "/data.json";
    }

    /** The Frictionless Data Package descriptor of the year's downloads, beside them. */
    public static String datapackage(int year) {
        return year + "/datapackage.json";
    }

    public static String unit(int year, String unit) {
        return year + "/" + unit + "/index.html";
    }

    /**
     * A project's page. The id {@code index} would take the unit page's file, so it gets
     * {@code index_.html}: ids cannot contain {@code _}, so that name is never another project's.
     */
    public static String project(int year, String unit, String project) {
        return year + "/" + unit + "/" + (project.equals("index") ? "index_" : project) + ".html";
    }

    /**
     * A link from the page at {@code from} to {@code to} (both from the edition's root; {@code to}
     * may carry a {@code #fragment}): the shortest relative path, {@code ""}-free.
     */
    public static String relative(String from, String to) {
        String[] a = from.split("/");
        String[] b = to.split("/");
        int common = 0;
        while (common < a.length - 1 && common < b.length - 1 && a[common].equals(b[common])) common++;
        StringBuilder link = new StringBuilder();
        for (int i = common; i < a.length - 1; i++) link.append("../");
        for (int i = common; i < b.length; i++) {
            if (i > common) link.append('/');
            link.append(b[i]);
        }
        return link.toString();
    }
}
