package jixiao.site;

import jixiao.content.Indicator;
import jixiao.content.Project;
import jixiao.diagnostic.Finding;
import jixiao.diagnostic.SourcePosition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts each finding of a project next to the row it is about. Every value the loader read has a
 * position in the project's {@code SourceMap}; each such position is an anchor for the row that
 * shows the value. A finding belongs to the row of the nearest anchor at or before its position:
 * a finding at {@code sources().at(indicator.path() + ".score")} lands on that indicator's row, and
 * one anywhere inside an indicator's lines does too. A 一级 or 二级 key anchors to the first row
 * filed under it, where the form prints that 一级/二级 cell. Findings in the project's narrative go
 * to {@link Slot.Kind#NARRATIVE}; findings before every anchor or for the whole file to
 * {@link Slot.Kind#GENERAL}. Cost: one sorted map per project, a log-time lookup per finding.
 */
public final class FindingPlacement {

    private final Map<Slot, List<Finding>> bySlot;
    private final List<Finding> all;

    private FindingPlacement(Map<Slot, List<Finding>> bySlot, List<Finding> all) {
        this.bySlot = bySlot;
        this.all = all;
    }

    public static final FindingPlacement NONE = new FindingPlacement(Map.of(), List.of());

    public static FindingPlacement of(Project project, List<Finding> inYaml, List<Finding> inNarrative) {
        if (inYaml.isEmpty() && inNarrative.isEmpty()) return NONE;
        TreeMap<SourcePosition, Slot> anchors = anchors(project);
        Map<Slot, List<Finding>> bySlot = new HashMap<>();
        for (Finding f : inYaml) {
            Map.Entry<SourcePosition, Slot> at = f.position().line() == 0 ? null : anchors.floorEntry(f.position());
            Slot slot = at == null ? Slot.of(Slot.Kind.GENERAL) : at.getValue();
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

    /** Every written value's position (and its key's), mapped to the row that shows it. */
    static TreeMap<SourcePosition, Slot> anchors(Project project) {
        Map<String, Integer> indicatorByPath = new HashMap<>();
        Map<String, Integer> firstUnder = new HashMap<>();
        List<Indicator> indicators = project.indicators();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator ind = indicators.get(i);
            indicatorByPath.put(ind.path(), i);
            firstUnder.putIfAbsent("indicators." + ind.level1(), i);
            firstUnder.putIfAbsent("indicators." + ind.level1() + "." + ind.level2(), i);
        }
        TreeMap<SourcePosition, Slot> anchors = new TreeMap<>();
        // Visit the paths in a fixed order, most specific (longest) first, so that when two paths share
        // a position the same row wins in every run, whatever order the map iterates in.
        List<Map.Entry<String, SourcePosition>> entries = new ArrayList<>(project.sources().positions().entrySet());
        entries.sort(Comparator.comparing((Map.Entry<String, SourcePosition> e) -> -e.getKey().length())
                .thenComparing(Map.Entry::getKey));
        for (Map.Entry<String, SourcePosition> e : entries) {
            if (e.getValue().line() == 0) continue;
            String path = e.getKey().endsWith("#key") ? e.getKey().substring(0, e.getKey().length() - 4) : e.getKey();
            Slot slot = slotOf(path, indicatorByPath, firstUnder);
            // Two paths at one position (a key and a flow mapping's first value): the more specific row wins.
            anchors.merge(e.getValue(), slot, (a, b) -> a.kind() == Slot.Kind.GENERAL ? b : a);
        }
        return anchors;
    }

    private static Slot slotOf(String path, Map<String, Integer> indicatorByPath, Map<String, Integer> firstUnder) {
        String head = path.split("[.\\[]", 2)[0];
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
