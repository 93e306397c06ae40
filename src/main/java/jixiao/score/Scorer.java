package jixiao.score;

import jixiao.content.AmountSet;
import jixiao.content.Budget;
import jixiao.content.Indicator;
import jixiao.content.Project;
import jixiao.content.Stated;
import jixiao.score.IndicatorScore.Method;
import jixiao.score.IndicatorScore.Side;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Scores projects under one rules profile ("Scoring in the cn-2020 profile" in the content format,
 * with the weights, negative mode and grades of the profile). Immutable, so one instance may be
 * shared between threads.
 */
public final class Scorer {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    /** Shared readings of short value texts; see {@link #parse}. */
    private static final int MAX_SHARED = 1 << 16;

    private final RulesProfile profile;
    private final Map<String, ParsedValue> parsed = new ConcurrentHashMap<>();
    private final Map<String, Optional<BigDecimal>> figures = new ConcurrentHashMap<>();
    private final Map<BigDecimal, BigDecimal> numbers = new ConcurrentHashMap<>();

    public Scorer(RulesProfile profile) {
        this.profile = Objects.requireNonNull(profile);
    }

    public RulesProfile profile() {
        return profile;
    }

    public ProjectScore score(Project project) {
        BigDecimal rate = executionRatio(project.budget());
        BigDecimal executionScore = rate == null ? null : rate.min(BigDecimal.ONE).multiply(profile.execution().weight());

        List<IndicatorScore> indicators = new ArrayList<>();
        for (Indicator i : project.indicators()) indicators.add(score(i));

        BigDecimal sum = executionScore == null ? BigDecimal.ZERO : executionScore;
        for (IndicatorScore i : indicators) sum = sum.add(i.computedScore());
        BigDecimal total = number(Rounding.halfUp2(sum));

        Stated stated = project.stated() == null ? Stated.NONE : project.stated();
        BigDecimal statedTotal = figure(stated.total()).orElse(null);
        String statedGrade = stated.grade() == null || stated.grade().isBlank() ? null : stated.grade().strip();
        List<GroupSum> groups = groups(indicators);
        return new ProjectScore(
                project,
                rate,
                rate == null ? null : Rounding.percent(rate),
                executionScore,
                indicators,
                total,
                profile.gradeOf(total).orElse(null),
                figure(stated.executionRate()).orElse(null),
                figure(stated.executionScore()).orElse(null),
                stated.executionRow() == null ? null : figure(stated.executionRow().actual()).orElse(null),
                statedTotal,
                statedGrade,
                statedTotal == null ? null : profile.gradeOf(statedTotal).orElse(null),
                groups,
                uncomputable(indicators, total));
    }

    /** Whether an indicator gives a score: a numeric stated score, or an actual value to compute one from. */
    private static boolean scored(IndicatorScore i) {
        return i.statedScore() != null || (i.indicator().actual() != null && !i.indicator().actual().isBlank());
    }

    /**
     * Why a computed total is no fact, or null: a score taken as written that is not a number (优 counted as 0),
     * a 一级指标 whose scores add up to more than its weight, a total above the profile's maximum (290 of 100), or
     * a form where no indicator has an actual value or a numeric score (a blank form is not 0.00, 差); where a score
     * is a word, no sum is stated (it would count the word as 0), only that the rest already exceed.
     */
    private String uncomputable(List<IndicatorScore> indicators, BigDecimal total) {
        List<String> reasons = new ArrayList<>();
        // A form with nothing filled in (no actual value, no numeric score) has no total: 0.00 and 差 would be no fact.
        if (indicators.stream().noneMatch(Scorer::scored)) reasons.add(ProjectScore.NOTHING_SCORED);
        List<String> notNumbers = new ArrayList<>();
        // The 一级指标 holding a score that is not a number: a sum over them counts that word as 0 and means nothing,
        // so the reasons below say only that the other scores already exceed the weight, never the sum.
        java.util.Set<String> withWords = new java.util.HashSet<>();
        for (IndicatorScore i : indicators) {
            String written = i.indicator().score();
            if (!i.verifiable() && i.statedScore() == null && written != null && !written.isBlank()) {
                notNumbers.add("“" + written.strip() + "”");
                withWords.add(profile.ownerOf(i.indicator().level2()).map(RulesProfile.Level1::key).orElse(i.indicator().level1()));
                withWords.add(i.indicator().level1());
            }
        }
        if (!notNumbers.isEmpty()) {
            reasons.add(notNumbers.size() + " 项自评得分不是数字（" + String.join("、", notNumbers.stream().distinct().toList()) + "）");
        }
        // Too much both as written and by the 一级指标 each 二级 belongs to: a 二级 written under the wrong 一级 is
        // misplaced (level2-misplaced), and its weights may follow either, but a level above its weight both ways is
        // more than its share of the total.
        Map<String, BigDecimal> byOwner = new LinkedHashMap<>();
        Map<String, BigDecimal> asWritten = new LinkedHashMap<>();
        java.util.Set<String> takenAsWritten = new java.util.HashSet<>();
        for (IndicatorScore i : indicators) {
            // Only scores taken as the form writes them can exceed a level: a computed one never exceeds its weight,
            // and weights that add up to more than a level are level1-weight-mismatch, not a total that means nothing.
            if (!i.verifiable()) takenAsWritten.add(profile.ownerOf(i.indicator().level2()).map(RulesProfile.Level1::key).orElse(i.indicator().level1()));
            String owner = profile.ownerOf(i.indicator().level2()).map(RulesProfile.Level1::key).orElse(i.indicator().level1());
            byOwner.merge(owner, i.computedScore(), BigDecimal::add);
            asWritten.merge(i.indicator().level1(), i.computedScore(), BigDecimal::add);
        }
        byOwner.forEach((key, sum) -> profile.level1(key).ifPresent(level1 -> {
            BigDecimal written = asWritten.getOrDefault(key, BigDecimal.ZERO);
            if (takenAsWritten.contains(key) && sum.compareTo(level1.weight()) > 0 && written.compareTo(level1.weight()) > 0) {
                String weight = level1.weight().stripTrailingZeros().toPlainString();
                reasons.add(withWords.contains(key)
                        ? level1.label() + "其余得分合计已超过其分值 " + weight + " 分"
                        : level1.label() + "得分合计 " + Rounding.show(sum) + " 分，超过其分值 " + weight + " 分");
            }
        }));
        BigDecimal maximum = profile.maximum();
        if (total.compareTo(maximum) > 0) {
            String max = maximum.stripTrailingZeros().toPlainString();
            reasons.add(notNumbers.isEmpty() ? "合计 " + Rounding.show(total) + " 分，超过满分 " + max + " 分"
                    : "其余得分合计已超过满分 " + max + " 分");
        }
        return reasons.isEmpty() ? null : String.join("；", reasons);
    }

    /**
     * {@link ValueParser#parse}, one reading per distinct short text for everything this scorer scores: most
     * targets and actuals repeat ({@code ≥95%}, {@code 是}, {@code 100%}), and a large tree keeps every reading
     * in memory. The readings are immutable, so sharing them changes nothing else.
     */
    private ParsedValue parse(String text) {
        return shared(parsed, text, ValueParser::parse);
    }

    /**
     * One shared copy of a computed score or sum per value and scale ({@link BigDecimal#equals}), up to
     * {@link #MAX_SHARED} of them: an indicator's computed score and a group's sums mostly repeat (10.00, 20),
     * and with one each, 100,000 projects kept a million BigDecimals, 50 MB (heap histogram of a build).
     * Immutable, equal in scale too, so sharing changes nothing else; null stays null.
     */
    private BigDecimal number(BigDecimal n) {
        if (n == null) return null;
        BigDecimal shared = numbers.get(n);
        if (shared != null) return shared;
        if (numbers.size() >= MAX_SHARED) return n;
        BigDecimal earlier = numbers.putIfAbsent(n, n);
        return earlier != null ? earlier : n;
    }

    /** {@link ValueParser#figure}, shared as {@link #parse} is (stated scores repeat as much). */
    private Optional<BigDecimal> figure(String text) {
        return shared(figures, text, ValueParser::figure);
    }

    /** {@code read} of a text, from {@code cache} when that short text was read before (up to {@link #MAX_SHARED} texts). */
    private static <V> V shared(Map<String, V> cache, String text, Function<String, V> read) {
        if (text == null || text.length() > 32) return read.apply(text);
        V value = cache.get(text);
        if (value != null) return value;
        value = read.apply(text);
        if (cache.size() < MAX_SHARED) {
            V earlier = cache.putIfAbsent(text, value);
            if (earlier != null) value = earlier;
        }
        return value;
    }

    /** executed.total / planned.total; null when there is nothing to divide by. */
    static BigDecimal executionRatio(Budget budget) {
        if (budget == null) return null;
        BigDecimal planned = total(budget.planned());
        BigDecimal executed = total(budget.executed());
        if (planned == null || executed == null || planned.signum() == 0) return null;
        return Rounding.divide(executed, planned);
    }

    private static BigDecimal total(AmountSet set) {
        return set == null ? null : set.total();
    }

    IndicatorScore score(Indicator indicator) {
        ParsedValue target = parse(indicator.target());
        ParsedValue actual = parse(indicator.actual());
        String nameUnit = ValueParser.unitOfName(indicator.name()).orElse(null);
        Side mismatch = mismatch(nameUnit, target, actual);
        if (mismatch != null && perX(indicator, nameUnit, target, actual)) mismatch = null;
        String unit = nameUnit != null ? nameUnit : target.hasUnit() ? target.unit() : actual.unit();
        BigDecimal stated = figure(indicator.score()).orElse(null);
        BigDecimal asStated = stated == null ? BigDecimal.ZERO : stated;
        BigDecimal w = indicator.weight();

        Method method;
        BigDecimal computed = asStated;
        if (w == null) {
            method = Method.NO_WEIGHT;
        } else if (target.kind() == ParsedValue.Kind.MALFORMED || actual.kind() == ParsedValue.Kind.MALFORMED) {
            method = Method.MALFORMED;
        } else if (mismatch != null) {
            method = Method.UNIT_MISMATCH;
        } else if (target.isNumber() && actual.isNumber()) {
            BigDecimal a = target.number();
            BigDecimal b = actual.number();
            switch (target.relation().direction()) {
                case NEGATIVE -> {
                    method = Method.NEGATIVE;
                    computed = negative(w, a, b);
                }
                case EQUAL -> {
                    method = Method.EQUAL;
                    computed = positive(w, a, b); // B = A gives w; otherwise the table scores it as positive
                }
                default -> {
                    method = Method.POSITIVE;
                    computed = positive(w, a, b);
                }
            }
        } else if (indicator.judgement() != null) {
            method = Method.JUDGED; // the editor's explicit judgement wins over comparing texts
        } else if (textMeetsTarget(indicator.target(), indicator.actual())) {
            method = Method.MATCHED_TEXT;
            computed = w;
        } else {
            method = Method.UNJUDGED;
        }
        boolean verifiable = switch (method) {
            case POSITIVE, NEGATIVE, EQUAL, MATCHED_TEXT -> true;
            default -> false;
        };
        return new IndicatorScore(indicator, target, actual, nameUnit, unit, mismatch, method, stated, number(computed), verifiable);
    }

    /** w when B ≥ A, else w × B / A. */
    private static BigDecimal positive(BigDecimal w, BigDecimal a, BigDecimal b) {
        if (b.compareTo(a) >= 0) return w;
        return Rounding.divide(w.multiply(b), a); // a > b ≥ 0, so a ≠ 0
    }

    /** w when B ≤ A, else w × A / B (ratio) or w × (1 − (B − A) / A), 0 from B ≥ 2A (deviation). */
    private BigDecimal negative(BigDecimal w, BigDecimal a, BigDecimal b) {
        if (b.compareTo(a) <= 0) return w;
        return switch (profile.negative()) {
            case RATIO -> Rounding.divide(w.multiply(a), b); // b > a ≥ 0, so b ≠ 0
            case DEVIATION -> b.compareTo(a.multiply(TWO)) >= 0
                    ? BigDecimal.ZERO // also A = 0: any B above it is a 100 % overrun or more
                    : w.multiply(BigDecimal.ONE.subtract(Rounding.divide(b.subtract(a), a)));
        };
    }

    /**
     * Whether a qualitative actual says the target was met: the same text (是/是, 否/否), or the
     * affirmative answer to a 是否 question (是否完成/完成, 是否符合要求/是).
     */
    static boolean textMeetsTarget(String target, String actual) {
        String t = clean(target);
        String a = clean(actual);
        if (t.isEmpty() || a.isEmpty()) return false;
        if (a.equals(t)) return true;
        if (!t.contains("是否")) return false;
        return a.equals("是") || a.equals(t.replace("是否", ""));
    }

    private static String clean(String text) {
        if (text == null) return "";
        return ValueParser.withoutWhiteSpace(ValueParser.normalise(text), "。.！!");
    }

    /**
     * The side written in a unit other than the indicator's (from its name), or, without one, the
     * actual when both sides have units that differ. A side without a unit never mismatches.
     */
    static Side mismatch(String nameUnit, ParsedValue target, ParsedValue actual) {
        if (nameUnit != null) {
            if (target.hasUnit() && !target.unit().equals(nameUnit)) return Side.TARGET;
            if (actual.hasUnit() && !actual.unit().equals(nameUnit)) return Side.ACTUAL;
            return null;
        }
        if (target.hasUnit() && actual.hasUnit() && !target.unit().equals(actual.unit())) return Side.ACTUAL;
        return null;
    }

    /**
     * Whether the two units are one measure written per X: 次/月/家 against 次 where the indicator says 每 or 各
     * (每月至少3次, 各孵化企业带动就业≥2人). The words that say "per" are the claims vocabulary's.
     */
    static boolean perX(Indicator indicator, String nameUnit, ParsedValue target, ParsedValue actual) {
        String a = nameUnit != null ? nameUnit : target.unit();
        String b = nameUnit != null && target.hasUnit() && !target.unit().equals(nameUnit) ? target.unit() : actual.unit();
        if (a == null || b == null) return false;
        boolean oneMeasure = b.startsWith(a + "/") || a.startsWith(b + "/");
        if (!oneMeasure) return false;
        String texts = String.join(" ", java.util.Arrays.asList(indicator.name(), indicator.target(), indicator.actual()).stream()
                .filter(Objects::nonNull).toList());
        return jixiao.claims.Vocabulary.builtIn().per().stream().anyMatch(texts::contains);
    }

    private List<GroupSum> groups(List<IndicatorScore> indicators) {
        Map<String, List<IndicatorScore>> byLevel1 = new LinkedHashMap<>();
        for (IndicatorScore i : indicators) byLevel1.computeIfAbsent(i.indicator().level1(), k -> new ArrayList<>()).add(i);
        List<GroupSum> out = new ArrayList<>();
        byLevel1.forEach((key, list) -> {
            BigDecimal weight = BigDecimal.ZERO;
            BigDecimal stated = BigDecimal.ZERO;
            BigDecimal computed = BigDecimal.ZERO;
            for (IndicatorScore i : list) {
                weight = weight == null || i.indicator().weight() == null ? null : weight.add(i.indicator().weight());
                if (i.statedScore() != null) stated = stated.add(i.statedScore());
                computed = computed.add(i.computedScore());
            }
            out.add(new GroupSum(key, list.size(), number(weight), number(stated), number(computed)));
        });
        return out;
    }
}
