package jixiao.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Which of a set of things (a year's or a unit's projects) the words of a sentence name. Prose abbreviates and
 * rewords names (区属企业及学校离休人员等医疗费 for 区属企业、学校离休人员等医疗保险补贴资金), so names are compared by
 * their distinctive part: the pairs of characters left after the vocabulary's generic words (资金, 专项, a year) are
 * removed, each weighted by how rare it is among the names, so that a pair every name shares (保险) counts little.
 *
 * @param <T> what is named
 */
public final class NameMatcher<T> {

    /**
     * A thing the words may name, with how much of its name they hold and how much of them is its name; {@code qualified}
     * when the words carry every qualifier of the vocabulary its name has (提前下达).
     */
    public record Candidate<T>(T item, double recall, double precision, boolean qualified) {
        public double f1() {
            return recall + precision == 0 ? 0 : 2 * recall * precision / (recall + precision);
        }
    }

    private final Vocabulary vocabulary;
    private final List<T> items;
    private final List<Set<String>> pairs;
    /** The vocabulary's qualifiers each name has (提前下达): words without one of them do not name it. */
    private final List<List<String>> qualifiers;
    private final Map<String, Double> weight = new HashMap<>();

    public NameMatcher(List<T> items, Function<T, String> name, Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.items = List.copyOf(items);
        this.pairs = new ArrayList<>();
        this.qualifiers = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        for (T item : this.items) {
            String written = name.apply(item);
            qualifiers.add(vocabulary.qualifiers().stream().filter(written::contains).toList());
            Set<String> p = pairs(normalise(written));
            pairs.add(p);
            for (String pair : p) df.merge(pair, 1, Integer::sum);
        }
        int n = Math.max(1, this.items.size());
        df.forEach((pair, count) -> weight.put(pair, Math.log(1.0 + (double) n / count)));
    }

    /** The text without what says nothing about which thing it is. */
    String normalise(String text) {
        String t = text;
        for (Pattern p : vocabulary.genericPatterns()) t = p.matcher(t).replaceAll("");
        for (String w : vocabulary.genericWords()) t = t.replace(w, "");
        return t;
    }

    private static Set<String> pairs(String text) {
        Set<String> out = new LinkedHashSet<>();
        int[] cps = text.codePoints().toArray();
        if (cps.length == 1) out.add(new String(cps, 0, 1));
        for (int i = 0; i + 1 < cps.length; i++) out.add(new String(cps, i, 2));
        return out;
    }

    /** The things the words may name (at least the vocabulary's share of a name), best first. */
    public List<Candidate<T>> candidates(String words) {
        Set<String> said = pairs(normalise(words));
        List<Candidate<T>> out = new ArrayList<>();
        if (said.isEmpty()) return out;
        for (int i = 0; i < items.size(); i++) {
            Set<String> name = pairs.get(i);
            if (name.isEmpty()) continue;
            double all = 0;
            double hit = 0;
            int shared = 0;
            for (String pair : name) {
                double w = weight.getOrDefault(pair, 1.0);
                all += w;
                if (said.contains(pair)) {
                    hit += w;
                    shared++;
                }
            }
            double recall = hit / all;
            if (recall >= vocabulary.minShare()) out.add(new Candidate<>(items.get(i), recall, (double) shared / said.size(),
                    qualifiers.get(i).stream().allMatch(words::contains)));
        }
        out.sort(Comparator.comparingDouble((Candidate<T> c) -> c.f1()).reversed());
        return out;
    }

    /** The one thing the words name: the only candidate, or the best when the next is clearly behind; else null. */
    public T named(String words) {
        return best(candidates(words));
    }

    /**
     * The best of {@code candidates} when it stands out, else null; null too when the words lack a qualifier of its
     * name (城乡居民养老保险财政补助资金 is not 提前下达2020城乡居民养老保险…: a project of its own, with no form).
     */
    public T best(List<Candidate<T>> candidates) {
        if (candidates.isEmpty() || !candidates.get(0).qualified()) return null;
        if (candidates.size() == 1) return candidates.get(0).item();
        return candidates.get(1).f1() < candidates.get(0).f1() * vocabulary.margin() ? candidates.get(0).item() : null;
    }
}
