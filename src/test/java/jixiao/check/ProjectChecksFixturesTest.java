package jixiao.check;

import jixiao.content.DirectorySource;
import jixiao.content.Project;
import jixiao.diagnostic.Finding;
import jixiao.testing.ContentFixture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One project file per finding code, {@code findings/<code>.yaml} (with its narrative {@code <code>.md}, if
 * there is one), checked as the only project of a content tree under cn-2020; {@code findings/<code>.expected}
 * holds every finding of that code, as compiler lines with exact position and message. {@code clean.yaml}
 * gives no finding at all.
 */
class ProjectChecksFixturesTest {

    private static final String FILE = "content/2020/unit-a/case.yaml";

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> eachFindingCodeIsReportedAtItsValueWithItsMessage() throws IOException {
        List<Path> fixtures;
        try (Stream<Path> files = Files.list(ContentFixture.resource("findings"))) {
            fixtures = files.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !p.getFileName().toString().equals("clean.yaml"))
                    .sorted().toList();
        }
        assertTrue(fixtures.size() >= 27, "a fixture per finding code");
        return fixtures.stream().map(fixture -> {
            String code = fixture.getFileName().toString().replace(".yaml", "");
            return DynamicTest.dynamicTest(code, () -> {
                Path expectedFile = fixture.resolveSibling(code + ".expected");
                List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8).stream()
                        .filter(l -> !l.isBlank()).toList();
                List<String> actual = check(fixture, tmp.resolve(code)).stream()
                        .filter(f -> f.code().equals(code))
                        .map(Finding::toCompilerLine)
                        .toList();
                assertEquals(expected, actual, fixture.toString());
            });
        });
    }

    @Test
    void aConsistentFormGivesNoFinding() throws IOException {
        assertEquals(List.of(), check(ContentFixture.resource("findings/clean.yaml"), tmp).stream()
                .map(Finding::toCompilerLine).toList());
    }

    @Test
    void aFinalFormWithNothingFilledInHasNoTotalAndSaysWhy() throws IOException {
        List<Finding> findings = check(ContentFixture.resource("findings/blank/blank-final.yaml"), tmp.resolve("final"));
        Finding total = findings.stream().filter(f -> f.code().equals("total-not-computable")).findFirst().orElseThrow();
        assertEquals(jixiao.diagnostic.Severity.WARNING, total.severity(), total.toCompilerLine());
        assertTrue(total.message().contains(jixiao.score.ProjectScore.NOTHING_SCORED), total.message());
        assertTrue(total.message().contains("请填写各项指标的实际完成值和自评得分"), total.message());

        // A draft as `new year` copies it is expected to be blank: said, but only as info.
        Finding draft = check(ContentFixture.resource("findings/blank/blank-draft.yaml"), tmp.resolve("draft")).stream()
                .filter(f -> f.code().equals("total-not-computable")).findFirst().orElseThrow();
        assertEquals(jixiao.diagnostic.Severity.INFO, draft.severity(), draft.toCompilerLine());
    }

    /** Checks the fixture as the only project of a minimal content tree: every finding, in report order. */
    static List<Finding> check(Path fixture, Path dir) throws IOException {
        Path content = dir.resolve("content");
        Files.createDirectories(content.resolve("2020/unit-a"));
        Files.writeString(content.resolve("site.yaml"), "title: 测试\nrules: cn-2020\n");
        Files.writeString(content.resolve("2020/report.yaml"), "title: 2020年度绩效自评报告\nperiod: 2020\n");
        Files.writeString(content.resolve("2020/unit-a/unit.yaml"), "name: 测试单位\n");
        Files.copy(fixture, content.resolve("2020/unit-a/case.yaml"));
        Path narrative = fixture.resolveSibling(fixture.getFileName().toString().replace(".yaml", ".md"));
        if (Files.exists(narrative)) Files.copy(narrative, content.resolve("2020/unit-a/case.md"));
        CheckResult result = Checker.check(new DirectorySource(content));
        Project project = result.content().years().get(0).projects().findFirst().orElseThrow();
        assertEquals(FILE, project.file());
        List<Finding> findings = new ArrayList<>(result.findings());
        findings.sort(Finding.ORDER);
        return findings;
    }
}
