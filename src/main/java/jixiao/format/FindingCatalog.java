package jixiao.format;

import jixiao.content.YamlNode;
import jixiao.content.YamlReader;
import jixiao.diagnostic.Finding;
import jixiao.diagnostic.Severity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every finding code means, in Chinese, read from {@value #RESOURCE}: the one description of
 * each code, from which SARIF's rule metadata and {@code docs/findings.md} ({@link FindingReference})
 * are made. A check's message says what is wrong in one place; its rule here says what the code
 * means wherever it occurs, why it matters for a 自评表, and how to fix it.
 */
public record FindingCatalog(List<Group> groups) {

    static final String RESOURCE = "/jixiao/findings/findings.yaml";

    /** Codes under one heading of the reference, in the file's order. */
    public record Group(String title, List<Rule> rules) {
        public Group {
            rules = List.copyOf(rules);
        }
    }

    /**
     * One code: its {@code severity} as the checks report it, a one-line {@code shortDescription},
     * a {@code fullDescription} (what it means and why it matters) and {@code help} (how to fix it,
     * Markdown, possibly with a fenced YAML example).
     */
    public record Rule(String code, Severity severity, String shortDescription, String fullDescription, String help) {
    }

    public FindingCatalog {
        groups = List.copyOf(groups);
    }

    private static final class Holder {
        static final FindingCatalog BUILT_IN = load();
    }

    public static FindingCatalog builtIn() {
        return Holder.BUILT_IN;
    }

    /** Every rule, in the order of the reference. */
    public List<Rule> rules() {
        return groups.stream().flatMap(g -> g.rules().stream()).toList();
    }

    public Optional<Rule> rule(String code) {
        return rules().stream().filter(r -> r.code().equals(code)).findFirst();
    }

    private static FindingCatalog load() {
        byte[] bytes;
        try (InputStream in = FindingCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("finding catalog missing: " + RESOURCE);
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Finding> problems = new ArrayList<>();
        YamlNode root = new YamlReader().read(bytes, "jixiao:findings/findings.yaml", problems::add).orElse(null);
        if (!problems.isEmpty() || !(root instanceof YamlNode.Mapping map)) {
            throw new IllegalStateException("finding catalog is invalid: " + problems);
        }
        List<Group> groups = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (YamlNode item : sequence(map.get("groups"), "groups").items()) {
            YamlNode.Mapping group = mapping(item, "groups[]");
            String title = text(group.get("title"), "groups[].title");
            List<Rule> rules = new ArrayList<>();
            for (YamlNode.Entry e : mapping(group.get("codes").orElse(null), title + ".codes").entries()) {
                // YamlReader already refuses a code repeated in one group; this catches one repeated across groups.
                String earlier = seen.putIfAbsent(e.key(), title);
                if (earlier != null) throw new IllegalStateException("finding catalog lists " + e.key() + " twice: " + earlier + ", " + title);
                YamlNode.Mapping rule = mapping(e.value(), e.key());
                rules.add(new Rule(e.key(), severity(text(rule.get("severity"), e.key() + ".severity")),
                        text(rule.get("short"), e.key() + ".short"), text(rule.get("full"), e.key() + ".full"),
                        text(rule.get("help"), e.key() + ".help")));
            }
            groups.add(new Group(title, rules));
        }
        return new FindingCatalog(groups);
    }

    private static Severity severity(String label) {
        return Arrays.stream(Severity.values()).filter(s -> s.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalStateException("finding catalog: unknown severity " + label));
    }

    private static YamlNode.Mapping mapping(YamlNode node, String where) {
        if (node instanceof YamlNode.Mapping m) return m;
        throw new IllegalStateException("finding catalog: " + where + " is not a mapping");
    }

    private static YamlNode.Sequence sequence(Optional<YamlNode> node, String where) {
        if (node.orElse(null) instanceof YamlNode.Sequence s) return s;
        throw new IllegalStateException("finding catalog: " + where + " is not a list");
    }

    private static String text(Optional<YamlNode> node, String where) {
        if (node.orElse(null) instanceof YamlNode.Scalar s && !s.text().isBlank()) return s.text().strip();
        throw new IllegalStateException("finding catalog: " + where + " is missing or empty");
    }
}
