package jixiao.content;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where things live in a content folder, the one place that knows it: {@code site.yaml} at the top, a
 * folder per year ({@code 2020/}) with its {@code report.yaml} and {@code report.md}, a folder per unit
 * ({@code 2020/labor/}) with its {@code unit.yaml} and {@code unit.md}, and a file per project
 * ({@code 2020/labor/fund.yaml}) with its optional narrative ({@code fund.md}). The loader, {@code serve}
 * and {@code new} all map paths to years, units and projects (and back) through it, so the three cannot
 * disagree about what a file is. Paths are relative to the content folder, with {@code /} between names.
 */
public final class ContentLayout {

    public static final String SITE_FILE = "site.yaml";
    public static final String REPORT_FILE = "report.yaml";
    public static final String REPORT_NARRATIVE = "report.md";
    public static final String UNIT_FILE = "unit.yaml";
    public static final String UNIT_NARRATIVE = "unit.md";
    public static final String YAML = ".yaml";
    public static final String MARKDOWN = ".md";

    /** Unit folder names and project file stems. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    /** Project ids that would collide with the year's and unit's own files and pages. */
    private static final Set<String> RESERVED_PROJECT_IDS = Set.of("site", "unit", "report");

    private ContentLayout() {
    }

    /** A project by where its file is: {@code <year>/<unitId>/<id>.yaml}. Its id may still be malformed or reserved; the loader says so. */
    public record ProjectPath(int year, String unitId, String id) {

        /** The project file, such as {@code 2020/labor/fund.yaml}. */
        public String file() {
            return projectFile(year, unitId, id);
        }

        /** Where its narrative would be, such as {@code 2020/labor/fund.md}. */
        public String narrative() {
            return unitFolder(year, unitId) + id + MARKDOWN;
        }
    }

    /** Whether {@code name} is a year folder's name: four digits. */
    public static boolean isYear(String name) {
        return YEAR.matcher(name).matches();
    }

    /** Whether {@code name} can be a unit folder's name or a project file's stem. */
    public static boolean isId(String name) {
        return ID.matcher(name).matches();
    }

    /** Whether {@code id}, well-formed as it may be, is kept from projects. */
    public static boolean isReservedProjectId(String id) {
        return RESERVED_PROJECT_IDS.contains(id);
    }

    /** {@code 2020/} */
    public static String yearFolder(int year) {
        return year + "/";
    }

    /** {@code 2020/labor/} */
    public static String unitFolder(int year, String unitId) {
        return yearFolder(year) + unitId + "/";
    }

    /** {@code 2020/report.yaml} */
    public static String reportFile(int year) {
        return yearFolder(year) + REPORT_FILE;
    }

    /** {@code 2020/labor/unit.yaml} */
    public static String unitFile(int year, String unitId) {
        return unitFolder(year, unitId) + UNIT_FILE;
    }

    /** {@code 2020/labor/fund.yaml} */
    public static String projectFile(int year, String unitId, String id) {
        return unitFolder(year, unitId) + id + YAML;
    }

    /** Whether a file name inside a unit folder names a project file ({@code fund.yaml}, not {@code unit.yaml}). */
    public static boolean isProjectFileName(String name) {
        return name.endsWith(YAML) && !name.equals(UNIT_FILE);
    }

    /** Whether a file name inside a unit folder names a project's narrative ({@code fund.md}, not {@code unit.md}). */
    public static boolean isProjectNarrativeName(String name) {
        return name.endsWith(MARKDOWN) && !name.equals(UNIT_NARRATIVE);
    }

    /** The stem of a project file's or narrative's name: {@code fund} for {@code fund.yaml} and {@code fund.md}. */
    public static String stem(String name) {
        return name.substring(0, name.lastIndexOf('.'));
    }

    /**
     * The project whose file {@code path} is: a {@code .yaml} other than {@code unit.yaml} in a unit folder
     * (a four-digit year, then a well-formed unit id); empty for any other path.
     */
    public static Optional<ProjectPath> projectFile(String path) {
        return inUnitFolder(path).filter(parts -> isProjectFileName(parts[2]))
                .map(parts -> new ProjectPath(Integer.parseInt(parts[0]), parts[1], stem(parts[2])));
    }

    /**
     * The project whose narrative {@code path} would be: a {@code .md} other than {@code unit.md} in a unit
     * folder; empty for any other path. Whether the project file exists is the caller's to ask.
     */
    public static Optional<ProjectPath> projectNarrative(String path) {
        return inUnitFolder(path).filter(parts -> isProjectNarrativeName(parts[2]))
                .map(parts -> new ProjectPath(Integer.parseInt(parts[0]), parts[1], stem(parts[2])));
    }

    /** {@code year, unit, file name} of a path directly inside a unit folder; empty when it is not one. */
    private static Optional<String[]> inUnitFolder(String path) {
        String[] parts = path.split("/", -1);
        if (parts.length != 3 || !isYear(parts[0]) || !isId(parts[1]) || parts[2].isEmpty()) return Optional.empty();
        return Optional.of(parts);
    }
}
