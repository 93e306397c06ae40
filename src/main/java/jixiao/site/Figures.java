package jixiao.site;

import jixiao.content.Project;
import jixiao.narrative.Figure;
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

    private Figures() {
    }

    /**
     * Resolves references in a narrative of {@code year}, written in {@code unit} (null for report.md).
     * Unknown references cannot reach here (the checks make them errors); they are shown as written.
     */
    public static String resolve(YearModel year, UnitModel unit, String scope, String name) {
        Figure figure = Figure.named(name).orElse(null);
        String text = figure == null ? null : switch (scope) {
            case "report" -> total(year.totals(), figure);
            case "unit" -> unit == null ? null : total(unit.totals(), figure);
            default -> {
                if (year.hiddenIds().contains(scope)) yield Figure.NOT_PUBLISHED;
                yield year.project(scope).map(p -> project(p.score(), figure)).orElse(null);
            }
        };
        return text != null ? text : "{{ " + scope + "." + name + " }}";
    }

    /** A project's figure, or null for the totals-only ones, which a project reference shows as written. */
    static String project(ProjectScore s, Figure figure) {
        Project p = s.project();
        return switch (figure) {
            case PLANNED -> Money.format(p.budget().planned().total(), p.moneyUnit());
            case RECEIVED -> Money.format(p.budget().received().total(), p.moneyUnit());
            case EXECUTED -> Money.format(p.budget().executed().total(), p.moneyUnit());
            case EXECUTION_RATE -> Money.rate(s.executionRatio());
            case SCORE -> s.computable() ? Money.score(s.computedTotal()) : ProjectScore.UNCOMPUTABLE;
            case STATED_TOTAL -> s.statedTotal() == null ? Money.NONE : plainNumber(s.statedTotal());
            case GRADE -> !s.computable() ? ProjectScore.UNCOMPUTABLE : s.computedGrade() == null ? Money.NONE : s.computedGrade();
            case PROJECTS, EXCELLENT_RATE -> null;
        };
    }

    static String total(Totals t, Figure figure) {
        return switch (figure) {
            case PLANNED -> Money.format(t.planned(), t.moneyUnit());
            case RECEIVED -> Money.format(t.received(), t.moneyUnit());
            case EXECUTED -> Money.format(t.executed(), t.moneyUnit());
            case EXECUTION_RATE -> Money.rate(t.executionRatio());
            case SCORE -> Money.score(t.averageScore());
            case STATED_TOTAL -> Money.score(t.averageStated());
            case GRADE -> t.grade() == null ? Money.NONE : t.grade();
            case PROJECTS -> Integer.toString(t.projects());
            case EXCELLENT_RATE -> Money.rate(t.excellentRatio());
        };
    }

    private static String plainNumber(BigDecimal value) {
        return value.toPlainString();
    }
}
