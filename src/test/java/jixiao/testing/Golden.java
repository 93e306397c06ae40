package jixiao.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Golden files under src/test/resources/golden. Run the tests with {@code -Djixiao.updateGolden=true}
 * to rewrite them after an intended change, then review the diff in git.
 */
public final class Golden {

    private static final Path ROOT = Path.of("src/test/resources/golden");

    private Golden() {
    }

    public static void assertMatches(String name, String actual) {
        Path file = ROOT.resolve(name);
        try {
            if (Boolean.getBoolean("jixiao.updateGolden") || !Files.exists(file)) {
                if (!Boolean.getBoolean("jixiao.updateGolden")) {
                    throw new AssertionError("golden file " + file + " is missing; run with -Djixiao.updateGolden=true to create it");
                }
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "output differs from " + file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
