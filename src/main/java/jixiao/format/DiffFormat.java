package jixiao.format;

import jixiao.compare.Change;
import jixiao.compare.ChangeKind;
import jixiao.compare.ChangeWording;
import jixiao.compare.Field;
import jixiao.compare.IndicatorChange;
import jixiao.compare.IndicatorSnapshot;
import jixiao.compare.NarrativeChange;
import jixiao.compare.NumberChange;
import jixiao.compare.ProjectSnapshot;
import jixiao.compare.TextChange;
import jixiao.compare.YearComparison;
import jixiao.score.RulesProfile;

import java.math.BigDecimal;

/**
 * What the text and Markdown renderings of a comparison share: how values, differences and labels read
 * in Chinese, worded by {@link ChangeWording} as the site's changes pages word them. The JSON rendering
 * uses none of it: it gives keys and numbers.
 */
public final class DiffFormat {

    private final RulesProfile profile;
    private final String moneyUnit;

    public DiffFormat(RulesProfile profile, String moneyUnit) {
        this.profile = profile;
        this.moneyUnit = moneyUnit;
    }

    String moneyUnit() {
        return moneyUnit;
    }

    /** A field's label; money fields name the unit (预算数（万元）). */
    String label(Field field) {
        return field.isMoney() ? field.label() + "（" + moneyUnit + "）" : field.label();
    }

    String from(Change c) {
        return value(c, true);
    }

    String to(Change c) {
        return value(c, false);
    }

    private String value(Change c, boolean old) {
        if (c instanceof NumberChange n) {
            BigDecimal v = old ? n.from() : n.to();
            if (v == null) return "无";
            return n.field() == Field.EXECUTION_RATE ? percent(v) : v.toPlainString();
        }
        TextChange t = (TextChange) c;
        String v = old ? t.from() : t.to();
        return v == null ? "无" : ChangeWording.text(profile, t.field(), v);
    }

    /** The signed difference (+1, -0.5, +0.51 个百分点), or empty for texts and missing sides. */
    String delta(Change c) {
        if (!(c instanceof NumberChange n) || n.delta() == null) return "";
        if (n.field() == Field.EXECUTION_RATE) return ChangeWording.points(n.delta());
        return signed(n.delta());
    }

    /** The relative difference of money (+20.00%), — when the old amount is 0, empty for other fields. */
    String relative(Change c) {
        if (!(c instanceof NumberChange n) || !n.field().isMoney()) return "";
        return ChangeWording.relative(n.from(), n.to());
    }

    /** A rate as rates are shown everywhere: two decimals (95.00%). */
    static String percent(BigDecimal rate) {
        return ChangeWording.percent(rate);
    }

    /** A project's name, marked when it is a draft (only the internal edition has drafts). */
    static String name(ProjectSnapshot s) {
        return s.isDraft() ? s.name() + "〔草稿〕" : s.name();
    }

    static String signed(BigDecimal v) {
        return ChangeWording.signed(v);
    }

    /** 产出指标 › 数量指标, from a compared level ({@code output.quantity}). */
    String level(String level) {
        return ChangeWording.level(profile, level);
    }

    String level(IndicatorSnapshot i) {
        return level(i.level());
    }

    /** Added indicators: what the new row says (预期 ≥100%，实际 100，分值 10). */
    String values(IndicatorSnapshot i) {
        StringBuilder sb = new StringBuilder();
        if (i.target() != null) sb.append("预期 ").append(shorten(i.target()));
        if (i.actual() != null) sb.append(sb.length() > 0 ? "，" : "").append("实际 ").append(shorten(i.actual()));
        if (i.weight() != null) sb.append(sb.length() > 0 ? "，" : "").append("分值 ").append(i.weight().toPlainString());
        if (i.score() != null) sb.append(sb.length() > 0 ? "，" : "").append("得分 ").append(shorten(i.score()));
        return sb.toString();
    }

    static String counts(NarrativeChange n) {
        return ChangeWording.counts(n);
    }

    /** The heading of a year: 2020 年度 → 2021 年度, or 2021 年度 (新增) between revisions. */
    static String yearTitle(YearComparison y) {
        if (y.fromYear() == null) return y.toYear() + " 年度（新增）";
        if (y.toYear() == null) return y.fromYear() + " 年度（删除）";
        if (y.fromYear().equals(y.toYear())) return y.toYear() + " 年度";
        return y.fromYear() + " 年度 → " + y.toYear() + " 年度";
    }

    static String kind(IndicatorChange i) {
        return i.kind() == ChangeKind.CHANGED ? "修改" : i.kind().label();
    }

    static String shorten(String text) {
        return ChangeWording.shorten(text);
    }
}
