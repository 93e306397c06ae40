package jixiao.content;

import java.util.List;

/** A budget unit of one year, with its projects in listing order (order, then id). */
public record Unit(int year, String id, String name, Integer order, Narrative narrative, List<Project> projects, SourceMap sources) {

    public Unit {
        projects = List.copyOf(projects);
    }
}
