package jixiao.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * What a written file looked like on disk: its size and modification time (to the nanosecond the file
 * system keeps). A later build carries a file of the previous output over only while its stamp is still
 * the one recorded, so a file rewritten by hand or by another program in between is made again.
 */
public record FileStamp(long size, long modifiedNanos) {

    /** The stamp of a regular file, or null when there is none there (missing, a folder, a link). */
    public static FileStamp of(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile()) return null;
            return new FileStamp(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        } catch (IOException e) {
            return null;
        }
    }
}
