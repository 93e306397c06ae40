package jixiao.site;

import jixiao.content.Content;
import jixiao.content.Indicator;
import jixiao.content.Project;
import jixiao.content.Unit;
import jixiao.content.Year;
import jixiao.diagnostic.Finding;
import jixiao.diagnostic.SourcePosition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts each finding of a project next to the row it is about. Every value the loader read has a
 * position in the project's {@code SourceMap}; each such position is an anchor for the row that
 * shows the value. A finding belongs to the row of the nearest anchor at or before its position:
 * a finding at {@code sources().at(indicator.path() + ".score")} lands on that indicator's row, and
 * one anywhere inside an indicator's lines does too. A 一级 or 二级 key anchors to the first row
 * filed under it, where the form prints that 一级/二级 cell. Findings in the project's narrative go
 * to {@link Slot.Kind#NARRATIVE}; findings before every anchor or for the whole file to
 * {@link Slot.Kind#GENERAL}. Cost: one sort of packed positions per project with findings, a log-time lookup per finding.
 */
public final class FindingPlacement {

    private final Map<Slot, List<Finding>> bySlot;
    private final List<Finding> all;

    private FindingPlacement(Map<Slot, List<Finding>> bySlot, List<Finding> all) {
        this.bySlot = bySlot;
        this.all = all;
    }

    public static final FindingPlacement NONE = new FindingPlacement(Map.of(), List.of());

    /** The placement of {@code project}'s findings in {@code index}: those of its YAML file and of its narrative. */
    static FindingPlacement of(Project project, FindingIndex index) {
        return of(project, index.in(project.file()), project.narrative() == null ? List.of() : index.in(project.narrative().file()));
    }

    /**
     * The placement of every project of {@code content} with findings, by the project's file; a project not in it
     * has none. Worked out once for a build, so that the source positions it needs can be dropped before the
     * editions are rendered ({@link SiteModel#build(jixiao.check.CheckResult, FindingIndex, jixiao.compare.Edition, Map)}).
     */
    public static Map<String, FindingPlacement> placeAll(Content content, FindingIndex index) {
        Map<String, FindingPlacement> placed = new HashMap<>();
        for (Year year : content.years()) {
            for (Unit unit : year.units()) {
                for (Project p : unit.projects()) {
                    FindingPlacement placement = of(p, index);
                    if (placement != NONE) placed.put(p.file(), placement);
                }
            }
        }
        return Map.copyOf(placed);
    }

    public static FindingPlacement of(Project project, List<Finding> inYaml, List<Finding> inNarrative) {
        if (inYaml.isEmpty() && inNarrative.isEmpty()) return NONE;
        Anchors anchors = inYaml.isEmpty() ? null : new Anchors(project);
        Map<Slot, List<Finding>> bySlot = new HashMap<>();
        for (Finding f : inYaml) {
            Slot slot = f.position().line() == 0 ? Slot.of(Slot.Kind.GENERAL) : anchors.slotAt(f.position());
            bySlot.computeIfAbsent(slot, k -> new ArrayList<>()).add(f);
        }
        if (!inNarrative.isEmpty()) bySlot.computeIfAbsent(Slot.of(Slot.Kind.NARRATIVE), k -> new ArrayList<>()).addAll(inNarrative);
        bySlot.replaceAll((k, v) -> List.copyOf(v));
        List<Finding> all = new ArrayList<>(inYaml);
        all.addAll(inNarrative);
        return new FindingPlacement(Map.copyOf(bySlot), List.copyOf(all));
    }

    public List<Finding> at(Slot slot) {
        return bySlot.getOrDefault(slot, List.of());
    }

    public List<Finding> at(Slot.Kind kind) {
        return at(Slot.of(kind));
    }

    public int count() {
        return all.size();
    }

    /** Every finding of the project: its YAML file's, then its narrative's, each in report order. */
    public List<Finding> all() {
        return all;
    }

    /**
     * Every written value's position (and its key's), sorted, each standing for the row that shows the value.
     * Positions are packed into one {@code long} each with the index of their path, so that building this
     * for a project is one primitive sort; a row is worked out only for the anchors that findings land on.
     */
    static final class Anchors {
        // line (22 bits) | column (21 bits) | index of the path (21 bits). Files are at most 1 MiB
        // (YamlReader's limit), so no line, column or path count comes near these widths.
        private static final int INDEX_BITS = 21;
        private static final int COLUMN_BITS = 21;
        private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
        private static final long COLUMN_MASK = (1L << COLUMN_BITS) - 1;

        private final String file;
        private final String[] paths;
        private final long[] sorted;
        private final Map<String, Integer> indicatorByPath = new HashMap<>();
        private final Map<String, Integer> firstUnder = new HashMap<>();

        Anchors(Project project) {
            List<Indicator> indicators = project.indicators();
            for (int i = 0; i < indicators.size(); i++) {
                Indicator ind = indicators.get(i);
                indicatorByPath.put(ind.path(), i);
                firstUnder.putIfAbsent("indicators." + ind.level1(), i);
                firstUnder.putIfAbsent("indicators." + ind.level1() + "." + ind.level2(), i);
            }
            file = project.sources().file();
            Map<String, SourcePosition> positions = project.sources().positions();
            paths = new String[positions.size()];
            long[] packed = new long[positions.size()];
            int n = 0;
            for (Map.Entry<String, SourcePosition> e : positions.entrySet()) {
                SourcePosition at = e.getValue();
                if (at.line() == 0 || !at.file().equals(file)) continue;
                paths[n] = e.getKey();
                packed[n] = place(at.line(), at.column()) | n;
                n++;
            }
            sorted = Arrays.copyOf(packed, n);
            Arrays.sort(sorted);
        }

        private static long place(int line, int column) {
            long l = Math.min(line, (1 << (63 - INDEX_BITS - COLUMN_BITS)) - 1);
            long c = Math.min(column, COLUMN_MASK);
            return l << (INDEX_BITS + COLUMN_BITS) | c << INDEX_BITS;
        }

        /**
         * The row of the nearest anchor at or before {@code at}; {@link Slot.Kind#GENERAL} before every anchor.
         * When several paths share that position (a key and a flow mapping's first value), the most specific
         * (longest) path with a row of its own wins, then the first in text order, so that every run agrees.
         */
        Slot slotAt(SourcePosition at) {
            if (!at.file().equals(file)) return Slot.of(Slot.Kind.GENERAL);
            long key = place(at.line(), at.column()) | INDEX_MASK;
            int i = Arrays.binarySearch(sorted, key);
            int last = i >= 0 ? i : -i - 2;
            if (last < 0) return Slot.of(Slot.Kind.GENERAL);
            long position = sorted[last] & ~INDEX_MASK;
            int first = last;
            while (first > 0 && (sorted[first - 1] & ~INDEX_MASK) == position) first--;
            String[] candidates = new String[last - first + 1];
            for (int j = first; j <= last; j++) candidates[j - first] = paths[(int) (sorted[j] & INDEX_MASK)];
            Arrays.sort(candidates, MOST_SPECIFIC_FIRST);
            for (String path : candidates) {
                Slot slot = slotOf(withoutKeySuffix(path), indicatorByPath, firstUnder);
                if (slot.kind() != Slot.Kind.GENERAL) return slot;
            }
            return Slot.of(Slot.Kind.GENERAL);
        }
    }

    private static final Comparator<String> MOST_SPECIFIC_FIRST =
            Comparator.comparingInt((String path) -> -path.length()).thenComparing(Comparator.naturalOrder());

    private static String withoutKeySuffix(String path) {
        return path.endsWith("#key") ? path.substring(0, path.length() - 4) : path;
    }

    private static Slot slotOf(String path, Map<String, Integer> indicatorByPath, Map<String, Integer> firstUnder) {
        int end = 0;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') end++;
        String head = path.substring(0, end);
        switch (head) {
            case "name", "implementing_unit", "filing_department", "order", "money_unit", "status":
                return Slot.of(Slot.Kind.BASIC);
            case "budget":
                return Slot.of(Slot.Kind.BUDGET);
            case "goals":
                return Slot.of(Slot.Kind.GOALS);
            case "problems":
                return Slot.of(Slot.Kind.PROBLEMS);
            case "contact":
                return Slot.of(Slot.Kind.CONTACT);
            case "internal":
                return Slot.of(Slot.Kind.INTERNAL);
            case "stated":
                return statedSlot(path);
            case "indicators":
                return indicatorSlot(path, indicatorByPath, firstUnder);
            default:
                return Slot.of(Slot.Kind.GENERAL);
        }
    }

    private static Slot statedSlot(String path) {
        if (path.startsWith("stated.execution_rate")) return Slot.of(Slot.Kind.EXECUTION_RATE);
        if (path.startsWith("stated.completion")) return Slot.of(Slot.Kind.COMPLETION);
        if (path.startsWith("stated.execution_score") || path.startsWith("stated.execution_row")) return Slot.of(Slot.Kind.EXECUTION);
        if (path.startsWith("stated.total")) return Slot.of(Slot.Kind.TOTAL);
        if (path.startsWith("stated.grade")) return Slot.of(Slot.Kind.GRADE);
        return Slot.of(Slot.Kind.GENERAL);
    }

    private static Slot indicatorSlot(String path, Map<String, Integer> indicatorByPath, Map<String, Integer> firstUnder) {
        int bracket = path.indexOf(']');
        if (bracket > 0) {
            Integer row = indicatorByPath.get(path.substring(0, bracket + 1));
            return row == null ? Slot.of(Slot.Kind.INDICATORS) : Slot.indicator(row);
        }
        Integer first = firstUnder.get(path);
        return first == null ? Slot.of(Slot.Kind.INDICATORS) : Slot.indicator(first);
    }
}
