package jixiao.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.DisallowUnknownKeywordFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The content-file schemas, loaded from the classpath and ready to validate YAML read as JSON trees. */
final class Schemas {

    /** The kinds of content file, each with {@code <kind>.schema.json}. */
    static final List<String> KINDS = List.of("site", "report", "unit", "project");

    static final String RESOURCE_FOLDER = "jixiao/schema/";

    /**
     * The outputs with a schema: {@code jixiao check --format json}, {@code jixiao diff --format json}
     * and a year's data.json. Their schemas are documentation for the people and programs that read
     * the outputs, not for editors, so their one source is the repository's {@code schema/} folder
     * (the jar and {@code jixiao schema} carry only the content schemas).
     */
    static final List<String> OUTPUTS = List.of("check", "diff", "data");

    static final Path OUTPUT_FOLDER = Path.of("schema");

    /**
     * The annotations beyond draft-07 that the schemas use for editors: VS Code's
     * {@code enumDescriptions}, yaml-language-server's {@code errorMessage} (the Chinese sentence it
     * shows instead of "Incorrect type. Expected number") and JetBrains' {@code x-intellij-enum-metadata}. Any other
     * unknown keyword is an error, so a misspelt keyword ({@code requird}) cannot hide.
     */
    static final List<String> EDITOR_KEYWORDS = List.of("enumDescriptions", "errorMessage", "x-intellij-enum-metadata");

    static final YAMLMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
            builder -> builder.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV7())
                    .keywords(EDITOR_KEYWORDS.stream().map(NonValidationKeyword::new).toList())
                    .unknownKeywordFactory(DisallowUnknownKeywordFactory.getInstance())
                    .build()));

    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.LEGACY) // $.budget.planned.total, $.goals[0]
            .build();

    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private Schemas() {
    }

    static String fileName(String kind) {
        return kind + ".schema.json";
    }

    /** The kind of a content file by its name: site.yaml, report.yaml, unit.yaml, else a project. */
    static String kindOf(Path file) {
        return switch (file.getFileName().toString()) {
            case "site.yaml" -> "site";
            case "report.yaml" -> "report";
            case "unit.yaml" -> "unit";
            default -> "project";
        };
    }

    static byte[] resourceBytes(String kind) {
        try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream(RESOURCE_FOLDER + fileName(kind))) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE_FOLDER + fileName(kind));
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode schemaTree(String kind) {
        try {
            return JSON.readTree(resourceBytes(kind));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The compiled schema, with all its validators built (so a bad keyword or $ref fails here). */
    static JsonSchema schema(String kind) {
        return CACHE.computeIfAbsent(kind, k -> {
            JsonSchema schema = FACTORY.getSchema(SchemaLocation.of("classpath:" + RESOURCE_FOLDER + fileName(k)), CONFIG);
            schema.initializeValidators();
            return schema;
        });
    }

    static JsonNode outputSchemaTree(String kind) {
        try {
            return JSON.readTree(OUTPUT_FOLDER.resolve(fileName(kind)).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An output's compiled schema, with all its validators built. */
    static JsonSchema outputSchema(String kind) {
        return CACHE.computeIfAbsent("output:" + kind, k -> {
            JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(OUTPUT_FOLDER.resolve(fileName(kind)).toAbsolutePath().toUri().toString()), CONFIG);
            schema.initializeValidators();
            return schema;
        });
    }

    /** The draft-07 meta-schema, as shipped inside the validator. */
    static JsonSchema draft07MetaSchema() {
        JsonSchema meta = FACTORY.getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema#"), CONFIG);
        meta.initializeValidators();
        return meta;
    }

    static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static Set<ValidationMessage> validate(String kind, JsonNode document) {
        return schema(kind).validate(document);
    }

    static String describe(Set<ValidationMessage> messages) {
        return messages.stream()
                .map(m -> "  " + m.getType() + " " + m.getInstanceLocation() + ": " + m.getMessage())
                .sorted()
                .collect(Collectors.joining("\n"));
    }
}
