package jixiao.content;

import jixiao.diagnostic.Finding;
import jixiao.testing.ContentFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Entries of the content folder that are not read are said out loud: {@code loader/skipped/<code>.expected}
 * holds every finding of that code, for the base tree with the entries each test adds (links, pipes and
 * folders cannot be kept in git and copied as they are, so the tests make them).
 */
@Timeout(30)
class SkippedEntriesTest {

    @TempDir
    Path tmp;

    private Path content() {
        return ContentFixture.copy("loader/base", tmp).resolve("content");
    }

    private static List<String> expected(String code) throws IOException {
        return Files.readAllLines(ContentFixture.resource("loader/skipped/" + code + ".expected"), StandardCharsets.UTF_8)
                .stream().filter(l -> !l.isBlank()).toList();
    }

    private static List<String> findings(ContentLoader.Result result, String code) {
        return result.findings().stream().filter(f -> f.code().equals(code)).map(Finding::toCompilerLine).toList();
    }

    @Test
    void aLinkedProjectFileOrUnitFolderIsAWarningAndIsNeverFollowed() throws IOException {
        Path content = content();
        Path outside = Files.writeString(tmp.resolve("secret.yaml"),
                Files.readString(content.resolve("2020/unit-a/good.yaml")).replace("正常项目", "内容文件夹以外的项目"));
        Files.createSymbolicLink(content.resolve("2020/unit-a/outside.yaml"), outside);
        Files.createSymbolicLink(content.resolve("2020/unit-b"), Path.of("unit-a"));

        ContentLoader.Result result = ContentLoader.load(new DirectorySource(content));

        assertEquals(expected("skipped-link"), findings(result, "skipped-link"));
        assertEquals(List.of("unit-a"), result.content().years().get(0).units().stream().map(Unit::id).toList());
        assertEquals(List.of("good"), result.content().years().get(0).projects().map(Project::id).toList());
        assertFalse(result.content().years().get(0).projects().anyMatch(p -> p.name().equals("内容文件夹以外的项目")));
    }

    @Test
    void aNamedPipeIsAWarningAndIsNeverOpened() throws IOException, InterruptedException {
        Path content = content();
        Path pipe = content.resolve("2020/unit-a/pipe.yaml");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        } catch (IOException e) {
            mkfifo = null;
        }
        assumeTrue(mkfifo != null && mkfifo.waitFor() == 0, "mkfifo is needed to make a named pipe");

        ContentLoader.Result result = ContentLoader.load(new DirectorySource(content));

        assertEquals(expected("skipped-special-file"), findings(result, "skipped-special-file"));
    }

    @Test
    void aFolderNamedLikeAContentFileIsAWarningEmptyOrNot() throws IOException {
        Path content = content();
        Files.createDirectories(content.resolve("2020/unit-a/folder.yaml"));
        Files.createDirectories(content.resolve("2020/unit-a/notes.md"));
        Files.writeString(content.resolve("2020/unit-a/notes.md/draft.yaml"), "name: 草稿\n");

        ContentLoader.Result result = ContentLoader.load(new DirectorySource(content));

        assertEquals(expected("skipped-folder"), findings(result, "skipped-folder"));
        assertEquals(List.of("skipped-folder", "skipped-folder"), result.findings().stream().map(Finding::code).toList(),
                "nothing else: the folder's own files are not reported one by one");
    }

    @Test
    void aFileThatCannotBeReadIsAnErrorWithTheSystemsReason() throws IOException {
        Path content = content();
        DirectorySource disk = new DirectorySource(content);
        ContentSource failing = new ContentSource() {
            @Override
            public List<String> files() throws IOException {
                return disk.files();
            }

            @Override
            public byte[] read(String path) throws IOException {
                if (path.equals("2020/unit-a/good.yaml")) throw new AccessDeniedException(content.resolve(path).toString());
                return disk.read(path);
            }

            @Override
            public String displayRoot() {
                return disk.displayRoot();
            }
        };

        ContentLoader.Result result = ContentLoader.load(failing);

        assertEquals(List.of("content/2020/unit-a/good.yaml: error[read-failed]: 无法读取文件：权限不足（Permission denied）。请检查文件权限。"),
                findings(result, "read-failed"));
    }
}
