package jixiao.diagnostic;

import gg.jte.TemplateException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class IoReasonTest {

    @Test
    void theSystemsCommonReasonsAreSaidInChinese() {
        assertEquals("磁盘空间已满（No space left on device），请腾出空间后重试", IoReason.of(new IOException("No space left on device")));
        assertEquals("磁盘空间已满（No space left on device），请腾出空间后重试", IoReason.of(new FileSystemException("/out/a.html", null, "No space left on device")));
        assertEquals("文件系统是只读的（Read-only file system）", IoReason.of(new FileSystemException("/out", null, "Read-only file system")));
        assertEquals("权限不足（Permission denied）", IoReason.of(new AccessDeniedException("/out")));
        assertEquals("不存在（No such file or directory）", IoReason.of(new NoSuchFileException("/out")));
    }

    @Test
    void anUnknownReasonIsPassedOnAsTheSystemGaveIt() {
        assertEquals("Stale file handle", IoReason.of(new FileSystemException("/out", null, "Stale file handle")));
        assertEquals("IOException", IoReason.of(new IOException()));
    }

    @Test
    void theCauseIsFoundUnderATemplateEnginesWrapping() {
        IOException full = new IOException("No space left on device");
        assertSame(full, IoReason.cause(new TemplateException("Failed to render report.jte", new UncheckedIOException(full))));
        assertNull(IoReason.cause(new TemplateException("Failed to render report.jte", new IllegalStateException("bug"))));
    }
}
