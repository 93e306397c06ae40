package jixiao.check;

import jixiao.content.ContentLoader;
import jixiao.content.DirectorySource;
import jixiao.diagnostic.Finding;
import jixiao.testing.ContentFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loading and checking on all cores give exactly what they give on one thread: the same records,
 * source positions, scores and findings in the same order. Run on the real content and on a tree
 * made from it with many units, narratives with references, and files that are reported.
 */
class ParallelCheckTest {

    @TempDir
    static Path tmp;

    private static Path generated;

    /**
     * The real content, plus a 2021 with six units that each hold a copy of every 2020 form
     * (renamed, some with narratives that reference other projects), a project id used in two
     * units, a file that is not YAML, and a narrative without its form.
     */
    @BeforeAll
    static void generate() throws IOException {
        generated = tmp.resolve("content");
        ContentFixture.copyTree(Path.of("content"), generated);
        Path y2020 = generated.resolve("2020");
        List<Path> forms;
        try (Stream<Path> walk = Files.walk(y2020)) {
            forms = walk.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().equals("unit.yaml")
                    && !p.getFileName().toString().equals("report.yaml")).sorted().toList();
        }
        Path y2021 = Files.createDirectories(generated.resolve("2021"));
        Files.writeString(y2021.resolve("report.yaml"), "title: 2021年度报告\nperiod: 2021\n");
        Files.writeString(y2021.resolve("report.md"), "全年 {{ report.executed }}，单位 {{ unit.executed }}，{{ p0-u1.grade }} {{ broken\n");
        for (int u = 0; u < 6; u++) {
            Path unit = Files.createDirectories(y2021.resolve("u" + u));
            Files.writeString(unit.resolve("unit.yaml"), "name: 单位" + u + "\n" + (u % 2 == 0 ? "order: " + (6 - u) + "\n" : ""));
            Files.writeString(unit.resolve("unit.md"), "本单位 {{ unit.projects }} 个项目，{{ unit.nope }}。\n");
            for (int i = 0; i < forms.size(); i++) {
                String id = "p" + i + "-u" + u;
                Files.copy(forms.get(i), unit.resolve(id + ".yaml"));
                if (i % 3 == 0) {
                    Files.writeString(unit.resolve(id + ".md"), "见 {{ " + id + ".executed }} 与 {{ p" + (i + 1) + "-u" + ((u + 1) % 6)
                            + ".score }}，`{{ code }}`，{{ missing.grade }}\n");
                }
            }
        }
        Files.copy(forms.get(0), y2021.resolve("u1/same-id.yaml"));
        Files.copy(forms.get(1), y2021.resolve("u4/same-id.yaml"));
        Files.writeString(y2021.resolve("u2/not-yaml.yaml"), "name: [unclosed\n");
        Files.writeString(y2021.resolve("u3/orphan.md"), "没有对应的项目。\n");
    }

    @Test
    void loadingTheRealContentInParallelGivesTheSequentialResult() throws IOException {
        assertSameLoad(Path.of("content"));
    }

    @Test
    void loadingAGeneratedTreeInParallelGivesTheSequentialResult() throws IOException {
        assertSameLoad(generated);
    }

    @Test
    void checkingTheRealContentInParallelGivesTheSequentialResult() throws IOException {
        assertSameCheck(Path.of("content"));
    }

    @Test
    void checkingAGeneratedTreeInParallelGivesTheSequentialResult() throws IOException {
        CheckResult sequential = assertSameCheck(generated);
        assertTrue(sequential.content().years().get(1).projects().count() > 100, "the tree is large enough to be split");
        List<String> codes = sequential.findings().stream().map(Finding::code).distinct().toList();
        for (String code : List.of("unknown-reference", "malformed-reference", "duplicate-project-id", "yaml-syntax", "unexpected-file")) {
            assertTrue(codes.contains(code), "the tree exercises " + code + ": " + codes);
        }
    }

    private static void assertSameLoad(Path content) throws IOException {
        ContentLoader.Result sequential = ContentLoader.load(new DirectorySource(content), false);
        for (int run = 0; run < 3; run++) {
            ContentLoader.Result parallel = ContentLoader.load(new DirectorySource(content), true);
            assertEquals(sequential.content(), parallel.content());
            assertEquals(sequential.findings(), parallel.findings());
        }
    }

    private static CheckResult assertSameCheck(Path content) throws IOException {
        CheckResult sequential = Checker.check(new DirectorySource(content), false);
        for (int run = 0; run < 3; run++) {
            CheckResult parallel = Checker.check(new DirectorySource(content), true);
            assertEquals(sequential.content(), parallel.content());
            assertEquals(sequential.scores(), parallel.scores());
            assertEquals(lines(sequential), lines(parallel));
        }
        return sequential;
    }

    private static List<String> lines(CheckResult result) {
        return result.findings().stream().map(Finding::toCompilerLine).toList();
    }
}
