package jixiao.check;

import jixiao.content.Indicator;
import jixiao.content.Judgement;
import jixiao.content.Problems;
import jixiao.content.Project;
import jixiao.content.SourceMap;
import jixiao.diagnostic.Finding;
import jixiao.score.GroupSum;
import jixiao.score.IndicatorScore;
import jixiao.score.ParsedValue;
import jixiao.score.ProjectScore;
import jixiao.score.Rounding;
import jixiao.score.RulesProfile;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** 四、年度绩效指标完成情况: the indicator keys against the profile, and each indicator's figures. */
final class IndicatorChecks {

    private IndicatorChecks() {
    }

    static void check(Project project, ProjectScore score, RulesProfile profile, Problems out) {
        SourceMap at = project.sources();
        keys(score, profile, at, out);
        groups(score, profile, at, out);
        for (IndicatorScore i : score.indicators()) indicator(i, profile, at, out);
        long unweighted = score.indicators().stream().filter(i -> i.indicator().weight() == null).count();
        if (unweighted > 0) {
            out.report(Finding.info("scores-not-verifiable", at.keyAt("indicators"),
                    "本表有 " + unweighted + " 项三级指标没有写分值（weight），其得分无法按指标值核对，按自评得分计入总分："
                            + "如需核对，请为每项三级指标写上 weight。"));
        }
    }

    /** Unknown 一级 and 二级 keys (errors), and 二级 keys under another 一级 (warnings), each once. */
    private static void keys(ProjectScore score, RulesProfile profile, SourceMap at, Problems out) {
        Set<String> level1 = new LinkedHashSet<>();
        Set<List<String>> level2 = new LinkedHashSet<>();
        for (IndicatorScore i : score.indicators()) {
            level1.add(i.indicator().level1());
            level2.add(List.of(i.indicator().level1(), i.indicator().level2()));
        }
        List<String> level1Keys = profile.level1().stream().map(RulesProfile.Level1::key).toList();
        Map<String, String> level1Labels = new LinkedHashMap<>();
        profile.level1().forEach(l -> level1Labels.put(l.key(), l.label()));
        for (String key : level1) {
            if (profile.level1(key).isPresent()) continue;
            String known = Texts.list(level1Keys.stream().map(k -> k + "（" + level1Labels.get(k) + "）").toList());
            out.report(Finding.error("unknown-level1", at.keyAt("indicators." + key),
                    "未知的一级指标键“" + key + "”：" + suggestion(key, level1Keys, level1Labels, profile, true)
                            + "一级指标键只能是 " + known + "。"));
        }
        for (List<String> pair : level2) {
            String l1 = pair.get(0);
            String key = pair.get(1);
            String where = "indicators." + l1 + "." + key;
            Optional<RulesProfile.Level1> owner = profile.ownerOf(key);
            if (owner.isEmpty()) {
                List<String> candidates = profile.level1(l1).map(RulesProfile.Level1::level2).orElse(profile.level2Keys());
                String known = Texts.list(candidates.stream().map(k -> Texts.level2(profile, k)).toList());
                String scope = profile.level1(l1).isPresent() ? Texts.level1(profile, l1) + "下的二级指标键有 " : "二级指标键有 ";
                out.report(Finding.error("unknown-level2", at.keyAt(where),
                        "未知的二级指标键“" + key + "”：" + suggestion(key, profile.level2Keys(), profile.level2Labels(), profile, false)
                                + scope + known + "。"));
            } else if (profile.level1(l1).isPresent() && !owner.get().key().equals(l1)) {
                out.report(Finding.warning("level2-misplaced", at.keyAt(where),
                        "二级指标 " + Texts.level2(profile, key) + " 属于一级指标 " + Texts.level1(profile, owner.get().key())
                                + "，却写在 " + Texts.level1(profile, l1) + " 下：请把它移到 indicators." + owner.get().key()
                                + " 下。"));
            }
        }
    }

    private static String suggestion(String key, List<String> known, Map<String, String> labels, RulesProfile profile, boolean level1) {
        return Suggest.nearest(key, known, labels)
                .map(k -> "是否应为“" + k + "”（" + (level1 ? profile.level1(k).orElseThrow().label() : profile.level2Label(k)) + "）？")
                .orElse("");
    }

    /**
     * Each 一级 group against its weight: with the indicators' weights when all are written (they must
     * add up to it exactly), else with their stated scores (which must not exceed it).
     */
    private static void groups(ProjectScore score, RulesProfile profile, SourceMap at, Problems out) {
        for (GroupSum g : score.groups()) {
            Optional<RulesProfile.Level1> level1 = profile.level1(g.level1());
            if (level1.isEmpty()) continue;
            BigDecimal weight = level1.get().weight();
            String name = Texts.level1(profile, g.level1());
            if (g.weight() != null) {
                if (g.weight().compareTo(weight) != 0) {
                    out.report(Finding.warning("level1-weight-mismatch", at.keyAt("indicators." + g.level1()),
                            name + "下各项三级指标的分值合计 " + Texts.score(g.weight()) + " 分，与规则中" + level1.get().label()
                                    + "的分值 " + weight.toPlainString() + " 分不符：请调整各项 weight，使合计为 "
                                    + weight.toPlainString() + " 分。"));
                }
            } else if (g.stated().compareTo(weight) > 0) {
                List<String> misplaced = score.indicators().stream()
                        .map(IndicatorScore::indicator)
                        .filter(i -> i.level1().equals(g.level1()))
                        .map(Indicator::level2)
                        .distinct()
                        .filter(k -> profile.ownerOf(k).filter(o -> !o.key().equals(g.level1())).isPresent())
                        .map(k -> Texts.level2(profile, k))
                        .toList();
                String hint = misplaced.isEmpty() ? "请核对各项自评得分。"
                        : "其中 " + Texts.list(misplaced) + " 不属于" + level1.get().label() + "，请把它移到所属的一级指标下，并核对各项自评得分。";
                out.report(Finding.warning("level1-score-over-weight", at.keyAt("indicators." + g.level1()),
                        name + "下各项自评得分合计 " + Texts.score(g.stated()) + " 分，超过该一级指标的分值 "
                                + weight.toPlainString() + " 分：" + hint));
            }
        }
    }

    private static void indicator(IndicatorScore i, RulesProfile profile, SourceMap at, Problems out) {
        Indicator ind = i.indicator();
        String path = ind.path();
        String name = "三级指标“" + ind.name() + "”";
        BigDecimal w = ind.weight();

        malformed(i.target(), "预期指标值", path + ".target", name, at, out);
        malformed(i.actual(), "实际完成值", path + ".actual", name, at, out);
        if (i.mismatch() != null) unitMismatch(i, name, at, out);
        else countAgainstPercent(i, name, at, out);

        if (i.scoreNotANumber()) {
            out.report(Finding.warning("score-not-a-number", at.at(path + ".score"),
                    name + "的自评得分“" + ind.score().strip() + "”不是数字，"
                            + (i.verifiable() ? "核算时按指标值计算得分" : "总分因此无法核算") + "：请写分数（如 9 或 12.5），"
                            + "等级只写在 stated.grade。"));
        }
        BigDecimal stated = i.statedScore();
        if (stated != null && w != null && stated.compareTo(w) > 0) {
            out.report(Finding.warning("score-over-weight", at.at(path + ".score"),
                    name + "的自评得分 " + Texts.stated(stated) + " 分超过其分值 " + w.toPlainString() + " 分：请核对得分或分值。"));
        }
        if (stated != null && i.verifiable() && !Rounding.matches(stated, i.computedScore())) {
            out.report(Finding.warning("score-mismatch", at.at(path + ".score"),
                    name + "的自评得分写的是 " + Texts.stated(stated) + " 分，" + basis(i)
                            + "应为 " + Texts.score(i.computedScore()) + " 分：请改为 " + Texts.score(i.computedScore())
                            + "，或核对指标值。"));
        }
        if (i.method() == IndicatorScore.Method.UNJUDGED) {
            out.report(Finding.warning("judgement-missing", at.at(path + ".actual"),
                    name + "是定性指标（预期“" + text(ind.target()) + "”，实际“" + text(ind.actual())
                            + "”），但没有写 judgement，得分无法核对：请写 judgement: achieved（达成年度指标）、"
                            + "partial（部分达成并具有一定效果）或 missed（未达成且效果较差）。"));
        }
        if (i.method() == IndicatorScore.Method.JUDGED && stated != null) {
            Judgement j = ind.judgement();
            RulesProfile.Band band = profile.band(j, w);
            if (!band.contains(stated)) {
                out.report(Finding.warning("judgement-band", at.at(path + ".score"),
                        name + "的判断为“" + j.label() + "”（" + j.key() + "），分值 " + w.toPlainString() + " 分时得分应在 ["
                                + Texts.score(band.lower()) + ", " + Texts.score(band.upper()) + (band.upperInclusive() ? "]" : ")")
                                + " 之间，这里写的是 " + Texts.stated(stated) + " 分：请调整得分或判断。"));
            }
        }
    }

    /** How the computed score follows, for a score-mismatch message. */
    private static String basis(IndicatorScore i) {
        Indicator ind = i.indicator();
        String w = ind.weight().toPlainString();
        if (i.method() == IndicatorScore.Method.MATCHED_TEXT) {
            return "实际完成值“" + ind.actual().strip() + "”达到预期指标值“" + ind.target().strip() + "”，按分值 " + w + " 分";
        }
        return "按预期指标值“" + ind.target().strip() + "”、实际完成值“" + ind.actual().strip() + "”和分值 " + w + " 分计算";
    }

    private static void malformed(ParsedValue value, String label, String path, String name, SourceMap at, Problems out) {
        if (value.kind() != ParsedValue.Kind.MALFORMED) return;
        out.report(Finding.warning("malformed-value", at.at(path),
                name + "的" + label + "“" + value.text().strip() + "”只有比较符号，没有数字：请补上数字（如 ≥90%），或写成文字。"));
    }

    private static void unitMismatch(IndicatorScore i, String name, SourceMap at, Problems out) {
        boolean target = i.mismatch() == IndicatorScore.Side.TARGET;
        ParsedValue side = target ? i.target() : i.actual();
        String label = target ? "预期指标值" : "实际完成值";
        String path = i.indicator().path() + (target ? ".target" : ".actual");
        String against = i.nameUnit() != null
                ? "而指标名称中的单位是“" + i.nameUnit() + "”"
                : "而预期指标值“" + i.target().text().strip() + "”的单位是“" + i.target().unit() + "”";
        String expected = i.nameUnit() != null ? i.nameUnit() : i.target().unit();
        out.report(Finding.warning("unit-mismatch", at.at(path),
                name + "的" + label + "“" + side.text().strip() + "”单位是“" + side.unit() + "”，" + against
                        + "：单位不一致，无法计算得分，按自评得分计。请把" + label + "改为以“" + expected + "”计的数。"));
    }

    /**
     * A count (宣传活动: 当年举办宣传活动数量, actual 12.00) against a percentage target (≥100%): no unit differs in
     * writing, yet 12 activities are not 12% of anything. The words that make a count are the claims vocabulary's.
     */
    private static void countAgainstPercent(IndicatorScore i, String name, SourceMap at, Problems out) {
        Indicator ind = i.indicator();
        if (i.nameUnit() != null || !"%".equals(i.target().unit()) || i.actual().hasUnit() || !i.actual().isNumber()) return;
        String said = text(ind.name()) + " " + text(ind.definition());
        jixiao.claims.Vocabulary words = jixiao.claims.Vocabulary.builtIn();
        if (words.countWords().stream().noneMatch(said::contains) || words.rateWords().stream().anyMatch(said::contains)) return;
        out.report(Finding.warning("count-against-percent", at.at(ind.path() + ".target"),
                name + "计的是个数（" + (ind.definition() == null ? ind.name().strip() : ind.definition().strip()) + "），实际完成值 "
                        + text(ind.actual()) + " 是个数，而预期指标值“" + text(ind.target()) + "”是百分比：两者无法比较；"
                        + "请把预期指标值写成个数（如 ≥" + text(ind.actual()).replaceAll("\\.0+$", "") + "），或把实际完成值写成完成比例。"));
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
