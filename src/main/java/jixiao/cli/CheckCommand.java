package jixiao.cli;

import jixiao.check.CheckResult;
import jixiao.check.Checker;
import jixiao.format.CheckJson;
import jixiao.format.CheckText;
import jixiao.format.FindingFormats;
import jixiao.content.DirectorySource;
import jixiao.content.GitSource;
import jixiao.diagnostic.Finding;
import jixiao.format.Unlisted;
import jixiao.diagnostic.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;

/**
 * {@code jixiao check}: validate and score the content, print every finding, exit 1 when it fails.
 * On a terminal a progress line shows the files being read; a summary line with the files read,
 * the findings and the time taken ends the run on stderr, so that stdout stays the report in the
 * format asked for. {@code --quiet} drops both, and the text report's own last line.
 */
@Command(name = "check", description = {"检查内容并核算得分。", "像编译器一样列出每一处问题（文件:行:列），有错误时退出码为 1。"},
        footer = {"", "退出码：0 没有错误（--strict 时也没有警告）；1 有；2 用法错误或无法读取内容。"})
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--content", paramLabel = "DIR", converter = Converters.PathValue.class, description = "内容文件夹（默认 content）。")
    Path contentDir = Path.of("content");

    @Option(names = "--format", paramLabel = "FORMAT", converter = Converters.FindingFormat.class,
            completionCandidates = Converters.FindingFormat.class,
            description = "输出格式：text、json、github、sarif 或 codeclimate（默认 text）。github 为 GitHub Actions 的批注，sarif 供代码扫描工具读取，codeclimate 供 GitLab 的代码质量报告读取。")
    String format = "text";

    @Option(names = "--changed-since", paramLabel = "REV",
            description = "只列出自 git 版本 REV 以来改动过（含未提交、未跟踪）的文件中的问题，其余文件的错误和警告只统计一行；退出码仍按全部问题计算。")
    String changedSince;

    @Option(names = "--strict", description = "有警告也算失败（退出码 1）。")
    boolean strict;

    @Option(names = "--quiet", description = "不显示进度和结尾的汇总行。")
    boolean quiet;

    @Mixin
    HelpOption helpOption;

    /** The file GitHub Actions shows under a step's run, named in this environment variable. */
    static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

    /** SARIF's notification when a content file could not be read (each one is a read-failed result). */
    static final String UNREADABLE = "有内容文件无法读取（见 read-failed 结果），检查不完整。";

    private final Terminal terminal;

    CheckCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        long started = System.nanoTime();
        PrintStream out = terminal.out();
        PrintStream err = terminal.err();
        if (!Files.isDirectory(contentDir)) {
            return failed("找不到内容文件夹 " + contentDir + "：请在项目根目录运行，或用 --content 指定。");
        }
        Set<Path> changed = null;
        if (changedSince != null) {
            try {
                changed = GitSource.changedSince(contentDir, changedSince);
            } catch (IOException e) {
                return failed("--changed-since：" + e.getMessage());
            }
        }
        CheckResult result;
        CountingSource source;
        try (Progress progress = Progress.start(err, quiet)) {
            source = new CountingSource(new DirectorySource(contentDir), progress);
            result = Checker.check(source);
        } catch (IOException e) {
            return failed("读取内容失败：" + e.getMessage());
        }
        CheckResult shown = result;
        Unlisted unlisted = new Unlisted(0, 0, 0);
        if (changed != null) {
            Path parent = realBase(contentDir);
            Set<Path> inChanged = changed;
            Map<Boolean, List<Finding>> split = result.findings().stream()
                    .collect(Collectors.partitioningBy(f -> inChanged.contains(parent.resolve(f.position().file()).normalize())));
            shown = new CheckResult(result.content(), result.profile(), result.scores(), split.get(true));
            unlisted = Unlisted.of(split.get(false));
        }
        Path root = FindingFormats.repoRoot(contentDir);
        try {
            switch (format) {
                case "json" -> CheckJson.write(shown, out);
                case "github" -> {
                    FindingFormats.github(shown.findings(), root, base(contentDir), out);
                    if (unlisted.any()) out.print(unlisted.githubNotice());
                    String summary = terminal.env(STEP_SUMMARY);
                    if (summary != null && !summary.isBlank()) {
                        Files.writeString(Path.of(summary), FindingFormats.githubSummary(shown.findings(), root, base(contentDir))
                                        + (unlisted.any() ? unlisted.line() + "\n\n" : ""),
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    }
                }
                case "sarif" -> FindingFormats.sarif(shown.findings(), root, base(contentDir), JixiaoCommand.Version.number(),
                        result.unreadable() ? UNREADABLE : null, out);
                case "codeclimate" -> FindingFormats.codeClimate(shown.findings(), root, base(contentDir), out);
                default -> {
                    CheckText.print(shown, base(contentDir), out, false);
                    if (unlisted.any()) out.println(unlisted.line());
                    if (!quiet) out.println(CheckText.summary(result));
                }
            }
        } catch (IOException e) {
            err.println("jixiao check: 输出失败：" + e.getMessage());
            return ExitCode.USAGE;
        }
        // Formats that a program reads stay as they are; the line goes beside them.
        if (unlisted.any() && !format.equals("text") && !format.equals("github")) err.println(unlisted.line());
        out.flush();
        if (!quiet) err.println(runSummary(source.read(), result, started));
        if (result.unreadable()) return ExitCode.USAGE;
        return result.fails(strict) ? ExitCode.FINDINGS : ExitCode.OK;
    }

    /**
     * A run that could not check: the message on stderr, exit 2; with {@code --format sarif} also a
     * valid SARIF log on stdout that says why, for CI to upload.
     */
    private int failed(String message) {
        terminal.err().println("jixiao check: " + message);
        if (format.equals("sarif")) {
            try {
                FindingFormats.sarifFailure(JixiaoCommand.Version.number(), message, terminal.out());
            } catch (IOException e) {
                terminal.err().println("jixiao check: 输出失败：" + e.getMessage());
            }
        } else if (format.equals("codeclimate")) {
            // CI saves stdout as GitLab's Code Quality report even when the job fails (artifacts: when: always): an empty
            // file is no report at all, an empty list is a valid one. The job still fails on the exit code, and says why.
            terminal.out().println("[]");
        }
        return ExitCode.USAGE;
    }

    /** The line that ends a run, on stderr: files read, findings by severity, time taken. */
    static String runSummary(int read, CheckResult result, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        return "读取了 " + read + " 个文件：" + result.count(Severity.ERROR) + " 个错误，" + result.count(Severity.WARNING)
                + " 个警告，" + result.count(Severity.INFO) + " 条提示；用时 " + String.format(Locale.ROOT, "%.2f", seconds) + " 秒。";
    }

    /** The content folder's parent as git names it: symbolic links resolved, as in {@code git rev-parse --show-toplevel}. */
    private static Path realBase(Path contentDir) {
        try {
            return contentDir.toRealPath().getParent();
        } catch (IOException e) {
            return base(contentDir);
        }
    }

    static Path base(Path contentDir) {
        Path parent = contentDir.toAbsolutePath().normalize().getParent();
        return parent == null ? contentDir.toAbsolutePath() : parent;
    }

}
