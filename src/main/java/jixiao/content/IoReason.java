package jixiao.content;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** The operating system's reason for an I/O failure, in words an editor can act on. */
public final class IoReason {

    private IoReason() {
    }

    /**
     * {@code 权限不足（Permission denied）}, or the system's own text ({@code Input/output error}).
     * Java leaves the reason out of the commonest failures and gives only the path; those are named here.
     */
    public static String of(IOException e) {
        if (e instanceof AccessDeniedException) return "权限不足（Permission denied）";
        if (e instanceof NoSuchFileException) return "不存在（No such file or directory）";
        if (e instanceof NotDirectoryException) return "不是文件夹（Not a directory）";
        if (e instanceof FileSystemLoopException) return "符号链接形成循环";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
