package jixiao.build;

import jixiao.site.ModelReads;
import jixiao.site.ProjectModel;
import jixiao.site.SiteModel;
import jixiao.site.UnitModel;
import jixiao.site.YearModel;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parts of one edition's site model that a rendering notes ({@link ModelReads}), each under a name that
 * stays the same from build to build ({@code P2021/labor/fund} for a project, {@code Y2021/totals} for a
 * year's totals) and with a hash of what it holds ({@link PartHash}). A file's recorded reads become a set
 * of names, which the build cache keeps; the next build renders the file again unless every one of those
 * names still hashes the same. The model's shape that a rendering reads without a note (which years, units
 * and projects there are, in which order; site.yaml; the rules profile) is in the cache's key instead.
 */
final class ModelParts {

    /** Every name of each part, by identity: an object may sit at two places (an empty list shared by two years). */
    private final Map<Object, List<String>> names = new IdentityHashMap<>();
    /** Each name's hash; null for a part that cannot be hashed for certain. */
    private final Map<String, PartHash.Value> hashes = new LinkedHashMap<>();

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
                parts.add(y + "/changes", year.changes(), hash);
                int i = 0;
                for (Object change : year.changes().projects()) parts.add(y + "/changes/" + i++, change, hash);
            }
            for (UnitModel unit : year.units()) {
                String u = year.number() + "/" + unit.unit().id();
                parts.add("U" + u, unit, hash);
                for (ProjectModel project : unit.projects()) parts.add("P" + u + "/" + project.project().id(), project, hash);
            }
        }
        return parts;
    }

    private void add(String name, Object part, PartHash hash) {
        if (part == null) return;
        names.computeIfAbsent(part, k -> new ArrayList<>(1)).add(name);
        PartHash.Value value;
        try {
            value = hash.of(part);
        } catch (PartHash.Unhashable e) {
            value = null;
        }
        hashes.put(name, value);
    }

    /**
     * The names of what a rendering read, sorted; null when it read a part this table does not know or cannot
     * hash: such a file is rendered again on every build.
     */
    Set<String> namesOf(Set<Object> reads) {
        Set<String> out = new TreeSet<>();
        for (Object part : reads) {
            List<String> known = names.get(part);
            if (known == null) return null;
            for (String name : known) {
                if (hashes.get(name) == null) return null;
                out.add(name);
            }
        }
        return out;
    }

    /** The hash of a named part of this model; null when it has no such part or it cannot be hashed. */
    PartHash.Value hash(String name) {
        return hashes.get(name);
    }
}
