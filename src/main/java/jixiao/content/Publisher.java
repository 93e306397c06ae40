package jixiao.content;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * site.yaml's {@code publisher:} block: who publishes the disclosure, as a government portal
 * shows it on every page.
 *
 * @param name        发布机构 (defaults to the site's organisation)
 * @param indexNumber 索引号, null when not given
 * @param contact     联系方式 of the publishing office (public by definition: it is printed on the portal), null when not given
 * @param published   发布日期 by year; a year not listed falls back to its report.yaml's {@code published}
 * @param updated     最后更新, null to use the latest 发布日期
 * @param licence     the licence the data downloads are published under (an identifier such as CC-BY-4.0, or its
 *                    name), null when not given; datapackage.json states it
 * @param licenceUrl  where the licence's text is, null when not given
 */
public record Publisher(String name, String indexNumber, String contact, SortedMap<Integer, LocalDate> published,
                        LocalDate updated, String licence, String licenceUrl) {

    public static final Publisher NONE = new Publisher(null, null, null, new TreeMap<>(), null, null, null);

    public Publisher {
        published = new TreeMap<>(published);
    }

    /** The year's 发布日期: as listed here, else {@code fallback} (the report's own), else empty. */
    public Optional<LocalDate> publishedIn(int year, LocalDate fallback) {
        return Optional.ofNullable(published.get(year)).or(() -> Optional.ofNullable(fallback));
    }

    /** 最后更新: as given, else the latest of {@code dates}; empty when there is none. */
    public Optional<LocalDate> lastUpdated(Iterable<LocalDate> dates) {
        if (updated != null) return Optional.of(updated);
        LocalDate latest = null;
        for (LocalDate d : dates) if (d != null && (latest == null || d.isAfter(latest))) latest = d;
        return Optional.ofNullable(latest);
    }

    @Override
    public SortedMap<Integer, LocalDate> published() {
        return java.util.Collections.unmodifiableSortedMap(published);
    }

    static Publisher of(String name, String indexNumber, String contact, Map<Integer, LocalDate> published, LocalDate updated,
                        String licence, String licenceUrl) {
        return new Publisher(name, indexNumber, contact, new TreeMap<>(published), updated, licence, licenceUrl);
    }
}
