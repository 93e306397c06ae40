package jixiao.cli;

import jixiao.testing.Builds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A build that cannot write says why in the system's terms (a full disk, a missing permission), not as a
 * template error, and leaves the previous output as it was. The full disk is real: a small tmpfs,
 * mounted when the tests run as root (as CI does); elsewhere the test says it was skipped.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BuildWriteFailureTest {

    @TempDir
    Path tmp;

    private Path mounted;

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) new ProcessBuilder("umount", mounted.toString()).inheritIO().start().waitFor();
    }

    @Test
    void aFullDiskIsReportedAsAFullDiskAndThePreviousOutputStays() throws Exception {
        Path disk = tmp.resolve("disk");
        Files.createDirectories(disk);
        assumeTrue(mount(disk, "4m"), "mounting a small tmpfs needs root: the full-disk test did not run");
        Path out = disk.resolve("output");
        // Full builds (the default): one that used the cache would carry every unchanged file over as a hard link, needing no space.
        Builds.build(Builds.realContent(), out);
        SortedMap<String, byte[]> before = Builds.tree(out);
        fill(disk.resolve("filler"));

        Builds.Run run = Builds.run("build", "--content", Builds.realContent().toString(), "--out", out.toString(), "--quiet");

        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().startsWith("jixiao build: 写入 " + disk), run.err());
        assertTrue(run.err().endsWith("失败：磁盘空间已满（No space left on device），请腾出空间后重试；原有输出保持不变。\n"), run.err());
        assertFalse(run.err().contains("模板"), run.err());
        SortedMap<String, byte[]> after = Builds.tree(out);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
        try (var siblings = Files.list(disk)) {
            assertEquals(java.util.List.of("filler", "output"), siblings.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void newAndSchemaOnAFullDiskLeaveNoHalfWrittenFile() throws Exception {
        Path disk = tmp.resolve("disk");
        Files.createDirectories(disk);
        assumeTrue(mount(disk, "1m"), "mounting a small tmpfs needs root: the full-disk test did not run");
        Files.createDirectories(disk.resolve("content"));
        Files.createDirectories(disk.resolve("schema"));
        fill(disk.resolve("filler"));

        Builds.Run created = Builds.run("new", "unit", "2021/x", "--content", disk.resolve("content").toString());
        Builds.Run schema = Builds.run("schema", "--out", disk.resolve("schema").toString());

        assertEquals(1, created.exit(), created.err());
        assertTrue(created.err().contains("磁盘空间已满（No space left on device）"), created.err());
        assertFalse(created.err().contains("java."), created.err());
        assertEquals(2, schema.exit(), schema.err());
        assertTrue(schema.err().contains("磁盘空间已满（No space left on device）"), schema.err());
        try (var left = Files.walk(disk)) {
            assertEquals(java.util.List.of("", "content", "filler", "schema"),
                    left.map(p -> disk.relativize(p).toString()).sorted().toList(), "nothing half-written is left");
        }
    }

    private boolean mount(Path at, String size) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", at.toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) return false;
            mounted = at;
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes until the disk is full. */
    private static void fill(Path file) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) out.write(block);
        } catch (IOException full) {
            // Full: what we wanted.
        }
    }
}
