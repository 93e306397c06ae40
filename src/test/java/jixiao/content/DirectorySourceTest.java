package jixiao.content;

import jixiao.testing.ContentFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** Walking a content folder: what is read, what is skipped, and how a folder that cannot be read is reported. */
@Timeout(30)
class DirectorySourceTest {

    @TempDir
    Path tmp;

    private Path content() {
        return ContentFixture.copy("loader/base", tmp).resolve("content");
    }

    /** The real disk, except that listing {@code failing} (relative to {@code content}) fails with {@code failure}. */
    private static DirectorySource.Disk failingAt(Path content, String failing, IOException failure) {
        return new DirectorySource.Disk() {
            @Override
            public List<Path> list(Path folder) throws IOException {
                if (folder.equals(content.resolve(failing))) throw failure;
                return DirectorySource.REAL.list(folder);
            }

            @Override
            public BasicFileAttributes attributes(Path entry) throws IOException {
                return DirectorySource.REAL.attributes(entry);
            }
        };
    }

    @Test
    void aFolderThatCannotBeReadStopsTheWalkWithItsPathAndTheSystemsReason() {
        Path content = content();
        DirectorySource source = new DirectorySource(content,
                failingAt(content, "2020/unit-a", new AccessDeniedException(content.resolve("2020/unit-a").toString())));
        IOException e = assertThrows(IOException.class, source::files);
        assertEquals("无法读取 content/2020/unit-a：权限不足（Permission denied）。请检查它的权限，或把它移出内容文件夹。", e.getMessage());
    }

    @Test
    void theSystemsOwnWordsAreShownWhenJavaHasThem() {
        Path content = content();
        DirectorySource source = new DirectorySource(content,
                failingAt(content, "2020", new FileSystemException(content.resolve("2020").toString(), null, "Input/output error")));
        IOException e = assertThrows(IOException.class, source::files);
        assertEquals("无法读取 content/2020：Input/output error。请检查它的权限，或把它移出内容文件夹。", e.getMessage());
    }

    @Test
    void aHiddenFolderIsNeverEnteredSoAnUnreadableOneStopsNothing() throws IOException {
        Path content = content();
        Files.createDirectories(content.resolve("2020/.git/objects"));
        Files.writeString(content.resolve("2020/.git/objects/x.yaml"), "name: x\n");
        DirectorySource source = new DirectorySource(content,
                failingAt(content, "2020/.git", new AccessDeniedException(content.resolve("2020/.git").toString())));
        assertEquals(List.of("2020/report.yaml", "2020/unit-a/good.yaml", "2020/unit-a/unit.yaml", "site.yaml"), source.files());
    }

    @Test
    void aFolderThatCannotBeReadOnDiskIsReportedAsThroughTheSeam() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")),
                "running as root: chmod 000 does not stop root from reading; the seam tests above cover this case");
        Path content = content();
        Path unit = content.resolve("2020/unit-a");
        Files.setPosixFilePermissions(unit, PosixFilePermissions.fromString("---------"));
        try {
            IOException e = assertThrows(IOException.class, () -> new DirectorySource(content).files());
            assertEquals("无法读取 content/2020/unit-a：权限不足（Permission denied）。请检查它的权限，或把它移出内容文件夹。", e.getMessage());
        } finally {
            Files.setPosixFilePermissions(unit, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
