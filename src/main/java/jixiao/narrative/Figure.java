package jixiao.narrative;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The figures a narrative can name after the scope's dot ({@code {{ report.executed }}}): the
 * one vocabulary that the checks accept and the site resolves. A project has every figure but
 * the totals-only ones; a unit and the report have them all.
 */
public enum Figure {
    PLANNED("planned", false),
    RECEIVED("received", false),
    EXECUTED("executed", false),
    EXECUTION_RATE("execution_rate", false),
    SCORE("score", false),
    STATED_TOTAL("stated_total", false),
    GRADE("grade", false),
    /** How many projects the group counts. */
    PROJECTS("projects", true),
    /** 优良率. */
    EXCELLENT_RATE("excellent_rate", true);

    /** What a public page shows for any figure of a draft, whose figures stay internal. */
    public static final String NOT_PUBLISHED = "（未公开）";

    private final String key;
    private final boolean totalsOnly;

    Figure(String key, boolean totalsOnly) {
        this.key = key;
        this.totalsOnly = totalsOnly;
    }

    /** The name as written in a reference. */
    public String key() {
        return key;
    }

    /** Whether only a unit and the report have it, a single project not. */
    public boolean totalsOnly() {
        return totalsOnly;
    }

    public static Optional<Figure> named(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    /** The names a scope has, in this order: a project's, or (for {@code unit} and {@code report}) all. */
    public static List<String> keys(boolean totals) {
        return Arrays.stream(values()).filter(f -> totals || !f.totalsOnly).map(Figure::key).toList();
    }
}
