package jixiao.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schema files themselves: one source, valid draft-07, documented in Chinese for editors (the
 * content schemas) and for the readers of jixiao's outputs (the output schemas).
 */
class SchemaFilesTest {

    /** The copies editors point at, in the repository's {@code schema/} folder. */
    private static final Path COPIES = Path.of("schema");

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    /** Keywords whose value is a map of name to subschema. */
    private static final List<String> SCHEMA_MAPS = List.of("properties", "definitions", "patternProperties", "dependencies");
    /** Keywords whose value is one subschema (or, for items, a list of them). */
    private static final List<String> SCHEMA_SINGLES = List.of(
            "items", "additionalItems", "additionalProperties", "contains", "propertyNames", "not", "if", "then", "else");
    /** Keywords whose value is a list of subschemas. */
    private static final List<String> SCHEMA_LISTS = List.of("allOf", "anyOf", "oneOf");

    @TestFactory
    Stream<DynamicTest> copiesInSchemaFolderAreByteIdenticalToResources() {
        return Schemas.KINDS.stream().map(kind -> DynamicTest.dynamicTest(Schemas.fileName(kind), () -> {
            Path copy = COPIES.resolve(Schemas.fileName(kind));
            assertTrue(Files.isRegularFile(copy), copy + " is missing: run `jixiao schema` (or copy it from src/main/resources/jixiao/schema/)");
            assertArrayEquals(Schemas.resourceBytes(kind), Files.readAllBytes(copy),
                    copy + " differs from src/main/resources/" + Schemas.RESOURCE_FOLDER + Schemas.fileName(kind)
                            + ": the resource is the source; copy it over");
        }));
    }

    @Test
    void schemaFolderHoldsExactlyTheContentAndOutputSchemas() throws IOException {
        Set<String> expected = new TreeSet<>(Schemas.KINDS.stream().map(Schemas::fileName).toList());
        expected.addAll(Schemas.OUTPUTS.stream().map(Schemas::fileName).toList());
        Set<String> actual = new TreeSet<>();
        try (Stream<Path> files = Files.list(COPIES)) {
            files.filter(f -> f.getFileName().toString().endsWith(".json")).forEach(f -> actual.add(f.getFileName().toString()));
        }
        assertEquals(expected, actual);
    }

    @TestFactory
    Stream<DynamicTest> everySchemaIsAValidDraft07Schema() {
        return Schemas.KINDS.stream().map(kind -> DynamicTest.dynamicTest(Schemas.fileName(kind), () -> {
            JsonNode tree = Schemas.schemaTree(kind);
            assertEquals("http://json-schema.org/draft-07/schema#", tree.path("$schema").asText());
            Set<ValidationMessage> messages = Schemas.draft07MetaSchema().validate(tree);
            assertTrue(messages.isEmpty(), "not a valid draft-07 schema:\n" + Schemas.describe(messages));
            // Compiling builds every validator: unknown keywords (other than the editor annotations) and bad regexes fail here.
            assertNotNull(Schemas.schema(kind));
        }));
    }

    @TestFactory
    Stream<DynamicTest> everySubschemaHasAChineseTitleAndDescription() {
        return Schemas.KINDS.stream().map(kind -> DynamicTest.dynamicTest(Schemas.fileName(kind), () -> {
            JsonNode root = Schemas.schemaTree(kind);
            List<String> problems = new ArrayList<>();
            walk(root, root, "#", true, problems);
            assertTrue(problems.isEmpty(), Schemas.fileName(kind) + ":\n  " + String.join("\n  ", problems));
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyOutputSchemaIsAValidDraft07SchemaWithAChineseTitleAndDescriptionEverywhere() {
        return Schemas.OUTPUTS.stream().map(kind -> DynamicTest.dynamicTest(Schemas.fileName(kind), () -> {
            JsonNode root = Schemas.outputSchemaTree(kind);
            assertEquals("http://json-schema.org/draft-07/schema#", root.path("$schema").asText());
            Set<ValidationMessage> messages = Schemas.draft07MetaSchema().validate(root);
            assertTrue(messages.isEmpty(), "not a valid draft-07 schema:\n" + Schemas.describe(messages));
            assertNotNull(Schemas.outputSchema(kind));
            List<String> problems = new ArrayList<>();
            // Enum values of an output are explained in the description (nobody completes them in an editor).
            walk(root, root, "#", false, problems);
            assertTrue(problems.isEmpty(), Schemas.fileName(kind) + ":\n  " + String.join("\n  ", problems));
        }));
    }

    /**
     * yaml-language-server shows a closed object's {@code errorMessage} instead of its English
     * "Property budjet is not allowed" for a key the object does not know (later versions also instead
     * of "Missing property"). Its {@code minimum} has no such message, so a negative amount still reads
     * in English there. Each closed object's message lists its keys with their Chinese titles, the
     * required ones marked 必填, as jixiao's own unknown-key error does; a key added to a schema without
     * its message fails here, with the text to write.
     */
    @TestFactory
    Stream<DynamicTest> everyClosedObjectListsItsKeysInItsChineseErrorMessage() {
        return Schemas.KINDS.stream().map(kind -> DynamicTest.dynamicTest(Schemas.fileName(kind), () -> {
            List<String> problems = new ArrayList<>();
            closedObjects(Schemas.schemaTree(kind), "#", problems);
            assertTrue(problems.isEmpty(), Schemas.fileName(kind) + ":\n  " + String.join("\n  ", problems));
        }));
    }

    private static void closedObjects(JsonNode node, String pointer, List<String> problems) {
        if (node.isObject() && node.path("additionalProperties").isBoolean() && !node.get("additionalProperties").asBoolean()) {
            String expected = unknownKeyMessage(node);
            if (!expected.equals(node.path("errorMessage").asText())) {
                problems.add(pointer + ": its errorMessage should be \"" + expected + "\"");
            }
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> closedObjects(e.getValue(), pointer + "/" + e.getKey(), problems));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) closedObjects(node.get(i), pointer + "/" + i, problems);
        }
    }

    /** 这里只能写以下键：total（合计，必填）、fiscal（其中：财政资金）。请核对键名的拼写，必填的键不能缺少。 */
    private static String unknownKeyMessage(JsonNode object) {
        Set<String> required = new TreeSet<>();
        object.path("required").forEach(r -> required.add(r.asText()));
        List<String> keys = new ArrayList<>();
        object.path("properties").fields().forEachRemaining(e -> keys.add(e.getKey() + "（" + e.getValue().path("title").asText()
                + (required.contains(e.getKey()) ? "，必填" : "") + "）"));
        return "这里只能写以下键：" + String.join("、", keys) + "。请核对键名的拼写" + (required.isEmpty() ? "。" : "，必填的键不能缺少。");
    }

    @Test
    void builtInRulesProfileFitsTheRulesMapOfSiteYaml() throws IOException {
        JsonNode profile;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("jixiao/rules/cn-2020.yaml")) {
            assertNotNull(in, "jixiao/rules/cn-2020.yaml");
            profile = Schemas.YAML.readTree(in);
        }
        ObjectNode site = Schemas.JSON.createObjectNode();
        site.put("title", "站点");
        site.set("rules", profile);
        Set<ValidationMessage> messages = Schemas.validate("site", site);
        assertTrue(messages.isEmpty(), "cn-2020.yaml written under rules: is rejected:\n" + Schemas.describe(messages));
    }

    /** Checks one subschema and everything below it, collecting what is missing. */
    private static void walk(JsonNode root, JsonNode schema, String pointer, boolean forEditors, List<String> problems) {
        if (!schema.isObject()) {
            problems.add(pointer + ": a boolean schema has no room for a title; write an object");
            return;
        }
        chinese(schema, "title", pointer, problems);
        chinese(schema, "description", pointer, problems);

        if ((schema.path("type").asText().equals("object") || schema.path("type").toString().contains("\"object\""))
                && !schema.has("additionalProperties")) {
            problems.add(pointer + ": an object without additionalProperties accepts misspelt keys");
        }
        if (schema.has("enum") && forEditors) enumDocumented(schema, pointer, problems);
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (!ref.startsWith("#/") || root.at(ref.substring(1)).isMissingNode()) {
                problems.add(pointer + ": $ref " + ref + " does not resolve inside the file");
            }
        }

        for (String keyword : SCHEMA_MAPS) {
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path(keyword).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (keyword.equals("dependencies") && e.getValue().isArray()) continue;
                walk(root, e.getValue(), pointer + "/" + keyword + "/" + e.getKey(), forEditors, problems);
            }
        }
        for (String keyword : SCHEMA_SINGLES) {
            JsonNode sub = schema.get(keyword);
            if (sub == null || sub.isBoolean()) continue; // additionalProperties: false
            if (sub.isArray()) {
                for (int i = 0; i < sub.size(); i++) walk(root, sub.get(i), pointer + "/" + keyword + "/" + i, forEditors, problems);
            } else {
                walk(root, sub, pointer + "/" + keyword, forEditors, problems);
            }
        }
        for (String keyword : SCHEMA_LISTS) {
            JsonNode list = schema.path(keyword);
            for (int i = 0; i < list.size(); i++) walk(root, list.get(i), pointer + "/" + keyword + "/" + i, forEditors, problems);
        }
    }

    private static void chinese(JsonNode schema, String keyword, String pointer, List<String> problems) {
        JsonNode text = schema.get(keyword);
        if (text == null || !text.isTextual() || !HAN.matcher(text.asText()).find()) {
            problems.add(pointer + ": no Chinese " + keyword);
        }
    }

    /**
     * Every enum value is documented for both editors: {@code enumDescriptions} (VS Code, one
     * per value, in order) and {@code x-intellij-enum-metadata} (JetBrains, keyed by value).
     */
    private static void enumDocumented(JsonNode schema, String pointer, List<String> problems) {
        JsonNode values = schema.get("enum");
        JsonNode descriptions = schema.path("enumDescriptions");
        JsonNode metadata = schema.path("x-intellij-enum-metadata");
        if (descriptions.size() != values.size()) {
            problems.add(pointer + ": enumDescriptions has " + descriptions.size() + " entries for " + values.size() + " enum values");
        }
        if (metadata.size() != values.size()) {
            problems.add(pointer + ": x-intellij-enum-metadata has " + metadata.size() + " entries for " + values.size() + " enum values");
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i).asText();
            String description = descriptions.path(i).asText();
            if (!HAN.matcher(description).find()) problems.add(pointer + ": enum value " + value + " has no Chinese description");
            String title = metadata.path(value).path("description").asText();
            if (!HAN.matcher(title).find()) problems.add(pointer + ": enum value " + value + " has no Chinese title in x-intellij-enum-metadata");
            else if (!description.startsWith(title)) {
                problems.add(pointer + ": the description of " + value + " should start with its title " + title);
            }
        }
    }
}
