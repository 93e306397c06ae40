package jixiao.site;

import jixiao.content.Project;
import jixiao.score.ProjectScore;

import java.math.BigDecimal;

/**
 * The text of {@code {{ scope.figure }}} references in narratives, for one edition.
 *
 * <p>Project figures: {@code planned}, {@code received}, {@code executed} with the project's money
 * unit ({@code 4.9745万元}); {@code execution_rate} ({@code 99.49%}); {@code score}, the computed total;
 * {@code stated_total}, as written on the form; {@code grade}, the computed grade.
 *
 * <p>Unit and report figures ({@link Totals}): amounts summed in the site's money unit, the
 * execution rate of the sums, {@code score} and {@code stated_total} as the average over the
 * projects (see {@link Totals}), {@code grade} the grade of the average score, {@code projects} the
 * count and {@code excellent_rate} the 优良率. They count what the edition shows: drafts only in
 * the internal edition.
 */
public final class Figures {

    /** What a public page shows for a reference to a draft, whose figures stay internal. */
    public static final String NOT_PUBLISHED = "（未公开）";

    private Figures() {
    }

    /**
     * Resolves references in a narrative of {@code year}, written in {@code unit} (null for report.md).
     * Unknown references cannot reach here (the checks make them errors); they are shown as written.
     */
    public static String resolve(YearModel year, UnitModel unit, String scope, String figure) {
        String text = switch (scope) {
            case "report" -> total(year.totals(), figure);
            case "unit" -> unit == null ? null : total(unit.totals(), figure);
            default -> {
                if (year.hiddenIds().contains(scope)) yield NOT_PUBLISHED;
                yield year.project(scope).map(p -> project(p.score(), figure)).orElse(null);
            }
        };
        return text != null ? text : "{{ " + scope + "." + figure + " }}";
    }

    public static String project(ProjectScore s, String figure) {
        Project p = s.project();
        return switch (figure) {
            case "planned" -> Money.format(p.budget().planned().total(), p.moneyUnit());
            case "received" -> Money.format(p.budget().received().total(), p.moneyUnit());
            case "executed" -> Money.format(p.budget().executed().total(), p.moneyUnit());
            case "execution_rate" -> Money.rate(s.executionRate());
            case "score" -> s.computable() ? Money.score(s.computedTotal()) : ProjectScore.UNCOMPUTABLE;
            case "stated_total" -> s.statedTotal() == null ? Money.NONE : plainNumber(s.statedTotal());
            case "grade" -> !s.computable() ? ProjectScore.UNCOMPUTABLE : s.computedGrade() == null ? Money.NONE : s.computedGrade();
            default -> null;
        };
    }

    public static String total(Totals t, String figure) {
        return switch (figure) {
            case "planned" -> Money.format(t.planned(), t.moneyUnit());
            case "received" -> Money.format(t.received(), t.moneyUnit());
            case "executed" -> Money.format(t.executed(), t.moneyUnit());
            case "execution_rate" -> Money.rate(t.executionRate());
            case "score" -> Money.score(t.averageScore());
            case "stated_total" -> Money.score(t.averageStated());
            case "grade" -> t.grade() == null ? Money.NONE : t.grade();
            case "projects" -> Integer.toString(t.projects());
            case "excellent_rate" -> Money.rate(t.excellentRate());
            default -> null;
        };
    }

    private static String plainNumber(BigDecimal value) {
        return value.toPlainString();
    }
}
