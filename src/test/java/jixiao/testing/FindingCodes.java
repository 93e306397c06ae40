package jixiao.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The finding codes the main sources report, found by reading them: a code in a
 * {@code Finding.error/warning/info} call, in the rules reader's {@code error(…)} helper, in a
 * {@code severity.make(…)} call whose severity is chosen at run time, or in a constant passed to
 * {@code Finding.error(READ_FAILED, …)}. With each code, the severities written at its calls
 * (none for a code reported only through {@code make} or a helper that is not named for one).
 */
public final class FindingCodes {

    /** A code in a Finding.error/warning/info call, the rules reader's error helper, or a factory's make. */
    private static final Pattern REPORTED = Pattern.compile(
            "(?:Finding\\.(error|warning|info)|\\b(error|warning)|\\.make)\\(\\s*\"([a-z0-9]+(?:-[a-z0-9]+)+)\"");
    /** A code held in a constant (ContentLoader.READ_FAILED): its name in the call, its value where defined. */
    private static final Pattern CONSTANT_USED = Pattern.compile("Finding\\.(error|warning|info)\\(\\s*([A-Z][A-Z_]+)\\b");
    private static final String CONSTANT_DEFINED = "static final String %s = \"([a-z0-9-]+)\";";

    private static final Path MAIN = Path.of("src/main/java");
    /** cli only prints findings (its SARIF rule ids look like codes); every check is below it. */
    private static final Path CLI = MAIN.resolve("jixiao/cli");

    private FindingCodes() {
    }

    /** Every code the checks can report, with the severities its calls name (sorted by code). */
    public static Map<String, Set<String>> reportedWithSeverities() {
        List<String> sources = texts(MAIN, ".java", CLI);
        Map<String, Set<String>> reported = new TreeMap<>();
        Map<String, Set<String>> constants = new TreeMap<>();
        for (String source : sources) {
            Matcher m = REPORTED.matcher(source);
            while (m.find()) {
                Set<String> severities = reported.computeIfAbsent(m.group(3), k -> new TreeSet<>());
                String severity = m.group(1) != null ? m.group(1) : m.group(2);
                if (severity != null) severities.add(severity);
            }
            Matcher c = CONSTANT_USED.matcher(source);
            while (c.find()) constants.computeIfAbsent(c.group(2), k -> new TreeSet<>()).add(c.group(1));
        }
        for (Map.Entry<String, Set<String>> constant : constants.entrySet()) {
            Pattern defined = Pattern.compile(String.format(CONSTANT_DEFINED, constant.getKey()));
            for (String source : sources) {
                Matcher m = defined.matcher(source);
                while (m.find()) reported.computeIfAbsent(m.group(1), k -> new TreeSet<>()).addAll(constant.getValue());
            }
        }
        return reported;
    }

    public static Set<String> reported() {
        return new TreeSet<>(reportedWithSeverities().keySet());
    }

    /** The text of every file under root whose name ends with suffix, except those under except and binary files. */
    public static List<String> texts(Path root, String suffix, Path except) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> except == null || !p.startsWith(except))
                    .filter(p -> p.toString().endsWith(suffix))
                    .filter(p -> !p.toString().endsWith(".png") && !p.toString().endsWith(".docx") && !p.toString().endsWith(".xlsx"))
                    .sorted()
                    .map(FindingCodes::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
