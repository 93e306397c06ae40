package jixiao.check;

import jixiao.content.DirectorySource;
import jixiao.diagnostic.Finding;
import jixiao.testing.ContentFixture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    /** A code in a Finding.error/warning/info call, or in the rules reader's error helper. */
    private static final Pattern REPORTED = Pattern.compile(
            "(?:Finding\\.(?:error|warning|info)|\\berror|\\bwarning)\\(\\s*\"([a-z0-9]+(?:-[a-z0-9]+)+)\"");
    /** A code held in a constant (ContentLoader.READ_FAILED): its name in the call, its value where defined. */
    private static final Pattern CONSTANT_USED = Pattern.compile("Finding\\.(?:error|warning|info)\\(\\s*([A-Z][A-Z_]+)\\b");
    private static final String CONSTANT_DEFINED = "static final String %s = \"([a-z0-9-]+)\";";
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
    void everyFindingCodeIsPinnedByATest() throws IOException {
        Set<String> reported = new TreeSet<>();
        // cli only prints findings (its SARIF rule ids look like codes); every check is below it.
        List<String> sources = texts(Path.of("src/main/java"), ".java", Path.of("src/main/java/jixiao/cli"));
        Set<String> constants = new TreeSet<>();
        for (String source : sources) {
            collect(REPORTED.matcher(source), reported);
            collect(CONSTANT_USED.matcher(source), constants);
        }
        for (String constant : constants) {
            for (String source : sources) collect(Pattern.compile(String.format(CONSTANT_DEFINED, constant)).matcher(source), reported);
        }
        Set<String> pinned = new TreeSet<>();
        for (String text : texts(Path.of("src/test"), "", null)) collect(PRINTED.matcher(text), pinned);

        Set<String> missing = new TreeSet<>(reported);
        missing.removeAll(pinned);
        missing.removeAll(UNREACHABLE.keySet());
        assertEquals(Set.of(), missing, "finding codes without a fixture or an exact-message test");
    }

    private static void collect(Matcher m, Set<String> into) {
        while (m.find()) into.add(m.group(1));
    }

    private static List<String> texts(Path root, String suffix, Path except) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> except == null || !p.startsWith(except))
                    .filter(p -> p.toString().endsWith(suffix))
                    .filter(p -> !p.toString().endsWith(".png") && !p.toString().endsWith(".docx") && !p.toString().endsWith(".xlsx"))
                    .map(FindingCodeFixturesTest::read)
                    .toList();
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
