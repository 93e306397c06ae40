package jixiao.cli;

import jixiao.render.Templates;
import jixiao.serve.Preview;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code jixiao serve [--content DIR] [--port 8080] [--bind 127.0.0.1] [--templates DIR]}: serves the
 * internal edition from memory and rebuilds it as files are saved, until Ctrl-C.
 */
final class ServeCommand {

    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_BIND = "127.0.0.1";

    private ServeCommand() {
    }

    static int run(List<String> arguments, PrintStream out, PrintStream err) throws Args.UsageException {
        Args args = Args.parse(arguments, Set.of("--content", "--port", "--bind", "--templates"), Set.of());
        if (!args.positionals().isEmpty()) throw new Args.UsageException("serve 不接受参数 " + args.positionals().get(0));
        Path contentDir = Path.of(args.option("--content", "content"));
        Path templatesDir = args.has("--templates") ? Path.of(args.option("--templates", "")) : null;
        String bind = args.option("--bind", DEFAULT_BIND);
        int port;
        try {
            port = Integer.parseInt(args.option("--port", Integer.toString(DEFAULT_PORT)));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) throw new Args.UsageException("--port 应为 0 到 65535 之间的整数（0 表示任选一个空闲端口）");
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
