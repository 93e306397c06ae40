package jixiao.diagnostic;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.Map;

/**
 * Why an input/output operation failed, in words a user can act on. The JDK's messages are often
 * the bare path ({@code NoSuchFileException: a/b}) or the operating system's English; every
 * command shows failures through this one place, so that a full disk reads as a full disk
 * wherever it happens.
 */
public final class IoReason {

    /** The operating system's wording (strerror), lower case, and what to say instead. */
    private static final Map<String, String> SYSTEM_REASONS = Map.ofEntries(
            Map.entry("no space left on device", "磁盘空间已满（No space left on device），请腾出空间后重试"),
            Map.entry("disk quota exceeded", "超出了磁盘配额（Disk quota exceeded），请腾出空间后重试"),
            Map.entry("read-only file system", "文件系统是只读的（Read-only file system）"),
            Map.entry("permission denied", "权限不足（Permission denied）"),
            Map.entry("operation not permitted", "操作不被允许（Operation not permitted）"),
            Map.entry("file name too long", "文件名太长（File name too long）"),
            Map.entry("too many open files", "同时打开的文件太多（Too many open files）"),
            Map.entry("is a directory", "这是文件夹，不是文件（Is a directory）"),
            Map.entry("not a directory", "不是文件夹（Not a directory）"),
            Map.entry("no such file or directory", "不存在（No such file or directory）"),
            Map.entry("too many levels of symbolic links", "符号链接形成循环（Too many levels of symbolic links）"));

    private IoReason() {
    }

    /**
     * The reason {@code e} gives: in Chinese with the system's own words after it where it is one the
     * system commonly gives ({@code 权限不足（Permission denied）}), else the system's text as it is.
     */
    public static String of(IOException e) {
        // Java leaves the reason out of the commonest failures and gives only the path: name those here.
        if (e instanceof NoSuchFileException) return SYSTEM_REASONS.get("no such file or directory");
        if (e instanceof AccessDeniedException) return SYSTEM_REASONS.get("permission denied");
        if (e instanceof NotDirectoryException) return SYSTEM_REASONS.get("not a directory");
        if (e instanceof FileSystemLoopException) return SYSTEM_REASONS.get("too many levels of symbolic links");
        if (e instanceof FileAlreadyExistsException) return "已经存在（File exists）";
        if (e instanceof DirectoryNotEmptyException) return "文件夹不是空的（Directory not empty）";
        String system = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        if (system == null || system.isBlank()) return e.getClass().getSimpleName();
        String known = SYSTEM_REASONS.get(system.strip().toLowerCase(Locale.ROOT));
        return known != null ? known : system.strip();
    }

    /** The first {@link IOException} among {@code t} and its causes, or null: template engines and streams wrap them. */
    public static IOException cause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException io) return io;
            if (c.getCause() == c) break;
        }
        return null;
    }
}
