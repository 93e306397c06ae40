package jixiao.render;

import jixiao.content.Project;
import jixiao.score.Rounding;
import jixiao.site.Money;
import jixiao.site.ProjectModel;
import jixiao.site.SiteModel;
import jixiao.site.YearModel;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * summary.csv of a year: one row per project the edition shows, for programs and data portals (people
 * get summary.xlsx, with Chinese headers and typed cells). Its columns are {@link #columns}, which the
 * year's datapackage.json describes field by field ({@link DataPackage}), so the two cannot drift apart.
 *
 * <ul>
 * <li>UTF-8 with a byte-order mark ({@code utf-8-sig}) and CRLF line endings (RFC 4180), so that Excel
 *     opens the Chinese cells intact; fields are quoted when they hold a comma, quote or line break.</li>
 * <li>The header row holds the fields' English names; their Chinese titles are in datapackage.json.</li>
 * <li>Numbers are bare ({@code 99.49}, never {@code 99.49%} or {@code 1,039}): amounts exactly as written,
 *     converted to the site's money unit; rates in percent ({@code …_percent}); a missing value is an
 *     empty cell. A stated figure that is no number on the form keeps its words in the {@code …_text}
 *     column beside it.</li>
 * <li>Ids are written as they are ({@code 3-4}), typed {@code string} in the descriptor: a program reads
 *     them right, and spreadsheets are pointed to summary.xlsx (see docs/data-formats.md for the
 *     trade-off: a spreadsheet opening the CSV directly may take {@code 3-4} for a date).</li>
 * </ul>
 */
public final class SummaryCsv {

    private SummaryCsv() {
    }

    /** A Table Schema field type of a column. */
    enum Type {
        STRING("string"), INTEGER("integer"), NUMBER("number"), BOOLEAN("boolean");

        final String key;

        Type(String key) {
            this.key = key;
        }
    }

    /** What one cell of a project's row holds. */
    @FunctionalInterface
    interface Cell {
        /** The cell's text, {@code ""} for a missing value. */
        String of(ProjectModel project, YearModel year, String moneyUnit);
    }

    /**
     * One column: its machine name (the header), its Chinese title, its type and what it means.
     * {@code unit} is the money unit or {@code %} a number is in, null for none.
     */
    record Column(String name, String title, Type type, String unit, String description, Cell cell) {
    }

    /** The columns of an edition's summary.csv, in order; amounts are in {@code moneyUnit}. */
    static List<Column> columns(String moneyUnit, boolean internal) {
        List<Column> columns = new ArrayList<>(List.of(
                new Column("year", "年度", Type.INTEGER, null, "预算年度。", (p, y, u) -> Integer.toString(p.project().year())),
                new Column("unit_id", "单位编号", Type.STRING, null, "单位的编号（content 下的文件夹名）。", (p, y, u) -> p.project().unitId()),
                new Column("unit_name", "单位", Type.STRING, null, "单位名称。", (p, y, u) -> y.unitsById().get(p.project().unitId()).unit().name()),
                new Column("project_id", "项目编号", Type.STRING, null,
                        "项目编号（文件名），同一年度内唯一，各年度不变；是文本，不是日期或数字（如 3-4）。", (p, y, u) -> p.project().id()),
                new Column("project_name", "项目名称", Type.STRING, null, "项目名称。", (p, y, u) -> p.project().name()),
                amount("planned", "预算数", moneyUnit, p -> p.budget().planned().total()),
                amount("received", "到位数", moneyUnit, p -> p.budget().received().total()),
                amount("executed", "执行数", moneyUnit, p -> p.budget().executed().total()),
                new Column("stated_execution_rate_percent", "自评预算执行率（%）", Type.NUMBER, "%",
                        "自评表所填的预算执行进度，百分数（99 即 99%）；所填不是数字或未填时为空。",
                        (p, y, u) -> number(p.score().statedExecutionRate())),
                new Column("stated_execution_rate_text", "自评预算执行率（原文）", Type.STRING, null,
                        "自评表所填的预算执行进度，照原样（如 99%、≥100%）。", (p, y, u) -> statedRate(p.project())),
                new Column("computed_execution_rate_percent", "核算预算执行率（%）", Type.NUMBER, "%",
                        "核算的预算执行率：执行数 ÷ 预算数，百分数，四舍五入到两位小数；预算数为 0 或未填时为空。",
                        (p, y, u) -> p.score().executionRatio() == null ? "" : number(Rounding.halfUp2(Rounding.percent(p.score().executionRatio())))),
                new Column("stated_total", "自评总分", Type.NUMBER, null,
                        "自评表所填的总分；所填不是数字或未填时为空。", (p, y, u) -> number(p.score().statedTotal())),
                new Column("stated_total_text", "自评总分（原文）", Type.STRING, null,
                        "自评表所填的总分，照原样。", (p, y, u) -> statedTotal(p.project())),
                new Column("computed_total", "核算总分", Type.NUMBER, null,
                        "按评分规则核算的总分，两位小数；无法核算时为空（见 computable）。",
                        (p, y, u) -> p.score().computable() ? number(Rounding.halfUp2(p.score().computedTotal())) : ""),
                new Column("computable", "能否核算", Type.BOOLEAN, null,
                        "核算总分和核算等级是否有意义：false 即“无法核算”（如自评得分写成文字、得分超过权重）。",
                        (p, y, u) -> Boolean.toString(p.score().computable())),
                new Column("stated_grade", "自评等级", Type.STRING, null, "自评表所填的评价等级，照原样。",
                        (p, y, u) -> p.score().statedGrade() == null ? "" : p.score().statedGrade()),
                new Column("computed_grade", "核算等级", Type.STRING, null, "核算总分对应的评价等级；无法核算时为空。",
                        (p, y, u) -> !p.score().computable() || p.score().computedGrade() == null ? "" : p.score().computedGrade())));
        if (internal) {
            columns.add(new Column("status", "状态", Type.STRING, null, "draft 为草稿，final 为定稿（仅内部版）。",
                    (p, y, u) -> p.project().isDraft() ? "draft" : "final"));
            columns.add(new Column("findings", "核查问题数", Type.INTEGER, null, "jixiao check 对该项目提出的问题数（仅内部版）。",
                    (p, y, u) -> Integer.toString(p.findings().count())));
        }
        return List.copyOf(columns);
    }

    private static Column amount(String name, String title, String moneyUnit, Function<Project, BigDecimal> total) {
        return new Column(name, title + "（" + moneyUnit + "）", Type.NUMBER, moneyUnit,
                title + "合计，照所填数值精确换算，不四舍五入。",
                (p, y, u) -> number(total.apply(p.project()) == null ? null
                        : Money.convert(total.apply(p.project()), p.project().moneyUnit(), u)));
    }

    public static byte[] of(YearModel year, SiteModel site) {
        String unit = site.site().moneyUnit();
        List<Column> columns = columns(unit, site.edition().showsFindings());
        StringBuilder csv = new StringBuilder();
        row(csv, columns.stream().map(Column::name).toList());
        for (ProjectModel pm : year.projects()) {
            row(csv, columns.stream().map(c -> c.cell().of(pm, year, unit)).toList());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The 总分 the form states, as written (stripped), or empty. */
    private static String statedTotal(Project p) {
        return p.stated() == null || p.stated().total() == null ? "" : p.stated().total().strip();
    }

    /** A number as written, without exponent or trailing zeros ({@code 99}, {@code 4.9745}); {@code ""} for none. */
    private static String number(BigDecimal value) {
        if (value == null) return "";
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
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
