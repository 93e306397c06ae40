package jixiao.site;

import jixiao.diagnostic.Finding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Findings grouped by the file they are in, built once so that no page scans all findings. */
public final class FindingIndex {

    private final Map<String, List<Finding>> byFile;

    private FindingIndex(Map<String, List<Finding>> byFile) {
        this.byFile = byFile;
    }

    /** @param findings in report order; each file's list keeps that order */
    public static FindingIndex of(List<Finding> findings) {
        Map<String, List<Finding>> byFile = new HashMap<>();
        for (Finding f : findings) byFile.computeIfAbsent(f.position().file(), k -> new ArrayList<>()).add(f);
        byFile.replaceAll((k, v) -> List.copyOf(v));
        return new FindingIndex(Map.copyOf(byFile));
    }

    /** The findings in files other than {@code claimed}, in report order (stray files, site.yaml). */
    public List<Finding> outside(java.util.Set<String> claimed) {
        return byFile.entrySet().stream().filter(e -> !claimed.contains(e.getKey()))
                .flatMap(e -> e.getValue().stream()).sorted(Finding.ORDER).toList();
    }

    public List<Finding> in(String file) {
        return file == null ? List.of() : byFile.getOrDefault(file, List.of());
    }
}
