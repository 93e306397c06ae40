package jixiao.cli;

import jixiao.testing.Builds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line of {@code jixiao serve}: what fails before serving. Serving itself is tested in {@code jixiao.serve}. */
@Timeout(60)
class ServeCommandTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aPortInUseIsAClearErrorWithExitCode2() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertEquals(ExitCode.USAGE, run("serve", "--content", Builds.fixtureContent().toString(), "--port", Integer.toString(port)));
            assertEquals("jixiao serve: 端口 " + port + " 已被占用（或不能在 127.0.0.1 上监听）：请关闭占用它的程序，"
                    + "或用 --port 换一个端口（--port 0 任选一个空闲端口）。\n", err());
        }
    }

    @Test
    void usageErrors() {
        assertEquals(ExitCode.USAGE, run("serve", "--port", "http"));
        assertEquals("jixiao serve: --port 的值“http”不对：应为 0 到 65535 之间的整数（0 表示任选一个空闲端口）。用 jixiao serve --help 查看用法。\n", err());
        err.reset();
        assertEquals(ExitCode.USAGE, run("serve", "--content", tmp.resolve("nowhere").toString()));
        assertTrue(err().startsWith("jixiao serve: 找不到内容文件夹 "), err());
        err.reset();
        assertEquals(ExitCode.USAGE, run("serve", "--content", Builds.fixtureContent().toString(), "--port", "0",
                "--templates", tmp.toString()));
        assertEquals("jixiao serve: 模板文件夹 " + tmp + " 中缺少 home.jte\n", err());
        err.reset();
        assertEquals(ExitCode.OK, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("  serve       预览内部版，保存即更新。\n"));
    }
}
