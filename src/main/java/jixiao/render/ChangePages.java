package jixiao.render;

import jixiao.score.ProjectScore;
import jixiao.compare.Change;
import jixiao.compare.ChangeKind;
import jixiao.compare.ChangeWording;
import jixiao.compare.Field;
import jixiao.compare.IndicatorChange;
import jixiao.compare.IndicatorSnapshot;
import jixiao.compare.NarrativeChange;
import jixiao.compare.NumberChange;
import jixiao.compare.ParagraphChange;
import jixiao.compare.ProjectChange;
import jixiao.compare.ProjectSnapshot;
import jixiao.compare.TextChange;
import jixiao.compare.UnitChange;
import jixiao.compare.YearComparison;
import jixiao.score.Rounding;
import jixiao.score.RulesProfile;
import jixiao.site.Money;
import jixiao.site.PagedYear;
import jixiao.site.Paths;
import jixiao.site.Tables;
import jixiao.site.Totals;
import jixiao.site.UnitModel;
import jixiao.site.YearModel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The records of a year's changes page, built from the edition's {@link YearComparison} (so a
 * public page has no draft and no private field) and formatted as the rest of the site formats
 * figures ({@link Money}); kinds, levels, paragraph counts and differences are worded by
 * {@link ChangeWording}, as {@code jixiao diff} words them. Headline and unit totals come from the two years' site models, so that they
 * are the very figures of the two year pages.
 */
final class ChangePages {

    private final RulesProfile profile;
    private final String moneyUnit;

    ChangePages(RulesProfile profile, String moneyUnit) {
        this.profile = profile;
        this.moneyUnit = moneyUnit;
    }

    /** The id of the place on the changes page that shows a project's changes, or empty when it has none there. */
    static Optional<String> anchor(ProjectChange p) {
        if (!p.hasChanges() || p.kind() == ChangeKind.REMOVED) return Optional.empty();
        return Optional.of("p-" + p.id());
    }

    /** Whether a project's changes are shown in detail (on the changes page, or on its unit's part of it). */
    static boolean detailed(ProjectChange p) {
        return p.hasChanges() && p.kind() != ChangeKind.ADDED && p.kind() != ChangeKind.REMOVED
                && (!p.changes().isEmpty() || !p.indicators().isEmpty() || !p.narrative().isEmpty() || !p.problems().isEmpty());
    }

    /** The projects of a year shown in detail, in the comparison's order. */
    static List<ProjectChange> detailed(YearModel year) {
        return year.changes().changedProjects().stream().filter(ChangePages::detailed).toList();
    }

    /** A part of a split changes page: the changed projects of one unit (or of one numbered part of it). */
    Pages.ChangesPart part(Pages.Frame frame, String title, YearModel previous, YearModel year, PagedYear.Part<ProjectChange> part,
                           String partName) {
        String path = part.path();
        return new Pages.ChangesPart(frame, title, Integer.toString(previous.number()), Integer.toString(year.number()),
                partName, new Tables.Link(title + "（总页）", Paths.relative(path, Paths.changes(year.number()))),
                part.items().stream().map(p -> detail(p, path)).toList());
    }

    /**
     * @param parts the pages of a split changes page ({@link PagedYear#changesParts}) with their names, or empty: then
     *              this page shows every changed project in detail
     */
    Pages.Changes page(Pages.Frame frame, String title, YearModel previous, YearModel year, List<Tables.Link> parts,
                       int partsProjects) {
        YearComparison c = year.changes();
        String path = Paths.changes(year.number());
        List<Pages.ProjectLine> added = new ArrayList<>();
        List<Pages.ProjectLine> removed = new ArrayList<>();
        List<Pages.MovedLine> moved = new ArrayList<>();
        List<Pages.RenamedLine> renamed = new ArrayList<>();
        List<Pages.ProjectDetail> changed = new ArrayList<>();
        for (ProjectChange p : c.changedProjects()) {
            switch (p.kind()) {
                case ADDED -> added.add(line(p, p.to(), path));
                case REMOVED -> removed.add(line(p, p.from(), path));
                default -> {
                    boolean detail = detailed(p);
                    if (p.isMoved()) {
                        moved.add(new Pages.MovedLine(detail ? null : anchor(p).orElse(null), p.id(), p.to().name(),
                                new Tables.Link(p.from().unitName(), page(path, p.from())),
                                new Tables.Link(p.to().unitName(), page(path, p.to()))));
                    }
                    if (p.isRenamed()) {
                        renamed.add(new Pages.RenamedLine(p.id(), p.to().unitName(),
                                new Tables.Link(p.from().name(), page(path, p.from())),
                                new Tables.Link(p.to().name(), page(path, p.to()))));
                    }
                    if (detail && parts.isEmpty()) changed.add(detail(p, path));
                }
            }
        }
        List<Pages.UnitLine> units = new ArrayList<>();
        for (UnitChange u : c.changedUnits()) units.add(unit(u, previous, year, path));
        int unchanged = c.projects().size() - c.changedProjects().size();
        return new Pages.Changes(frame, title, Integer.toString(previous.number()), Integer.toString(year.number()),
                new Tables.Link(previous.number() + "年度", Paths.relative(path, Paths.year(previous.number()))),
                new Tables.Link(year.number() + "年度", Paths.relative(path, Paths.year(year.number()))),
                moneyUnit, totals(comparable(previous, year), year.totals()), added, removed, moved, renamed, changed, units,
                narrative("报告正文", c.narrative()), unchanged, PageBuilder.pending(c.pending()), parts, partsProjects);
    }

    /**
     * The earlier year's totals over the projects the later year shows too: a project whose later copy is a draft
     * is not yet published, so it is left out of both sides rather than counted as a fall to 0.
     */
    private Totals comparable(YearModel previous, YearModel year) {
        if (year.changes().pending() == 0) return previous.totals();
        List<jixiao.score.ProjectScore> scores = previous.units().stream().flatMap(u -> u.projects().stream())
                .filter(pm -> !year.hiddenIds().contains(pm.project().id())).map(jixiao.site.ProjectModel::score).toList();
        return Totals.of(scores, moneyUnit, profile);
    }

    /** A unit's earlier totals over the projects the later year shows too, as {@link #comparable(YearModel, YearModel)}. */
    private Totals comparable(UnitModel previous, YearModel year) {
        if (year.changes().pending() == 0) return previous.totals();
        List<jixiao.score.ProjectScore> scores = previous.projects().stream()
                .filter(pm -> !year.hiddenIds().contains(pm.project().id())).map(jixiao.site.ProjectModel::score).toList();
        return Totals.of(scores, moneyUnit, profile);
    }

    // ------------------------------------------------------------------ totals

    private List<Pages.Delta> totals(Totals a, Totals b) {
        List<Pages.Delta> out = new ArrayList<>();
        out.add(count("项目数", a.projects(), b.projects()));
        out.add(money("预算数", a.planned(), b.planned()));
        out.add(money("到位数", a.received(), b.received()));
        out.add(money("执行数", a.executed(), b.executed()));
        out.add(rate("预算执行率", a.executionRatio(), b.executionRatio()));
        out.add(score("平均核算总分", a.averageScore(), b.averageScore()));
        out.add(rate("优良率", a.excellentRatio(), b.excellentRatio()));
        return out;
    }

    private static Pages.Delta count(String label, int from, int to) {
        BigDecimal a = BigDecimal.valueOf(from);
        BigDecimal b = BigDecimal.valueOf(to);
        return new Pages.Delta(label, a.toPlainString(), b.toPlainString(), from == to ? "" : signed(b.subtract(a)),
                from == to ? "" : relative(a, b), from != to, true);
    }

    private Pages.Delta money(String label, BigDecimal from, BigDecimal to) {
        boolean changed = differ(from, to);
        return new Pages.Delta(label, Money.format(from, moneyUnit), Money.format(to, moneyUnit),
                changed && from != null && to != null ? moneyDelta(to.subtract(from)) : "",
                changed ? relative(from, to) : "", changed, true);
    }

    /** Two ratios (0.9949) compared as shown: in percent with two decimals; the difference in 个百分点. */
    private static Pages.Delta rate(String label, BigDecimal from, BigDecimal to) {
        BigDecimal a = from == null ? null : Rounding.halfUp2(Rounding.percent(from));
        BigDecimal b = to == null ? null : Rounding.halfUp2(Rounding.percent(to));
        boolean changed = differ(a, b);
        return new Pages.Delta(label, Money.rate(from), Money.rate(to), changed ? points(a, b) : "", "", changed, true);
    }

    private static Pages.Delta score(String label, BigDecimal from, BigDecimal to) {
        BigDecimal a = from == null ? null : Rounding.halfUp2(from);
        BigDecimal b = to == null ? null : Rounding.halfUp2(to);
        boolean changed = differ(a, b);
        return new Pages.Delta(label, Money.score(from), Money.score(to),
                changed && a != null && b != null ? signed(b.subtract(a)) : "", "", changed, true);
    }

    // ------------------------------------------------------------------ units

    private Pages.UnitLine unit(UnitChange u, YearModel previous, YearModel year, String path) {
        UnitModel a = u.kind() == ChangeKind.ADDED ? null : previous.unitsById().get(u.id());
        UnitModel b = u.kind() == ChangeKind.REMOVED ? null : year.unitsById().get(u.id());
        List<String> kinds = new ArrayList<>();
        if (u.kind() != ChangeKind.CHANGED) kinds.add(u.kind().label());
        else {
            if (u.change(Field.NAME).isPresent()) kinds.add("改名");
            if (u.changes().stream().anyMatch(ch -> ch.field() != Field.NAME) || !u.narrative().isEmpty()) kinds.add(ChangeKind.CHANGED.label());
        }
        Totals ta = a == null ? null : comparable(a, year);
        Totals tb = b == null ? null : b.totals();
        return new Pages.UnitLine(String.join("、", kinds),
                a == null ? null : new Tables.Link(u.fromName(), Paths.relative(path, a.path())),
                b == null ? null : new Tables.Link(u.toName(), Paths.relative(path, b.path())),
                ta == null || tb == null ? side("项目数", ta == null ? null : Integer.toString(ta.projects()), tb == null ? null : Integer.toString(tb.projects()))
                        : count("项目数", ta.projects(), tb.projects()),
                money("预算数", ta == null ? null : ta.planned(), tb == null ? null : tb.planned()),
                money("执行数", ta == null ? null : ta.executed(), tb == null ? null : tb.executed()),
                rate("预算执行率", ta == null ? null : ta.executionRatio(), tb == null ? null : tb.executionRatio()),
                u.narrative().isEmpty() ? Money.NONE : counts(u.narrative()));
    }

    /** A figure that only one side has (a unit added or removed). */
    private static Pages.Delta side(String label, String from, String to) {
        return new Pages.Delta(label, from == null ? Money.NONE : from, to == null ? Money.NONE : to, "", "", true, true);
    }

    // ------------------------------------------------------------------ projects

    private Pages.ProjectLine line(ProjectChange p, ProjectSnapshot s, String path) {
        return new Pages.ProjectLine(anchor(p).orElse(null), p.id(), new Tables.Link(s.name(), page(path, s)), s.unitName(),
                s.isDraft(), Money.format(s.planned(), moneyUnit), Money.format(s.executed(), moneyUnit), percent(s.executionRatePercent()),
                s.computedTotal() == null ? ProjectScore.UNCOMPUTABLE : Money.score(s.computedTotal()),
                s.computedGrade() == null ? Money.NONE : s.computedGrade());
    }

    private Pages.ProjectDetail detail(ProjectChange p, String path) {
        List<String> kinds = new ArrayList<>();
        if (p.isMoved()) kinds.add(ChangeKind.MOVED.label());
        if (p.isRenamed()) kinds.add(ChangeKind.RENAMED.label());
        boolean other = p.changes().stream().anyMatch(ch -> ch.field() != Field.NAME) || !p.indicators().isEmpty()
                || !p.narrative().isEmpty() || !p.problems().isEmpty();
        if (other) kinds.add(ChangeKind.CHANGED.label());
        List<Pages.Delta> figures = p.changes().stream().map(this::delta).toList();
        List<Pages.IndicatorRow> indicators = p.indicators().stream().map(this::indicator).toList();
        return new Pages.ProjectDetail(anchor(p).orElseThrow(), p.id(), p.to().name(), p.to().isDraft(), kinds,
                new Tables.Link(p.from().year() + "年度 · " + p.from().unitName(), page(path, p.from())),
                new Tables.Link(p.to().year() + "年度 · " + p.to().unitName(), page(path, p.to())),
                figures, indicators, narrative("项目说明", p.narrative()), narrative("存在问题及整改措施", p.problems()));
    }

    private static String page(String from, ProjectSnapshot s) {
        return Paths.relative(from, Paths.project(s.year(), s.unitId(), s.id()));
    }

    private Pages.IndicatorRow indicator(IndicatorChange i) {
        IndicatorSnapshot current = i.to() != null ? i.to() : i.from();
        Pages.Cell name = i.kind() == ChangeKind.RENAMED
                ? new Pages.Cell(i.from().name(), i.to().name(), true) : Pages.Cell.same(current.name());
        List<String> other = new ArrayList<>();
        for (Change ch : i.changes()) {
            switch (ch.field()) {
                case LEVEL, TARGET, ACTUAL, WEIGHT -> { }
                default -> other.add(ch.field().label() + " " + value(ch, true) + " → " + value(ch, false));
            }
        }
        return new Pages.IndicatorRow(i.kind().label(), name,
                cell(i, Field.LEVEL, level(current.level())),
                cell(i, Field.TARGET, orNone(current.target())),
                cell(i, Field.ACTUAL, orNone(current.actual())),
                cell(i, Field.WEIGHT, current.weight() == null ? Money.NONE : current.weight().toPlainString()),
                other);
    }

    private Pages.Cell cell(IndicatorChange i, Field field, String current) {
        return i.changes().stream().filter(ch -> ch.field() == field).findFirst()
                .map(ch -> new Pages.Cell(value(ch, true), value(ch, false), true))
                .orElse(Pages.Cell.same(current));
    }

    // ------------------------------------------------------------------ one change

    private Pages.Delta delta(Change c) {
        String label = c.field().label();
        if (c instanceof NumberChange n) {
            String d = "";
            String r = "";
            if (n.delta() != null) {
                if (n.field().isMoney()) {
                    d = moneyDelta(n.delta());
                    r = relative(n.from(), n.to());
                } else if (n.field() == Field.EXECUTION_RATE) {
                    d = points(n.from(), n.to());
                } else if (n.field() == Field.STATED_TOTAL || n.field() == Field.COMPUTED_TOTAL) {
                    d = signed(Rounding.halfUp2(n.delta()));
                } else {
                    d = signed(n.delta());
                }
            }
            return new Pages.Delta(label, value(c, true), value(c, false), d, r, true, true);
        }
        return new Pages.Delta(label, value(c, true), value(c, false), "", "", true, false);
    }

    /** One side of a change as the site shows that figure. */
    private String value(Change c, boolean old) {
        if (c instanceof NumberChange n) {
            BigDecimal v = old ? n.from() : n.to();
            if (v == null) return Money.NONE;
            return switch (n.field()) {
                case PLANNED, RECEIVED, EXECUTED -> Money.format(v, moneyUnit);
                case EXECUTION_RATE -> percent(v);
                case STATED_TOTAL, COMPUTED_TOTAL -> Money.score(v);
                default -> v.toPlainString();
            };
        }
        TextChange t = (TextChange) c;
        String v = old ? t.from() : t.to();
        if (v == null) return Money.NONE;
        return t.field() == Field.SCORE ? Money.score(v) : ChangeWording.text(profile, t.field(), v);
    }

    private String level(String level) {
        return ChangeWording.level(profile, level);
    }

    private Pages.Narrative narrative(String label, NarrativeChange n) {
        if (n.isEmpty()) return Pages.Narrative.NONE;
        List<Pages.ParagraphRow> rows = new ArrayList<>();
        for (ParagraphChange p : n.paragraphs()) {
            rows.add(new Pages.ParagraphRow(p.kind().label(), p.from() == null ? "" : p.from(), p.to() == null ? "" : p.to()));
        }
        return new Pages.Narrative(label, counts(n), rows);
    }

    static String counts(NarrativeChange n) {
        return ChangeWording.counts(n);
    }

    // ------------------------------------------------------------------ numbers

    private static boolean differ(BigDecimal a, BigDecimal b) {
        return a == null ? b != null : b == null || a.compareTo(b) != 0;
    }

    private String moneyDelta(BigDecimal delta) {
        return signed(Rounding.normal(delta)) + moneyUnit;
    }

    /** The difference of two rates in percent, in 个百分点; empty when a side is missing. */
    private static String points(BigDecimal from, BigDecimal to) {
        if (from == null || to == null) return "";
        return ChangeWording.points(to.subtract(from));
    }

    private static String relative(BigDecimal from, BigDecimal to) {
        return ChangeWording.relative(from, to);
    }

    /** A rate already in percent (95 → 95.00%), as rates are shown everywhere. */
    private static String percent(BigDecimal rate) {
        return rate == null ? Money.NONE : ChangeWording.percent(rate);
    }

    private static String signed(BigDecimal v) {
        return ChangeWording.signed(v);
    }

    private static String orNone(String s) {
        return s == null ? Money.NONE : s;
    }

}
