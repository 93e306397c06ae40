package jixiao.render;

import jixiao.site.FindingView;
import jixiao.site.Form;
import jixiao.site.Tables;

import java.util.List;

/**
 * What each template receives: small immutable records with every figure formatted and every
 * link relative to the page. Narrative HTML comes from {@link Markdown} (the only HTML a
 * template prints with {@code $unsafe}); charts are {@link Svg}.
 */
public final class Pages {

    private Pages() {
    }

    /**
     * What every page shares: the {@code <title>}, the site's name, the edition, the stylesheet and script,
     * breadcrumbs (the last one is the page itself, with a null href; none on the home page), the years
     * (the page's own marked), the search page, the accessibility statement and who publishes the site.
     */
    public record Frame(String title, String siteTitle, String organisation, String edition, String editionLabel,
                        boolean internal, String home, String css, List<Tables.Link> breadcrumbs, List<NavLink> years,
                        String script, String search, String accessibility, Publisher publisher, String headStyle) {
        public Frame {
            breadcrumbs = List.copyOf(breadcrumbs);
            years = List.copyOf(years);
        }

        /** This frame with a style sheet of the page's own in its head (CSS made safe by its maker). */
        public Frame withHeadStyle(String css) {
            return new Frame(title, siteTitle, organisation, edition, editionLabel, internal, home, this.css, breadcrumbs,
                    years, script, search, accessibility, publisher, css);
        }
    }

    /**
     * A menu entry.
     *
     * @param current {@code page} on the page it links to, {@code true} on the pages below it, null elsewhere
     *                (the value of {@code aria-current})
     */
    public record NavLink(String text, String href, String current) {
    }

    /**
     * The publisher block as every page shows it; each text empty when not given.
     *
     * @param published the 发布日期 of the page's year (empty on pages of no year)
     * @param updated   最后更新: the latest 发布日期 of the site, or as site.yaml gives it
     */
    public record Publisher(String name, String indexNumber, String contact, String published, String updated) {
    }

    public record Home(Frame frame, List<Tables.YearRow> years, List<String> gradeLabels, List<FindingView> findings) {
        public Home {
            years = List.copyOf(years);
            gradeLabels = List.copyOf(gradeLabels);
            findings = List.copyOf(findings);
        }
    }

    /**
     * @param excellentLabel the grades that count towards 优良率, as in 优/良
     * @param changes        the year's changes page, null for the first year
     * @param split          whether the year is too large for one page of every project ({@code PagedYear}): then
     *                       {@code projects} is empty and {@code rateChart} null, the unit pages listing the projects
     */
    public record Year(Frame frame, String title, String department, String published, String narrativeHtml,
                       List<Tables.ProjectRow> projects, Tables.TotalsView totals, List<Tables.UnitRow> units,
                       List<String> gradeLabels, String excellentLabel, Svg rateChart, Svg gradeChart,
                       Tables.Link report, Tables.Link changes, Tables.Link csv, Tables.Link xlsx, Tables.Link json,
                       List<FindingView> findings, int findingCount, String pending, boolean split) {
        public Year {
            projects = List.copyOf(projects);
            units = List.copyOf(units);
            gradeLabels = List.copyOf(gradeLabels);
            findings = List.copyOf(findings);
        }

        /**
         * Whether the narrative ends with a heading: the paper report's last heading (2020's “（2）具体情况”)
         * introduces the units' sections that follow it there, which on the year page are the unit pages.
         */
        public boolean narrativeEndsWithHeading() {
            return ENDS_WITH_HEADING.matcher(narrativeHtml).find();
        }
    }

    private static final java.util.regex.Pattern ENDS_WITH_HEADING = java.util.regex.Pattern.compile("</h[1-6]>\\s*$");

    /** @param pending "N 个项目尚未定稿，暂未公开" when this edition leaves drafts out, else empty */
    public record Unit(Frame frame, String name, String year, String narrativeHtml, List<Tables.ProjectRow> projects,
                       Tables.TotalsView totals, List<FindingView> findings, String pending) {
        public Unit {
            projects = List.copyOf(projects);
            findings = List.copyOf(findings);
        }
    }

    /**
     * A 自评表 with its texts: the project's narrative, 五、存在问题 and (internal edition) the
     * reviewers' notes, each already HTML; empty when absent or not shown.
     *
     * @param attachment whether it is printed in the whole report, headed as on paper (附件2, the form's title
     *                   centred, the year below it)
     */
    public record FormView(Form form, String heading, boolean internal, String narrativeHtml, String problemsHtml,
                           String internalHtml, List<Located> findingIndex, boolean attachment) {
        public FormView {
            findingIndex = List.copyOf(findingIndex);
        }
    }

    /** A finding in the list at the top of a form, linking to the row it is shown at. */
    public record Located(FindingView finding, String where, String href) {
    }

    /**
     * @param history the project in every year of the edition, oldest first; empty when it is only in this one
     * @param trend   execution rate and computed total per year, null without history
     */
    public record Project(Frame frame, String name, String year, Tables.Link unit, FormView form,
                          List<Tables.Link> otherYears, List<HistoryRow> history, Svg trend) {
        public Project {
            otherYears = List.copyOf(otherYears);
            history = List.copyOf(history);
        }
    }

    /**
     * One year of a project's history; amounts in the site's money unit.
     *
     * @param year    the year, linking to the project's page of that year (a null href on the page's own year)
     * @param changes what changed in the project that year, on the year's changes page; null when nothing did
     */
    public record HistoryRow(Tables.Link year, String unit, boolean draft, String planned, String executed, String rate,
                             String computedTotal, String statedTotal, String grade, Tables.Link changes) {
    }

    /**
     * A year's changes since the year before it in the content, as the edition shows them.
     *
     * @param totals    the year's totals at both sides, every one (changed or not)
     * @param unchanged the number of projects in both years without any change
     * @param parts     when the changed projects are too many for one page ({@code jixiao.site.PagedYear}), the pages
     *                  that show them unit by unit ({@code changed} is then empty); else empty
     * @param partsProjects the number of changed projects on those pages
     */
    public record Changes(Frame frame, String title, String fromYear, String toYear, Tables.Link from, Tables.Link to,
                          String moneyUnit, List<Delta> totals, List<ProjectLine> added, List<ProjectLine> removed,
                          List<MovedLine> moved, List<RenamedLine> renamed, List<ProjectDetail> changed,
                          List<UnitLine> units, Narrative report, int unchanged, String pending, List<Tables.Link> parts,
                          int partsProjects) {
        public Changes {
            parts = List.copyOf(parts);
            totals = List.copyOf(totals);
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            moved = List.copyOf(moved);
            renamed = List.copyOf(renamed);
            changed = List.copyOf(changed);
            units = List.copyOf(units);
        }

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && moved.isEmpty() && renamed.isEmpty() && changed.isEmpty()
                    && units.isEmpty() && report.isEmpty();
        }
    }

    /**
     * A figure or text at both sides, formatted as the site shows it ({@code —} where absent).
     *
     * @param delta    new − old ({@code +1万元}, {@code -4.49 个百分点}), empty for texts or a missing side
     * @param relative the relative change of an amount or a count ({@code +20.00%}), {@code —} from zero, else empty
     * @param changed  whether the two sides differ
     * @param numeric  whether it is a figure (aligned right) rather than a text
     */
    public record Delta(String label, String from, String to, String delta, String relative, boolean changed, boolean numeric) {
    }

    /**
     * A project added or removed: where it is, with its figures at the side that has it.
     *
     * @param anchor the id of its row (an added project's), which the project pages' history links to; null for a removed one
     */
    public record ProjectLine(String anchor, String id, Tables.Link project, String unit, boolean draft, String planned, String executed,
                              String rate, String computedTotal, String grade) {
    }

    /**
     * A project in another unit than the year before: its pages at both sides, named by their unit.
     *
     * @param anchor the id of its row when it has no section of its own below, else null
     */
    public record MovedLine(String anchor, String id, String name, Tables.Link from, Tables.Link to) {
    }

    /** A project under another name than the year before: its pages at both sides, named by the project's names. */
    public record RenamedLine(String id, String unit, Tables.Link from, Tables.Link to) {
    }

    /**
     * A project in both years with changes beyond its unit.
     *
     * @param anchor     the id of its section, which the project pages' history links to
     * @param kinds      移动, 改名, 修改 as they apply
     * @param figures    its fields that differ, in the order of {@code jixiao.compare.Field}
     * @param indicators its indicators added, removed, renamed or changed
     */
    public record ProjectDetail(String anchor, String id, String name, boolean draft, List<String> kinds,
                                Tables.Link from, Tables.Link to, List<Delta> figures, List<IndicatorRow> indicators,
                                Narrative narrative, Narrative problems) {
        public ProjectDetail {
            kinds = List.copyOf(kinds);
            figures = List.copyOf(figures);
            indicators = List.copyOf(indicators);
        }
    }

    /** A cell that shows one value, or {@code old → new} when it changed. */
    public record Cell(String from, String to, boolean changed) {
        public static Cell same(String value) {
            return new Cell(value, value, false);
        }
    }

    /**
     * An indicator added, removed, renamed or changed.
     *
     * @param other changes to its other fields (score, definition, judgement, deviation), as {@code 自评得分 18 → 20}
     */
    public record IndicatorRow(String kind, Cell name, Cell level, Cell target, Cell actual, Cell weight, List<String> other) {
        public IndicatorRow {
            other = List.copyOf(other);
        }
    }

    /** How a Markdown text changed: counts and an excerpt of each changed block. */
    public record Narrative(String label, String counts, List<ParagraphRow> paragraphs) {
        public static final Narrative NONE = new Narrative("", "", List.of());

        public Narrative {
            paragraphs = List.copyOf(paragraphs);
        }

        public boolean isEmpty() {
            return counts.isEmpty();
        }
    }

    /** One changed block: 新增, 删除 or 修改, with an excerpt of each side (empty where it has none). */
    public record ParagraphRow(String kind, String from, String to) {
    }

    /** A unit that was added, removed, renamed or whose figures changed; figures over what the edition shows. */
    public record UnitLine(String kind, Tables.Link from, Tables.Link to, Delta projects, Delta planned, Delta executed,
                           Delta rate, String narrative) {
    }

    /**
     * The whole year's report on one printable page, in the order of the paper document: a cover, the
     * contents, the narrative (the report's, then each unit's), 附件1 (the statistics and the summary of
     * projects) and 附件2 (the forms).
     */
    public record Report(Frame frame, String title, String department, String year, String published, String narrativeHtml,
                         List<ReportUnit> units, List<Tables.ProjectRow> projects, Tables.TotalsView totals,
                         List<Tables.UnitRow> unitRows, List<String> gradeLabels, String excellentLabel) {
        public Report {
            units = List.copyOf(units);
            projects = List.copyOf(projects);
            unitRows = List.copyOf(unitRows);
            gradeLabels = List.copyOf(gradeLabels);
        }
    }

    /**
     * The report's title as a CSS string for the printed pages' running header: every character but letters,
     * digits and CJK written as a CSS escape, so that no content can end the string or the style element.
     */
    static String cssString(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) && c != '\\') out.appendCodePoint(c);
            else out.append('\\').append(String.format("%06x", c));
        });
        return out.append('"').toString();
    }

    /**
     * @param forms    made as they are read, each time (a year can have tens of thousands): read them once, in order;
     *                 not to be changed
     * @param contents each form's name and anchor, for the table of contents
     */
    /** One unit's page (or numbered part) of a split changes page: its changed projects in detail. */
    public record ChangesPart(Frame frame, String title, String fromYear, String toYear, String part, Tables.Link index,
                              List<ProjectDetail> changed) {
        public ChangesPart {
            changed = List.copyOf(changed);
        }
    }

    public record ReportUnit(String id, String name, String narrativeHtml, List<FormView> forms, List<Tables.Link> contents) {
    }

    /**
     * The report of a year too large for one page ({@code jixiao.site.PagedYear}): the cover, the report's text and
     * 附件1's statistics table, with the contents linking every part, unit by unit, in order.
     */
    public record ReportIndex(Frame frame, String title, String department, String year, String published,
                              String narrativeHtml, List<Tables.Link> parts, Tables.TotalsView totals,
                              List<Tables.UnitRow> unitRows, List<String> gradeLabels, String excellentLabel) {
        public ReportIndex {
            parts = List.copyOf(parts);
            unitRows = List.copyOf(unitRows);
            gradeLabels = List.copyOf(gradeLabels);
        }
    }

    /**
     * One part of a split report, printable on its own: a unit (or one numbered part of a large unit) with its
     * cover, contents, the unit's text (in its first part), its projects' summary and their 自评表.
     *
     * @param part      the unit's name, with “第 2 部分（共 3 部分）” when it has several
     * @param index     the report's index page
     * @param previous  the part before this one, null for the first
     * @param next      the part after this one, null for the last
     */
    public record ReportPart(Frame frame, String title, String year, String part, Tables.Link index, ReportUnit unit,
                             List<Tables.ProjectRow> projects, Tables.TotalsView totals, Tables.Link previous,
                             Tables.Link next) {
        public ReportPart {
            projects = List.copyOf(projects);
        }
    }

    /**
     * The search page. Without JavaScript it is the list of every project of the edition, year by
     * year and unit by unit; the script adds results for the words typed above it.
     */
    public record Search(Frame frame, List<SearchYear> years, int projects) {
        public Search {
            years = List.copyOf(years);
        }
    }

    public record SearchYear(Tables.Link year, List<SearchUnit> units) {
        public SearchYear {
            units = List.copyOf(units);
        }
    }

    public record SearchUnit(Tables.Link unit, List<Tables.Link> projects) {
        public SearchUnit {
            projects = List.copyOf(projects);
        }
    }

    /** The accessibility statement: what the pages do, the standard they are tested against, whom to tell. */
    public record Accessibility(Frame frame, String contact) {
    }
}
