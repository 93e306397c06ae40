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
     * What every page shares: the {@code <title>}, the site's name, the edition, the stylesheet,
     * breadcrumbs (the last one is the page itself, with a null href) and the years.
     */
    public record Frame(String title, String siteTitle, String organisation, String edition, String editionLabel,
                        boolean internal, String home, String css, List<Tables.Link> breadcrumbs, List<Tables.Link> years) {
        public Frame {
            breadcrumbs = List.copyOf(breadcrumbs);
            years = List.copyOf(years);
        }
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
     */
    public record Year(Frame frame, String title, String department, String published, String narrativeHtml,
                       List<Tables.ProjectRow> projects, Tables.TotalsView totals, List<Tables.UnitRow> units,
                       List<String> gradeLabels, String excellentLabel, Svg rateChart, Svg gradeChart,
                       Tables.Link report, Tables.Link csv, Tables.Link xlsx, Tables.Link json, List<FindingView> findings, int findingCount) {
        public Year {
            projects = List.copyOf(projects);
            units = List.copyOf(units);
            gradeLabels = List.copyOf(gradeLabels);
            findings = List.copyOf(findings);
        }
    }

    public record Unit(Frame frame, String name, String year, String narrativeHtml, List<Tables.ProjectRow> projects,
                       Tables.TotalsView totals, List<FindingView> findings) {
        public Unit {
            projects = List.copyOf(projects);
            findings = List.copyOf(findings);
        }
    }

    /**
     * A 自评表 with its texts: the project's narrative, 五、存在问题 and (internal edition) the
     * reviewers' notes, each already HTML; empty when absent or not shown.
     */
    public record FormView(Form form, String heading, boolean internal, String narrativeHtml, String problemsHtml,
                           String internalHtml, List<Located> findingIndex) {
        public FormView {
            findingIndex = List.copyOf(findingIndex);
        }
    }

    /** A finding in the list at the top of a form, linking to the row it is shown at. */
    public record Located(FindingView finding, String where, String href) {
    }

    public record Project(Frame frame, String name, String year, Tables.Link unit, FormView form,
                          List<Tables.Link> otherYears) {
        public Project {
            otherYears = List.copyOf(otherYears);
        }
    }

    /** The whole year's report on one printable page, in the order of the original document. */
    public record Report(Frame frame, String title, String department, String published, String narrativeHtml,
                         List<ReportUnit> units) {
        public Report {
            units = List.copyOf(units);
        }
    }

    public record ReportUnit(String id, String name, String narrativeHtml, List<FormView> forms) {
        public ReportUnit {
            forms = List.copyOf(forms);
        }
    }
}
