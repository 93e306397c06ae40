package jixiao.compare;

import jixiao.content.Judgement;
import jixiao.score.Rounding;
import jixiao.score.RulesProfile;

import java.math.BigDecimal;

/**
 * How a change reads in Chinese, wherever it is shown: the changes pages of the site and the text and
 * Markdown output of {@code jixiao diff} word levels, statuses, judgements, paragraph counts and
 * differences alike because both take the wording from here. What each of them shows around it (the
 * site's money format, diff's 无 for a missing side) stays with them.
 */
public final class ChangeWording {

    /** Long texts (internal notes, deviations) are cut to this many characters in a line or a cell. */
    public static final int SHORT = 40;

    private ChangeWording() {
    }

    /** 产出指标 › 数量指标, from a compared level ({@code output.quantity}), with the labels of the rules profile. */
    public static String level(RulesProfile profile, String level) {
        int dot = level.indexOf('.');
        String l1 = dot < 0 ? level : level.substring(0, dot);
        String l2 = dot < 0 ? "" : level.substring(dot + 1);
        return profile.level1(l1).map(RulesProfile.Level1::label).orElse(l1) + " › " + profile.level2Label(l2);
    }

    /** One side of a text change, present: a level by its labels, a status and a judgement in words, anything else shortened. */
    public static String text(RulesProfile profile, Field field, String value) {
        return switch (field) {
            case LEVEL -> level(profile, value);
            case STATUS -> value.equals("draft") ? "草稿" : "定稿";
            case JUDGEMENT -> Judgement.fromKey(value).map(Judgement::label).orElse(value);
            default -> shorten(value);
        };
    }

    /** 新增 1 段，删除 0 段，修改 2 段 */
    public static String counts(NarrativeChange n) {
        return "新增 " + n.added() + " 段，删除 " + n.removed() + " 段，修改 " + n.changed() + " 段";
    }

    /** One line: whitespace collapsed, cut to {@link #SHORT} characters. */
    public static String shorten(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        int[] cps = flat.codePoints().toArray();
        return cps.length <= SHORT ? flat : new String(cps, 0, SHORT) + "…";
    }

    /** A difference with its sign: +1, -0.5, 0. */
    public static String signed(BigDecimal v) {
        return (v.signum() > 0 ? "+" : "") + v.toPlainString();
    }

    /** A rate already in percent as rates are shown everywhere: two decimals (95 → 95.00%). */
    public static String percent(BigDecimal rate) {
        return twoDecimals(rate).toPlainString() + "%";
    }

    /** The difference of two rates in percent, in 个百分点 with two decimals (+0.51 个百分点). */
    public static String points(BigDecimal difference) {
        return signed(twoDecimals(difference)) + " 个百分点";
    }

    /** (to − from) / from in percent with two decimals (+20.00%); {@code —} from zero; empty when a side is missing. */
    public static String relative(BigDecimal from, BigDecimal to) {
        if (from == null || to == null) return "";
        if (from.signum() == 0) return "—";
        return signed(Rounding.relativePercent(from, to)) + "%";
    }

    /** The one place this wording rounds: half-up to two decimals, as rates and scores are shown. */
    private static BigDecimal twoDecimals(BigDecimal value) {
        return Rounding.halfUp2(value);
    }
}
