package jixiao.compare;

import jixiao.content.Content;
import jixiao.content.HtmlComments;
import jixiao.content.Indicator;
import jixiao.content.Judgement;
import jixiao.content.Narrative;
import jixiao.content.Problems;
import jixiao.content.Project;
import jixiao.content.Site;
import jixiao.content.Unit;
import jixiao.content.Year;
import jixiao.narrative.Figure;
import jixiao.narrative.NarrativeParser;
import jixiao.narrative.NarrativeTooComplexException;
import jixiao.narrative.Occurrence;
import jixiao.narrative.ReferenceSyntax;
import jixiao.parallel.Parallel;
import jixiao.score.Amount;
import jixiao.score.ProjectScore;
import jixiao.score.Rounding;
import jixiao.score.RulesProfile;
import jixiao.score.Scorer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares content by meaning: units and projects matched by id, amounts in one money unit,
 * scores computed under each side's rules, indicators matched by name, narratives by block.
 * Immutable; one instance may compare many years.
 *
 * <h2>Indicators</h2>
 * Within a project, indicators are paired in four passes; each pass only looks at indicators
 * that earlier passes left unpaired, old ones in document order, and pairs an old indicator
 * with the first new one that qualifies:
 * <ol>
 *   <li>the same name (after trimming): the same indicator, possibly moved to another level;</li>
 *   <li>the same level1/level2 and the same target and actual (both written): renamed;</li>
 *   <li>the same level1/level2 and the same position under it: renamed (a form's row reworded in place);</li>
 *   <li>the same target and actual (both written) under another level, when exactly one unpaired new
 *       indicator has them and exactly one unpaired old one does: renamed and moved.</li>
 * </ol>
 * Whatever is left is removed or added. Pass 3 can pair a deleted row with an unrelated new row
 * written at its place; the change then shows the new name, target and actual next to the old
 * ones, which is how the form itself would read, so that is accepted.
 */
public final class Comparer {


    private final Edition edition;
    /** The score of a project of the old side, and of the new side. */
    private final Function<Project, ProjectScore> fromScores;
    private final Function<Project, ProjectScore> toScores;
    private final String moneyUnit;
    private final boolean showContacts;
    /** A year's {@link Sums} over every project the edition shows, when the caller has them already; else null. */
    private final Function<Year, Sums> knownSums;

    private Comparer(Edition edition, Function<Project, ProjectScore> fromScores, Function<Project, ProjectScore> toScores,
                     String moneyUnit, boolean showContacts, Function<Year, Sums> knownSums) {
        this.edition = Objects.requireNonNull(edition);
        this.fromScores = fromScores;
        this.toScores = toScores;
        this.moneyUnit = moneyUnit;
        this.showContacts = showContacts;
        this.knownSums = knownSums;
    }

    /** A comparer for two years of one site. Problems with the site's rules are reported to {@code problems}. */
    public static Comparer of(Site site, Edition edition, Problems problems) {
        return of(site, site, edition, problems);
    }

    /**
     * A comparer for two years of one site whose projects are already scored (the build's check):
     * {@code scores} gives the score of any project of either year.
     */
    public static Comparer of(Site site, Function<Project, ProjectScore> scores, Edition edition) {
        return of(site, scores, edition, year -> null);
    }

    /**
     * {@link #of(Site, Function, Edition)} with each year's sums given ({@code sums}: null for a year it does not know),
     * the same as the comparer would add up: the amounts of every project the edition shows, converted exactly to the
     * site's money unit, in listing order. The site model has them in its totals; without them a comparison adds up
     * every project of both years again, which {@code jixiao serve} would do on each save.
     */
    public static Comparer of(Site site, Function<Project, ProjectScore> scores, Edition edition, Function<Year, Sums> sums) {
        return new Comparer(edition, scores, scores, site.moneyUnit(), site.showContacts(), Objects.requireNonNull(sums));
    }

    /**
     * A comparer for two versions of a site (two git revisions): each side is scored under its own
     * rules, amounts are shown in the new side's money unit, and the new side's
     * {@code public.show_contacts} decides whether contact changes are public.
     */
    public static Comparer of(Site from, Site to, Edition edition, Problems problems) {
        Scorer fromScorer = new Scorer(RulesProfile.resolve(from.rules(), problems));
        Scorer toScorer = from == to ? fromScorer : new Scorer(RulesProfile.resolve(to.rules(), problems));
        return new Comparer(edition, fromScorer::score, toScorer::score, to.moneyUnit(), to.showContacts(), year -> null);
    }

    public Edition edition() {
        return edition;
    }

    public String moneyUnit() {
        return moneyUnit;
    }

    /** Two years, usually of one tree ({@code 2020 → 2021}). */
    public Comparison compare(Year from, Year to) {
        return new Comparison(edition, moneyUnit, List.of(year(Objects.requireNonNull(from), Objects.requireNonNull(to))));
    }

    /** Two years of one tree; empty when either year is not in it. */
    public Optional<Comparison> compare(Content content, int from, int to) {
        Optional<Year> a = content.year(from);
        Optional<Year> b = content.year(to);
        if (a.isEmpty() || b.isEmpty()) return Optional.empty();
        return Optional.of(compare(a.get(), b.get()));
    }

    /** Two trees (two revisions): each year of either, oldest first, compared with the same year of the other. */
    public Comparison compare(Content from, Content to) {
        TreeSet<Integer> years = new TreeSet<>();
        from.years().forEach(y -> years.add(y.year()));
        to.years().forEach(y -> years.add(y.year()));
        List<YearComparison> out = new ArrayList<>();
        for (int y : years) out.add(year(from.year(y).orElse(null), to.year(y).orElse(null)));
        return new Comparison(edition, moneyUnit, out);
    }

    /**
     * The history of one project through the years of a tree: its change between each two
     * consecutive years in which the edition shows it at one side at least, oldest first,
     * unchanged years included.
     */
    public List<ProjectChange> history(Content content, String projectId) {
        List<ProjectChange> out = new ArrayList<>();
        List<Year> years = content.years().stream().sorted(Comparator.comparingInt(Year::year)).toList();
        for (int k = 0; k + 1 < years.size(); k++) {
            Located a = find(years.get(k), projectId);
            Located b = find(years.get(k + 1), projectId);
            if (a != null || b != null) out.add(project(projectId, a, b, hiddenIds(years.get(k), years.get(k + 1)), new Excerpts()));
        }
        return out;
    }

    private Located find(Year year, String projectId) {
        for (Unit u : year.units()) {
            for (Project p : u.projects()) if (p.id().equals(projectId) && visible(p)) return new Located(p, u);
        }
        return null;
    }

    private boolean visible(Project p) {
        return edition.includes(p);
    }

    private boolean visible(Field field) {
        return edition.shows(field.visibility(), showContacts);
    }

    /** A project with the unit it is in at one side. */
    private record Located(Project project, Unit unit) {
    }

    // ---------------------------------------------------------------- years and units

    /** Either side may be null: the year is missing at that revision. */
    public YearComparison year(Year from, Year to) {
        return year(from, to, null, Set.of());
    }

    /**
     * {@link #year(Year, Year)} again after some projects changed: only the changed projects, and the units
     * they are in, are compared again; every other comparison is taken from {@code before} (where they also
     * keep their place: a project's place depends only on its unit and id). The result equals comparing
     * from scratch as long as nothing else changed since {@code before}: no unit, report or site file, and no
     * project appeared, disappeared or changed whether the edition shows it. When a changed project is not
     * where {@code before} had it, everything is compared from scratch.
     *
     * @param before     the comparison of the same two years before the change, or null
     * @param changedIds ids of the projects whose files changed, at either side
     */
    public YearComparison year(Year from, Year to, YearComparison before, Set<String> changedIds) {
        if (before != null) {
            Optional<YearComparison> patched = patch(from, to, before, changedIds);
            if (patched.isPresent()) return patched.get();
        }
        List<Unit> fromUnits = from == null ? List.of() : from.units();
        List<Unit> toUnits = to == null ? List.of() : to.units();
        Map<String, Unit> oldUnits = byId(fromUnits, Unit::id);
        Map<String, Unit> newUnits = byId(toUnits, Unit::id);
        List<String> unitIds = unitOrder(fromUnits, toUnits);
        Map<String, Integer> rank = new HashMap<>();
        for (String id : unitIds) rank.put(id, rank.size());

        Set<String> pending = pendingIds(to);
        Map<String, Located> oldProjects = projects(fromUnits, null);
        oldProjects.keySet().removeAll(pending);
        Map<String, Located> newProjects = projects(toUnits, null);
        // Every id of either side once, in id order (a sorted list: cheaper than a tree set of ten thousand).
        List<String> ids = new ArrayList<>(oldProjects.keySet());
        for (String id : newProjects.keySet()) if (!oldProjects.containsKey(id)) ids.add(id);
        ids.sort(Comparator.naturalOrder());
        Set<String> hidden = hiddenIds(from, to);
        Excerpts excerpts = new Excerpts();
        // Each project compares on its own (narratives are parsed and aligned): in parallel, in id order.
        List<ProjectChange> projects = new ArrayList<>(Parallel.map(ids, 16,
                id -> project(id, oldProjects.get(id), newProjects.get(id), hidden, excerpts)));
        projects.sort(Comparator.comparing((ProjectChange p) -> rank.get(p.unitId())).thenComparing(ProjectChange::id));

        List<UnitChange> units = new ArrayList<>();
        for (String id : unitIds) units.add(unit(id, oldUnits.get(id), newUnits.get(id), hidden, excerpts));
        NarrativeChange narrative = narrative(from == null ? null : from.report().narrative(),
                to == null ? null : to.report().narrative(), hidden, excerpts);
        return new YearComparison(from == null ? null : from.year(), to == null ? null : to.year(),
                yearTotals(from, to), units, projects, narrative, pending.size());
    }

    /**
     * {@code before} with the changed projects, and the units they are in, compared again; empty when the
     * change moved a project out of its place in the lists (it appeared, disappeared or changed unit) or
     * the years' units are not those of {@code before}.
     */
    private Optional<YearComparison> patch(Year from, Year to, YearComparison before, Set<String> changedIds) {
        if (!Objects.equals(before.fromYear(), from == null ? null : from.year())
                || !Objects.equals(before.toYear(), to == null ? null : to.year())) {
            return Optional.empty();
        }
        List<Unit> fromUnits = from == null ? List.of() : from.units();
        List<Unit> toUnits = to == null ? List.of() : to.units();
        List<String> unitIds = unitOrder(fromUnits, toUnits);
        if (!unitIds.equals(before.units().stream().map(UnitChange::id).toList())) return Optional.empty();

        Set<String> pending = pendingIds(to);
        if (pending.size() != before.pending() || changedIds.stream().anyMatch(pending::contains)) return Optional.empty();
        Map<String, Located> oldChanged = projects(fromUnits, changedIds);
        Map<String, Located> newChanged = projects(toUnits, changedIds);
        Set<String> hidden = hiddenIds(from, to);
        Excerpts excerpts = new Excerpts();
        List<ProjectChange> projects = new ArrayList<>(before.projects());
        Set<String> touchedUnits = new HashSet<>();
        int replaced = 0;
        for (int i = 0; i < projects.size(); i++) {
            ProjectChange old = projects.get(i);
            if (!changedIds.contains(old.id())) continue;
            Located a = oldChanged.get(old.id());
            Located b = newChanged.get(old.id());
            if (a == null && b == null) return Optional.empty();
            ProjectChange now = project(old.id(), a, b, hidden, excerpts);
            if (!now.unitId().equals(old.unitId()) || (a == null) != (old.from() == null) || (b == null) != (old.to() == null)) {
                return Optional.empty();
            }
            projects.set(i, now);
            replaced++;
            if (a != null) touchedUnits.add(a.unit().id());
            if (b != null) touchedUnits.add(b.unit().id());
        }
        // A changed id that either side has now but that was not in the list appeared: its place is new.
        Set<String> present = new HashSet<>(oldChanged.keySet());
        present.addAll(newChanged.keySet());
        if (replaced != present.size()) return Optional.empty();

        Map<String, Unit> oldUnits = byId(fromUnits, Unit::id);
        Map<String, Unit> newUnits = byId(toUnits, Unit::id);
        List<UnitChange> units = new ArrayList<>(before.units());
        for (int i = 0; i < units.size(); i++) {
            String id = units.get(i).id();
            if (touchedUnits.contains(id)) units.set(i, unit(id, oldUnits.get(id), newUnits.get(id), hidden, excerpts));
        }
        return Optional.of(new YearComparison(before.fromYear(), before.toYear(), yearTotals(from, to),
                units, projects, before.narrative(), before.pending()));
    }

    /** Units in the order a year's comparison lists them: the new side's listing order, then units only the old side has, in its order. */
    private static List<String> unitOrder(List<Unit> fromUnits, List<Unit> toUnits) {
        Set<String> ids = new LinkedHashSet<>();
        for (Unit u : toUnits) ids.add(u.id());
        for (Unit u : fromUnits) ids.add(u.id());
        return new ArrayList<>(ids);
    }

    /** The change of the year's totals; a missing year has none. */
    private List<Change> yearTotals(Year from, Year to) {
        Set<String> pending = pendingIds(to);
        return totals(from == null ? null : yearSums(from, pending), to == null ? null : yearSums(to, Set.of()));
    }

    /** A year's sums leaving out {@code pending}: given ones when nothing is left out, else added up. */
    private Sums yearSums(Year year, Set<String> pending) {
        Sums known = pending.isEmpty() ? knownSums.apply(year) : null;
        return known != null ? known : totalsOf(year.units(), pending);
    }

    /**
     * Ids of the later year's projects that this edition does not show yet (drafts, in the public one). The earlier
     * year's copy of such a project is left out of the comparison: it is not yet published, not deleted, 0万元 or 差.
     */
    private Set<String> pendingIds(Year to) {
        Set<String> pending = new HashSet<>();
        if (to != null) to.projects().filter(p -> !visible(p)).forEach(p -> pending.add(p.id()));
        return pending;
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T t : items) map.putIfAbsent(id.apply(t), t);
        return map;
    }

    /**
     * The projects the edition shows, by id; a duplicate id (an error the loader reports) keeps the first in
     * listing order. Only those of {@code ids}, unless it is null.
     */
    private Map<String, Located> projects(List<Unit> units, Set<String> ids) {
        Map<String, Located> map = new LinkedHashMap<>();
        for (Unit u : units) {
            for (Project p : u.projects()) {
                if ((ids == null || ids.contains(p.id())) && visible(p)) map.putIfAbsent(p.id(), new Located(p, u));
            }
        }
        return map;
    }

    private UnitChange unit(String id, Unit from, Unit to, Set<String> hidden, Excerpts excerpts) {
        if (from == null) return new UnitChange(id, ChangeKind.ADDED, null, to.name(), List.of(), NarrativeChange.NONE);
        if (to == null) return new UnitChange(id, ChangeKind.REMOVED, from.name(), null, List.of(), NarrativeChange.NONE);
        List<Change> changes = new ArrayList<>();
        text(changes, Field.NAME, from.name(), to.name());
        Set<String> pending = new HashSet<>();
        to.projects().stream().filter(p -> !visible(p)).forEach(p -> pending.add(p.id()));
        changes.addAll(totals(totalsOf(List.of(from), pending), totalsOf(List.of(to), Set.of())));
        changes.sort(Comparator.comparing(Change::field));
        NarrativeChange narrative = narrative(from.narrative(), to.narrative(), hidden, excerpts);
        boolean changed = !changes.isEmpty() || !narrative.isEmpty();
        return new UnitChange(id, changed ? ChangeKind.CHANGED : ChangeKind.UNCHANGED, from.name(), to.name(),
                changes, narrative);
    }

    /**
     * Sums over the projects the edition shows, in the comparison's money unit: added as written, each side's
     * normal form is taken when a change is made of them ({@link NumberChange}).
     */
    public record Sums(BigDecimal planned, BigDecimal received, BigDecimal executed, int projects) {

        public Sums {
            Objects.requireNonNull(planned);
            Objects.requireNonNull(received);
            Objects.requireNonNull(executed);
        }

        /** executed / planned in percent, as shown (two decimals); null when nothing was planned. */
        BigDecimal rate() {
            return Comparer.rate(executed, planned);
        }
    }

    private Sums totalsOf(List<Unit> units, Set<String> pending) {
        // Summed as written, not in normal form: a change keeps the normal form of each side (NumberChange), and the
        // rate depends only on the values. A whole year is summed here only when its sums are not given (of).
        BigDecimal planned = BigDecimal.ZERO;
        BigDecimal received = BigDecimal.ZERO;
        BigDecimal executed = BigDecimal.ZERO;
        int count = 0;
        for (Unit u : units) {
            for (Project p : u.projects()) {
                if (!visible(p) || pending.contains(p.id())) continue;
                count++;
                planned = planned.add(inUnit(p, p.budget().planned().total()));
                received = received.add(inUnit(p, p.budget().received().total()));
                executed = executed.add(inUnit(p, p.budget().executed().total()));
            }
        }
        return new Sums(planned, received, executed, count);
    }

    /** executed / planned in percent, as shown (two decimals); null when nothing was planned. */
    private static BigDecimal rate(BigDecimal executed, BigDecimal planned) {
        if (planned == null || executed == null || planned.signum() == 0) return null;
        return Rounding.halfUp2(Rounding.percent(Rounding.divide(executed, planned)));
    }

    private static List<Change> totals(Sums from, Sums to) {
        List<Change> out = new ArrayList<>();
        if (from == null && to == null) return out;
        number(out, Field.PLANNED, from == null ? null : from.planned(), to == null ? null : to.planned());
        number(out, Field.RECEIVED, from == null ? null : from.received(), to == null ? null : to.received());
        number(out, Field.EXECUTED, from == null ? null : from.executed(), to == null ? null : to.executed());
        number(out, Field.EXECUTION_RATE, from == null ? null : from.rate(), to == null ? null : to.rate());
        number(out, Field.PROJECTS, from == null ? null : BigDecimal.valueOf(from.projects()),
                to == null ? null : BigDecimal.valueOf(to.projects()));
        return out;
    }

    private BigDecimal money(Project p, BigDecimal amount) {
        return Rounding.normal(inUnit(p, amount));
    }

    /** The amount in the comparison's money unit, exactly; zero when not written. */
    private BigDecimal inUnit(Project p, BigDecimal amount) {
        return Amount.convert(amount == null ? BigDecimal.ZERO : amount, p.moneyUnit(), moneyUnit);
    }

    // ---------------------------------------------------------------- projects

    private ProjectChange project(String id, Located from, Located to, Set<String> hidden, Excerpts excerpts) {
        ProjectSnapshot a = from == null ? null : snapshot(from, fromScores);
        ProjectSnapshot b = to == null ? null : snapshot(to, toScores);
        if (from == null || to == null) {
            return new ProjectChange(id, from == null ? ChangeKind.ADDED : ChangeKind.REMOVED, a, b,
                    List.of(), List.of(), NarrativeChange.NONE, NarrativeChange.NONE);
        }
        Project p = from.project();
        Project q = to.project();
        List<Change> changes = new ArrayList<>();
        text(changes, Field.NAME, a.name(), b.name());
        text(changes, Field.IMPLEMENTING_UNIT, a.implementingUnit(), b.implementingUnit());
        text(changes, Field.MONEY_UNIT, a.moneyUnit(), b.moneyUnit());
        text(changes, Field.STATUS, a.status().name().toLowerCase(), b.status().name().toLowerCase());
        number(changes, Field.PLANNED, a.planned(), b.planned());
        number(changes, Field.RECEIVED, a.received(), b.received());
        number(changes, Field.EXECUTED, a.executed(), b.executed());
        number(changes, Field.EXECUTION_RATE, a.executionRatePercent(), b.executionRatePercent());
        number(changes, Field.STATED_TOTAL, a.statedTotal(), b.statedTotal());
        number(changes, Field.COMPUTED_TOTAL, a.computedTotal(), b.computedTotal());
        text(changes, Field.STATED_GRADE, a.statedGrade(), b.statedGrade());
        text(changes, Field.COMPUTED_GRADE, a.computedGrade(), b.computedGrade());
        text(changes, Field.CONTACT_NAME, p.contact() == null ? null : p.contact().name(), q.contact() == null ? null : q.contact().name());
        text(changes, Field.CONTACT_PHONE, p.contact() == null ? null : p.contact().phone(), q.contact() == null ? null : q.contact().phone());
        text(changes, Field.INTERNAL_NOTES, p.internal(), q.internal());
        changes.removeIf(c -> !visible(c.field()));

        List<IndicatorChange> indicators = indicators(p.indicators(), q.indicators());
        NarrativeChange narrative = narrative(p.narrative(), q.narrative(), hidden, excerpts);
        NarrativeChange problems = Paragraphs.compare(HtmlComments.without(p.problems()), HtmlComments.without(q.problems()), excerpts);
        ChangeKind kind;
        if (!from.unit().id().equals(to.unit().id())) kind = ChangeKind.MOVED;
        else if (changes.isEmpty() && indicators.isEmpty() && narrative.isEmpty() && problems.isEmpty()) kind = ChangeKind.UNCHANGED;
        else kind = ChangeKind.CHANGED;
        return new ProjectChange(id, kind, a, b, changes, indicators, narrative, problems);
    }

    private ProjectSnapshot snapshot(Located at, Function<Project, ProjectScore> scores) {
        Project p = at.project();
        ProjectScore s = scores.apply(p);
        return new ProjectSnapshot(p.year(), at.unit().id(), at.unit().name(), p.id(), p.name(), p.implementingUnit(),
                p.moneyUnit(), p.status(),
                money(p, p.budget().planned().total()),
                money(p, p.budget().received().total()),
                money(p, p.budget().executed().total()),
                s.executionRatePercent() == null ? null : Rounding.halfUp2(s.executionRatePercent()),
                s.statedTotal(), s.computable() ? s.computedTotal() : null, s.statedGrade(), s.computable() ? s.computedGrade() : null);
    }

    private NarrativeChange narrative(Narrative from, Narrative to, Set<String> hidden, Excerpts excerpts) {
        // A narrative the later year has no file for (`new year` copies none) is not yet written, not deleted:
        // the public edition does not read it as paragraphs removed.
        if (edition == Edition.PUBLIC && from != null && to == null) return NarrativeChange.NONE;
        // Comments are editors' notes, published nowhere: not even as a change.
        return Paragraphs.compare(from == null ? null : mask(HtmlComments.without(from.markdown()), from.file(), hidden),
                to == null ? null : mask(HtmlComments.without(to.markdown()), to.file(), hidden), excerpts);
    }

    /**
     * Ids of the projects of either year that this edition leaves out (drafts, in the public one).
     * A narrative may name them in a reference; the excerpts of a comparison must not.
     */
    private Set<String> hiddenIds(Year from, Year to) {
        Set<String> hidden = new HashSet<>();
        for (Year y : new Year[] {from, to}) {
            if (y != null) y.projects().filter(p -> !visible(p)).forEach(p -> hidden.add(p.id()));
        }
        return hidden;
    }

    private static final NarrativeParser NARRATIVES = new NarrativeParser();

    /**
     * Replaces references to hidden projects with what the site prints for them: the references
     * the pages resolve, read by the same parser, so that a reference in a code span stays as
     * written here as it does on the page.
     */
    private static String mask(String markdown, String file, Set<String> hidden) {
        if (hidden.isEmpty() || !ReferenceSyntax.mayHoldReference(markdown)) return markdown;
        List<Occurrence> occurrences;
        try {
            occurrences = NARRATIVES.parse(markdown, file).occurrences();
        } catch (NarrativeTooComplexException e) {
            // The check has already made this an error; a diff of it still masks every hidden id.
            return ReferenceSyntax.maskLexically(markdown, hidden, Figure.NOT_PUBLISHED);
        }
        StringBuilder masked = new StringBuilder(markdown.length());
        int copied = 0;
        for (Occurrence o : occurrences) {
            if (o.isMalformed() || !hidden.contains(o.reference().scope())) continue;
            masked.append(markdown, copied, o.start()).append(Figure.NOT_PUBLISHED);
            copied = o.end();
        }
        return copied == 0 ? markdown : masked.append(markdown, copied, markdown.length()).toString();
    }

    private static void text(List<Change> out, Field field, String from, String to) {
        String a = blankToNull(from);
        String b = blankToNull(to);
        if (!Objects.equals(a, b)) out.add(new TextChange(field, a, b));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void number(List<Change> out, Field field, BigDecimal from, BigDecimal to) {
        boolean same = from == null ? to == null : to != null && from.compareTo(to) == 0;
        if (!same) out.add(new NumberChange(field, from, to));
    }

    // ---------------------------------------------------------------- indicators

    static List<IndicatorChange> indicators(List<Indicator> from, List<Indicator> to) {
        List<IndicatorSnapshot> a = refs(from);
        List<IndicatorSnapshot> b = refs(to);
        int[] pairOfOld = new int[from.size()];
        int[] pairOfNew = new int[to.size()];
        Arrays.fill(pairOfOld, -1);
        Arrays.fill(pairOfNew, -1);
        boolean[] renamed = new boolean[to.size()];

        // 1. same name
        pass(from, to, pairOfOld, pairOfNew, (i, j) -> name(from.get(i)).equals(name(to.get(j))));
        // 2. same level, same target and actual
        passRenamed(from, to, pairOfOld, pairOfNew, renamed,
                (i, j) -> a.get(i).level().equals(b.get(j).level()) && sameValues(from.get(i), to.get(j)));
        // 3. same level, same position
        passRenamed(from, to, pairOfOld, pairOfNew, renamed,
                (i, j) -> a.get(i).level().equals(b.get(j).level()) && a.get(i).position() == b.get(j).position());
        // 4. same target and actual elsewhere, when unambiguous at both sides
        for (int i = 0; i < from.size(); i++) {
            if (pairOfOld[i] >= 0) continue;
            int only = -1;
            int candidates = 0;
            for (int j = 0; j < to.size(); j++) {
                if (pairOfNew[j] < 0 && sameValues(from.get(i), to.get(j))) {
                    candidates++;
                    only = j;
                }
            }
            if (candidates != 1) continue;
            int rivals = 0;
            for (int k = 0; k < from.size(); k++) if (pairOfOld[k] < 0 && sameValues(from.get(k), to.get(only))) rivals++;
            if (rivals != 1) continue;
            pairOfOld[i] = only;
            pairOfNew[only] = i;
            renamed[only] = true;
        }

        List<IndicatorChange> out = new ArrayList<>();
        for (int j = 0; j < to.size(); j++) {
            int i = pairOfNew[j];
            if (i < 0) {
                out.add(new IndicatorChange(ChangeKind.ADDED, null, b.get(j), List.of()));
                continue;
            }
            List<Change> changes = indicatorChanges(from.get(i), a.get(i), to.get(j), b.get(j));
            if (renamed[j]) out.add(new IndicatorChange(ChangeKind.RENAMED, a.get(i), b.get(j), changes));
            else if (!changes.isEmpty()) out.add(new IndicatorChange(ChangeKind.CHANGED, a.get(i), b.get(j), changes));
        }
        for (int i = 0; i < from.size(); i++) {
            if (pairOfOld[i] < 0) out.add(new IndicatorChange(ChangeKind.REMOVED, a.get(i), null, List.of()));
        }
        return out;
    }

    private interface Pairing {
        boolean matches(int oldIndex, int newIndex);
    }

    private static void pass(List<Indicator> from, List<Indicator> to, int[] pairOfOld, int[] pairOfNew, Pairing rule) {
        for (int i = 0; i < from.size(); i++) {
            if (pairOfOld[i] >= 0) continue;
            for (int j = 0; j < to.size(); j++) {
                if (pairOfNew[j] < 0 && rule.matches(i, j)) {
                    pairOfOld[i] = j;
                    pairOfNew[j] = i;
                    break;
                }
            }
        }
    }

    private static void passRenamed(List<Indicator> from, List<Indicator> to, int[] pairOfOld, int[] pairOfNew,
                                    boolean[] renamed, Pairing rule) {
        int[] before = pairOfNew.clone();
        pass(from, to, pairOfOld, pairOfNew, rule);
        for (int j = 0; j < to.size(); j++) if (before[j] < 0 && pairOfNew[j] >= 0) renamed[j] = true;
    }

    static String name(Indicator i) {
        return i.name() == null ? "" : i.name().strip();
    }

    private static boolean sameValues(Indicator x, Indicator y) {
        String t = blankToNull(x.target());
        String a = blankToNull(x.actual());
        return t != null && a != null && t.equals(blankToNull(y.target())) && a.equals(blankToNull(y.actual()));
    }

    /** Each indicator with its position under its level1/level2, as written. */
    private static List<IndicatorSnapshot> refs(List<Indicator> indicators) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<IndicatorSnapshot> out = new ArrayList<>();
        for (Indicator i : indicators) {
            String level = i.level1() + "." + i.level2();
            int position = seen.merge(level, 1, Integer::sum) - 1;
            out.add(new IndicatorSnapshot(i, position));
        }
        return out;
    }

    private static List<Change> indicatorChanges(Indicator x, IndicatorSnapshot rx, Indicator y, IndicatorSnapshot ry) {
        List<Change> out = new ArrayList<>();
        text(out, Field.LEVEL, rx.level(), ry.level());
        text(out, Field.DEFINITION, x.definition(), y.definition());
        text(out, Field.TARGET, x.target(), y.target());
        text(out, Field.ACTUAL, x.actual(), y.actual());
        number(out, Field.WEIGHT, x.weight(), y.weight());
        text(out, Field.SCORE, x.score(), y.score());
        text(out, Field.JUDGEMENT, key(x.judgement()), key(y.judgement()));
        text(out, Field.DEVIATION, x.deviation(), y.deviation());
        return out;
    }

    private static String key(Judgement j) {
        return j == null ? null : j.key();
    }
}
