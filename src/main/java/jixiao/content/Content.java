package jixiao.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A whole content tree: the site and its years, oldest first. */
public record Content(Site site, List<Year> years) {

    public Content {
        years = List.copyOf(years);
    }

    /**
     * This content with its projects' source positions dropped, each project keeping its file: for a build once
     * its findings are placed, since rendering reads no position, and a hundred or more per project file were
     * about 75 MB of 100,000 projects' tree (heap histogram of a build). Units and reports keep theirs: they are few.
     */
    public Content withoutPositions() {
        List<Year> slim = new ArrayList<>(years.size());
        for (Year y : years) {
            List<Unit> units = new ArrayList<>(y.units().size());
            for (Unit u : y.units()) {
                List<Project> projects = new ArrayList<>(u.projects().size());
                for (Project p : u.projects()) projects.add(p.withoutPositions());
                units.add(new Unit(u.year(), u.id(), u.name(), u.order(), u.narrative(), projects, u.sources()));
            }
            slim.add(new Year(y.year(), y.report(), units));
        }
        return new Content(site, slim);
    }

    public Optional<Year> year(int year) {
        return years.stream().filter(y -> y.year() == year).findFirst();
    }
}
