package jixiao.cli;

import jixiao.content.ContentLoader;
import jixiao.content.DirectorySource;
import jixiao.content.Goal;
import jixiao.content.Indicator;
import jixiao.content.Project;
import jixiao.content.Status;
import jixiao.content.Unit;
import jixiao.content.Year;
import jixiao.diagnostic.Finding;
import jixiao.diagnostic.Severity;
import jixiao.score.RulesProfile;
import jixiao.score.Scorer;
import jixiao.testing.ContentFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NewCommandTest {

    @TempDir
    Path tmp;

    private String out = "";
    private String err = "";

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("new"));
        all.addAll(Arrays.asList(args));
        all.add("--content");
        all.add(tmp.resolve("content").toString());
        int code = Main.run(all, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private Path content() {
        return tmp.resolve("content");
    }

    /** As in a repository set up by the README: the schemas beside the content folder. */
    @org.junit.jupiter.api.BeforeEach
    void schemasBesideTheContent() {
        assertEquals(0, Cli.run(List.of("schema", "--out", tmp.resolve("schema").toString()),
                new Terminal(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()), tmp)));
    }

    /** The real 2020 report, copied so the test may add to it. */
    private void copyRealContent() {
        ContentFixture.copyTree(Path.of("content"), content());
    }

    private ContentLoader.Result load() throws IOException {
        return ContentLoader.load(new DirectorySource(content()));
    }

    /** Every file below the content folder with its bytes, to show that a refused command changed nothing. */
    private Map<String, String> snapshot() {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(content())) return files;
        try (Stream<Path> walk = Files.walk(content())) {
            for (Path p : walk.toList()) {
                String key = content().relativize(p).toString();
                files.put(key, Files.isDirectory(p) ? "<dir>" : Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private String read(String relative) throws IOException {
        return Files.readString(content().resolve(relative));
    }

    // ---------------------------------------------------------------- skeletons

    @Test
    void projectSkeletonInAnEmptyFolderLoadsWithoutAnyFinding() throws IOException {
        assertEquals(0, run("project", "2021/labor/employment-fund", "--name", "就业专项资金", "--unit-name", "劳动处"), err);

        ContentLoader.Result result = load();
        assertEquals(List.of(), result.findings());
        Project p = result.content().year(2021).orElseThrow().projects().findFirst().orElseThrow();
        assertEquals("employment-fund", p.id());
        assertEquals("就业专项资金", p.name());
        assertEquals(Status.DRAFT, p.status(), "a new project never reaches the public edition unfinished");
        assertEquals("劳动处", result.content().year(2021).orElseThrow().units().get(0).name());
        assertEquals("""
                已创建 content/2021/labor/employment-fund.yaml
                已创建 content/2021/labor/unit.yaml
                已创建 content/2021/report.yaml
                已创建 content/site.yaml
                新项目为草稿（status: "draft"），只出现在内部版：填写完成并核对后改为 final。
                """, out);
    }

    @Test
    void everyCreatedFileStartsWithItsSchemaRelativeToTheRepositoryRoot() throws IOException {
        run("project", "2021/labor/employment-fund");
        assertEquals("# yaml-language-server: $schema=../../../schema/project.schema.json", read("2021/labor/employment-fund.yaml").lines().findFirst().orElseThrow());
        assertEquals("# yaml-language-server: $schema=../../../schema/unit.schema.json", read("2021/labor/unit.yaml").lines().findFirst().orElseThrow());
        assertEquals("# yaml-language-server: $schema=../../schema/report.schema.json", read("2021/report.yaml").lines().findFirst().orElseThrow());
        assertEquals("# yaml-language-server: $schema=../schema/site.schema.json", read("site.yaml").lines().findFirst().orElseThrow());
    }

    @Test
    void schemaLinesFindTheSchemaFolderAboveANestedContentFolder() throws IOException {
        // The case: content kept in docs/content, schemas at the repository root.
        Files.createDirectories(tmp.resolve(".git"));
        Path nested = tmp.resolve("docs/content");
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        int code = Main.run(List.of("new", "project", "2021/labor/employment-fund", "--content", nested.toString()),
                new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(0, code);
        Path file = nested.resolve("2021/labor/employment-fund.yaml");
        String line = Files.readAllLines(file).get(0);
        assertEquals("# yaml-language-server: $schema=../../../../schema/project.schema.json", line);
        assertTrue(Files.isRegularFile(file.getParent().resolve(line.substring(line.indexOf('=') + 1))), "the schema line resolves");
        assertFalse(o.toString(StandardCharsets.UTF_8).contains("没有找到 schema 文件夹"));
    }

    @Test
    void withoutASchemaFolderNoSchemaLineIsWrittenAndTheEditorIsToldHowToGetOne() throws IOException {
        try (Stream<Path> schemas = Files.list(tmp.resolve("schema"))) {
            for (Path f : schemas.toList()) Files.delete(f);
        }
        Files.delete(tmp.resolve("schema"));
        Files.createDirectories(tmp.resolve(".git"));
        assertEquals(0, run("project", "2021/labor/employment-fund"));
        assertFalse(read("2021/labor/employment-fund.yaml").contains("yaml-language-server"), "no line to a schema that is not there");
        assertTrue(out.endsWith("注意：没有找到 schema 文件夹，新文件没有写 yaml-language-server 注释行。运行 jixiao schema --out "
                + tmp.resolve("schema") + " --content " + content() + " 生成 schema 和 VS Code 的设置后，编辑器即可按格式检查这些文件。\n"), out);
    }

    @Test
    void projectSkeletonShowsEveryKeyOfTheFormatWithAChineseComment() throws IOException {
        run("project", "2021/labor/employment-fund");
        String text = read("2021/labor/employment-fund.yaml");
        for (String key : List.of("name", "implementing_unit", "filing_department", "order", "money_unit", "status",
                "budget", "planned", "received", "executed", "total", "fiscal", "other", "goals", "expected", "achieved",
                "indicators", "output", "quantity", "quality", "timeliness", "cost", "effect", "economic", "social",
                "ecological", "sustainability", "satisfaction", "definition", "target", "actual", "weight", "score",
                "judgement", "deviation", "stated", "execution_rate", "completion", "execution_score", "execution_row",
                "grade", "problems", "contact", "phone", "internal")) {
            assertTrue(text.matches("(?s).*[\\n #{-]" + key + ":.*"), "skeleton lacks " + key);
        }
        assertTrue(text.contains("# 项目名称（必填）。"));
    }

    @Test
    void projectSkeletonWithoutANameAsksForOne() throws IOException {
        run("project", "2021/labor/employment-fund");
        assertEquals("请填写项目名称", load().content().year(2021).orElseThrow().projects().findFirst().orElseThrow().name());
    }

    @Test
    void namesAreQuotedSoThatAnyTextRoundTrips() throws IOException {
        String name = "a \"b\" \\c # d: e, yes 03155776425 ‘’ 𠀀";
        assertEquals(0, run("project", "2021/labor/x", "--name", name));
        ContentLoader.Result result = load();
        assertEquals(List.of(), result.findings());
        assertEquals(name, result.content().year(2021).orElseThrow().projects().findFirst().orElseThrow().name());
    }

    @Test
    void unitInAnExistingSiteTakesTheReportTitleAndDepartmentFromTheYearBefore() throws IOException {
        copyRealContent();
        assertEquals(0, run("unit", "2021/pension", "--name", "养老保险科"), err);

        assertEquals("""
                已创建 content/2021/pension/unit.yaml
                已创建 content/2021/report.yaml
                """, out, "site.yaml exists and is left alone");
        ContentLoader.Result result = load();
        assertEquals(List.of(), result.findings().stream().filter(f -> f.position().file().startsWith("content/2021/")).toList());
        Year y = result.content().year(2021).orElseThrow();
        assertEquals("人社局2021年度财政专项资金绩效自评报告", y.report().title());
        assertEquals("高新区人社局", y.report().department());
        assertEquals("养老保险科", y.units().get(0).name());
    }

    @Test
    void projectInAnExistingUnitWritesOnlyTheProject() throws IOException {
        copyRealContent();
        assertEquals(0, run("project", "2020/labor/pension-top-up", "--name", "养老金补差"), err);
        assertEquals("已创建 content/2020/labor/pension-top-up.yaml\n", out.lines().findFirst().orElseThrow() + "\n");
        assertEquals(1, out.lines().filter(l -> l.startsWith("已创建")).count());
        assertFalse(load().hasErrors());
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void existingProjectFileIsNeverOverwrittenAndNothingElseIsWritten() throws IOException {
        Files.createDirectories(content().resolve("2021/labor"));
        Files.writeString(content().resolve("2021/labor/employment-fund.yaml"), "name: 编辑写的内容\n");
        Map<String, String> before = snapshot();

        assertEquals(ExitCode.FINDINGS, run("project", "2021/labor/employment-fund"));

        assertEquals(before, snapshot(), "neither site.yaml, report.yaml nor unit.yaml was written");
        assertEquals("content/2021/labor/employment-fund.yaml 已存在：jixiao new 从不覆盖已有文件。\n未写入任何文件。\n", err);
        assertEquals("", out);
    }

    @Test
    void existingUnitYamlIsNeverOverwritten() throws IOException {
        copyRealContent();
        Map<String, String> before = snapshot();
        assertEquals(ExitCode.FINDINGS, run("unit", "2020/labor", "--name", "新名称"));
        assertEquals(before, snapshot());
        assertTrue(err.startsWith("content/2020/labor/unit.yaml 已存在"), err);
    }

    @Test
    void projectIdUsedByAnotherUnitOfTheYearIsRefusedNamingTheFile() throws IOException {
        copyRealContent();
        Map<String, String> before = snapshot();
        assertEquals(ExitCode.FINDINGS, run("project", "2020/labor/yulu-plan"));
        assertEquals(before, snapshot());
        assertEquals("项目编号“yulu-plan”在 2020 年度已被 content/2020/talent-exchange/yulu-plan.yaml 使用：同一年度内项目编号必须唯一，请换一个编号。\n未写入任何文件。\n", err);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021/Labor/fund", "2021/labor/Fund", "2021/labor/fund_a", "2021/-labor/fund", "2021/labor/-fund",
            "2021/labor/site", "2021/labor/unit", "2021/labor/report", "21/labor/fund", "2021/labor", "2021/labor/fund/x",
            "2021/labor/../fund", "2021/labor/" + "a123456789a123456789a123456789a123456789a123456789a123456789abcde"})
    void malformedOrReservedProjectPathsAreUsageErrors(String target) {
        assertEquals(ExitCode.USAGE, run("project", target));
        assertFalse(Files.exists(content()), "nothing was written");
        assertTrue(err.startsWith("jixiao new project: ") && err.endsWith("。用 jixiao new project --help 查看用法。\n"), err);
    }

    @Test
    void reservedIdMessageSaysWhy() {
        run("project", "2021/labor/report");
        assertEquals("jixiao new project: “report”是保留名称，不能用作项目编号：请换一个编号。用 jixiao new project --help 查看用法。\n", err);
    }

    @Test
    void commandLineMistakesAreUsageErrors() {
        assertEquals(ExitCode.USAGE, run());
        assertEquals(ExitCode.USAGE, run("page", "2021/x"));
        assertEquals(ExitCode.USAGE, run("year", "2021"));
        assertEquals(ExitCode.USAGE, run("year", "2021", "--from", "2021"));
        assertEquals(ExitCode.USAGE, run("unit", "2021/labor", "--from", "2020"));
        assertEquals(ExitCode.USAGE, run("unit", "2021/labor", "--colour", "red"));
        assertEquals(ExitCode.USAGE, run("unit", "2021/labor", "--name", "两行\n名称"));
        assertEquals(ExitCode.USAGE, run("unit", "2021/labor", "--name"));
        assertFalse(Files.exists(content()));
    }

    // ---------------------------------------------------------------- new year

    @Test
    void newYearCopiesEveryProjectAsADraftThatLoadsWithoutFindings() throws IOException {
        copyRealContent();
        assertEquals(0, run("year", "2021", "--from", "2020"), err);
        assertTrue(out.endsWith("已从 2020 年度复制 6 个单位、22 个项目到 2021 年度；上一年度的说明（.md）没有复制。\n"), out);

        ContentLoader.Result result = load();
        assertEquals(List.of(), result.findings().stream().filter(f -> f.position().file().startsWith("content/2021/")).toList());
        assertFalse(result.hasErrors());
        Year y = result.content().year(2021).orElseThrow();
        assertEquals(22, y.projects().count());
        assertTrue(y.projects().allMatch(Project::isDraft));
        try (Stream<Path> walk = Files.walk(content().resolve("2021"))) {
            assertEquals(List.of(), walk.filter(p -> p.toString().endsWith(".md")).toList(), "narratives are written per year");
        }
    }

    @Test
    void newYearKeepsWhatWasPlannedAndClearsWhatHappened() throws IOException {
        copyRealContent();
        run("year", "2021", "--from", "2020");
        ContentLoader.Result result = load();
        Year before = result.content().year(2020).orElseThrow();
        Year after = result.content().year(2021).orElseThrow();

        assertEquals("人社局2021年度财政专项资金绩效自评报告", after.report().title());
        assertEquals(before.report().department(), after.report().department());
        assertEquals(2021, after.report().period());
        assertNull(after.report().published());
        assertNull(after.report().narrative());

        assertEquals(before.units().stream().map(u -> u.id() + " " + u.name() + " " + u.order()).toList(),
                after.units().stream().map(u -> u.id() + " " + u.name() + " " + u.order()).toList());
        assertTrue(after.units().stream().allMatch(u -> u.narrative() == null));

        for (Unit unit : before.units()) {
            for (Project old : unit.projects()) {
                Project p = after.units().stream().filter(u -> u.id().equals(unit.id())).findFirst().orElseThrow()
                        .projects().stream().filter(q -> q.id().equals(old.id())).findFirst().orElseThrow();
                String what = p.file();
                // kept
                assertEquals(old.name(), p.name(), what);
                assertEquals(old.implementingUnit(), p.implementingUnit(), what);
                assertEquals(old.filingDepartment(), p.filingDepartment(), what);
                assertEquals(old.order(), p.order(), what);
                assertEquals(old.moneyUnit(), p.moneyUnit(), what);
                assertEquals(old.budget().planned(), p.budget().planned(), what);
                assertEquals(old.goals().stream().map(Goal::expected).toList(), p.goals().stream().map(Goal::expected).toList(), what);
                assertEquals(old.indicators().size(), p.indicators().size(), what);
                for (int i = 0; i < old.indicators().size(); i++) {
                    Indicator o = old.indicators().get(i);
                    Indicator n = p.indicators().get(i);
                    assertEquals(List.of(o.level1(), o.level2(), o.name(), String.valueOf(o.definition()), String.valueOf(o.target()), String.valueOf(o.weight()), o.path()),
                            List.of(n.level1(), n.level2(), n.name(), String.valueOf(n.definition()), String.valueOf(n.target()), String.valueOf(n.weight()), n.path()), what);
                    // cleared
                    assertEquals("", n.actual(), what);
                    assertEquals("", n.score(), what);
                    assertEquals("", n.deviation(), what);
                    assertNull(n.judgement(), what);
                }
                assertEquals(old.contact(), p.contact(), what);
                // cleared
                assertEquals(BigDecimal.ZERO, p.budget().received().total(), what);
                assertEquals(BigDecimal.ZERO, p.budget().executed().total(), what);
                assertTrue(p.goals().stream().allMatch(g -> g.achieved().isEmpty()), what);
                assertEquals(Arrays.asList("", "", "", "", ""), Arrays.asList(p.stated().executionRate(), p.stated().completion(),
                        p.stated().executionScore(), p.stated().total(), p.stated().grade()), what);
                if (old.stated().executionRow() != null) {
                    assertEquals(old.stated().executionRow().name(), p.stated().executionRow().name(), what);
                    assertEquals(old.stated().executionRow().target(), p.stated().executionRow().target(), what);
                    assertEquals("", p.stated().executionRow().actual(), what);
                }
                // dropped
                assertNull(p.problems(), what);
                assertNull(p.internal(), what);
                assertNull(p.narrative(), what);
                assertEquals(Status.DRAFT, p.status(), what);
            }
        }
    }

    @Test
    void newYearCopyScoresAsBlankRatherThanAsStaleFigures() throws IOException {
        copyRealContent();
        run("year", "2021", "--from", "2020");
        ContentLoader.Result result = load();
        List<Finding> problems = new ArrayList<>();
        Scorer scorer = new Scorer(RulesProfile.resolve(result.content().site().rules(), problems::add));
        result.content().year(2021).orElseThrow().projects().forEach(p -> {
            var score = scorer.score(p);
            assertNull(score.statedTotal(), p.file());
            assertNull(score.statedExecutionRate(), p.file());
            assertNull(score.statedExecutionScore(), p.file());
            assertNull(score.statedRowActual(), p.file());
            assertNull(score.statedGrade(), p.file());
            assertEquals(0, score.executionRatio().signum(), "nothing executed yet: " + p.file());
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void newYearTwiceIsRefusedTheSecondTimeAndChangesNothing() throws IOException {
        copyRealContent();
        assertEquals(0, run("year", "2021", "--from", "2020"));
        Files.writeString(content().resolve("2021/labor/land-acquired-farmers-security.yaml"), "# edited\n", java.nio.file.StandardOpenOption.APPEND);
        Map<String, String> before = snapshot();

        assertEquals(ExitCode.FINDINGS, run("year", "2021", "--from", "2020"));

        assertEquals(before, snapshot());
        assertTrue(err.startsWith("""
                content/2021/labor-inspection/labor-inspection-fund.yaml 已存在：jixiao new 从不覆盖已有文件。
                content/2021/labor-inspection/unit.yaml 已存在：jixiao new 从不覆盖已有文件。
                content/2021/labor/land-acquired-farmers-security.yaml 已存在：jixiao new 从不覆盖已有文件。
                """), err);
        assertTrue(err.contains("content/2021/report.yaml 已存在"), err);
        assertEquals(30, err.lines().count(), "22 projects, 6 units, the report, and the closing line");
        assertTrue(err.endsWith("未写入任何文件。\n"), err);
    }

    @Test
    void newYearRefusesWhenAProjectIdIsTakenInAnotherUnitOfTheNewYear() throws IOException {
        copyRealContent();
        assertEquals(0, run("project", "2021/labor/yulu-plan"));
        Map<String, String> before = snapshot();
        assertEquals(ExitCode.FINDINGS, run("year", "2021", "--from", "2020"));
        assertEquals(before, snapshot());
        assertTrue(err.contains("项目编号“yulu-plan”在 2021 年度已被 content/2021/labor/yulu-plan.yaml 使用"), err);
    }

    @Test
    void newYearRefusesToCopyAYearWithErrors() throws IOException {
        copyRealContent();
        Files.writeString(content().resolve("2020/labor/land-acquired-farmers-security.yaml"), "name: [\n");
        Map<String, String> before = snapshot();
        assertEquals(ExitCode.FINDINGS, run("year", "2021", "--from", "2020"));
        assertEquals(before, snapshot());
        assertTrue(err.startsWith("content/2020/labor/land-acquired-farmers-security.yaml:"), err);
        assertTrue(err.endsWith("2020 年度的内容有错误（见上），请先修正再创建 2021 年度。未写入任何文件。\n"), err);
    }

    @Test
    void newYearFromAMissingYearIsRefused() {
        copyRealContent();
        assertEquals(ExitCode.FINDINGS, run("year", "2021", "--from", "2019"));
        assertEquals("content/2019 不存在：没有可复制的 2019 年度。\n", err);
    }

    @Test
    void newYearFromAnEmptyYearFolderIsRefused() throws IOException {
        Files.createDirectories(content().resolve("2020"));
        assertEquals(ExitCode.FINDINGS, run("year", "2021", "--from", "2020"));
        assertEquals("content/2020 是空的：没有可复制的 2020 年度内容。\n", err);
        assertFalse(Files.exists(content().resolve("2021")));
    }

    @Test
    void newYearProjectFileReadsLikeTheHandWrittenOnes() throws IOException {
        copyRealContent();
        run("year", "2021", "--from", "2020");
        String text = read("2021/social-security/social-security-terminals.yaml");
        assertTrue(text.startsWith("""
                # yaml-language-server: $schema=../../../schema/project.schema.json
                # 2021 年度部门预算项目绩效自评表，由 2020 年度的同名项目生成（jixiao new year 2021 --from 2020）。
                """), text);
        assertTrue(text.contains("""
                name: "社保系统及终端购置专项资金"
                order: 4
                status: "draft"

                budget:
                  planned: { total: 2.68, fiscal: 2.68, other: 0 }
                  received: { total: 0, fiscal: 0, other: 0 }
                  executed: { total: 0, fiscal: 0, other: 0 }
                """), text);
        assertTrue(text.contains("""
                  execution_row: { name: "按相关规定拨付使用补助资金", target: "100%", actual: "" }
                """), text);
    }
}
