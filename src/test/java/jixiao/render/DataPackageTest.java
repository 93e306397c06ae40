package jixiao.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jixiao.testing.Builds;
import jixiao.testing.ContentFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Each year's datapackage.json, in both editions: it is a valid Frictionless Data Package by the spec's own
 * JSON Schema, and every cell of summary.csv fits the type its field declares. The cell types are checked
 * here by this test's own reading of the Table Schema spec (integer, number with {@code decimalChar} and
 * {@code bareNumber}, boolean with {@code trueValues}/{@code falseValues}, {@code missingValues}, required
 * and unique constraints, the primary key), because the Frictionless Java libraries are not on Maven Central.
 */
class DataPackageTest {

    /**
     * Where the Data Package spec's JSON Schemas (profiles) are: those shipped in the npm package
     * {@code datapackage} (frictionless's JavaScript library), installed by {@code .ci/run} with
     * {@code npm install --prefix target/frictionless datapackage@1.1.10}. Override with
     * {@code -Djixiao.frictionlessProfiles=DIR}.
     */
    static final Path PROFILES = Path.of(System.getProperty("jixiao.frictionlessProfiles",
            "target/frictionless/node_modules/datapackage/lib/profiles"));

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path out;

    /** Every built file, by content and path ({@code fixture/public/2020/datapackage.json}). */
    private static final Map<String, byte[]> FILES = new TreeMap<>();

    @BeforeAll
    static void build() throws IOException {
        Path fixture = ContentFixture.copy("site/fixture/content", out.resolve("fixture-content"));
        // A project id a spreadsheet would take for a date (4 March or 3 April) if it guessed.
        Files.move(fixture.resolve("2020/inspection/index.yaml"), fixture.resolve("2020/inspection/3-4.yaml"));
        Map<String, Path> contents = Map.of("fixture", fixture, "content", Builds.realContent(), "three-years", Builds.threeYearContent());
        for (var e : contents.entrySet()) {
            Path target = out.resolve("site-" + e.getKey());
            Builds.build(e.getValue(), target);
            Builds.tree(target).forEach((path, bytes) -> FILES.put(e.getKey() + "/" + path, bytes));
        }
    }

    private static Stream<String> descriptors() {
        List<String> found = FILES.keySet().stream().filter(p -> p.endsWith("/datapackage.json")).toList();
        // Two editions of 2020–2021, two of 2020, and two of 2019–2021.
        assertEquals(12, found.size(), "datapackage.json files: " + found);
        return found.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyDescriptorIsAValidDataPackageWithATabularResourceByTheSpecsSchemas() {
        if (!Files.isRegularFile(PROFILES.resolve("data-package.json"))) {
            // Said out loud, as the browser tests do: a skipped test is easy to miss in a passing build.
            String message = "DATA PACKAGE SPEC TESTS DID NOT RUN: the spec's JSON Schemas are not at " + PROFILES
                    + " (npm install --prefix target/frictionless datapackage@1.1.10, as .ci/run does)";
            System.err.println(message);
            assumeTrue(false, message);
        }
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        JsonSchema packageSchema = factory.getSchema(SchemaLocation.of(PROFILES.resolve("data-package.json").toUri().toString()));
        JsonSchema resourceSchema = factory.getSchema(SchemaLocation.of(PROFILES.resolve("tabular-data-resource.json").toUri().toString()));
        JsonSchema dataResourceSchema = factory.getSchema(SchemaLocation.of(PROFILES.resolve("data-resource.json").toUri().toString()));
        return descriptors().map(path -> DynamicTest.dynamicTest(path, () -> {
            JsonNode descriptor = JSON.readTree(FILES.get(path));
            assertNoMessages(path, packageSchema.validate(descriptor));
            for (JsonNode resource : descriptor.path("resources")) {
                JsonSchema schema = resource.path("profile").asText().equals("tabular-data-resource") ? resourceSchema : dataResourceSchema;
                assertNoMessages(path + " resource " + resource.path("name").asText(), schema.validate(resource));
            }
        }));
    }

    @Test
    void theSpecsSchemaRejectsWhatTheSpecForbids() throws IOException {
        // So that a pass above means something: a field type the spec does not know and a bad package name fail.
        assumeTrue(Files.isRegularFile(PROFILES.resolve("data-package.json")), "DATA PACKAGE SPEC TESTS DID NOT RUN");
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        JsonSchema packageSchema = factory.getSchema(SchemaLocation.of(PROFILES.resolve("data-package.json").toUri().toString()));
        JsonSchema tableSchema = factory.getSchema(SchemaLocation.of(PROFILES.resolve("tabular-data-resource.json").toUri().toString()));
        String good = new String(FILES.get("fixture/public/2020/datapackage.json"), StandardCharsets.UTF_8);
        assertTrue(packageSchema.validate(JSON.readTree(good)).isEmpty());
        assertTrue(tableSchema.validate(JSON.readTree(good).path("resources").get(0)).isEmpty());
        JsonNode decimal = JSON.readTree(good.replace("\"type\": \"number\"", "\"type\": \"decimal\""));
        assertFalse(tableSchema.validate(decimal.path("resources").get(0)).isEmpty(), "a field type the spec does not know");
        assertFalse(packageSchema.validate(JSON.readTree(good.replace("\"jixiao-2020-public\"", "\"Jixiao 2020\""))).isEmpty(), "a name with capitals and a space");
    }

    @TestFactory
    Stream<DynamicTest> everyCellOfSummaryCsvFitsItsFieldType() {
        return descriptors().map(path -> DynamicTest.dynamicTest(path, () -> {
            JsonNode descriptor = JSON.readTree(FILES.get(path));
            JsonNode resource = descriptor.path("resources").get(0);
            assertEquals("summary", resource.path("name").asText());
            String folder = path.substring(0, path.lastIndexOf('/') + 1);
            byte[] bytes = FILES.get(folder + resource.path("path").asText());
            assertTrue(bytes != null, folder + resource.path("path").asText() + " is missing");
            assertEquals("utf-8-sig", resource.path("encoding").asText());
            assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3), "utf-8-sig starts with the byte-order mark");
            List<List<String>> rows = Csv.read(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), resource.path("dialect"));

            JsonNode schema = resource.path("schema");
            List<JsonNode> fields = new ArrayList<>();
            schema.path("fields").forEach(fields::add);
            assertEquals(fields.stream().map(f -> f.path("name").asText()).toList(), rows.get(0), "the header row is the fields' names");
            Set<String> missing = new HashSet<>();
            schema.path("missingValues").forEach(m -> missing.add(m.asText()));

            List<String> problems = new ArrayList<>();
            List<Set<String>> seen = fields.stream().map(f -> (Set<String>) new HashSet<String>()).toList();
            for (int r = 1; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                if (row.size() != fields.size()) {
                    problems.add("row " + (r + 1) + ": " + row.size() + " cells for " + fields.size() + " fields");
                    continue;
                }
                for (int c = 0; c < fields.size(); c++) {
                    JsonNode field = fields.get(c);
                    String cell = row.get(c);
                    String where = "row " + (r + 1) + " " + field.path("name").asText() + " \"" + cell + "\"";
                    if (missing.contains(cell)) {
                        if (field.path("constraints").path("required").asBoolean()) problems.add(where + ": required but missing");
                        continue;
                    }
                    if (!fits(field, cell)) problems.add(where + ": not a " + field.path("type").asText());
                    if (field.path("constraints").path("unique").asBoolean() && !seen.get(c).add(cell)) problems.add(where + ": not unique");
                }
            }
            Set<String> keys = new HashSet<>();
            List<String> key = new ArrayList<>();
            schema.path("primaryKey").forEach(k -> key.add(k.asText()));
            List<String> names = fields.stream().map(f -> f.path("name").asText()).toList();
            for (int r = 1; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                String k = key.stream().map(n -> row.get(names.indexOf(n))).collect(Collectors.joining("\u0000"));
                if (!keys.add(k)) problems.add("row " + (r + 1) + ": primary key " + key + " repeats");
            }
            assertEquals(List.of(), problems, path);
            assertTrue(rows.size() > 1, path + ": summary.csv has no project");
        }));
    }

    /** A cell against its field's type, as the Table Schema spec defines the type's physical form. */
    static boolean fits(JsonNode field, String cell) {
        return switch (field.path("type").asText()) {
            case "string" -> true;
            case "integer" -> INTEGER.matcher(cell).matches();
            case "number" -> {
                // bareNumber true: nothing around the number; decimalChar as given, no group separator.
                String decimal = field.path("decimalChar").asText(".");
                yield field.path("bareNumber").asBoolean(true)
                        && Pattern.compile("[+-]?([0-9]+(" + Pattern.quote(decimal) + "[0-9]*)?|" + Pattern.quote(decimal) + "[0-9]+)([eE][+-]?[0-9]+)?|NaN|INF|-INF")
                        .matcher(cell).matches();
            }
            case "boolean" -> contains(field.path("trueValues"), cell) || contains(field.path("falseValues"), cell);
            default -> false;
        };
    }

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private static boolean contains(JsonNode values, String cell) {
        for (JsonNode v : values) if (v.asText().equals(cell)) return true;
        return false;
    }

    @Test
    void cellCheckCatchesWhatTheOldCsvHeld() {
        // The summary.csv before the data package: rates with %, scores as 无法核算; both must fail their types.
        JsonNode number = JSON.createObjectNode().put("type", "number").put("decimalChar", ".").put("bareNumber", true);
        assertTrue(fits(number, "99.49"));
        assertFalse(fits(number, "99.49%"));
        assertFalse(fits(number, "无法核算"));
        assertFalse(fits(number, "1,039"));
        assertFalse(fits(JSON.createObjectNode().put("type", "integer"), "3-4"));
    }

    @Test
    void anIdThatLooksLikeADateIsAPlainStringCellTypedString() throws IOException {
        String csv = new String(FILES.get("fixture/internal/2020/summary.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.contains("\r\n2020,inspection,监察大队,3-4,索引项目,"), csv);
        JsonNode descriptor = JSON.readTree(FILES.get("fixture/internal/2020/datapackage.json"));
        JsonNode field = descriptor.path("resources").get(0).path("schema").path("fields").get(3);
        assertEquals("project_id", field.path("name").asText());
        assertEquals("string", field.path("type").asText());
        assertEquals("[\"project_id\"]", descriptor.path("resources").get(0).path("schema").path("primaryKey").toString());
    }

    @Test
    void licenceAndPublisherComeFromSiteYamlAndNothingElseOfThePublisher() throws IOException {
        for (String edition : List.of("internal", "public")) {
            JsonNode descriptor = JSON.readTree(FILES.get("fixture/" + edition + "/2020/datapackage.json"));
            assertEquals("[{\"name\":\"CC-BY-4.0\",\"path\":\"https://creativecommons.org/licenses/by/4.0/\"}]",
                    descriptor.path("licenses").toString());
            assertEquals("[{\"title\":\"测试局办公室\",\"role\":\"publisher\"}]", descriptor.path("contributors").toString());
            String text = new String(FILES.get("fixture/" + edition + "/2020/datapackage.json"), StandardCharsets.UTF_8);
            assertFalse(text.contains("0000-1234567"), "the publisher's contact stays on the pages");
        }
        // The real content's site.yaml names no licence: no licences key rather than an invalid one.
        assertTrue(JSON.readTree(FILES.get("content/public/2020/datapackage.json")).path("licenses").isMissingNode());
    }

    @Test
    void theInternalEditionDescribesItsTwoExtraColumnsAndThePublicOneDoesNot() throws IOException {
        assertEquals(List.of("status", "findings"), tail(names("fixture/internal/2020/datapackage.json"), 2));
        assertFalse(names("fixture/public/2020/datapackage.json").contains("status"));
    }

    private static List<String> names(String path) throws IOException {
        List<String> names = new ArrayList<>();
        JSON.readTree(FILES.get(path)).path("resources").get(0).path("schema").path("fields").forEach(f -> names.add(f.path("name").asText()));
        return names;
    }

    private static List<String> tail(List<String> list, int n) {
        return list.subList(list.size() - n, list.size());
    }

    private static void assertNoMessages(String what, Set<ValidationMessage> messages) {
        assertTrue(messages.isEmpty(), what + " is not valid by the Data Package spec:\n" + messages.stream()
                .map(m -> "  " + m.getInstanceLocation() + ": " + m.getMessage()).sorted().collect(Collectors.joining("\n")));
    }

    /** A CSV reader for the dialect the descriptor states (delimiter, quote, doubled quotes, line terminator). */
    static final class Csv {
        static List<List<String>> read(String text, JsonNode dialect) {
            char delimiter = dialect.path("delimiter").asText(",").charAt(0);
            char quote = dialect.path("quoteChar").asText("\"").charAt(0);
            String terminator = dialect.path("lineTerminator").asText("\r\n");
            assertTrue(dialect.path("doubleQuote").asBoolean(true));
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == quote && i + 1 < text.length() && text.charAt(i + 1) == quote) {
                        cell.append(quote);
                        i += 2;
                    } else if (c == quote) {
                        quoted = false;
                        i++;
                    } else {
                        cell.append(c);
                        i++;
                    }
                } else if (c == quote && cell.isEmpty()) {
                    quoted = true;
                    i++;
                } else if (c == delimiter) {
                    row.add(cell.toString());
                    cell.setLength(0);
                    i++;
                } else if (text.startsWith(terminator, i)) {
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    i += terminator.length();
                } else {
                    assertTrue(c != '\r' && c != '\n', "a line break that is not the dialect's line terminator, at " + i);
                    cell.append(c);
                    i++;
                }
            }
            assertTrue(row.isEmpty() && cell.isEmpty(), "the last line ends with the line terminator");
            return rows;
        }
    }
}
