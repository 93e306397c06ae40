package jixiao.content;

import java.util.List;
import java.util.stream.Stream;

/** One year folder: its report and its units in listing order (order, then id). */
public record Year(int year, Report report, List<Unit> units) {

    public Year {
        units = List.copyOf(units);
    }

    /** Every project of the year, unit by unit in listing order. */
    public Stream<Project> projects() {
        return units.stream().flatMap(u -> u.projects().stream());
    }
}
