package jixiao.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import jixiao.diagnostic.IoReason;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code jixiao schema [--out DIR]}: writes the JSON Schemas (draft-07) of the four kinds of
 * content file into DIR (default {@code schema}), so that an editor's
 * {@code # yaml-language-server: $schema=…} line can point at them. The files are copied byte
 * for byte from {@code src/main/resources/jixiao/schema/}, their single source.
 */
@Command(name = "schema", description = {"写出编辑器用的 JSON Schema。", "四种内容文件各一个，供编辑器补全和提示（文件开头的 # yaml-language-server: $schema=… 指向它们）。",
        "内容与已有文件不同时，不加 --force 就一个也不写。",
        "当前文件夹还没有 .vscode/settings.json 时，再写一个，把 schema 对应到 --content 下的文件，供 VS Code 使用；已有的不改动，只显示要加的几行。"},
        footer = {"", "退出码：0 已写出或已是最新；2 用法错误、已有不同的文件（未加 --force）或写入失败。"})
final class SchemaCommand implements Callable<Integer> {

    /** One schema per kind of content file, in the order they are written. */
    static final List<String> FILES = List.of(
            "site.schema.json", "report.schema.json", "unit.schema.json", "project.schema.json");

    static final String RESOURCE_FOLDER = "/jixiao/schema/";
    static final String DEFAULT_OUT = "schema";

    @Option(names = "--out", paramLabel = "DIR", converter = Converters.PathValue.class, description = "写到这个文件夹（默认 " + DEFAULT_OUT + "）。")
    Path dir = Path.of(DEFAULT_OUT);

    @Option(names = "--force", description = "覆盖内容不同的同名文件。")
    boolean force;

    @Option(names = "--content", paramLabel = "DIR", converter = Converters.PathValue.class,
            description = "内容文件夹（默认 content）：按它在 .vscode/settings.json 中写 schema 与内容文件的对应关系。")
    Path contentDir = Path.of("content");

    @Mixin
    HelpOption helpOption;

    private final Terminal terminal;

    SchemaCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        PrintStream out = terminal.out();
        PrintStream err = terminal.err();
        List<byte[]> contents = new ArrayList<>();
        for (String file : FILES) {
            try {
                contents.add(resource(file));
            } catch (IOException e) {
                err.println("jixiao schema: 无法读取程序自带的 " + RESOURCE_FOLDER.substring(1) + file + "：" + reason(e));
                return ExitCode.USAGE;
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
                return ExitCode.USAGE;
            }
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) continue;
            try {
                current[i] = Arrays.equals(Files.readAllBytes(target), contents.get(i));
            } catch (IOException e) {
                err.println("jixiao schema: 无法读取已有的 " + target + "：" + reason(e) + "，没有写入任何文件");
                return ExitCode.USAGE;
            }
            if (!current[i]) differing.add(target.toString());
        }
        if (!differing.isEmpty() && !force) {
            err.println("jixiao schema: 没有写入任何文件：" + String.join("、", differing)
                    + " 已存在，内容与本版 jixiao 的不同（可能是您改过的，或别的文件）。确认要用本版覆盖，请加 --force；否则用 --out 指定别的目录。");
            return ExitCode.USAGE;
        }

        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            err.println("jixiao schema: 无法创建目录 " + dir + "：" + reason(e));
            return ExitCode.USAGE;
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
                return ExitCode.USAGE;
            }
            out.println("已写入 " + target);
        }
        EditorSettings.offer(terminal.workingFolder(), dir, contentDir, out);
        return ExitCode.OK;
    }

    /** The bytes of one schema file as shipped in the jar. */
    static byte[] resource(String file) throws IOException {
        try (InputStream in = SchemaCommand.class.getResourceAsStream(RESOURCE_FOLDER + file)) {
            if (in == null) throw new IOException("程序包中没有这个文件");
            return in.readAllBytes();
        }
    }


    /** Why an I/O operation failed, in words (the JDK's messages for these are often just the path). */
    private static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException) return "已有同名的文件，它不是目录";
        return IoReason.of(e);
    }
}
