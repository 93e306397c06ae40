package jixiao.cli;

import jixiao.build.SiteBuild;
import jixiao.check.CheckResult;
import jixiao.check.Checker;
import jixiao.content.DirectorySource;
import jixiao.diagnostic.Finding;
import jixiao.format.CheckText;
import jixiao.format.FindingPrinter;
import jixiao.diagnostic.Severity;
import jixiao.diagnostic.IoReason;
import jixiao.output.OutputPaths;
import jixiao.compare.Edition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code jixiao build [--content DIR] [--out DIR] [--strict] [--templates DIR] [--quiet]}: checks the
 * content, refuses to build on errors (or warnings with --strict) printing the findings as
 * {@code check} does, else renders the internal and public editions into DIR/internal and
 * DIR/public and swaps them in at once. On a terminal a progress line shows what it is doing;
 * it ends with a summary line. {@code --quiet} prints only what fails the build.
 */
@Command(name = "build", description = {"生成内部版和公开版网站。",
        "先检查内容，再生成到 DIR/internal 和 DIR/public；内容有错误（--strict 时含警告）就不生成，原有输出保持不变。",
        "加 --incremental 时，再次生成到同一个文件夹只重新生成内容有变化的文件，其余沿用上次的输出；所需的记录在输出文件夹旁的 .<文件夹名>-jixiao-cache 里，可随时删除。"},
        footer = {"", "退出码：0 已生成；1 内容有错误（--strict 时含警告），未生成；2 用法错误或读写失败。"})
final class BuildCommand implements Callable<Integer> {

    static final String DEFAULT_OUT = "output";

    @Option(names = "--content", paramLabel = "DIR", converter = Converters.PathValue.class, description = "内容文件夹（默认 content）。")
    Path contentDir = Path.of("content");

    @Option(names = "--out", paramLabel = "DIR", converter = Converters.PathValue.class, description = "输出文件夹（默认 " + DEFAULT_OUT + "）。")
    Path outDir = Path.of(DEFAULT_OUT);

    @Option(names = "--templates", paramLabel = "DIR", converter = Converters.PathValue.class,
            description = "用这个文件夹里的模板（.jte）和 site.css 代替自带的。")
    Path templatesDir;

    @Option(names = "--strict", description = "有警告也不生成（退出码 1）。")
    boolean strict;

    @Option(names = "--quiet", description = "不显示进度和结尾的汇总行，只列出使生成失败的问题。")
    boolean quiet;

    // Opt-in: measured at 10,000 projects (BENCHMARKS.md, "Incremental (eighth session)"), recording what every file
    // reads still costs a first build about a fifth more CPU and 55-90 MB more peak RSS (~480 against ~415 MB), while a
    // rebuild after one edit still takes about as much CPU as a full build without recording (the check runs whole,
    // and the year-wide files of the edited year are rendered again): not worth it by default yet. A full build
    // removes the cache: it describes an output that build replaces.
    @Option(names = "--incremental", description = "增量生成：使用并更新输出文件夹旁的生成缓存，只重新生成输入有变化的文件。不加时完整生成，并删除缓存。")
    boolean incremental;

    @Mixin
    HelpOption helpOption;

    private final Terminal terminal;

    BuildCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        long started = System.nanoTime();
        PrintStream out = terminal.out();
        PrintStream err = terminal.err();
        if (!Files.isDirectory(contentDir)) {
            err.println("jixiao build: 找不到内容文件夹 " + contentDir + "：请在项目根目录运行，或用 --content 指定。");
            return ExitCode.USAGE;
        }
        if (templatesDir != null && !Files.isDirectory(templatesDir)) {
            err.println("jixiao build: 找不到模板文件夹 " + templatesDir + "。");
            return ExitCode.USAGE;
        }
        try {
            String overlap = OutputPaths.overlap(outDir, contentDir, templatesDir);
            if (overlap != null) {
                err.println("jixiao build: " + overlap);
                return ExitCode.USAGE;
            }
        } catch (IOException e) {
            err.println("jixiao build: 无法确定输出文件夹 " + outDir + " 的位置：" + IoReason.of(e));
            return ExitCode.USAGE;
        }

        try (Progress progress = Progress.start(err, quiet)) {
            SiteBuild.Cache cache = incremental ? SiteBuild.Cache.incremental(outDir, codeVersion()) : SiteBuild.Cache.NONE;
            return build(strict, contentDir, outDir, templatesDir, quiet, cache, progress, started, out, err);
        }
    }

    private static int build(boolean strict, Path contentDir, Path outDir, Path templatesDir, boolean quiet, SiteBuild.Cache cache,
                             Progress progress,
                             long started, PrintStream out, PrintStream err) {
        CheckResult result;
        CountingSource source = new CountingSource(new DirectorySource(contentDir), progress);
        try {
            result = Checker.check(source, true, cache.parsed(), cache.found());
        } catch (IOException e) {
            progress.idle();
            err.println("jixiao build: 读取内容失败：" + e.getMessage());
            return ExitCode.USAGE;
        }
        progress.idle();
        if (result.fails(strict)) {
            if (quiet) {
                // Only what fails the build: errors, and warnings when --strict makes them fail it.
                FindingPrinter printer = new FindingPrinter(CheckCommand.base(contentDir));
                for (Finding f : result.findings()) {
                    if (f.severity() == Severity.ERROR || strict && f.severity() == Severity.WARNING) printer.print(f, out);
                }
            } else {
                CheckText.print(result, CheckCommand.base(contentDir), out, true);
            }
            err.println("jixiao build: " + (result.hasErrors() ? "内容有错误" : "内容有警告（--strict）")
                    + "，未生成网站；" + outDir + " 保持原样。");
            return result.unreadable() ? ExitCode.USAGE : ExitCode.FINDINGS;
        }
        if (!quiet) {
            FindingPrinter printer = new FindingPrinter(CheckCommand.base(contentDir));
            for (Finding f : result.findings()) printer.print(f, out);
        }

        // A full build places the findings now and renders without the source positions (less memory); the original
        // result must not stay reachable from here, so it is replaced. An incremental build hashes the positions too.
        SiteBuild.Ready ready = cache.use() ? SiteBuild.Ready.asIs(result) : SiteBuild.ready(result);
        result = ready.result();
        try {
            SiteBuild.Written written = SiteBuild.write(ready, templatesDir, outDir, new SiteBuild.Progress() {
                @Override
                public void phase(String label, int files) {
                    progress.phase(label, files);
                }

                @Override
                public void step() {
                    progress.step();
                }

                @Override
                public void idle() {
                    progress.idle();
                }
            }, cache);
            if (written.keptAside() != null) {
                err.println("jixiao build: 生成期间有别的文件放进了 " + outDir + "，没有删除它们：上一次的输出连同这些文件留在 "
                        + written.keptAside() + "，请查看后自行处理。");
            }
            int[] pages = new int[Edition.values().length];
            pages[Edition.INTERNAL.ordinal()] = written.internalPages();
            pages[Edition.PUBLIC.ordinal()] = written.publicPages();
            if (!quiet && written.cacheNote() != null) err.println("jixiao build: " + written.cacheNote() + "。");
            if (!quiet) out.println(summary(source.read(), pages, written.files(), written.rendered(), outDir, result, started));
            return ExitCode.OK;
        } catch (SiteBuild.Failed e) {
            err.println("jixiao build: " + e.getMessage());
            return ExitCode.USAGE;
        }
    }

    /**
     * What the build cache is keyed on for jixiao's own code: the version, and the jar's size and time, so that a
     * jar built again under the same version number (a snapshot) does not reuse what the old one rendered.
     */
    static String codeVersion() {
        String version = JixiaoCommand.Version.number();
        try {
            Path code = Path.of(BuildCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) version += " " + Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis();
        } catch (java.net.URISyntaxException | IOException | RuntimeException e) {
            // The version number alone, then.
        }
        return version;
    }

    /** The last line: files read, pages and files written (and how many were carried over unchanged), findings by severity, time taken. */
    static String summary(int read, int[] pages, int files, int rendered, Path outDir, CheckResult result, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        return "读取了 " + read + " 个文件，生成了 " + (pages[0] + pages[1]) + " 个页面（" + Edition.INTERNAL.label() + " "
                + pages[Edition.INTERNAL.ordinal()] + " 个，" + Edition.PUBLIC.label() + " " + pages[Edition.PUBLIC.ordinal()]
                + " 个，共 " + files + " 个文件" + (rendered < files ? "，其中 " + (files - rendered) + " 个与上次相同，沿用" : "")
                + "）到 " + outDir + "：" + result.count(Severity.ERROR) + " 个错误，"
                + result.count(Severity.WARNING) + " 个警告，" + result.count(Severity.INFO) + " 条提示；用时 "
                + String.format(Locale.ROOT, "%.2f", seconds) + " 秒。";
    }


}
