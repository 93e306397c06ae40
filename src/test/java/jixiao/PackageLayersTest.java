package jixiao;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The pipeline of ARCHITECTURE.md, held: each package imports only the packages this table lets it,
 * so that an import running back up the pipeline (check importing render, as it once did) fails here
 * with the file named. A new package must be added to the table, with what it may use.
 */
class PackageLayersTest {

    private static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            entry("diagnostic", Set.of()),
            entry("parallel", Set.of()),
            entry("output", Set.of()),
            entry("narrative", Set.of("diagnostic")),
            entry("content", Set.of("diagnostic", "parallel")),
            entry("score", Set.of("content", "diagnostic")),
            entry("claims", Set.of("content", "diagnostic")),
            entry("check", Set.of("claims", "content", "diagnostic", "narrative", "parallel", "score")),
            entry("compare", Set.of("content", "diagnostic", "narrative", "parallel", "score")),
            entry("site", Set.of("check", "compare", "content", "diagnostic", "narrative", "parallel", "score")),
            entry("render", Set.of("compare", "content", "diagnostic", "narrative", "parallel", "score", "site")),
            entry("importer", Set.of("content", "diagnostic", "score")),
            entry("format", Set.of("check", "compare", "content", "diagnostic", "parallel", "score")),
            entry("build", Set.of("check", "compare", "content", "diagnostic", "output", "parallel", "render", "score", "site")),
            entry("serve", Set.of("build", "check", "compare", "content", "diagnostic", "output", "parallel", "render", "score", "site")),
            entry("cli", Set.of("build", "check", "claims", "compare", "content", "diagnostic", "format", "importer", "narrative",
                    "output", "parallel", "render", "score", "serve", "site")));

    private static final Path SOURCES = Path.of("src/main/java/jixiao");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?jixiao\\.([a-z]+)\\.", Pattern.MULTILINE);

    @Test
    void everyPackageImportsOnlyTheStagesBeforeIt() throws IOException {
        List<Path> packages;
        try (Stream<Path> list = Files.list(SOURCES)) {
            packages = list.filter(Files::isDirectory).sorted().toList();
        }
        Set<String> unknown = new TreeSet<>();
        Set<String> violations = new TreeSet<>();
        for (Path dir : packages) {
            String name = dir.getFileName().toString();
            Set<String> allowed = MAY_USE.get(name);
            if (allowed == null) {
                unknown.add(name);
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = IMPORT.matcher(Files.readString(file));
                    while (m.find()) {
                        String used = m.group(1);
                        if (!used.equals(name) && !allowed.contains(used)) violations.add(file + " imports jixiao." + used);
                    }
                }
            }
        }
        assertEquals(Set.of(), unknown, "packages missing from this table (and from ARCHITECTURE.md)");
        assertEquals(Set.of(), violations, "imports that run against the pipeline of ARCHITECTURE.md");
    }
}
