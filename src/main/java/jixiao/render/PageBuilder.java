package jixiao.render;

import jixiao.compare.ProjectChange;
import jixiao.content.Narrative;
import jixiao.content.Project;
import jixiao.content.Publisher;
import jixiao.content.Report;
import jixiao.site.Figures;
import jixiao.site.FindingView;
import jixiao.site.Form;
import jixiao.site.Forms;
import jixiao.site.ModelReads;
import jixiao.site.Money;
import jixiao.site.PagedYear;
import jixiao.site.Paths;
import jixiao.site.ProjectModel;
import jixiao.site.SiteModel;
import jixiao.site.Tables;
import jixiao.site.Totals;
import jixiao.site.UnitModel;
import jixiao.site.YearModel;
import jixiao.score.ProjectScore;
import jixiao.score.Rounding;
import jixiao.score.RulesProfile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Builds the record each template receives, for one edition. Thread-safe: pages may be built in parallel. */
public final class PageBuilder {

    private final SiteModel site;
    private final Markdown markdown;
    /**
     * Each year's project changes by project id (every project page's history looks up one per year) and by unit (a
     * part of a split changes page notes its unit's).
     */
    private final Map<Integer, YearChanges> changesByYear;
    /** A year's project changes by project id and by unit (the unit the project is in that year). */
    private record YearChanges(Map<String, ProjectChange> byId, Map<String, List<ProjectChange>> byUnit) {
    }

    /** The page that shows each project's change, by year and project id ({@link #changesPages}). */
    private final Map<Integer, Map<String, String>> changesPages;
    /** Forms rendered once and waiting for their second rendering, by identity ({@link #sharedFormParts}). */
    private final Map<ProjectModel, FormParts> sharedForms = new IdentityHashMap<>();

    public PageBuilder(SiteModel site, Markdown markdown) {
        this.site = site;
        this.markdown = markdown;
        Map<Integer, YearChanges> changes = new HashMap<>();
        for (YearModel year : site.years()) {
            if (!year.hasPrevious()) continue;
            Map<String, ProjectChange> byId = new HashMap<>();
            Map<String, List<ProjectChange>> byUnit = new HashMap<>();
            for (ProjectChange c : year.changes().projects()) {
                byId.putIfAbsent(c.id(), c);
                byUnit.computeIfAbsent(c.unitId(), u -> new ArrayList<>()).add(c);
            }
            changes.put(year.number(), new YearChanges(byId, byUnit));
        }
        this.changesByYear = changes;
        this.changesPages = changesPages(site);
    }

    /**
     * The page that shows each project's change, by year and project id: its unit's part of the year's changes page
     * when that is split, else the changes page. Which part that is depends on how many of the unit's changes come
     * before it, so a page that links there notes the path itself ({@link #changesPageFact}), not those changes: a
     * rename elsewhere in the unit leaves it as it was unless the link moves.
     */
    private static Map<Integer, Map<String, String>> changesPages(SiteModel site) {
        Map<Integer, Map<String, String>> byYear = new HashMap<>();
        for (YearModel year : site.years()) if (year.hasPrevious()) byYear.put(year.number(), changesPages(year));
        return byYear;
    }

    /** {@link #changesPages(SiteModel)} of one year that has a year before it. */
    private static Map<String, String> changesPages(YearModel year) {
        Map<String, String> pages = new HashMap<>();
        for (PagedYear.Part<ProjectChange> part : PagedYear.changesParts(year, ChangePages.detailed(year))) {
            for (ProjectChange c : part.items()) pages.putIfAbsent(c.id(), part.path());
        }
        for (ProjectChange c : year.changes().projects()) pages.putIfAbsent(c.id(), Paths.changes(year.number()));
        return pages;
    }

    /**
     * Every fact a rendering of {@code site} may note by name ({@link ModelReads#noteDerived}) with its value: what a
     * build cache compares to know whether a file that noted one still holds.
     */
    public static Map<String, Object> derivedFacts(SiteModel site) {
        Map<String, Object> facts = new HashMap<>();
        changesPages(site).forEach((year, pages) -> pages.forEach((id, path) -> facts.put(changesPageFact(year, id), path)));
        return facts;
    }

    /**
     * {@link #derivedFacts} as a look-up, each year's facts worked out the first time one of them is asked for: a
     * preview asks about the few pages an editor has open, after every save. For one thread.
     */
    public static Function<String, Object> derivedFact(SiteModel site) {
        Map<Integer, Map<String, String>> years = new HashMap<>();
        return name -> {
            if (!name.startsWith(CHANGES_PAGE)) return null;
            int slash = name.indexOf('/', CHANGES_PAGE.length());
            if (slash < 0) return null;
            int number = Integer.parseInt(name.substring(CHANGES_PAGE.length(), slash));
            Map<String, String> pages = years.computeIfAbsent(number, n -> site.years().stream()
                    .filter(y -> y.number() == n && y.hasPrevious()).findFirst().map(PageBuilder::changesPages).orElse(Map.of()));
            return pages.get(name.substring(slash + 1));
        };
    }

    private static final String CHANGES_PAGE = "changes-page/";

    private static String changesPageFact(int year, String projectId) {
        return CHANGES_PAGE + year + "/" + projectId;
    }

    public SiteModel site() {
        return site;
    }

    // ------------------------------------------------------------------ frame

    Pages.Frame frame(String path, String title, List<Tables.Link> crumbs) {
        List<Tables.Link> breadcrumbs = new ArrayList<>();
        if (!path.equals(Paths.HOME)) {
            breadcrumbs.add(new Tables.Link("首页", Paths.relative(path, Paths.HOME)));
            breadcrumbs.addAll(crumbs);
        }
        Integer pageYear = Paths.yearOf(path);
        List<Pages.NavLink> years = site.years().stream()
                .map(y -> new Pages.NavLink(y.number() + "年度", Paths.relative(path, Paths.year(y.number())),
                        pageYear == null || pageYear != y.number() ? null : path.equals(Paths.year(y.number())) ? "page" : "true"))
                .toList();
        String full = title.equals(site.site().title()) ? title : title + " · " + site.site().title();
        if (site.edition().showsFindings()) full += "（" + site.edition().label() + "）";
        return new Pages.Frame(full, site.site().title(), orEmpty(site.site().organisation()), site.edition().key(),
                site.edition().label(), site.edition().showsFindings(), Paths.relative(path, Paths.HOME),
                Paths.relative(path, Paths.CSS), breadcrumbs, years, Paths.relative(path, Paths.SCRIPT),
                Paths.relative(path, Paths.SEARCH), Paths.relative(path, Paths.ACCESSIBILITY), publisher(pageYear), "");
    }

    /** The publisher block for a page of {@code year} (null: a page of no year). */
    private Pages.Publisher publisher(Integer year) {
        Publisher p = site.site().publisher();
        String name = p.name() != null ? p.name() : orEmpty(site.site().organisation());
        String published = year == null ? "" : site.years().stream().filter(y -> y.number() == year).findFirst()
                .flatMap(y -> p.publishedIn(year, y.report().published())).map(LocalDate::toString).orElse("");
        String updated = p.lastUpdated(site.years().stream()
                .map(y -> p.publishedIn(y.number(), y.report().published()).orElse(null)).toList())
                .map(LocalDate::toString).orElse("");
        return new Pages.Publisher(name, orEmpty(p.indexNumber()), orEmpty(p.contact()), published, updated);
    }

    // ------------------------------------------------------------------ pages

    public Pages.Home home() {
        String path = Paths.HOME;
        List<Tables.YearRow> rows = site.years().stream()
                .map(y -> new Tables.YearRow(new Tables.Link(y.number() + "年度", Paths.relative(path, Paths.year(y.number()))),
                        y.report().title(), Tables.TotalsView.of(y.totals()), changesLink(path, y), pending(y.hiddenIds().size())))
                .toList();
        return new Pages.Home(frame(path, site.site().title(), List.of()), rows, gradeLabels(),
                Forms.views(site.siteFindings()));
    }

    public Pages.Year year(YearModel year) {
        String path = Paths.year(year.number());
        Report report = year.report();
        // A year too large for one report page is too large for one table of every project too: the unit pages
        // have them, unit by unit, and the statistics table links those.
        boolean split = PagedYear.split(year);
        List<ProjectModel> listed = split ? List.of() : year.projects();
        List<Tables.ProjectRow> rows = Tables.projects(listed, year, path, site.site().moneyUnit());
        // A draft's empty copy (nothing executed yet) is not a rate of 0.00%: it is left out of the chart.
        List<Charts.Bar> rateBars = listed.stream()
                .filter(p -> !emptyDraft(p))
                .map(p -> new Charts.Bar(p.project().name(), p.score().executionRatio(), Money.rate(p.score().executionRatio())))
                .toList();
        Totals totals = year.totals();
        List<Charts.Bar> gradeBars = totals.signedGradeCounts().entrySet().stream()
                .map(e -> {
                    int computed = totals.gradeCounts().getOrDefault(e.getKey(), 0);
                    return new Charts.Bar(e.getKey(), BigDecimal.valueOf(e.getValue()),
                            e.getValue() + " 个" + (computed == e.getValue() ? "" : "（核算 " + computed + " 个）"));
                })
                .toList();
        String id = Integer.toString(year.number());
        Svg rateChart = split ? null : Charts.bars("chart-rate", id + "年度各项目预算执行率",
                "横条长度表示各项目执行数占预算数的比例，虚线为100%；数值见“项目汇总表”。", rateBars, BigDecimal.ONE);
        Svg gradeChart = Charts.bars("chart-grade", id + "年度评价等级分布",
                "按自评表所写等级，各等级的项目个数，括号内为按核算总分评定的个数（不同时）；数值见“绩效自评情况统计表”的合计行。", gradeBars, null);
        return new Pages.Year(
                frame(path, report.title(), List.of(new Tables.Link(year.number() + "年度", null))),
                report.title(), orEmpty(report.department()),
                site.site().publisher().publishedIn(year.number(), report.published()).map(LocalDate::toString).orElse(""),
                narrative(report.narrative(), year, null),
                rows, Tables.TotalsView.of(totals), Tables.units(year, path), gradeLabels(),
                String.join("/", site.profile().excellentGrades()), rateChart, gradeChart,
                new Tables.Link(split ? "整本报告（分册，可打印）" : "整本报告（可打印）", Paths.relative(path, Paths.report(year.number()))),
                changesLink(path, year),
                new Tables.Link("汇总表 summary.csv", Paths.relative(path, Paths.csv(year.number()))),
                new Tables.Link("汇总表和统计表 summary.xlsx", Paths.relative(path, Paths.xlsx(year.number()))),
                split ? new Tables.Link("数据 data.json.gz（gzip 压缩）", Paths.relative(path, Paths.jsonGzip(year.number())))
                        : new Tables.Link("数据 data.json", Paths.relative(path, Paths.json(year.number()))),
                Forms.views(year.findings()), year.findingCount(), pending(year.hiddenIds().size()), split);
    }

    public Pages.Unit unit(YearModel year, UnitModel unit) {
        String path = unit.path();
        return new Pages.Unit(
                frame(path, unit.unit().name() + " · " + year.number() + "年度", List.of(
                        new Tables.Link(year.number() + "年度", Paths.relative(path, Paths.year(year.number()))),
                        new Tables.Link(unit.unit().name(), null))),
                unit.unit().name(), Integer.toString(year.number()), narrative(unit.unit().narrative(), year, unit),
                Tables.projects(unit.projects(), year, path, site.site().moneyUnit()), Tables.TotalsView.of(unit.totals()),
                Forms.views(unit.findings()),
                pending(unit.unit().projects().stream().filter(p -> year.hiddenIds().contains(p.id())).count()));
    }

    private static boolean emptyDraft(jixiao.site.ProjectModel p) {
        if (!p.project().isDraft()) return false;
        BigDecimal executed = p.project().budget().executed().total();
        return executed == null || executed.signum() == 0;
    }

    /** What a page says of projects this edition does not show yet. */
    static String pending(long count) {
        return count == 0 ? "" : count + " 个项目尚未定稿，暂未公开。";
    }

    public Pages.Project project(YearModel year, UnitModel unit, ProjectModel model) {
        String path = model.path();
        Project p = model.project();
        List<Tables.Link> others = model.otherYears().stream()
                .map(r -> new Tables.Link(r.year() + "年度（" + r.unitName() + "）", Paths.relative(path, r.path())))
                .toList();
        return new Pages.Project(
                frame(path, p.name() + " · " + year.number() + "年度", List.of(
                        new Tables.Link(year.number() + "年度", Paths.relative(path, Paths.year(year.number()))),
                        new Tables.Link(unit.unit().name(), Paths.relative(path, unit.path())),
                        new Tables.Link(p.name(), null))),
                p.name(), Integer.toString(year.number()),
                new Tables.Link(unit.unit().name(), Paths.relative(path, unit.path())),
                form(year, unit, model, "部门预算项目绩效自评表"), others, history(model, path), trend(model));
    }

    /** The project in every year of the edition, when it is in more than one. */
    private List<Pages.HistoryRow> history(ProjectModel model, String path) {
        if (model.years().size() < 2) return List.of();
        String siteUnit = site.site().moneyUnit();
        List<Pages.HistoryRow> rows = new ArrayList<>();
        for (ProjectModel.ProjectRef r : model.years()) {
            ProjectScore s = r.score();
            Project p = s.project();
            boolean own = r.year() == model.project().year();
            rows.add(new Pages.HistoryRow(
                    new Tables.Link(r.year() + "年度", own ? null : Paths.relative(path, r.path())),
                    r.unitName(), p.isDraft(),
                    Money.format(Money.convert(p.budget().planned().total(), p.moneyUnit(), siteUnit), siteUnit),
                    Money.format(Money.convert(p.budget().executed().total(), p.moneyUnit(), siteUnit), siteUnit),
                    Money.rate(s.executionRatio()), s.computable() ? Money.score(s.computedTotal()) : ProjectScore.UNCOMPUTABLE,
                    Money.score(p.stated() == null ? null : p.stated().total()),
                    !s.computable() ? ProjectScore.UNCOMPUTABLE : s.computedGrade() == null ? Money.NONE : s.computedGrade(),
                    changeOf(path, r.year(), p.id())));
        }
        return rows;
    }

    /**
     * How the project changed that year, linking to where the year's changes page shows it; 未变 without a
     * link when it did not change; null in the first year.
     */
    private Tables.Link changeOf(String path, int yearNumber, String projectId) {
        YearChanges year = changesByYear.get(yearNumber);
        if (year == null) return null;
        Map<String, ProjectChange> changes = year.byId();
        // The year's changes were indexed outside any recording: note the one read (an absent one only becomes
        // present when a project of this id changes, which replaces the page's own project too).
        return Optional.ofNullable(ModelReads.note(changes.get(projectId)))
                .map(c -> ChangePages.anchor(c)
                        .map(a -> new Tables.Link(c.kind().label(), Paths.relative(path, changesPage(yearNumber, c) + "#" + a)))
                        .orElse(new Tables.Link(c.kind().label(), null)))
                .orElse(null);
    }

    /** The page that shows a project's change: its unit's part of a split changes page, else the changes page. */
    private String changesPage(int yearNumber, ProjectChange change) {
        String path = changesPages.get(yearNumber).getOrDefault(change.id(), Paths.changes(yearNumber));
        return ModelReads.noteDerived(changesPageFact(yearNumber, change.id()), path);
    }

    private static Svg trend(ProjectModel model) {
        if (model.years().size() < 2) return null;
        List<Charts.Point> points = model.years().stream()
                // A draft (the empty copy `new year` makes) has no figures yet: no point, rather than 0.00%.
                .map(r -> new Charts.Point(r.year() + "", r.score().executionRatio() == null || r.score().project().isDraft() ? null
                        : Rounding.halfUp2(Rounding.percent(r.score().executionRatio())),
                        r.score().computable() && !r.score().project().isDraft() ? Rounding.halfUp2(r.score().computedTotal()) : null))
                .toList();
        return Charts.trend("trend-" + model.project().id(), model.project().name() + "：各年度预算执行率与核算总分",
                "实线圆点为预算执行率（%），虚线方块为核算总分（满分100）；数值见“历年情况”表。", points);
    }

    /** A year's changes page, named by the year it is compared with; null for the first year. */
    private Tables.Link changesLink(String path, YearModel year) {
        return site.previous(year)
                .map(prev -> new Tables.Link("与" + prev.number() + "年度比较", Paths.relative(path, Paths.changes(year.number()))))
                .orElse(null);
    }

    public Pages.Changes changes(YearModel year) {
        YearModel previous = site.previous(year).orElseThrow(() -> new IllegalArgumentException("no year before " + year.number()));
        String path = Paths.changes(year.number());
        String title = year.number() + "年度与" + previous.number() + "年度比较";
        Pages.Frame frame = frame(path, title, List.of(
                new Tables.Link(year.number() + "年度", Paths.relative(path, Paths.year(year.number()))),
                new Tables.Link("与" + previous.number() + "年度比较", null)));
        List<ProjectChange> detailed = ChangePages.detailed(year);
        List<Tables.Link> parts = PagedYear.changesParts(year, detailed).stream()
                .map(part -> new Tables.Link(partName(part) + "（" + part.items().size() + " 个）", Paths.relative(path, part.path())))
                .toList();
        return new ChangePages(site.profile(), site.site().moneyUnit())
                .page(frame, title, previous, year, parts, parts.isEmpty() ? 0 : detailed.size());
    }

    /** The parts of a year's changes page too long for one page, empty when it is one page. */
    public List<PagedYear.Part<ProjectChange>> changesParts(YearModel year) {
        return year.hasPrevious() ? PagedYear.changesParts(year, ChangePages.detailed(year)) : List.of();
    }

    /** One unit's page (or numbered part) of a split changes page. */
    public Pages.ChangesPart changesPart(YearModel year, PagedYear.Part<ProjectChange> part) {
        // Which changes this part shows was picked when the jobs were listed, outside any recording, from its unit's
        // changes (a change elsewhere in the unit moves the cut): each of them is noted here.
        for (ProjectChange c : changesByYear.get(year.number()).byUnit().getOrDefault(part.unit().unit().id(), List.of())) {
            ModelReads.note(c);
        }
        YearModel previous = site.previous(year).orElseThrow(() -> new IllegalArgumentException("no year before " + year.number()));
        String path = part.path();
        String title = year.number() + "年度与" + previous.number() + "年度比较";
        Pages.Frame frame = frame(path, partName(part) + " · " + title, List.of(
                new Tables.Link(year.number() + "年度", Paths.relative(path, Paths.year(year.number()))),
                new Tables.Link("与" + previous.number() + "年度比较", Paths.relative(path, Paths.changes(year.number()))),
                new Tables.Link(partName(part), null)));
        return new ChangePages(site.profile(), site.site().moneyUnit()).part(frame, title, previous, year, part, partName(part));
    }

    public Pages.Report report(YearModel year) {
        String path = Paths.report(year.number());
        Report report = year.report();
        List<Pages.ReportUnit> units = new ArrayList<>();
        for (UnitModel unit : year.units()) units.add(reportUnit(year, unit, unit.projects(), true));
        return new Pages.Report(
                reportFrame(path, year, "整本报告", null, ""),
                report.title(), orEmpty(report.department()), Integer.toString(year.number()),
                site.site().publisher().publishedIn(year.number(), report.published()).map(LocalDate::toString).orElse(""),
                narrative(report.narrative(), year, null), units,
                Tables.projects(year.projects(), year, path, site.site().moneyUnit()), Tables.TotalsView.of(year.totals()),
                Tables.units(year, path), gradeLabels(), String.join("/", site.profile().excellentGrades()));
    }

    /** A split year's report.html: cover, text, statistics and links to every part ({@link PagedYear#reportParts}). */
    public Pages.ReportIndex reportIndex(YearModel year) {
        String path = Paths.report(year.number());
        Report report = year.report();
        List<Tables.Link> parts = PagedYear.reportParts(year).stream()
                .map(part -> new Tables.Link(partName(part), Paths.relative(path, part.path())))
                .toList();
        return new Pages.ReportIndex(
                reportFrame(path, year, "整本报告", null, ""),
                report.title(), orEmpty(report.department()), Integer.toString(year.number()),
                site.site().publisher().publishedIn(year.number(), report.published()).map(LocalDate::toString).orElse(""),
                narrative(report.narrative(), year, null), parts, Tables.TotalsView.of(year.totals()),
                Tables.units(year, path), gradeLabels(), String.join("/", site.profile().excellentGrades()));
    }

    /** One part of a split year's report: a unit, or one numbered part of a large unit. */
    public Pages.ReportPart reportPart(YearModel year, PagedYear.Part<ProjectModel> part) {
        String path = part.path();
        String index = Paths.relative(path, Paths.report(year.number()));
        List<PagedYear.Part<ProjectModel>> all = PagedYear.reportParts(year);
        int at = all.indexOf(part);
        Tables.Link previous = at > 0 ? new Tables.Link(partName(all.get(at - 1)), Paths.relative(path, all.get(at - 1).path())) : null;
        Tables.Link next = at >= 0 && at + 1 < all.size()
                ? new Tables.Link(partName(all.get(at + 1)), Paths.relative(path, all.get(at + 1).path())) : null;
        List<jixiao.score.ProjectScore> scores = part.items().stream().map(ProjectModel::score).toList();
        return new Pages.ReportPart(
                reportFrame(path, year, partName(part), new Tables.Link("整本报告", index), " · " + partName(part)),
                year.report().title(), Integer.toString(year.number()), partName(part), new Tables.Link("整本报告（总册）", index),
                reportUnit(year, part.unit(), part.items(), part.number() == 1),
                Tables.projects(part.items(), year, path, site.site().moneyUnit()),
                Tables.TotalsView.of(Totals.of(scores, site.site().moneyUnit(), site.profile())), previous, next);
    }

    private static String partName(PagedYear.Part<?> part) {
        return part.unit().unit().name() + (part.numbering().isEmpty() ? "" : " " + part.numbering());
    }

    /**
     * The frame of a report page: its own crumb last, and the running title of its printed pages.
     *
     * @param index the report's index in the breadcrumbs (a part's page), null for the report page itself
     * @param suffix what the running title adds to the report's title and year (a part's name), or nothing
     */
    private Pages.Frame reportFrame(String path, YearModel year, String crumb, Tables.Link index, String suffix) {
        Report report = year.report();
        List<Tables.Link> crumbs = new ArrayList<>();
        crumbs.add(new Tables.Link(year.number() + "年度", Paths.relative(path, Paths.year(year.number()))));
        if (index != null) crumbs.add(index);
        crumbs.add(new Tables.Link(crumb, null));
        // A part adds its name, so that a printed page says which part it is from.
        String running = Pages.cssString(report.title() + "（" + year.number() + "年度）" + suffix);
        return frame(path, report.title() + "（" + (index == null ? "全文" : crumb) + "）", crumbs)
                .withHeadStyle("@page { @top-center { content: " + running
                        + "; font-size: 9pt; color: #333; } } @page :first { @top-center { content: none; } }");
    }

    /** A unit of the report with its forms, made as the template comes to each: a year can have tens of thousands. */
    private Pages.ReportUnit reportUnit(YearModel year, UnitModel unit, List<ProjectModel> projects, boolean withNarrative) {
        List<Pages.FormView> forms = new AbstractList<>() {
            @Override
            public Pages.FormView get(int i) {
                return form(year, unit, projects.get(i), "部门预算项目绩效自评表", true);
            }

            @Override
            public int size() {
                return projects.size();
            }
        };
        List<Tables.Link> contents = projects.stream()
                .map(pm -> new Tables.Link(pm.project().name(), "#" + pm.project().id())).toList();
        return new Pages.ReportUnit(unit.unit().id(), unit.unit().name(),
                withNarrative ? narrative(unit.unit().narrative(), year, unit) : "", forms, contents);
    }

    Pages.FormView form(YearModel year, UnitModel unit, ProjectModel model, String heading) {
        return form(year, unit, model, heading, false);
    }

    private Pages.FormView form(YearModel year, UnitModel unit, ProjectModel model, String heading, boolean attachment) {
        FormParts parts = ModelReads.recording() ? formParts(year, unit, model) : sharedFormParts(year, unit, model);
        return new Pages.FormView(parts.form(), heading, site.edition().showsFindings(), parts.narrative(),
                parts.problems(), parts.internal(), parts.findingIndex(), attachment);
    }

    /** What a form shows besides its heading and place: the same on its project page and in its year's report. */
    private record FormParts(Form form, String narrative, String problems, String internal, List<Pages.Located> findingIndex) {
    }

    private FormParts formParts(YearModel year, UnitModel unit, ProjectModel model) {
        Project p = model.project();
        Form form = Forms.of(model, site);
        String problems = p.problems() == null || p.problems().isBlank() ? "" : markdown(p.problems(), p.file(), year, unit);
        String internal = site.edition().showsInternalNotes() && p.internal() != null && !p.internal().isBlank()
                ? markdown(p.internal(), p.file(), year, unit) : "";
        return new FormParts(form, narrative(p.narrative(), year, unit), problems, internal, findingIndex(form));
    }

    /**
     * A form's parts made once for its two renderings in a build, its project page and its report (part): whichever
     * comes first makes them and leaves them here, the other takes them out. Forms.of and the Markdown were a tenth
     * of a build's CPU, each done twice per form and edition. A plain build renders every form exactly twice, and
     * SiteRenderer.jobs puts a report part right after its projects' pages, so only the forms between the two
     * renderings are held (at most a part's); when both come at once, both make them and nothing stays.
     * Not while ModelReads records (serve, an incremental build): a rendering that took them would not note its reads.
     */
    private FormParts sharedFormParts(YearModel year, UnitModel unit, ProjectModel model) {
        synchronized (sharedForms) {
            FormParts made = sharedForms.remove(model);
            if (made != null) return made;
        }
        FormParts made = formParts(year, unit, model);
        synchronized (sharedForms) {
            if (sharedForms.putIfAbsent(model, made) != null) sharedForms.remove(model);
        }
        return made;
    }

    public Pages.Search search() {
        String path = Paths.SEARCH;
        List<Pages.SearchYear> years = new ArrayList<>();
        int count = 0;
        List<YearModel> newestFirst = new ArrayList<>(site.years());
        java.util.Collections.reverse(newestFirst);
        for (YearModel year : newestFirst) {
            List<Pages.SearchUnit> units = new ArrayList<>();
            for (UnitModel unit : year.units()) {
                List<Tables.Link> projects = unit.projects().stream()
                        .map(pm -> new Tables.Link(pm.project().name(), Paths.relative(path, pm.path()))).toList();
                count += projects.size();
                units.add(new Pages.SearchUnit(new Tables.Link(unit.unit().name(), Paths.relative(path, unit.path())), projects));
            }
            years.add(new Pages.SearchYear(new Tables.Link(year.number() + "年度", Paths.relative(path, Paths.year(year.number()))), units));
        }
        return new Pages.Search(frame(path, "全部项目及站内搜索", List.of(new Tables.Link("全部项目及站内搜索", null))), years, count);
    }

    public Pages.Accessibility accessibility() {
        String path = Paths.ACCESSIBILITY;
        Pages.Frame frame = frame(path, "无障碍声明", List.of(new Tables.Link("无障碍声明", null)));
        return new Pages.Accessibility(frame, frame.publisher().contact());
    }

    /** Every finding of a form in form order, each with the row it is shown at. */
    static List<Pages.Located> findingIndex(Form form) {
        List<Pages.Located> out = new ArrayList<>();
        String a = form.anchor();
        add(out, form.general(), "表头及基本情况", "#" + a + "-basic");
        add(out, form.budgetFindings(), "二、预算执行情况", "#" + a + "-budget");
        add(out, form.goalFindings(), "三、目标完成情况", "#" + a + "-goals");
        add(out, form.indicatorFindings(), "四、年度绩效指标完成情况", "#" + a + "-indicators");
        for (Form.IndicatorRow row : form.indicators()) {
            add(out, row.findings(), "三级指标“" + row.name() + "”", "#" + a + "-" + row.id());
        }
        add(out, form.execution().findings(), "预算执行率", "#" + a + "-execution");
        add(out, form.totalFindings(), "总分", "#" + a + "-total");
        add(out, form.gradeFindings(), "评价等级", "#" + a + "-grade");
        add(out, form.problemFindings(), "五、存在问题", "#" + a + "-problems");
        add(out, form.contactFindings(), "填报人", "#" + a + "-contact");
        add(out, form.internalFindings(), "内部备注", "#" + a + "-internal");
        return out;
    }

    private static void add(List<Pages.Located> out, List<FindingView> findings, String where, String href) {
        for (FindingView f : findings) out.add(new Pages.Located(f, where, href));
    }

    // ------------------------------------------------------------------ helpers

    private List<String> gradeLabels() {
        return site.profile().grades().stream().map(RulesProfile.Grade::label).toList();
    }

    private String narrative(Narrative narrative, YearModel year, UnitModel unit) {
        if (narrative == null || narrative.markdown().isBlank()) return "";
        return markdown(narrative.markdown(), narrative.file(), year, unit);
    }

    private String markdown(String text, String file, YearModel year, UnitModel unit) {
        return markdown.toHtml(text, file, ref -> Figures.resolve(year, unit, ref.scope(), ref.figure()));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
