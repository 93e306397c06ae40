package jixiao.check;

import jixiao.claims.Claim;
import jixiao.claims.ClaimScanner;
import jixiao.claims.NameMatcher;
import jixiao.claims.Vocabulary;
import jixiao.content.Content;
import jixiao.content.Goal;
import jixiao.content.Narrative;
import jixiao.content.Problems;
import jixiao.content.Project;
import jixiao.content.Unit;
import jixiao.content.Year;
import jixiao.diagnostic.Finding;
import jixiao.diagnostic.SourcePosition;
import jixiao.parallel.Parallel;
import jixiao.score.ProjectScore;
import jixiao.score.Rounding;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code prose-figure-mismatch} (warning): a figure written as text (in report.md, unit.md, a project's narrative,
 * a form's goals and problems) that says something the data does not: an amount, a rate, a score, a grade or a
 * number of projects. Which words make a figure a claim, and what it is compared with, is the
 * {@link Vocabulary}'s; a figure is compared at the precision it is written with (95.1% agrees with 95.08%).
 * A figure that names nothing jixiao can tell (档案管理及社保手续费费8万元, no such form) is left alone.
 */
final class ProseClaimChecks {

    static final String CODE = "prose-figure-mismatch";

    private final Vocabulary vocabulary = Vocabulary.builtIn();
    private final ClaimScanner scanner = new ClaimScanner(vocabulary);
    private final String moneyUnit;
    private final Function<Project, ProjectScore> scores;
    private final Function<String, String> source;

    private ProseClaimChecks(String moneyUnit, Function<Project, ProjectScore> scores, Function<String, String> source) {
        this.moneyUnit = moneyUnit;
        this.scores = scores;
        this.source = source;
    }

    static void check(Content content, Map<String, ProjectScore> scores, Function<String, String> source, boolean parallel, Problems out,
                      CheckMemo memo) {
        for (Year year : content.years()) check(content, year, scores, source, parallel, memo).forEach(out::report);
    }

    /**
     * The findings of one year's prose, in a fixed order: the year's report, then each unit's narrative followed by
     * its projects' texts. Each of those is checked on its own, on every core (one year on one core was a seventh of
     * a 10,000-project check's time, the other core idle) unless not {@code parallel}; the lists are joined in that order.
     */
    private static List<Finding> check(Content content, Year year, Map<String, ProjectScore> scores, Function<String, String> source,
                                       boolean parallel, CheckMemo memo) {
        String moneyUnit = content.site().moneyUnit();
        ProseClaimChecks checks = new ProseClaimChecks(moneyUnit, p -> scores.get(CheckResult.key(p)), source);
        List<Function<ProseClaimChecks, List<Finding>>> texts = new ArrayList<>();
        texts.add(c -> c.report(year));
        for (Unit unit : year.units()) {
            texts.add(c -> c.unit(unit));
            // A project's texts speak of the project only: what they claim is checked against its form and its score.
            for (Project p : unit.projects()) {
                String key = CheckResult.key(p);
                texts.add(c -> memo.findings("prose-claims " + key, Arrays.asList(moneyUnit, p, scores.get(key)), List.of(p.file()),
                        () -> c.project(p)));
            }
        }
        List<Finding> out = new ArrayList<>();
        Function<Function<ProseClaimChecks, List<Finding>>, List<Finding>> run = text -> text.apply(checks);
        for (List<Finding> found : parallel ? Parallel.map(texts, 16, run) : texts.stream().map(run).toList()) out.addAll(found);
        return out;
    }

    /** Where {@link #around} looked, and what it found there. */
    record Around(Set<String> files, List<Finding> findings) {
    }

    /**
     * The findings of the texts of {@code year} that can state a figure of a project of {@code unit}: the year's
     * report (it speaks of every project of the year), the unit's narrative (of the unit's projects) and
     * {@code project}'s own texts, when it is given (of that project only). Every other text of the year speaks
     * of other projects, so its findings stay as they are when one project file changes: this is what a save of
     * that file needs checked again, in a few milliseconds where the whole year took a second at 5,000 projects.
     *
     * @param year the year as it is now, with the project changed, added or removed
     * @return the findings, and the report's and the unit's narrative files (the project's own files are the caller's)
     */
    static Around around(Content content, Year year, Unit unit, Project project, Map<String, ProjectScore> scores,
                         Function<String, String> source) {
        ProseClaimChecks c = new ProseClaimChecks(content.site().moneyUnit(), p -> scores.get(CheckResult.key(p)), source);
        Set<String> files = new HashSet<>();
        if (year.report().narrative() != null) files.add(year.report().narrative().file());
        if (unit.narrative() != null) files.add(unit.narrative().file());
        List<Finding> out = new ArrayList<>(c.report(year));
        out.addAll(c.unit(unit));
        if (project != null) out.addAll(c.project(project));
        return new Around(Set.copyOf(files), out);
    }

    /** The findings in the year's report.md, which speaks of every project of the year. */
    private List<Finding> report(Year year) {
        List<Project> all = year.projects().toList();
        List<Finding> out = new ArrayList<>();
        narrative(year.report().narrative(), new Scope("本年度", "report", all, null, matcher(all)), out);
        return out;
    }

    /** The findings in a unit's unit.md, which speaks of the unit's projects. */
    private List<Finding> unit(Unit unit) {
        List<Finding> out = new ArrayList<>();
        narrative(unit.narrative(), new Scope("本单位", "unit", unit.projects(), null, matcher(unit.projects())), out);
        return out;
    }

    /** The findings in one project's narrative, goals and problems. */
    private List<Finding> project(Project p) {
        List<Finding> out = new ArrayList<>();
        Scope own = new Scope("本项目", p.id(), List.of(p), p, matcher(List.of(p)));
        narrative(p.narrative(), own, out);
        for (int i = 0; i < p.goals().size(); i++) {
            Goal g = p.goals().get(i);
            field(p, g.expected(), "goals[" + i + "].expected", own, out);
            field(p, g.achieved(), "goals[" + i + "].achieved", own, out);
        }
        field(p, p.problems(), "problems", own, out);
        return out;
    }

    /** Whether a finding is one of this check's: those of a year change with any form of the year. */
    static boolean isClaimFinding(Finding f) {
        return f.code().equals(CODE);
    }

    /** The matcher of the projects' names, made when a claim first needs it: most texts have no claim that does. */
    private Supplier<NameMatcher<Project>> matcher(List<Project> projects) {
        return new Supplier<>() {
            private NameMatcher<Project> made; // a scope is used by one thread only

            @Override
            public NameMatcher<Project> get() {
                if (made == null) made = new NameMatcher<>(projects, Project::name, vocabulary);
                return made;
            }
        };
    }

    /**
     * What a text may speak of: the year (report.md), a unit (unit.md) or one project (its narrative and form).
     *
     * @param ref the scope of a {@code {{ … }}} reference to the scope's total ({@code report}, {@code unit}), or
     *            the project's id
     */
    private record Scope(String label, String ref, List<Project> projects, Project project, Supplier<NameMatcher<Project>> matcher) {
        NameMatcher<Project> names() {
            return matcher.get();
        }
    }

    /** Where a claim was typed, and whether the text can hold a reference instead. */
    private record Place(Function<Claim, SourcePosition> at, boolean references) {
    }

    private void narrative(Narrative n, Scope scope, List<Finding> out) {
        if (n == null) return;
        String text = n.markdown();
        Place place = new Place(c -> Texts.position(text, c.start(), n.file()), true);
        for (Claim c : scanner.scanMarkdown(text)) check(c, scope, place, out);
    }

    private void field(Project p, String text, String path, Scope scope, List<Finding> out) {
        if (text == null || text.isEmpty() || !p.sources().has(path)) return;
        PublicTexts.Text t = new PublicTexts.Text(text, p.sources().at(path), false, false);
        Place place = new Place(c -> PublicTextChecks.locate(t, c.start(), c.end(), source), false);
        for (Claim c : scanner.scanPlain(text)) check(c, scope, place, out);
    }

    private void check(Claim c, Scope s, Place place, List<Finding> out) {
        String problem = switch (c.kind()) {
            case AMOUNT -> amount(c, s, place);
            case RATE -> rate(c, s, place);
            case SCORE -> score(c, s, place);
            case GRADE -> grade(c, s, place);
            case PROJECTS -> projects(c, s, place);
            case GRADED -> graded(c, s);
        };
        if (problem != null) out.add(Finding.warning(CODE, place.at().apply(c), problem));
    }

    // ---- amounts

    private String amount(Claim c, Scope s, Place place) {
        String figure = c.figure() != null ? c.figure() : "planned";
        Project target;
        if (s.project() != null) {
            if (c.figure() == null && !c.total()) return null;
            target = s.project();
        } else {
            List<NameMatcher.Candidate<Project>> named = s.names().candidates(c.subject());
            if (!named.isEmpty()) {
                for (NameMatcher.Candidate<Project> n : named) if (agrees(c, amount(n.item(), figure))) return null;
                target = s.names().best(named);
                if (target == null) return null;
            } else if (c.total()) {
                BigDecimal sum = BigDecimal.ZERO;
                for (Project p : s.projects()) {
                    Money a = amount(p, figure);
                    if (a == null) return null;
                    sum = sum.add(convert(a.value(), a.unit(), moneyUnit));
                }
                if (agrees(c, new Money(sum, moneyUnit))) return null;
                return said(c, figureLabel(figure)) + "而" + s.label() + " " + s.projects().size() + " 个项目（" + names(s.projects())
                        + "）自评表所写" + figureLabel(figure) + "合计为 " + show(sum) + moneyUnit + "（按各表相加）"
                        + advice(place, "{{ " + s.ref() + "." + figure + " }}");
            } else if (c.figure() != null) {
                target = fromHeadings(c, s);
                if (target == null) return null;
            } else {
                return null;
            }
        }
        Money data = amount(target, figure);
        if (data == null || agrees(c, data)) return null;
        return said(c, figureLabel(figure)) + "而“" + target.name() + "”自评表所写" + figureLabel(figure) + "是 " + show(data.value())
                + data.unit() + advice(place, "{{ " + target.id() + "." + figure + " }}");
    }

    private record Money(BigDecimal value, String unit) {
    }

    private static Money amount(Project p, String figure) {
        var set = figure.equals("executed") ? p.budget().executed() : p.budget().planned();
        return set == null || set.total() == null ? null : new Money(set.total(), p.moneyUnit());
    }

    private boolean agrees(Claim c, Money data) {
        if (data == null) return false;
        BigDecimal inClaimUnit = convert(data.value(), data.unit(), c.unit());
        if (Rounding.matches(c.value(), inClaimUnit)) return true;
        // A budget told in parts (财政预算安排3万元；上级专款4.06万元) agrees when the parts add up.
        return c.together() != null && c.together().compareTo(convert(data.value(), data.unit(), "元")) == 0;
    }

    private BigDecimal convert(BigDecimal value, String from, String to) {
        return value.movePointRight(vocabulary.moneyUnits().get(from) - vocabulary.moneyUnits().get(to));
    }

    private static String figureLabel(String figure) {
        return figure.equals("executed") ? "执行数" : "预算数";
    }

    // ---- rates

    private String rate(Claim c, Scope s, Place place) {
        Project target = s.project() != null ? s.project() : s.names().named(c.subject());
        if (target == null && s.project() == null) target = fromHeadings(c, s);
        switch (c.figure()) {
            case "execution_rate" -> {
                if (target != null) {
                    ProjectScore score = scores.apply(target);
                    if (score == null || score.executionRatePercent() == null) return null;
                    if (Rounding.matches(c.value(), score.executionRatePercent())
                            || (score.statedExecutionRate() != null && Rounding.matches(c.value(), score.statedExecutionRate()))) return null;
                    return said(c, "预算执行率") + "而“" + target.name() + "”自评表的执行数 " + show(target.budget().executed().total())
                            + target.moneyUnit() + " ÷ 预算数 " + show(target.budget().planned().total()) + target.moneyUnit() + " 为 "
                            + percent(score.executionRatePercent()) + "%（核算）"
                            + (score.statedExecutionRate() == null ? "" : "，表上所写预算执行进度为 " + target.stated().executionRate())
                            + advice(place, "{{ " + target.id() + ".execution_rate }}");
                }
                BigDecimal planned = BigDecimal.ZERO;
                BigDecimal executed = BigDecimal.ZERO;
                for (Project p : s.projects()) {
                    if (p.budget().planned().total() == null || p.budget().executed().total() == null) return null;
                    planned = planned.add(convert(p.budget().planned().total(), p.moneyUnit(), moneyUnit));
                    executed = executed.add(convert(p.budget().executed().total(), p.moneyUnit(), moneyUnit));
                }
                if (planned.signum() == 0) return null;
                BigDecimal percent = Rounding.percent(executed.divide(planned, MathContext.DECIMAL128));
                if (Rounding.matches(c.value(), percent)) return null;
                return said(c, "预算执行率") + "而" + s.label() + " " + s.projects().size() + " 个项目（" + names(s.projects())
                        + "）的执行数合计 " + show(executed) + moneyUnit + " ÷ 预算数合计 " + show(planned) + moneyUnit + " 为 "
                        + percent(percent) + "%（核算，按各表所写金额）" + advice(place, "{{ " + s.ref() + ".execution_rate }}");
            }
            case "completion" -> {
                if (target == null || target.stated() == null || target.stated().completion() == null) return null;
                String stated = target.stated().completion().replace("%", "").replace("％", "").strip();
                if (!stated.matches("\\d+(\\.\\d+)?")) return null;
                BigDecimal value = new BigDecimal(stated);
                if (Rounding.matches(c.value(), value) || Rounding.matches(value, c.value())) return null;
                return said(c, "总体完成率") + "而“" + target.name() + "”自评表所写总体完成率是 " + target.stated().completion() + "：请核对。";
            }
            default -> {
                if (s.project() != null || s.projects().isEmpty()) return null;
                boolean good = c.figure().equals("good_share");
                List<String> counted = good ? List.of("优", "良") : List.of("优");
                long n = s.projects().stream().filter(p -> counted.contains(statedGrade(p))).count();
                BigDecimal percent = Rounding.percent(BigDecimal.valueOf(n).divide(BigDecimal.valueOf(s.projects().size()), MathContext.DECIMAL128));
                if (Rounding.matches(c.value(), percent)) return null;
                return said(c, good ? "优良率，即等级为“优”或“良”的项目所占比例" : "评优率，即等级为“优”的项目所占比例") + "而" + s.label() + " "
                        + s.projects().size() + " 个项目中自评表所写等级为" + String.join("或", counted.stream().map(g -> "“" + g + "”").toList())
                        + "的有 " + n + " 个" + others(s.projects(), counted) + "，占 " + percent(percent) + "%：请核对。";
            }
        }
    }

    // ---- scores and grades

    private String score(Claim c, Scope s, Place place) {
        Project target = project(c, s);
        if (target == null) return null;
        ProjectScore score = scores.apply(target);
        if (score == null || score.statedTotal() == null || Rounding.matches(c.value(), score.statedTotal())) return null;
        return said(c, "自评总分") + "而“" + target.name() + "”自评表所写总分是 " + show(score.statedTotal()) + " 分"
                + advice(place, "{{ " + target.id() + ".stated_total }}");
    }

    private String grade(Claim c, Scope s, Place place) {
        if (c.all() && s.project() == null) {
            List<Project> other = s.projects().stream().filter(p -> statedGrade(p) != null && !statedGrade(p).equals(c.figure())).toList();
            if (other.isEmpty()) return null;
            return said(c, "全部项目的评价等级，即“" + c.figure() + "”") + "而" + s.label() + "自评表所写等级不是“" + c.figure() + "”的有："
                    + other.stream().map(p -> p.name() + "（" + statedGrade(p) + "）").collect(Collectors.joining("、")) + "：请核对。";
        }
        Project target = project(c, s);
        if (target == null) return null;
        String stated = statedGrade(target);
        if (stated == null || stated.equals(c.figure())) return null;
        ProjectScore score = scores.apply(target);
        boolean referable = score != null && stated.equals(score.computedGrade());
        return said(c, "评价等级，即“" + c.figure() + "”") + "而“" + target.name() + "”自评表所写等级是“" + stated + "”"
                + (referable ? advice(place, "{{ " + target.id() + ".grade }}") : "：请核对。");
    }

    private String statedGrade(Project p) {
        if (p.stated() == null || p.stated().grade() == null) return null;
        String g = p.stated().grade().strip();
        return vocabulary.gradeLabels().getOrDefault(g, g);
    }

    /** The projects a share does not count, with their grades: "（其余：X“良”）", or nothing when it counts all. */
    private String others(List<Project> projects, List<String> counted) {
        List<String> rest = projects.stream().filter(p -> !counted.contains(statedGrade(p)))
                .map(p -> p.name() + "“" + (statedGrade(p) == null ? "未写" : statedGrade(p)) + "”").toList();
        return rest.isEmpty() ? "" : "（其余：" + String.join("、", rest) + "）";
    }

    // ---- counts

    private String projects(Claim c, Scope s, Place place) {
        if (s.project() != null) return null;
        if (c.value().compareTo(BigDecimal.valueOf(s.projects().size())) == 0) return null;
        return said(c, "项目数") + "而" + s.label() + "有 " + s.projects().size() + " 个项目（" + names(s.projects()) + "）"
                + advice(place, "{{ " + s.ref() + ".projects }}");
    }

    private String graded(Claim c, Scope s) {
        if (s.project() != null) return null;
        long n = s.projects().stream().filter(p -> c.figure().equals(statedGrade(p))).count();
        if (c.value().compareTo(BigDecimal.valueOf(n)) == 0) return null;
        return said(c, "等级为“" + c.figure() + "”的项目数") + "而" + s.label() + " " + s.projects().size() + " 个项目中自评表所写等级为“"
                + c.figure() + "”的有 " + n + " 个：请核对。";
    }

    // ---- shared

    /** The project a score, grade or rate is said of: the scope's, one the sentence names, its heading's, or a unit's only one. */
    private Project project(Claim c, Scope s) {
        if (s.project() != null) return s.project();
        Project named = s.names().named(c.subject());
        if (named != null) return named;
        Project heading = fromHeadings(c, s);
        if (heading != null) return heading;
        return s.projects().size() == 1 ? s.projects().get(0) : null;
    }

    private static Project fromHeadings(Claim c, Scope s) {
        for (String h : c.headings()) {
            Project p = s.names().named(h);
            if (p != null) return p;
        }
        return null;
    }

    private static String said(Claim c, String what) {
        return "文字写的是“" + c.written() + "”（" + what + "），";
    }

    private static String advice(Place place, String reference) {
        return place.references()
                ? "：请核对；改写为 " + reference + " 可让文字随自评表的数字一起更新。"
                : "：请核对这段文字和表中数字（自评表的文字栏不能写引用）。";
    }

    /**
     * At most this many forms are named in one message. A figure about a year of thousands of forms named them all:
     * 5,000 names a finding, megabytes on the internal year page. The 2020 report's longest list is its 22 forms.
     */
    static final int NAMES_LISTED = 30;

    /** Only the names shown are taken: a year's report.md is checked again on each save in serve, with 5,000 forms. */
    private static String names(List<Project> projects) {
        return listed(projects.stream().limit(NAMES_LISTED).map(Project::name).toList(), projects.size());
    }

    /** The names joined with 、, the first {@link #NAMES_LISTED} only when there are more, saying so. */
    static String listed(List<String> names) {
        return listed(names, names.size());
    }

    /** The first {@link #NAMES_LISTED} of {@code names} joined with 、, saying so when {@code count} is more. */
    private static String listed(List<String> names, int count) {
        String shown = names.stream().limit(NAMES_LISTED).collect(Collectors.joining("、"));
        return count <= NAMES_LISTED ? shown : shown + "等，只列出前 " + NAMES_LISTED + " 个";
    }

    /** An amount or a stated figure exactly, without trailing zeros. */
    private static String show(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }

    /** A computed percentage, with two decimals as rates are shown. */
    private static String percent(BigDecimal percent) {
        return Rounding.halfUp2(percent).toPlainString();
    }
}
