package jixiao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jixiao.testing.ContentFixture;
import jixiao.testing.GitRepo;
import jixiao.testing.Golden;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code jixiao diff --from/--to} on a real repository: commit 1 has 2019 and 2020, commit 2
 * adds 2021 and raises one 2020 amount, and the working tree holds one staged and one
 * unstaged change on top. The content sits in a subfolder of the repository.
 */
class DiffCommandGitTest {

    @TempDir
    Path tmp;

    private GitRepo repo;
    private Path content;

    @BeforeEach
    void repository() throws IOException {
        assumeTrue(GitRepo.gitAvailable(), "git is not installed");
        repo = GitRepo.init(tmp.resolve("repo"));
        content = repo.dir().resolve("site/content");
        ContentFixture.copy("compare/content", content);
        Path y2021 = tmp.resolve("2021");
        Files.move(content.resolve("2021"), y2021);
        repo.commitAll("2019 and 2020");

        ContentFixture.copyTree(y2021, content.resolve("2021"));
        replace(content.resolve("2020/labor/arbitration.yaml"), "planned:  { total: 2 }", "planned:  { total: 2.5 }");
        repo.commitAll("2021; 2020 arbitration planned 2.5");

        // Staged: arbitration 2021 planned 3. Unstaged: recruitment 2021 executed 29000 元.
        replace(content.resolve("2021/labor/arbitration.yaml"), "planned:  { total: 2 }", "planned:  { total: 3 }");
        repo.git("add", "site/content/2021/labor/arbitration.yaml");
        replace(content.resolve("2021/personnel/recruitment.yaml"), "executed: { total: 28000 }", "executed: { total: 29000 }");
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        if (!text.contains(from)) throw new AssertionError(file + " has no " + from);
        Files.writeString(file, text.replace(from, to));
    }

    private JsonNode json(DiffCommandTest.Run run) throws IOException {
        assertEquals("", run.err());
        assertEquals(ExitCode.OK, run.exit());
        return new ObjectMapper().readTree(run.out());
    }

    /** Every project change of a year as "id kind". */
    private static List<String> projects(JsonNode year) {
        return java.util.stream.StreamSupport.stream(year.get("projects").spliterator(), false)
                .map(p -> p.get("id").asText() + " " + p.get("change").asText()).toList();
    }

    @Test
    void comparesTwoRevisionsWithoutTouchingIndexOrWorkingTree() throws IOException {
        String status = repo.git("status", "--porcelain=v2", "--untracked-files=all");
        byte[] index = Files.readAllBytes(repo.dir().resolve(".git/index"));

        JsonNode out = json(DiffCommandTest.diff("--from", "HEAD~1", "--to", "HEAD", "--format", "json",
                "--content", content.toString()));
        assertEquals("HEAD~1", out.get("from").asText());
        assertEquals("HEAD", out.get("to").asText());
        JsonNode years = out.get("years");
        assertEquals(3, years.size());
        assertEquals(false, years.get(0).get("has_changes").asBoolean(), "2019 is the same in both commits");
        JsonNode y2020 = years.get(1);
        assertEquals(List.of("arbitration changed"), projects(y2020));
        JsonNode planned = y2020.get("projects").get(0).get("changes").get(0);
        assertEquals("planned", planned.get("field").asText());
        assertEquals("2", planned.get("from_value").asText());
        assertEquals("2.5", planned.get("to_value").asText());
        assertEquals(25.0, planned.get("relative_percent").asDouble());
        JsonNode y2021 = years.get(2);
        assertEquals(true, y2021.get("from_year").isNull(), "2021 is new in HEAD");
        assertEquals(2021, y2021.get("to_year").asInt());
        assertEquals(8, projects(y2021).stream().filter(p -> p.endsWith(" added")).count(), "every 2021 project, the draft included");

        assertEquals(status, repo.git("status", "--porcelain=v2", "--untracked-files=all"), "git status is unchanged");
        assertArrayEquals(index, Files.readAllBytes(repo.dir().resolve(".git/index")), "the index file is untouched");
        assertEquals("29000", Files.readString(content.resolve("2021/personnel/recruitment.yaml"))
                .replaceAll("(?s).*executed: \\{ total: (\\d+) }.*", "$1"), "the working tree keeps its change");
    }

    @Test
    void fromRevisionAloneComparesWithTheWorkingTree() throws IOException {
        String status = repo.git("status", "--porcelain=v2", "--untracked-files=all");
        JsonNode out = json(DiffCommandTest.diff("--from", "HEAD", "--format", "json", "--content", content.toString()));
        assertEquals("HEAD", out.get("from").asText());
        assertEquals("worktree", out.get("to").asText(), "a machine value; the Chinese label is apart");
        assertEquals("工作区", out.get("to_label").asText());
        JsonNode years = out.get("years");
        assertEquals(List.of(false, false, true), List.of(years.get(0).get("has_changes").asBoolean(),
                years.get(1).get("has_changes").asBoolean(), years.get(2).get("has_changes").asBoolean()));
        assertEquals(List.of("arbitration changed", "recruitment changed"), projects(years.get(2)),
                "the staged and the unstaged change both count: the working tree is what is on disk");
        assertEquals(status, repo.git("status", "--porcelain=v2", "--untracked-files=all"));
    }

    @Test
    void oneYearAtARevisionAgainstTheWorkingTree() {
        DiffCommandTest.Run run = DiffCommandTest.diff("2021", "--from", "HEAD", "--content", content.toString());
        assertEquals(ExitCode.OK, run.exit());
        assertEquals("", run.err());
        Golden.assertMatches("diff/git-head-2021.txt", run.out());
    }

    @Test
    void badRevisionExitsTwoWithAChineseMessage() {
        DiffCommandTest.Run run = DiffCommandTest.diff("--from", "no-such-branch", "--content", content.toString());
        assertEquals(new DiffCommandTest.Run(ExitCode.USAGE, "",
                "jixiao diff: 无法识别的 git 版本“no-such-branch”：请检查拼写，或用 git log 查看可用的提交。\n"), run);
        assertEquals(ExitCode.USAGE,
                DiffCommandTest.diff("--from", "HEAD", "--to", "HEAD~9", "--content", content.toString()).exit());
        assertEquals(new DiffCommandTest.Run(ExitCode.USAGE, "",
                        "jixiao diff: --from 后面缺少值（“--output=x”像是选项，不能当作 --from 的值）。用 jixiao diff --help 查看用法。\n"),
                DiffCommandTest.diff("--from=--output=x", "--content", content.toString()), "an option is never passed to git as a revision");
    }

    @Test
    void contentOutsideAnyRepositoryExitsTwo() throws IOException {
        Path plain = ContentFixture.copy("compare/content", tmp.resolve("plain/content"));
        DiffCommandTest.Run run = DiffCommandTest.diff("--from", "HEAD", "--content", plain.toString());
        assertEquals(ExitCode.USAGE, run.exit());
        assertEquals(true, run.err().startsWith("jixiao diff: 内容文件夹 " + plain + " 不在 git 仓库中，无法读取历史版本"), run.err());
    }
}
