package jixiao.render;

import jixiao.content.Project;
import jixiao.score.ProjectScore;
import jixiao.site.Money;
import jixiao.site.ProjectModel;
import jixiao.site.SiteModel;
import jixiao.site.YearModel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * summary.csv of a year: one row per project the edition shows. UTF-8 with a byte-order mark
 * and CRLF line endings (RFC 4180), so that Excel opens it with the Chinese headers intact;
 * fields are quoted when they hold a comma, quote or line break. Amounts are converted exactly
 * to the site's money unit, named in the headers.
 */
public final class SummaryCsv {

    private SummaryCsv() {
    }

    public static byte[] of(YearModel year, SiteModel site) {
        String unit = site.site().moneyUnit();
        boolean internal = site.edition().showsFindings();
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("年度", "单位", "项目编号", "项目名称",
                "预算数（" + unit + "）", "到位数（" + unit + "）", "执行数（" + unit + "）", "自评预算执行率", "核算预算执行率",
                "自评总分", "核算总分", "自评等级", "核算等级"));
        if (internal) header.addAll(List.of("状态", "核查问题数"));
        row(csv, header);
        for (ProjectModel pm : year.projects()) {
            Project p = pm.project();
            ProjectScore s = pm.score();
            List<String> cells = new ArrayList<>(List.of(
                    Integer.toString(p.year()),
                    year.unitsById().get(p.unitId()).unit().name(),
                    p.id(),
                    p.name(),
                    Money.plain(Money.convert(p.budget().planned().total(), p.moneyUnit(), unit)),
                    Money.plain(Money.convert(p.budget().received().total(), p.moneyUnit(), unit)),
                    Money.plain(Money.convert(p.budget().executed().total(), p.moneyUnit(), unit)),
                    s.statedExecutionRate() != null ? s.statedExecutionRate().stripTrailingZeros().toPlainString() + "%" : statedRate(p),
                    s.executionRatio() == null ? "" : Money.rate(s.executionRatio()),
                    p.stated() == null || p.stated().total() == null ? "" : p.stated().total(),
                    s.computable() ? Money.score(s.computedTotal()) : ProjectScore.UNCOMPUTABLE,
                    s.statedGrade() == null ? "" : s.statedGrade(),
                    !s.computable() ? ProjectScore.UNCOMPUTABLE : s.computedGrade() == null ? "" : s.computedGrade()));
            if (internal) {
                cells.add(p.isDraft() ? "草稿" : "定稿");
                cells.add(Integer.toString(pm.findings().count()));
            }
            row(csv, cells);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The 预算执行率 the form states, as written (stripped), or empty. */
    static String statedRate(Project p) {
        return p.stated() == null || p.stated().executionRate() == null ? "" : p.stated().executionRate().strip();
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) csv.append(',');
            csv.append(field(text(cells.get(i))));
        }
        csv.append("\r\n");
    }

    /**
     * A cell that Excel or LibreOffice would read as a formula (OWASP's list: a leading {@code = + - @},
     * TAB or CR) gets a leading apostrophe, which makes it text. Applied to every cell, not only to those
     * known to come from an editor: names, stated totals and grades all do, and so may a rules profile's
     * grade labels. The summary has no negative numbers (a negative amount is an error and scores and
     * rates are never below zero), so no number is turned into text by it.
     */
    static String text(String value) {
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** What a spreadsheet takes for the start of a formula (OWASP, CSV injection). */
    static final String FORMULA_STARTS = "=+-@\t\r";

    /** A field, quoted when it must be (comma, quote, CR or LF), with quotes doubled. */
    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) return value;
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
