package jixiao.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One build per output folder at a time, across processes: an operating-system lock on a file
 * named after the output folder's real path. A second build is refused with a message instead of
 * racing the first one's renames.
 *
 * <p>The lock file lives in the system's temporary folder, not beside the output, so that a
 * user's repository gets no stray file; and it is never deleted, because deleting a lock file
 * that another process may have just opened lets two processes hold "the" lock at once. The
 * operating system drops the lock when a build ends, however it ends.
 */
final class TargetLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private TargetLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of {@code target}: one per output folder and user, in the temporary folder. */
    static Path fileFor(Path target) {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "jixiao-locks-" + user, sha256(target.toString()) + ".lock");
    }

    /**
     * Takes the lock of {@code target} (an absolute path, its links resolved as far as it exists).
     *
     * @throws OutputRefused if another build holds it
     */
    static TargetLock acquire(Path target) throws IOException {
        Path file = fileFor(target);
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very process: serve and build in one JVM, or a test
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new OutputRefused("另一个 jixiao 正在生成 " + target + "，这次没有改动任何文件：请等它结束后再运行。");
        }
        return new TargetLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel releases it all the same.
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing left to release.
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
