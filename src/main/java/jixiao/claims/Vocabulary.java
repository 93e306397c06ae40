package jixiao.claims;

import jixiao.content.YamlNode;
import jixiao.content.YamlReader;
import jixiao.diagnostic.Finding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The words that make a figure in prose a claim about the data, read from
 * {@code /jixiao/claims/vocabulary.yaml}: which verbs mean planned or executed, which words name a rate,
 * a score, a grade or a count, what a project name is stripped of before names are compared, and the few words
 * the form checks read in a form's own texts (a compliance statement, a count).
 * Immutable and thread-safe; {@link #builtIn()} reads it once.
 */
public record Vocabulary(
        Map<String, Integer> moneyUnits,
        List<String> executedVerbs,
        List<String> plannedVerbs,
        List<String> totals,
        List<String> per,
        List<String> parts,
        List<String> bounds,
        Map<String, List<String>> rates,
        List<String> scores,
        List<String> gradeWords,
        List<String> allWords,
        Map<String, String> gradeLabels,
        List<Pattern> projectCounts,
        Pattern gradedCount,
        List<String> genericWords,
        List<Pattern> genericPatterns,
        double minShare,
        double margin,
        List<String> complianceRows,
        List<String> countWords,
        List<String> rateWords,
        List<String> qualifiers) {

    static final String RESOURCE = "/jixiao/claims/vocabulary.yaml";
    /** What "N" stands for in a count pattern. */
    static final String NUMBER = "\\d+|[一二三四五六七八九十两]+";

    private static final class Holder {
        static final Vocabulary BUILT_IN = load();
    }

    public static Vocabulary builtIn() {
        return Holder.BUILT_IN;
    }

    private static Vocabulary load() {
        byte[] bytes;
        try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("claims vocabulary missing: " + RESOURCE);
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Finding> problems = new ArrayList<>();
        YamlNode root = new YamlReader().read(bytes, "jixiao:claims/vocabulary.yaml", problems::add).orElse(null);
        if (!problems.isEmpty() || !(root instanceof YamlNode.Mapping map)) {
            throw new IllegalStateException("claims vocabulary is invalid: " + problems);
        }
        YamlNode.Mapping amount = mapping(map, "amount");
        YamlNode.Mapping grades = mapping(map, "grades");
        YamlNode.Mapping counts = mapping(map, "counts");
        YamlNode.Mapping names = mapping(map, "names");
        YamlNode.Mapping forms = mapping(map, "forms");
        Map<String, Integer> units = new LinkedHashMap<>();
        mapping(map, "money_units").entries().forEach(e -> units.put(e.key(), Integer.parseInt(text(e.value()))));
        Map<String, List<String>> rates = new LinkedHashMap<>();
        mapping(map, "rates").entries().forEach(e -> rates.put(e.key(), list(e.value())));
        Map<String, String> labels = new LinkedHashMap<>();
        mapping(grades, "labels").entries().forEach(e -> labels.put(e.key(), text(e.value())));
        return new Vocabulary(units,
                list(amount, "executed"), list(amount, "planned"), list(amount, "totals"), list(amount, "per"),
                list(amount, "parts"), list(amount, "bounds"), rates, list(map, "scores"),
                list(grades, "words"), list(grades, "all"), labels,
                list(counts, "projects").stream().map(Vocabulary::count).toList(),
                count(text(counts.get("graded").orElseThrow())),
                list(names, "generic"), list(names, "patterns").stream().map(Pattern::compile).toList(),
                Double.parseDouble(text(names.get("min_share").orElseThrow())),
                Double.parseDouble(text(names.get("margin").orElseThrow())),
                list(forms, "compliance"), list(forms, "count_words"), list(forms, "rate_words"),
                list(names, "qualifiers"));
    }

    private static Pattern count(String pattern) {
        return Pattern.compile(pattern.replace("N", NUMBER));
    }

    private static YamlNode.Mapping mapping(YamlNode.Mapping parent, String key) {
        return (YamlNode.Mapping) parent.get(key).orElseThrow(() -> new IllegalStateException("vocabulary lacks " + key));
    }

    private static List<String> list(YamlNode.Mapping parent, String key) {
        return list(parent.get(key).orElseThrow(() -> new IllegalStateException("vocabulary lacks " + key)));
    }

    private static List<String> list(YamlNode node) {
        return ((YamlNode.Sequence) node).items().stream().map(Vocabulary::text).toList();
    }

    private static String text(YamlNode node) {
        return ((YamlNode.Scalar) node).text();
    }
}
