package jixiao.render;

import jixiao.testing.Builds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pages of the fixture compared byte for byte with src/test/resources/golden/site/. After a
 * deliberate change, rewrite them with {@code mvn test -Dtest=SiteGoldenTest -Djixiao.updateGolden=true}
 * and review the diff.
 */
class SiteGoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden/site");

    @TempDir
    static Path out;

    @BeforeAll
    static void build() {
        Builds.build(Builds.fixtureContent(), out);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "internal/2020/inspection/inspection-fund.html",   // findings at their rows, contact, internal notes
            "public/2020/inspection/inspection-fund.html",     // the same form for the portal
            "public/2020/talent/employment.html",              // 亿元, stated ≠ computed everywhere
            "public/2020/summary.csv",
            "public/2020/datapackage.json",                    // the Table Schema of that summary.csv, licence, publisher
            "public/2021/changes.html",                        // moved and renamed, a private change left out
    })
    void matchesTheGoldenFile(String file) throws IOException {
        byte[] actual = Files.readAllBytes(out.resolve(file));
        Path golden = GOLDEN.resolve(file);
        if (Boolean.getBoolean("jixiao.updateGolden")) {
            Files.createDirectories(golden.getParent());
            Files.write(golden, actual);
        }
        byte[] expected = Files.readAllBytes(golden);
        if (file.endsWith(".html")) assertEquals(new String(expected, "UTF-8"), new String(actual, "UTF-8"), file);
        else assertArrayEquals(expected, actual, file);
    }
}
