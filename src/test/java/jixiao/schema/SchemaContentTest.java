package jixiao.schema;

import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every YAML file of the repository's {@code content/} folder validates against the schema of
 * its kind (site.yaml, report.yaml, unit.yaml, else a project), so the schemas that editors use
 * never reject the real report. Without a content/ folder the test is reported as skipped, not passed.
 */
class SchemaContentTest {

    private static final Path CONTENT = Path.of("content");

    @Test
    void everyContentFileValidatesAgainstItsSchema() throws IOException {
        assumeTrue(Files.isDirectory(CONTENT),
                "no content/ folder in " + Path.of("").toAbsolutePath() + ": the real content was not checked against the schemas");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CONTENT)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".yaml") || f.getFileName().toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        }
        assertFalse(files.isEmpty(), "content/ holds no YAML file");

        List<String> rejected = new ArrayList<>();
        for (Path file : files) {
            String kind = Schemas.kindOf(file);
            Set<ValidationMessage> messages = Schemas.validate(kind, Schemas.readYaml(file));
            if (!messages.isEmpty()) rejected.add(file + " does not fit " + Schemas.fileName(kind) + ":\n" + Schemas.describe(messages));
        }
        assertTrue(rejected.isEmpty(), rejected.size() + " of " + files.size() + " content files are rejected:\n" + String.join("\n", rejected));
    }
}
