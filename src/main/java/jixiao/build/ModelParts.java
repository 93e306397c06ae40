package jixiao.build;

import jixiao.content.Narrative;
import jixiao.content.Project;
import jixiao.content.SourceMap;
import jixiao.content.Unit;
import jixiao.render.PageBuilder;
import jixiao.site.ModelReads;
import jixiao.site.ProjectModel;
import jixiao.site.SiteModel;
import jixiao.site.UnitModel;
import jixiao.site.YearModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The parts of one edition's site model that a rendering notes ({@link ModelReads}), each under a name that
 * stays the same from build to build ({@code P2021/labor/fund/project} for a project's content,
 * {@code Y2021/totals} for a year's totals) and with a hash of what it holds ({@link PartHash}). A project and a unit
 * are several parts, one for each accessor (content, score, other years, findings; own fields, projects, totals,
 * findings), so that a file depends only on what it read: every report part names every unit, and would otherwise be
 * rendered again after an edit to any project. Within one build each part also has a
 * number, its place in this table: a file's recorded reads become a sorted array of numbers (a project page
 * reads some 300 parts, its unit's projects among them, and at 10,000 projects sets of names held 6 million
 * strings in tree sets). The build cache keeps the names; the next build renders the file again unless every
 * one of them still hashes the same. The model's shape that a rendering reads without a note (which years,
 * units and projects there are, in which order; site.yaml; the rules profile) is in the cache's key instead.
 */
final class ModelParts {

    /** The numbers of each part, by identity: an object may sit at two places (an empty list shared by two years). */
    private final Map<Object, int[]> numbers = new IdentityHashMap<>();
    private final List<String> names = new ArrayList<>();
    /** Each number's hash; null for a part that cannot be hashed for certain (or whose name is not unique). */
    private final List<PartHash.Value> hashes = new ArrayList<>();
    private final Map<String, Integer> byName = new HashMap<>();

    private ModelParts() {
    }

    /** Names and hashes every notable part of {@code model}; {@code hash} is shared by both editions of a build. */
    static ModelParts of(SiteModel model, PartHash hash) {
        ModelParts parts = new ModelParts();
        // Outside any recording on this thread: these reads note nothing.
        for (YearModel year : model.years()) {
            String y = "Y" + year.number();
            parts.add(y, year.year(), hash);
            parts.add(y + "/report", year.report(), hash);
            parts.add(y + "/totals", year.totals(), hash);
            parts.add(y + "/findings", year.findings(), hash);
            parts.add(y + "/hidden", year.hiddenIds(), hash);
            if (year.changes() != null) {
                hash.rememberAll(year.changes().projects()); // on all cores: one per project of two years
                parts.add(y + "/changes", year.changes(), hash);
                int i = 0;
                for (Object change : year.changes().projects()) parts.add(y + "/changes/" + i++, change, hash);
            }
            for (UnitModel unit : year.units()) {
                String u = "U" + year.number() + "/" + unit.unit().id();
                // The unit model itself is noted only by its findings(); each other read notes what it gives.
                parts.add(u + "/findings", unit, () -> hash.of(unit.findings()));
                parts.add(u + "/unit", unit.unit(), () -> hash.of(UnitOwn.of(unit.unit())));
                parts.add(u + "/projects", unit.projects(), () -> hash.of(unit.projects().stream().map(p -> p.project().id()).toList()));
                parts.add(u + "/totals", unit.totals(), hash);
                for (ProjectModel project : unit.projects()) {
                    String p = "P" + year.number() + "/" + unit.unit().id() + "/" + project.project().id();
                    parts.add(p + "/findings", project, () -> hash.of(project.findings()));
                    parts.add(p + "/project", project.project(), hash);
                    parts.add(p + "/score", project.score(), hash);
                    parts.add(p + "/years", project.years(), hash);
                }
            }
        }
        // Facts a rendering derives from the whole model, under their own names (ModelReads.Derived).
        for (Map.Entry<String, Object> fact : new java.util.TreeMap<>(PageBuilder.derivedFacts(model)).entrySet()) {
            parts.add(fact.getKey(), null, () -> hash.of(fact.getValue()));
        }
        return parts;
    }

    /**
     * A unit's own fields and its projects' ids, without the projects' content: what {@link UnitModel#unit()} gives a
     * rendering to read.
     */
    private record UnitOwn(int year, String id, String name, Integer order, Narrative narrative, SourceMap sources, List<String> projectIds) {
        static UnitOwn of(Unit unit) {
            return new UnitOwn(unit.year(), unit.id(), unit.name(), unit.order(), unit.narrative(), unit.sources(),
                    unit.projects().stream().map(Project::id).toList());
        }
    }

    private void add(String name, Object part, PartHash hash) {
        if (part != null) add(name, part, () -> hash.of(part));
    }

    /**
     * Adds {@code part} under {@code name}, hashed as {@code hashing} says (an object may be read as less than it
     * holds); a derived fact has no part object (null), and is found by its name.
     */
    private void add(String name, Object part, Supplier<PartHash.Value> hashing) {
        int number = names.size();
        PartHash.Value value;
        try {
            value = hashing.get();
        } catch (PartHash.Unhashable e) {
            value = null;
        }
        Integer twin = byName.putIfAbsent(name, number);
        if (twin != null) {
            // Two parts under one name could not be told apart in the cache: neither is ever taken as unchanged.
            hashes.set(twin, null);
            value = null;
        }
        names.add(name);
        hashes.add(value);
        if (part == null) return;
        int[] known = numbers.get(part);
        if (known == null) {
            numbers.put(part, new int[]{number});
        } else {
            int[] more = Arrays.copyOf(known, known.length + 1);
            more[known.length] = number;
            numbers.put(part, more);
        }
    }

    /**
     * The numbers of what a rendering read, sorted and distinct; null when it read a part this table does not
     * know or cannot hash: such a file is rendered again on every build.
     */
    int[] numbersOf(Set<Object> reads) {
        int[] out = new int[reads.size()];
        int n = 0;
        for (Object part : reads) {
            int[] known = part instanceof ModelReads.Derived fact ? derived(fact.name()) : numbers.get(part);
            if (known == null) return null;
            for (int number : known) {
                if (hashes.get(number) == null) return null;
                if (n == out.length) out = Arrays.copyOf(out, n * 2 + 1);
                out[n++] = number;
            }
        }
        Arrays.sort(out, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) if (distinct == 0 || out[distinct - 1] != out[i]) out[distinct++] = out[i];
        return Arrays.copyOf(out, distinct);
    }

    private int[] derived(String name) {
        Integer number = byName.get(name);
        return number == null ? null : new int[]{number};
    }

    /** How many parts there are: their numbers are 0 to size - 1. */
    int size() {
        return names.size();
    }

    String name(int number) {
        return names.get(number);
    }

    /** The hash of a part by its number; null when it cannot be hashed. */
    PartHash.Value hash(int number) {
        return hashes.get(number);
    }

    /** The number of the part named {@code name}, or -1 when this model has none. */
    int number(String name) {
        Integer number = byName.get(name);
        return number == null ? -1 : number;
    }
}
