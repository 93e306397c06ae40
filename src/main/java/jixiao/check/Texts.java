package jixiao.check;

import jixiao.diagnostic.SourcePosition;
import jixiao.score.Rounding;
import jixiao.score.RulesProfile;

import java.math.BigDecimal;
import java.util.List;

/** How figures and names are written in messages, so that every message writes them alike. */
final class Texts {

    private Texts() {
    }

    /** An amount as written, with the project's money unit: 4.9745万元. */
    static String amount(BigDecimal value, String moneyUnit) {
        return value.toPlainString() + (moneyUnit == null ? "" : moneyUnit);
    }

    /** A computed score, rounded for display: 94.95, 10. */
    static String score(BigDecimal value) {
        return Rounding.show(value);
    }

    /** A stated figure as the form writes it, without the percent sign: 59.22, 95. */
    static String stated(BigDecimal value) {
        return value.toPlainString();
    }

    /** A 一级 key with its label: output（产出指标）. */
    static String level1(RulesProfile profile, String key) {
        return profile.level1(key).map(l -> l.label() + "（" + key + "）").orElse(key);
    }

    /** A 二级 key with its label: social（社会效益指标）. */
    static String level2(RulesProfile profile, String key) {
        return profile.level2Labels().containsKey(key) ? profile.level2Label(key) + "（" + key + "）" : key;
    }

    static String list(List<String> items) {
        return String.join("、", items);
    }

    /** The totals a grade is given for: 80 ≤ 总分 < 90. */
    static String gradeRange(RulesProfile profile, String label) {
        List<RulesProfile.Grade> grades = profile.grades();
        for (int i = 0; i < grades.size(); i++) {
            RulesProfile.Grade g = grades.get(i);
            if (!g.label().equals(label)) continue;
            String low = g.min().toPlainString() + " ≤ 总分";
            return i == 0 ? low : low + " < " + grades.get(i - 1).min().toPlainString();
        }
        return label;
    }

    /**
     * The 1-based line and code-point column of {@code offset} in {@code text}, a whole file's text: where a finding
     * about a piece of prose points (prose claims, contact names in public text).
     */
    static SourcePosition position(String text, int offset, String file) {
        int line = 1;
        int lineStart = 0;
        for (int i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
            line++;
            lineStart = i + 1;
        }
        return new SourcePosition(file, line, text.codePointCount(lineStart, offset) + 1);
    }
}
