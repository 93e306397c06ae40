package jixiao.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import jixiao.testing.Builds;
import jixiao.testing.ContentFixture;
import jixiao.testing.GitRepo;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real outputs of {@code check --format json}, {@code diff --format json} and {@code build} (data.json
 * of both editions) validate against their schemas in {@code schema/}; and the schemas keep one
 * vocabulary: a rate says its unit, a stated figure is a number beside its words, a name has one type.
 */
class OutputSchemasTest {

    @TempDir
    Path tmp;

    @Test
    void checkJsonOfTheRealContentFitsItsSchema() throws IOException {
        Builds.Run run = Builds.run("check", "--content", Builds.realContent().toString(), "--format", "json");
        assertValid("check", run.out());
    }

    /** Content whose check finds errors (and so projects half loaded), and a tree for every kind of structural error. */
    @TestFactory
    Stream<DynamicTest> checkJsonOfContentWithErrorsFitsItsSchema() throws IOException {
        List<Path> trees = new ArrayList<>(List.of(ContentFixture.resource("narrative/content")));
        try (Stream<Path> list = Files.list(ContentFixture.resource("findings/trees"))) {
            list.map(t -> t.resolve("content")).filter(Files::isDirectory).sorted().forEach(trees::add);
        }
        return trees.stream().map(content -> DynamicTest.dynamicTest(content.getParent().getFileName() + "/" + content.getFileName(), () -> {
            Builds.Run run = Builds.run("check", "--content", content.toString(), "--format", "json");
            assertValid("check", run.out());
        }));
    }

    @Test
    void checkJsonWithErrorsReallyHoldsErrors() throws IOException {
        // Otherwise the test above could pass on clean content and prove nothing about findings.
        Builds.Run run = Builds.run("check", "--content", ContentFixture.resource("narrative/content").toString(), "--format", "json");
        JsonNode json = Schemas.JSON.readTree(run.out());
        assertTrue(json.path("findings").findValuesAsText("severity").contains("error"), run.out());
    }

    @Test
    void aStatedTotalWrittenAsTextOrAnUnknownKeyDoesNotFit() throws IOException {
        // What data.json and check JSON did before they were versioned: the schema must tell them apart.
        Builds.Run run = Builds.run("check", "--content", Builds.realContent().toString(), "--format", "json");
        com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode) Schemas.JSON.readTree(run.out());
        com.fasterxml.jackson.databind.node.ObjectNode project = (com.fasterxml.jackson.databind.node.ObjectNode) json.path("projects").get(0);
        project.put("stated_total", "95");
        assertEquals(Set.of("$.projects[0].stated_total"), locations(json));
        project.put("stated_total", 95);
        project.put("execution_rate", 99.49);
        assertEquals(Set.of("$.projects[0]"), locations(json));
    }

    private static Set<String> locations(JsonNode json) {
        Set<String> at = new TreeSet<>();
        for (ValidationMessage m : Schemas.outputSchema("check").validate(json)) at.add(m.getInstanceLocation().toString());
        return at;
    }

    @TestFactory
    Stream<DynamicTest> diffJsonOfTwoYearsFitsItsSchemaInBothEditions() {
        String content = Builds.threeYearContent().toString();
        return Stream.of(List.of("2019", "2020"), List.of("2020", "2021"), List.of("2019", "2021")).flatMap(years ->
                Stream.of("internal", "public").map(edition -> DynamicTest.dynamicTest(years + " " + edition, () -> {
                    List<String> args = new ArrayList<>(List.of("diff", years.get(0), years.get(1), "--content", content, "--format", "json"));
                    if (edition.equals("public")) args.add("--public");
                    Builds.Run run = Builds.run(args.toArray(String[]::new));
                    assertEquals(0, run.exit(), run.err());
                    JsonNode json = assertValid("diff", run.out());
                    assertEquals("worktree", json.path("from").asText());
                    assertEquals(years.get(0) + " 年度", json.path("from_label").asText());
                    assertEquals(edition, json.path("edition").asText());
                })));
    }

    @Test
    void diffJsonAgainstAGitRevisionNamesTheRevisionAndTheWorkingTreeAsMachineValues() throws IOException {
        assumeTrue(GitRepo.gitAvailable(), "git is not installed");
        GitRepo repo = GitRepo.init(tmp.resolve("repo"));
        Path content = repo.dir().resolve("content");
        ContentFixture.copy("compare/content", content);
        repo.commitAll("three years");
        Path file = content.resolve("2020/labor/arbitration.yaml");
        Files.writeString(file, Files.readString(file).replace("planned:  { total: 2 }", "planned:  { total: 2.5 }"));

        Builds.Run run = Builds.run("diff", "--from", "HEAD", "--content", content.toString(), "--format", "json");
        assertEquals(0, run.exit(), run.err());
        JsonNode json = assertValid("diff", run.out());
        assertEquals("HEAD", json.path("from").asText());
        assertEquals("worktree", json.path("to").asText());
        assertEquals("工作区", json.path("to_label").asText());
        assertTrue(json.path("has_changes").asBoolean(), run.out());
    }

    /** data.json of every year of both editions, for the real content, the site fixture and the three-year fixture. */
    @TestFactory
    Stream<DynamicTest> dataJsonOfBothEditionsFitsItsSchema() {
        Map<String, Path> contents = new TreeMap<>(Map.of(
                "content", Builds.realContent(), "site-fixture", Builds.fixtureContent(), "three-years", Builds.threeYearContent()));
        return contents.entrySet().stream().flatMap(e -> {
            Path out = tmp.resolve(e.getKey());
            Builds.build(e.getValue(), out);
            return Builds.tree(out).entrySet().stream().filter(f -> f.getKey().endsWith("/data.json"))
                    .map(f -> DynamicTest.dynamicTest(e.getKey() + "/" + f.getKey(), () -> {
                        JsonNode json = assertValid("data", new String(f.getValue(), java.nio.charset.StandardCharsets.UTF_8));
                        assertEquals(f.getKey().substring(0, f.getKey().indexOf('/')), json.path("edition").asText());
                    }));
        }).toList().stream();
    }

    /**
     * One vocabulary across the three outputs: a property that holds a rate ends in {@code _percent} and is a
     * number; one that ends in {@code _text} holds words; no property is a number in one place and text in
     * another.
     */
    @Test
    void everyNameHasOneTypeAcrossTheOutputsAndRatesSayTheirUnit() {
        Map<String, Set<String>> types = new TreeMap<>();
        for (String kind : Schemas.OUTPUTS) collect(Schemas.outputSchemaTree(kind), types);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : types.entrySet()) {
            String name = e.getKey();
            Set<String> t = e.getValue();
            if (name.endsWith("_percent") && !t.equals(Set.of("number"))) problems.add(name + " is a rate but is " + t);
            if (name.endsWith("_text") && !t.equals(Set.of("string"))) problems.add(name + " holds words but is " + t);
            boolean rate = name.endsWith("_rate") || name.contains("_rate_");
            if (rate && !name.endsWith("_percent") && !name.endsWith("_ratio") && !name.endsWith("_text"))
                problems.add(name + " is a rate that does not say whether it is a percent or a ratio");
            Set<String> scalar = new TreeSet<>(t);
            scalar.retainAll(Set.of("number", "integer", "string", "boolean"));
            if (scalar.contains("integer") && scalar.contains("number")) scalar.remove("integer");
            if (scalar.size() > 1) problems.add(name + " is " + t + " in different places");
        }
        assertEquals(List.of(), problems);
        assertEquals(Set.of("number"), types.get("stated_total"));
        assertEquals(Set.of("number"), types.get("total"));
    }

    /** Every property name of {@code schema} and below with its types (null left out: a missing value is no type). */
    private static void collect(JsonNode schema, Map<String, Set<String>> types) {
        if (schema.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                Set<String> t = types.computeIfAbsent(p.getKey(), k -> new TreeSet<>());
                JsonNode type = p.getValue().path("type");
                if (type.isTextual()) t.add(type.asText());
                for (JsonNode each : type) if (!each.asText().equals("null")) t.add(each.asText());
            }
        }
        for (JsonNode child : schema) collect(child, types);
    }

    private static JsonNode assertValid(String kind, String output) throws IOException {
        JsonNode json = Schemas.JSON.readTree(output);
        Set<ValidationMessage> messages = Schemas.outputSchema(kind).validate(json);
        assertTrue(messages.isEmpty(), kind + " output does not fit schema/" + Schemas.fileName(kind) + ":\n" + Schemas.describe(messages));
        return json;
    }
}
