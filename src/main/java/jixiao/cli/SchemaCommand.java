package jixiao.cli;

import jixiao.diagnostic.IoReason;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code jixiao schema [--out DIR]}: writes the JSON Schemas (draft-07) of the four kinds of
 * content file into DIR (default {@code schema}), so that an editor's
 * {@code # yaml-language-server: $schema=…} line can point at them. The files are copied byte
 * for byte from {@code src/main/resources/jixiao/schema/}, their single source.
 */
final class SchemaCommand {

    static final int EXIT_OK = 0;
    static final int EXIT_USAGE = 2;
    static final int EXIT_IO_ERROR = 2;

    /** One schema per kind of content file, in the order they are written. */
    static final List<String> FILES = List.of(
            "site.schema.json", "report.schema.json", "unit.schema.json", "project.schema.json");

    static final String RESOURCE_FOLDER = "/jixiao/schema/";
    static final String DEFAULT_OUT = "schema";
    static final String USAGE = "用法：jixiao schema [--out 目录] [--content 目录] [--force]（--out 默认为 schema；--content：内容文件夹，默认 content，"
            + "用于写 .vscode/settings.json 中的对应关系；--force：覆盖内容不同的同名 schema 文件）";

    private SchemaCommand() {
    }

    /**
     * Runs the command.
     *
     * @param args the arguments after {@code schema}
     * @return {@link #EXIT_OK}; {@link #EXIT_USAGE} for bad arguments; {@link #EXIT_IO_ERROR} when a file cannot be written
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, out, err, Path.of(""));
    }

    /** As {@link #run(List, PrintStream, PrintStream)}, with the editor's workspace folder (where .vscode/ goes) given. */
    static int run(List<String> args, PrintStream out, PrintStream err, Path workspace) {
        String outDir = DEFAULT_OUT;
        boolean outGiven = false;
        boolean force = false;
        String contentDir = "content";
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value;
            if (arg.equals("-h") || arg.equals("--help")) {
                out.println(USAGE);
                return EXIT_OK;
            } else if (arg.equals("--force")) {
                force = true;
                continue;
            } else if (arg.equals("--content") || arg.startsWith("--content=")) {
                if (arg.equals("--content") && (i + 1 == args.size() || args.get(i + 1).startsWith("--"))) {
                    return usage(err, "--content 后面缺少目录");
                }
                contentDir = arg.equals("--content") ? args.get(++i) : arg.substring("--content=".length());
                if (contentDir.isBlank()) return usage(err, "--content 的目录不能为空");
                continue;
            } else if (arg.equals("--out")) {
                if (i + 1 == args.size()) return usage(err, "--out 后面缺少目录");
                value = args.get(++i);
            } else if (arg.startsWith("--out=")) {
                value = arg.substring("--out=".length());
            } else {
                return usage(err, "不认识的参数：" + arg);
            }
            if (outGiven) return usage(err, "--out 只能写一次");
            if (value.isBlank()) return usage(err, "--out 的目录不能为空");
            outDir = value;
            outGiven = true;
        }

        Path dir;
        try {
            dir = Path.of(outDir);
        } catch (InvalidPathException e) {
            return usage(err, "目录名无效：" + outDir);
        }

        List<byte[]> contents = new ArrayList<>();
        for (String file : FILES) {
            try {
                contents.add(resource(file));
            } catch (IOException e) {
                err.println("jixiao schema: 无法读取程序自带的 " + RESOURCE_FOLDER.substring(1) + file + "：" + reason(e));
                return EXIT_IO_ERROR;
            }
        }

        // Look before writing anything: a file of the user's that differs (an edited schema, or another
        // file of that name) is never overwritten without --force, and then none of the four is written.
        List<String> differing = new ArrayList<>();
        boolean[] current = new boolean[FILES.size()];
        for (int i = 0; i < FILES.size(); i++) {
            Path target = dir.resolve(FILES.get(i));
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(target)) {
                err.println("jixiao schema: 无法写入 " + target + "：这里已有一个同名的" + (Files.isSymbolicLink(target) ? "链接" : "目录") + "，没有写入任何文件");
                return EXIT_IO_ERROR;
            }
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) continue;
            try {
                current[i] = Arrays.equals(Files.readAllBytes(target), contents.get(i));
            } catch (IOException e) {
                err.println("jixiao schema: 无法读取已有的 " + target + "：" + reason(e) + "，没有写入任何文件");
                return EXIT_IO_ERROR;
            }
            if (!current[i]) differing.add(target.toString());
        }
        if (!differing.isEmpty() && !force) {
            err.println("jixiao schema: 没有写入任何文件：" + String.join("、", differing)
                    + " 已存在，内容与本版 jixiao 的不同（可能是您改过的，或别的文件）。确认要用本版覆盖，请加 --force；否则用 --out 指定别的目录。");
            return EXIT_USAGE;
        }

        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            err.println("jixiao schema: 无法创建目录 " + dir + "：" + reason(e));
            return EXIT_IO_ERROR;
        }
        for (int i = 0; i < FILES.size(); i++) {
            Path target = dir.resolve(FILES.get(i));
            if (current[i]) {
                out.println("已是最新 " + target);
                continue;
            }
            // Written beside, then moved over: a write that fails halfway (a full disk) leaves no half file,
            // which the next run would take for one the user changed.
            Path partial = target.resolveSibling("." + FILES.get(i) + ".jixiao-partial");
            try {
                Files.write(partial, contents.get(i));
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // Reported below is what matters; a stray partial file is named by its own name.
                }
                err.println("jixiao schema: 无法写入 " + target + "：" + reason(e));
                return EXIT_IO_ERROR;
            }
            out.println("已写入 " + target);
        }
        try {
            EditorSettings.offer(workspace, dir, Path.of(contentDir), out);
        } catch (InvalidPathException e) {
            return usage(err, "目录名无效：" + contentDir);
        }
        return EXIT_OK;
    }

    /** The bytes of one schema file as shipped in the jar. */
    static byte[] resource(String file) throws IOException {
        try (InputStream in = SchemaCommand.class.getResourceAsStream(RESOURCE_FOLDER + file)) {
            if (in == null) throw new IOException("程序包中没有这个文件");
            return in.readAllBytes();
        }
    }

    private static int usage(PrintStream err, String message) {
        err.println("jixiao schema: " + message);
        err.println(USAGE);
        return EXIT_USAGE;
    }

    /** Why an I/O operation failed, in words (the JDK's messages for these are often just the path). */
    private static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException) return "已有同名的文件，它不是目录";
        return IoReason.of(e);
    }
}
