package jixiao.schema;

import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Fixtures under {@code src/test/resources/schema/}: every file in {@code valid/} validates, every
 * file in {@code invalid/} is rejected for the reason its first line states. A fixture's kind is the
 * part of its name before the first {@code -} or {@code .} ({@code project-status-done.yaml} is a project).
 *
 * <p>An invalid fixture starts with {@code # expect: <keyword> <instance location> [<property>]},
 * for instance {@code # expect: additionalProperties $ budjet}: the validator must report that
 * keyword at that location, so a fixture cannot pass by failing for some other reason.
 */
class SchemaFixturesTest {

    private static final String EXPECT = "# expect: ";

    @TestFactory
    Stream<DynamicTest> validFixturesValidate() throws IOException {
        return fixtures("valid").stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Set<ValidationMessage> messages = Schemas.validate(kindOf(file), Schemas.readYaml(file));
            assertTrue(messages.isEmpty(), file.getFileName() + " is rejected:\n" + Schemas.describe(messages));
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalidFixturesAreRejectedForTheStatedReason() throws IOException {
        return fixtures("invalid").stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String first = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
            if (!first.startsWith(EXPECT)) fail(file.getFileName() + " must start with `" + EXPECT + "<keyword> <location> [<property>]`");
            String[] expected = first.substring(EXPECT.length()).trim().split(" ");
            String keyword = expected[0];
            String location = expected[1];
            String property = expected.length > 2 ? expected[2] : null;

            Set<ValidationMessage> messages = Schemas.validate(kindOf(file), Schemas.readYaml(file));
            assertFalse(messages.isEmpty(), file.getFileName() + " validates, but should be rejected");
            boolean found = messages.stream().anyMatch(m -> m.getType().equals(keyword)
                    && m.getInstanceLocation().toString().equals(location)
                    && (property == null || property.equals(m.getProperty())));
            assertTrue(found, file.getFileName() + " is rejected, but not with " + String.join(" ", expected)
                    + "; the validator says:\n" + Schemas.describe(messages));
            // Nothing else may be wrong with it: the loader, held to the same verdict by
            // SchemaLoaderAgreementTest, must then be rejecting the file for this mistake too,
            // not for a missing budget the fixture happens to lack.
            List<ValidationMessage> elsewhere = messages.stream()
                    .filter(m -> !m.getInstanceLocation().toString().startsWith(location))
                    // A oneOf above the mistake reports that no alternative fits, and why each does not.
                    .filter(m -> !(location.startsWith(m.getInstanceLocation().toString())
                            && Set.of("oneOf", "anyOf", "type", "enum", "const").contains(m.getType())))
                    .toList();
            assertTrue(elsewhere.isEmpty(), file.getFileName() + " has other mistakes besides the stated one:\n"
                    + Schemas.describe(Set.copyOf(elsewhere)));
        }));
    }

    private static String kindOf(Path fixture) {
        String name = fixture.getFileName().toString();
        String kind = name.split("[-.]", 2)[0];
        if (!Schemas.KINDS.contains(kind)) fail(name + ": a fixture's name starts with one of " + Schemas.KINDS);
        return kind;
    }

    private static List<Path> fixtures(String folder) throws IOException {
        URL url = SchemaFixturesTest.class.getClassLoader().getResource("schema/" + folder);
        assertNotNull(url, "src/test/resources/schema/" + folder + " is missing");
        Path dir;
        try {
            dir = Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> list = files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
            assertFalse(list.isEmpty(), "no fixtures in " + dir);
            return list;
        }
    }
}
