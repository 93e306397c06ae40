package jixiao.schema;

import com.networknt.schema.ValidationMessage;
import jixiao.check.Checker;
import jixiao.content.DirectorySource;
import jixiao.diagnostic.Finding;
import jixiao.diagnostic.Severity;
import jixiao.testing.ContentFixture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The schema an editor sees and the loader that builds the site must agree: every fixture that
 * one rejects, the other rejects too, and every fixture one accepts, the other accepts. Each
 * fixture is put into a small valid tree in the place its kind belongs and checked there.
 */
class SchemaLoaderAgreementTest {

    private static final String PLACE_SITE = "content/site.yaml";
    private static final String PLACE_REPORT = "content/2020/report.yaml";
    private static final String PLACE_UNIT = "content/2020/unit-a/unit.yaml";
    private static final String PLACE_PROJECT = "content/2020/unit-a/case.yaml";

    @TestFactory
    Stream<DynamicTest> schemaAndLoaderAcceptAndRejectTheSameFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> valid = Files.list(ContentFixture.resource("schema/valid"));
             Stream<Path> invalid = Files.list(ContentFixture.resource("schema/invalid"))) {
            files = Stream.concat(valid, invalid).sorted().toList();
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getParent().getFileName() + "/" + file.getFileName(), () -> {
            Set<ValidationMessage> schema = Schemas.validate(kindOf(file), Schemas.readYaml(file));
            List<Finding> loaderErrors = loaderErrors(file);
            assertEquals(!schema.isEmpty(), !loaderErrors.isEmpty(),
                    file.getFileName() + ": schema says " + (schema.isEmpty() ? "valid" : Schemas.describe(schema))
                            + "; loader says " + (loaderErrors.isEmpty() ? "valid" : loaderErrors.stream().map(Finding::toCompilerLine).toList()));
        }));
    }

    /** The fixture's kind: the part of its name before the first - or . ({@code unit-minimal.yaml} is a unit). */
    private static String kindOf(Path fixture) {
        return fixture.getFileName().toString().split("[-.]", 2)[0];
    }

    private static List<Finding> loaderErrors(Path fixture) throws IOException {
        Path tmp = Files.createTempDirectory("agreement");
        try {
            ContentFixture.copy("loader/base", tmp);
            String place = switch (kindOf(fixture)) {
                case "site" -> PLACE_SITE;
                // period must match the year folder, a rule the schema cannot see: put the report where it says it belongs
                case "report" -> Schemas.readYaml(fixture).path("period").canConvertToInt()
                        ? "content/" + Schemas.readYaml(fixture).path("period").asInt() + "/report.yaml" : PLACE_REPORT;
                case "unit" -> PLACE_UNIT;
                default -> PLACE_PROJECT;
            };
            Files.createDirectories(tmp.resolve(place).getParent());
            Files.copy(fixture, tmp.resolve(place), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return Checker.check(new DirectorySource(tmp.resolve("content"))).findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR)
                    .toList();
        } finally {
            try (Stream<Path> walk = Files.walk(tmp)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
