package jixiao.content;

import java.util.List;
import java.util.Optional;

/** A whole content tree: the site and its years, oldest first. */
public record Content(Site site, List<Year> years) {

    public Content {
        years = List.copyOf(years);
    }

    public Optional<Year> year(int year) {
        return years.stream().filter(y -> y.year() == year).findFirst();
    }
}
