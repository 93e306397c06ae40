package jixiao.score;

import jixiao.content.Digits;
import jixiao.content.Judgement;
import jixiao.content.Problems;
import jixiao.content.YamlNode;
import jixiao.content.YamlReader;
import jixiao.diagnostic.Finding;
import jixiao.diagnostic.SourcePosition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A rules profile: the indicator levels with their labels and weights, the 预算执行率 row, how
 * negative indicators are scored, the judgement bands and the grades (see "Rules" in the
 * content format). Everything the scorer and the checks know about the rules comes from here;
 * the built-in {@code cn-2020} is itself read from {@code /jixiao/rules/cn-2020.yaml}.
 *
 * @param level1       the 一级指标 in the order the profile lists them
 * @param level2Labels the label of every 二级 key
 * @param grades       highest minimum first; the last one has minimum 0
 * @param excellentGrades the grades that count towards 优良率, in grade order (优 and 良 in cn-2020);
 *                     a profile that does not list them counts its two highest grades
 */
public record RulesProfile(
        String name,
        List<Level1> level1,
        Map<String, String> level2Labels,
        Execution execution,
        NegativeMode negative,
        Bands judgement,
        List<Grade> grades,
        List<String> excellentGrades) {

    /** The only built-in profile. */
    public static final String CN_2020 = "cn-2020";

    public record Level1(String key, String label, BigDecimal weight, List<String> level2) {
        public Level1 {
            level2 = List.copyOf(level2);
        }
    }

    /** The 预算执行率 row, computed from the budget. */
    public record Execution(String label, BigDecimal weight) {
    }

    /** How a negative indicator (≤, &lt;) that missed its target is scored. */
    public enum NegativeMode {
        /** w × A / B */
        RATIO("ratio"),
        /** w × (1 − (B − A) / A), 0 from B ≥ 2A */
        DEVIATION("deviation");

        private final String key;

        NegativeMode(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** Lower bounds of the achieved and partial bands, as shares of the weight. */
    public record Bands(BigDecimal achieved, BigDecimal partial) {
    }

    public record Grade(BigDecimal min, String label) {
    }

    /** The scores a judged qualitative indicator of weight w may have: [lower, upper] or [lower, upper). */
    public record Band(BigDecimal lower, BigDecimal upper, boolean upperInclusive) {
        public boolean contains(BigDecimal score) {
            int top = score.compareTo(upper);
            return score.compareTo(lower) >= 0 && (upperInclusive ? top <= 0 : top < 0);
        }
    }

    public RulesProfile {
        level1 = List.copyOf(level1);
        level2Labels = Map.copyOf(level2Labels);
        grades = grades.stream().sorted(Comparator.comparing(Grade::min).reversed()).toList();
        List<String> listed = excellentGrades == null ? List.of() : excellentGrades;
        excellentGrades = listed.isEmpty()
                ? grades.stream().limit(2).map(Grade::label).toList()
                : grades.stream().map(Grade::label).filter(listed::contains).toList();
    }

    public Optional<Level1> level1(String key) {
        return level1.stream().filter(l -> l.key().equals(key)).findFirst();
    }

    /** The 一级 a 二级 key belongs to. */
    public Optional<Level1> ownerOf(String level2Key) {
        return level1.stream().filter(l -> l.level2().contains(level2Key)).findFirst();
    }

    public List<String> level2Keys() {
        return level1.stream().flatMap(l -> l.level2().stream()).toList();
    }

    public String level2Label(String key) {
        return level2Labels.getOrDefault(key, key);
    }

    /** The grade of a total as shown (already rounded); empty only for a negative total. */
    /** The highest total a form can score: every 一级指标's weight and the execution weight. */
    public BigDecimal maximum() {
        BigDecimal sum = execution.weight();
        for (Level1 l : level1) sum = sum.add(l.weight());
        return sum;
    }

    public Optional<String> gradeOf(BigDecimal total) {
        return grades.stream().filter(g -> total.compareTo(g.min()) >= 0).map(Grade::label).findFirst();
    }

    public boolean isGrade(String label) {
        return grades.stream().anyMatch(g -> g.label().equals(label));
    }

    /** The band of a judgement for an indicator of weight w: achieved [a·w, w], partial [p·w, a·w), missed [0, p·w). */
    public Band band(Judgement judgement, BigDecimal weight) {
        BigDecimal a = weight.multiply(this.judgement.achieved());
        BigDecimal p = weight.multiply(this.judgement.partial());
        return switch (judgement) {
            case ACHIEVED -> new Band(a, weight, true);
            case PARTIAL -> new Band(p, a, false);
            case MISSED -> new Band(BigDecimal.ZERO, p, false);
        };
    }

    // ---------------------------------------------------------------- reading

    /**
     * The profile that site.yaml's {@code rules:} value selects: a scalar names a built-in profile,
     * a mapping is a profile of its own. Nothing written means {@code cn-2020}. After reporting an
     * error (unknown name, malformed map) this returns {@code cn-2020}, so that the other checks
     * still run and every problem is reported in one pass; the error itself stops the build.
     */
    public static RulesProfile resolve(YamlNode rulesValue, Problems problems) {
        if (rulesValue == null || rulesValue instanceof YamlNode.Scalar s && s.isNull()) return builtIn(CN_2020).orElseThrow();
        if (rulesValue instanceof YamlNode.Scalar s) {
            Optional<RulesProfile> named = builtIn(s.text().strip());
            if (named.isEmpty()) {
                problems.report(Finding.error("unknown-rules-profile", s.position(),
                        "未知的规则配置“" + s.text() + "”：内置的只有 " + CN_2020
                                + "。请写 rules: " + CN_2020 + "，或在 rules: 下按内容格式“Rules”一节写出完整的规则映射。"));
            }
            return named.orElseGet(() -> builtIn(CN_2020).orElseThrow());
        }
        return parse(rulesValue, problems).orElseGet(() -> builtIn(CN_2020).orElseThrow());
    }

    /** A built-in profile by name, read from its resource. */
    public static Optional<RulesProfile> builtIn(String name) {
        if (!CN_2020.equals(name)) return Optional.empty();
        String resource = "/jixiao/rules/" + name + ".yaml";
        byte[] bytes;
        try (InputStream in = RulesProfile.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("built-in rules profile missing: " + resource);
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Finding> problems = new ArrayList<>();
        Optional<RulesProfile> profile = new YamlReader().read(bytes, "jixiao:rules/" + name + ".yaml", problems::add)
                .flatMap(node -> parse(node, problems::add));
        if (!problems.isEmpty() || profile.isEmpty()) {
            throw new IllegalStateException("built-in rules profile " + name + " is invalid: " + problems);
        }
        return profile;
    }

    /** A profile written in the documented structure; empty after reporting every problem in it as an error. */
    public static Optional<RulesProfile> parse(YamlNode node, Problems problems) {
        return new Reader(problems).profile(node);
    }

    /** Reads the structure, reporting every problem rather than stopping at the first. */
    private static final class Reader {
        private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
        private static final Set<String> ROOT_KEYS = Set.of("name", "level1", "level2_labels", "execution", "negative", "judgement", "grades",
                "excellent_grades");
        private static final String HINT = "（结构见内容格式文档“Rules”一节）";

        private final Problems problems;
        private boolean failed;

        Reader(Problems problems) {
            this.problems = problems;
        }

        Optional<RulesProfile> profile(YamlNode node) {
            YamlNode.Mapping root = mapping(node, "rules");
            if (root == null) return Optional.empty();
            keys(root, "rules", ROOT_KEYS);
            String name = root.get("name").map(n -> text(n, "rules.name")).orElse("custom");
            List<Level1> level1 = level1(required(root, "level1", "rules"));
            Map<String, String> labels = labels(required(root, "level2_labels", "rules"), level1);
            Execution execution = execution(required(root, "execution", "rules"));
            NegativeMode negative = negative(required(root, "negative", "rules"));
            Bands bands = bands(required(root, "judgement", "rules"));
            List<Grade> grades = grades(required(root, "grades", "rules"));
            List<String> excellent = root.get("excellent_grades").map(n -> excellentGrades(n, grades)).orElse(List.of());
            if (failed) return Optional.empty();
            return Optional.of(new RulesProfile(name, level1, labels, execution, negative, bands, grades, excellent));
        }

        private List<Level1> level1(YamlNode node) {
            YamlNode.Mapping map = mapping(node, "rules.level1");
            List<Level1> out = new ArrayList<>();
            if (map == null) return out;
            if (map.entries().isEmpty()) error("rules-invalid-value", map.position(), "rules.level1 不能为空：至少要有一个一级指标。");
            Map<String, String> seenLevel2 = new LinkedHashMap<>();
            for (YamlNode.Entry e : map.entries()) {
                String where = "rules.level1." + e.key();
                YamlNode.Mapping l1 = mapping(e.value(), where);
                if (l1 == null) continue;
                keys(l1, where, Set.of("label", "weight", "level2"));
                String label = text(required(l1, "label", where), where + ".label");
                BigDecimal weight = number(required(l1, "weight", where), where + ".weight");
                List<String> level2 = new ArrayList<>();
                YamlNode list = required(l1, "level2", where);
                if (list instanceof YamlNode.Sequence seq) {
                    if (seq.items().isEmpty()) error("rules-invalid-value", seq.position(), where + ".level2 不能为空：请列出它的二级指标键。");
                    for (YamlNode item : seq.items()) {
                        String key = text(item, where + ".level2");
                        if (key == null) continue;
                        String other = seenLevel2.putIfAbsent(key, e.key());
                        if (other != null) {
                            error("rules-invalid-value", item.position(), "二级指标键“" + key + "”同时列在一级指标“" + other
                                    + "”和“" + e.key() + "”下：每个二级指标只能属于一个一级指标。");
                        }
                        level2.add(key);
                    }
                } else if (list != null) {
                    type(list, where + ".level2", "列表（如 [quantity, quality]）");
                }
                if (label != null && weight != null) out.add(new Level1(e.key(), label, weight, level2));
            }
            return out;
        }

        private Map<String, String> labels(YamlNode node, List<Level1> level1) {
            YamlNode.Mapping map = mapping(node, "rules.level2_labels");
            Map<String, String> out = new LinkedHashMap<>();
            if (map == null) return out;
            for (YamlNode.Entry e : map.entries()) {
                String label = text(e.value(), "rules.level2_labels." + e.key());
                if (label != null) out.put(e.key(), label);
            }
            for (Level1 l : level1) {
                for (String key : l.level2()) {
                    if (!out.containsKey(key)) {
                        error("rules-missing-key", map.position(), "rules.level2_labels 缺少二级指标“" + key
                                + "”的名称：请加上 " + key + ": <名称>，如 quantity: 数量指标。");
                    }
                }
            }
            return out;
        }

        private Execution execution(YamlNode node) {
            YamlNode.Mapping map = mapping(node, "rules.execution");
            if (map == null) return null;
            keys(map, "rules.execution", Set.of("label", "weight"));
            String label = text(required(map, "label", "rules.execution"), "rules.execution.label");
            BigDecimal weight = number(required(map, "weight", "rules.execution"), "rules.execution.weight");
            return new Execution(label, weight);
        }

        private NegativeMode negative(YamlNode node) {
            String key = text(node, "rules.negative");
            if (key == null) return null;
            for (NegativeMode mode : NegativeMode.values()) if (mode.key().equals(key)) return mode;
            error("rules-invalid-value", node.position(), "rules.negative 只能是 ratio 或 deviation，这里写的是“" + key + "”。");
            return null;
        }

        private Bands bands(YamlNode node) {
            YamlNode.Mapping map = mapping(node, "rules.judgement");
            if (map == null) return null;
            keys(map, "rules.judgement", Set.of("achieved", "partial"));
            YamlNode achievedNode = required(map, "achieved", "rules.judgement");
            BigDecimal achieved = share(achievedNode, "rules.judgement.achieved");
            BigDecimal partial = share(required(map, "partial", "rules.judgement"), "rules.judgement.partial");
            if (achieved != null && partial != null && partial.compareTo(achieved) > 0) {
                error("rules-invalid-value", achievedNode.position(), "rules.judgement 的 partial（" + partial.toPlainString()
                        + "）大于 achieved（" + achieved.toPlainString() + "）：部分达成的下限不能高于达成的下限。");
            }
            return new Bands(achieved, partial);
        }

        private List<Grade> grades(YamlNode node) {
            List<Grade> out = new ArrayList<>();
            if (node == null) return out;
            if (!(node instanceof YamlNode.Sequence seq)) {
                type(node, "rules.grades", "列表（如 [ { min: 90, label: 优 }, { min: 0, label: 差 } ]）");
                return out;
            }
            if (seq.items().isEmpty()) {
                error("rules-invalid-value", seq.position(), "rules.grades 不能为空：请至少写一个 { min: 0, label: … }。");
                return out;
            }
            for (int i = 0; i < seq.items().size(); i++) {
                String where = "rules.grades[" + i + "]";
                YamlNode.Mapping g = mapping(seq.items().get(i), where);
                if (g == null) continue;
                keys(g, where, Set.of("min", "label"));
                YamlNode minNode = required(g, "min", where);
                BigDecimal min = number(minNode, where + ".min");
                String label = text(required(g, "label", where), where + ".label");
                if (min == null || label == null) continue;
                if (out.stream().anyMatch(o -> o.min().compareTo(min) == 0)) {
                    error("rules-invalid-value", minNode.position(), where + ".min 与前面的等级重复（" + min.toPlainString() + "）：每个等级的下限必须不同。");
                }
                out.add(new Grade(min, label));
            }
            if (!failed && out.stream().noneMatch(g -> g.min().signum() == 0)) {
                error("rules-invalid-value", seq.position(), "rules.grades 缺少 min: 0 的最低等级：每个总分都必须有等级。");
            }
            return out;
        }

        /** The labels listed under excellent_grades, each one of the grades. */
        private List<String> excellentGrades(YamlNode node, List<Grade> grades) {
            List<String> out = new ArrayList<>();
            if (!(node instanceof YamlNode.Sequence seq)) {
                type(node, "rules.excellent_grades", "列表（如 [优, 良]）");
                return out;
            }
            if (seq.items().isEmpty()) {
                error("rules-invalid-value", seq.position(), "rules.excellent_grades 不能为空：请列出计入优良率的等级，如 [优, 良]。");
            }
            for (YamlNode item : seq.items()) {
                String label = text(item, "rules.excellent_grades");
                if (label == null) continue;
                if (grades.stream().noneMatch(g -> g.label().equals(label))) {
                    error("rules-invalid-value", item.position(), "rules.excellent_grades 中的“" + label + "”不是 rules.grades 中的等级：可用的有 "
                            + String.join("、", grades.stream().map(Grade::label).toList()) + "。");
                }
                out.add(label);
            }
            return out;
        }

        // ------------------------------------------------------------ helpers

        private YamlNode.Mapping mapping(YamlNode node, String where) {
            if (node == null) return null;
            if (node instanceof YamlNode.Mapping m) return m;
            type(node, where, "键值对映射");
            return null;
        }

        private YamlNode required(YamlNode.Mapping map, String key, String where) {
            Optional<YamlNode> value = map.get(key);
            if (value.isEmpty()) {
                error("rules-missing-key", map.position(), where + " 缺少 " + key + HINT + "。");
                return null;
            }
            return value.get();
        }

        private void keys(YamlNode.Mapping map, String where, Set<String> allowed) {
            for (YamlNode.Entry e : map.entries()) {
                if (!allowed.contains(e.key())) {
                    error("rules-unknown-key", e.keyPosition(), where + " 下不认识键“" + e.key() + "”：可用的键有 "
                            + String.join("、", allowed.stream().sorted().toList()) + "。");
                }
            }
        }

        private String text(YamlNode node, String where) {
            if (node == null) return null;
            if (node instanceof YamlNode.Scalar s && !s.isNull() && !s.text().isBlank()) return s.text().strip();
            type(node, where, "文本");
            return null;
        }

        private BigDecimal number(YamlNode node, String where) {
            if (node == null) return null;
            if (node instanceof YamlNode.Scalar s && NUMBER.matcher(s.text().strip()).matches()) {
                Digits.TooLong tooLong = Digits.firstTooLong(s.text());
                if (tooLong == null) return new BigDecimal(s.text().strip());
                error("number-too-long", node.position(), tooLong.message(where));
                return null;
            }
            type(node, where, "不小于 0 的数（如 50 或 12.5）");
            return null;
        }

        private BigDecimal share(YamlNode node, String where) {
            BigDecimal n = number(node, where);
            if (n != null && n.compareTo(BigDecimal.ONE) > 0) {
                error("rules-invalid-value", node.position(), where + " 是分值的比例，应在 0 到 1 之间（如 0.8），这里是 " + n.toPlainString() + "。");
                return null;
            }
            return n;
        }

        private void type(YamlNode node, String where, String expected) {
            String got = node instanceof YamlNode.Scalar s && !s.isNull() ? YamlNode.describe(node) + "“" + s.text() + "”" : YamlNode.describe(node);
            error("rules-type", node.position(), where + " 应为" + expected + "，这里是" + got + "。");
        }

        private void error(String code, SourcePosition at, String message) {
            failed = true;
            problems.report(Finding.error(code, at, message));
        }
    }
}
