package jixiao.schema;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * docs/content-format.md, the reference users read, lists exactly the keys the schemas (and so the
 * loader, which {@link SchemaLoaderAgreementTest} holds to them) know: a key added to a schema
 * without documenting it, or documented but gone, fails here with the key named.
 *
 * <p>The reference has one table per scope, under a heading holding the scope in a code span:
 * {@code project.yaml} for a file's own keys, {@code project.yaml#amountSet} for a definition that
 * several keys share. Each table row starts with the key's path in a code span: {@code budget.planned},
 * {@code goals[].expected}; a map of free keys is {@code published.<任意键>}.
 */
class ContentFormatDocTest {

    private static final Path DOC = Path.of("docs/content-format.md");
    private static final Pattern SCOPE = Pattern.compile("^#{2,4} `([a-z]+\\.yaml(?:#[A-Za-z0-9]+)?)`\\s*$");
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)`");

    @Test
    void referenceListsEveryKeyOfEverySchemaAndNoOther() throws IOException {
        Map<String, TreeSet<String>> documented = documentedKeys(Files.readAllLines(DOC));
        Map<String, TreeSet<String>> schema = new LinkedHashMap<>();
        for (String kind : Schemas.KINDS) {
            JsonNode root = Schemas.schemaTree(kind);
            collect(root, "", schema.computeIfAbsent(kind + ".yaml", k -> new TreeSet<>()));
            JsonNode definitions = root.path("definitions");
            for (Iterator<Map.Entry<String, JsonNode>> it = definitions.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> definition = it.next();
                TreeSet<String> keys = new TreeSet<>();
                collect(definition.getValue(), "", keys);
                if (!keys.isEmpty()) schema.put(kind + ".yaml#" + definition.getKey(), keys);
            }
        }
        List<String> differences = new ArrayList<>();
        for (String scope : union(schema.keySet(), documented.keySet())) {
            TreeSet<String> missing = new TreeSet<>(schema.getOrDefault(scope, new TreeSet<>()));
            missing.removeAll(documented.getOrDefault(scope, new TreeSet<>()));
            TreeSet<String> extra = new TreeSet<>(documented.getOrDefault(scope, new TreeSet<>()));
            extra.removeAll(schema.getOrDefault(scope, new TreeSet<>()));
            if (!missing.isEmpty()) differences.add(scope + ": in the schema, not in " + DOC + ": " + missing);
            if (!extra.isEmpty()) differences.add(scope + ": in " + DOC + ", not in the schema: " + extra);
        }
        assertEquals(List.of(), differences, "the content format reference and the schemas disagree");
    }

    /** A schema node's keys as paths; a $ref'd key is listed, its own keys belong to the definition's table. */
    private static void collect(JsonNode node, String prefix, TreeSet<String> keys) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String path = prefix + property.getKey();
            JsonNode value = property.getValue();
            keys.add(path);
            if (value.has("$ref")) continue;
            if (value.has("properties")) collect(value, path + ".", keys);
            if (value.path("items").has("properties")) collect(value.path("items"), path + "[].", keys);
            if (value.path("additionalProperties").isObject() && !value.has("properties")) keys.add(path + ".<任意键>");
        }
    }

    private static Map<String, TreeSet<String>> documentedKeys(List<String> lines) {
        Map<String, TreeSet<String>> keys = new LinkedHashMap<>();
        String scope = null;
        for (String line : lines) {
            Matcher heading = SCOPE.matcher(line);
            if (heading.matches()) {
                scope = heading.group(1);
                keys.computeIfAbsent(scope, k -> new TreeSet<>());
                continue;
            }
            if (line.startsWith("#")) scope = null;
            Matcher row = ROW.matcher(line);
            if (scope != null && row.find()) keys.get(scope).add(row.group(1));
        }
        return keys;
    }

    private static TreeSet<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
