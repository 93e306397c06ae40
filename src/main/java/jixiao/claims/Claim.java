package jixiao.claims;

import java.math.BigDecimal;
import java.util.List;

/**
 * A figure written in prose that says something about the data, as {@link ClaimScanner} found it.
 *
 * @param kind     what sort of figure it is
 * @param figure   what it claims: {@code planned} or {@code executed} for an amount (null when no verb says),
 *                 a rate's key ({@code execution_rate}, {@code excellent_share}, {@code good_share},
 *                 {@code completion}), the grade label ({@code 优}) for a grade or a count of grades
 * @param value    the number as typed (null for a grade)
 * @param written  the figure as typed, with its unit ({@code 3000万元}, {@code 95.1%}, {@code 优秀})
 * @param unit     the money unit of an amount ({@code 万元}), else null
 * @param start    where the figure starts in the text (offset of its first character)
 * @param end      where it ends (exclusive)
 * @param subject  the words before the figure in its clause, which may name a project
 * @param total    whether the clause says the figure is a total (涉及金额, 共计, 实际支出)
 * @param all      for a grade: whether it is said of every project (全部, 均)
 * @param headings the Markdown headings the figure is written under, innermost first
 * @param together the amounts of the figure's paragraph together, in 元, when it holds more than one (a budget
 *                 told in parts: 财政预算安排3万元；上级专款4.06万元), else null
 */
public record Claim(
        Kind kind,
        String figure,
        BigDecimal value,
        String written,
        String unit,
        int start,
        int end,
        String subject,
        boolean total,
        boolean all,
        List<String> headings,
        BigDecimal together) {

    public Claim {
        headings = List.copyOf(headings);
    }

    /** What sort of figure a claim is. */
    public enum Kind {
        /** An amount of money: 预算共计3000万元, 实际支出3010.83万元. */
        AMOUNT,
        /** A percentage: 支出率为95.1%, 评优率为95%. */
        RATE,
        /** A total score: 自评总分为95分. */
        SCORE,
        /** A grade: 评价等级为优, 评价等级全部为优. */
        GRADE,
        /** A number of projects: 共安排专项项目预算10个, 4个评价项目. */
        PROJECTS,
        /** A number of projects with a grade: 优的共10项. */
        GRADED
    }
}
