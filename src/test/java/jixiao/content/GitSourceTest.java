package jixiao.content;

import jixiao.testing.ContentFixture;
import jixiao.testing.GitRepo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class GitSourceTest {

    @TempDir
    Path tmp;

    private GitRepo repo;
    private Path content;

    @BeforeEach
    void repository() {
        assumeTrue(GitRepo.gitAvailable(), "git is not installed");
        repo = GitRepo.init(tmp.resolve("repo"));
        content = ContentFixture.copy("loader/base", repo.dir().resolve("docs")).resolve("content");
    }

    @Test
    void listsAndReadsTheContentFolderAsCommittedInASubfolder() throws IOException {
        repo.commitAll("base");
        Files.writeString(content.resolve("2020/unit-a/good.yaml"), "changed in the working tree\n");
        Files.writeString(content.resolve("2020/unit-a/new.yaml"), "untracked\n");
        try (GitSource git = GitSource.open(content, "HEAD")) {
            assertEquals(List.of("2020/report.yaml", "2020/unit-a/good.yaml", "2020/unit-a/unit.yaml", "site.yaml"), git.files());
            assertArrayEquals(Files.readAllBytes(ContentFixture.resource("loader/base/content/2020/unit-a/good.yaml")),
                    git.read("2020/unit-a/good.yaml"), "the committed bytes, not the working tree's");
            assertEquals("content@HEAD", git.displayRoot());
            assertEquals(40, git.commit().length());
        }
    }

    @Test
    void loadsLikeTheSameTreeOnDisk() throws IOException {
        repo.commitAll("base");
        ContentLoader.Result fromDisk = ContentLoader.load(new DirectorySource(content));
        try (GitSource git = GitSource.open(content, "HEAD")) {
            ContentLoader.Result fromGit = ContentLoader.load(git);
            assertEquals(fromDisk.findings(), fromGit.findings());
            assertEquals(fromDisk.content().years().get(0).projects().findFirst().orElseThrow().budget(),
                    fromGit.content().years().get(0).projects().findFirst().orElseThrow().budget());
        }
    }

    @Test
    void hiddenFilesAndSymbolicLinksAreNotContent() throws IOException {
        Files.writeString(content.resolve(".editorconfig"), "root = true\n");
        Files.writeString(content.resolve("2020/unit-a/notes.md~"), "backup\n");
        Files.createSymbolicLink(content.resolve("2020/unit-a/link.yaml"), Path.of("good.yaml"));
        repo.commitAll("with hidden files and a link");
        try (GitSource git = GitSource.open(content, "HEAD")) {
            assertEquals(List.of("2020/report.yaml", "2020/unit-a/good.yaml", "2020/unit-a/unit.yaml", "site.yaml"), git.files());
        }
    }

    @Test
    void largeFileIsCutOneByteOverTheLimitAndLaterReadsStayInStep() throws IOException {
        byte[] big = "a".repeat(YamlReader.MAX_BYTES + 500).getBytes(StandardCharsets.US_ASCII);
        Files.write(content.resolve("2020/unit-a/big.yaml"), big);
        repo.commitAll("big file");
        try (GitSource git = GitSource.open(content, "HEAD")) {
            assertEquals(YamlReader.MAX_BYTES + 1, git.read("2020/unit-a/big.yaml").length);
            assertArrayEquals(Files.readAllBytes(content.resolve("site.yaml")), git.read("site.yaml"));
            assertEquals(YamlReader.MAX_BYTES + 1, git.read("2020/unit-a/big.yaml").length);
        }
    }

    @Test
    void badRevisionIsAClearChineseError() {
        repo.commitAll("base");
        IOException e = assertThrows(IOException.class, () -> GitSource.open(content, "HEAD~5"));
        assertEquals("无法识别的 git 版本“HEAD~5”：请检查拼写，或用 git log 查看可用的提交。", e.getMessage());
    }

    @Test
    void fileNotInTheRevisionIsAnError() throws IOException {
        repo.commitAll("base");
        try (GitSource git = GitSource.open(content, "HEAD")) {
            IOException e = assertThrows(IOException.class, () -> git.read("2021/report.yaml"));
            assertEquals("版本“HEAD”中没有文件 2021/report.yaml", e.getMessage());
        }
    }

    @Test
    void contentFolderThatIsTheRepositoryTopWorksToo() throws IOException {
        GitRepo top = GitRepo.init(content);
        top.commitAll("content is the repository");
        try (GitSource git = GitSource.open(content, "HEAD")) {
            assertEquals(List.of("2020/report.yaml", "2020/unit-a/good.yaml", "2020/unit-a/unit.yaml", "site.yaml"), git.files());
        }
    }
}
