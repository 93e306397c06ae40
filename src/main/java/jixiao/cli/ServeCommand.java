package jixiao.cli;

import jixiao.render.Templates;
import jixiao.serve.Preview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code jixiao serve [--content DIR] [--port 8080] [--bind 127.0.0.1] [--templates DIR]}: serves the
 * internal edition from memory and rebuilds it as files are saved, until Ctrl-C.
 */
@Command(name = "serve", description = {"预览内部版，保存即更新。",
        "在本机从内存提供内部版（不写文件），保存文件即重新生成受影响的页面，打开的页面自动刷新。",
        "有错误时每个页面上方显示错误（含文件和行），保留上一次正确的页面。按 Ctrl-C 停止。"},
        footer = {"", "退出码：0 已停止；2 用法错误、端口被占用或无法读取内容。"})
final class ServeCommand implements Callable<Integer> {

    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_BIND = "127.0.0.1";

    @Option(names = "--content", paramLabel = "DIR", converter = Converters.PathValue.class, description = "内容文件夹（默认 content）。")
    Path contentDir = Path.of("content");

    @Option(names = "--port", paramLabel = "PORT", converter = Converters.Port.class,
            description = "端口（默认 " + DEFAULT_PORT + "；0 表示任选一个空闲端口）。")
    int port = DEFAULT_PORT;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "监听的本机地址（默认 " + DEFAULT_BIND + "，只有本机能访问）。")
    String bind = DEFAULT_BIND;

    @Option(names = "--templates", paramLabel = "DIR", converter = Converters.PathValue.class,
            description = "用这个文件夹里的模板（.jte）和 site.css 代替自带的；改动模板也会即时更新。")
    Path templatesDir;

    @Mixin
    HelpOption helpOption;

    private final Terminal terminal;

    ServeCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        PrintStream out = terminal.out();
        PrintStream err = terminal.err();
        if (!Files.isDirectory(contentDir)) {
            err.println("jixiao serve: 找不到内容文件夹 " + contentDir + "：请在项目根目录运行，或用 --content 指定。");
            return ExitCode.USAGE;
        }
        if (templatesDir != null && !Files.isDirectory(templatesDir)) {
            err.println("jixiao serve: 找不到模板文件夹 " + templatesDir + "。");
            return ExitCode.USAGE;
        }

        Preview preview;
        try {
            preview = Preview.start(new Preview.Options(contentDir, templatesDir, bind, port), out, err);
        } catch (BindException e) {
            err.println("jixiao serve: 端口 " + port + " 已被占用（或不能在 " + bind + " 上监听）：请关闭占用它的程序，"
                    + "或用 --port 换一个端口（--port 0 任选一个空闲端口）。");
            return ExitCode.USAGE;
        } catch (UnknownHostException e) {
            err.println("jixiao serve: 不认识的地址 " + bind + "：--bind 应为本机的一个 IP 地址，如 127.0.0.1。");
            return ExitCode.USAGE;
        } catch (IllegalArgumentException e) {
            err.println("jixiao serve: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (IOException | UncheckedIOException e) {
            err.println("jixiao serve: 读取失败：" + e.getMessage());
            return ExitCode.USAGE;
        } catch (RuntimeException e) {
            if (!Templates.isTemplateError(e)) throw e;
            err.println("jixiao serve: 模板出错：" + e.getMessage());
            return ExitCode.USAGE;
        }
        // Ctrl-C: stop serving and watching, then end the process with 0, as after any successful command.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            preview.close();
            out.println("jixiao serve: 已停止。");
            out.flush();
            Runtime.getRuntime().halt(ExitCode.OK);
        }, "jixiao-serve-stop"));
        try {
            preview.awaitClose();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            preview.close();
        }
        return ExitCode.OK;
    }
}
