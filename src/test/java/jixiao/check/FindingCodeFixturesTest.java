package jixiao.check;

import jixiao.content.DirectorySource;
import jixiao.diagnostic.Finding;
import jixiao.testing.ContentFixture;
import jixiao.testing.FindingCodes;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Finding codes whose fixture is a whole content tree ({@code findings/trees/<code>/content}, with
 * the expected compiler lines in {@code findings/trees/<code>/expected}): the ones a single project
 * file cannot show (a report's date, a file's extension, a unit file's YAML). And the guard that
 * every code the code base reports is pinned by a test, so that a new code cannot ship untested.
 */
class FindingCodeFixturesTest {

    /** How a finding prints: {@code error[code]}. */
    private static final Pattern PRINTED = Pattern.compile("(?:error|warning|info)\\[([a-z0-9-]+)]");

    /** Codes no test input can produce, and why. */
    private static final Map<String, String> UNREACHABLE = Map.of(
            "narrative-too-complex", "commonmark 0.30.0 no longer overflows the stack on any input tried (nested emphasis,"
                    + " brackets, block quotes, 200,000-attribute tags, long e-mail autolinks); the guard stays for a regression");

    @TestFactory
    Stream<DynamicTest> eachTreeReportsItsCodeAtItsPlace() throws IOException {
        List<Path> trees;
        try (Stream<Path> dirs = Files.list(ContentFixture.resource("findings/trees"))) {
            trees = dirs.sorted().toList();
        }
        return trees.stream().map(tree -> DynamicTest.dynamicTest(tree.getFileName().toString(), () -> {
            String code = tree.getFileName().toString();
            List<String> expected = Files.readAllLines(tree.resolve("expected"), StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank()).toList();
            List<String> actual = Checker.check(new DirectorySource(tree.resolve("content"))).findings().stream()
                    .filter(f -> f.code().equals(code))
                    .sorted(Finding.ORDER)
                    .map(Finding::toCompilerLine)
                    .toList();
            assertEquals(expected, actual, tree.toString());
        }));
    }

    /**
     * Every code found in the main sources appears, printed as {@code error[code]}, in a test's
     * fixture or exact-message assertion. The fixtures are under src/test/resources; some older
     * codes are still pinned by inline content in their package's tests.
     */
    @Test
    void everyFindingCodeIsPinnedByATest() {
        Set<String> reported = FindingCodes.reported();
        Set<String> pinned = new TreeSet<>();
        for (String text : FindingCodes.texts(Path.of("src/test"), "", null)) collect(PRINTED.matcher(text), pinned);

        Set<String> missing = new TreeSet<>(reported);
        missing.removeAll(pinned);
        missing.removeAll(UNREACHABLE.keySet());
        assertEquals(Set.of(), missing, "finding codes without a fixture or an exact-message test");
    }

    private static void collect(Matcher m, Set<String> into) {
        while (m.find()) into.add(m.group(1));
    }
}
