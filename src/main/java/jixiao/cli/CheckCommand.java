package jixiao.cli;

import jixiao.check.CheckResult;
import jixiao.check.Checker;
import jixiao.format.CheckJson;
import jixiao.format.CheckText;
import jixiao.format.FindingFormats;
import jixiao.content.DirectorySource;
import jixiao.diagnostic.Severity;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code jixiao check}: validate and score the content, print every finding, exit 1 when it fails.
 * On a terminal a progress line shows the files being read; a summary line with the files read,
 * the findings and the time taken ends the run on stderr, so that stdout stays the report in the
 * format asked for. {@code --quiet} drops both, and the text report's own last line.
 */
final class CheckCommand {

    static final List<String> FORMATS = List.of("text", "json", "github", "sarif");

    private CheckCommand() {
    }

    static int run(List<String> arguments, PrintStream out, PrintStream err) throws Args.UsageException {
        long started = System.nanoTime();
        Args args = Args.parse(arguments, Set.of("--content", "--format"), Set.of("--strict", "--quiet"));
        if (!args.positionals().isEmpty()) throw new Args.UsageException("check 不接受参数 " + args.positionals().get(0));
        String format = args.option("--format", "text");
        if (!FORMATS.contains(format)) throw new Args.UsageException("--format 只能是 " + String.join("、", FORMATS));
        Path contentDir = Path.of(args.option("--content", "content"));
        if (!Files.isDirectory(contentDir)) {
            err.println("jixiao check: 找不到内容文件夹 " + contentDir + "：请在项目根目录运行，或用 --content 指定。");
            return ExitCode.USAGE;
        }
        boolean quiet = args.flag("--quiet");
        CheckResult result;
        CountingSource source;
        try (Progress progress = Progress.start(err, quiet)) {
            source = new CountingSource(new DirectorySource(contentDir), progress);
            result = Checker.check(source);
        } catch (IOException e) {
            err.println("jixiao check: 读取内容失败：" + e.getMessage());
            return ExitCode.USAGE;
        }
        boolean strict = args.flag("--strict");
        try {
            switch (format) {
                case "json" -> CheckJson.write(result, out);
                case "github" -> FindingFormats.github(result.findings(), FindingFormats.repoRoot(contentDir), base(contentDir), out);
                case "sarif" -> FindingFormats.sarif(result.findings(), FindingFormats.repoRoot(contentDir), base(contentDir), out);
                default -> CheckText.print(result, base(contentDir), out, !quiet);
            }
        } catch (IOException e) {
            err.println("jixiao check: 输出失败：" + e.getMessage());
            return ExitCode.USAGE;
        }
        out.flush();
        if (!quiet) err.println(runSummary(source.read(), result, started));
        if (result.unreadable()) return ExitCode.USAGE;
        return result.fails(strict) ? ExitCode.FINDINGS : ExitCode.OK;
    }

    /** The line that ends a run, on stderr: files read, findings by severity, time taken. */
    static String runSummary(int read, CheckResult result, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        return "读取了 " + read + " 个文件：" + result.count(Severity.ERROR) + " 个错误，" + result.count(Severity.WARNING)
                + " 个警告，" + result.count(Severity.INFO) + " 条提示；用时 " + String.format(Locale.ROOT, "%.2f", seconds) + " 秒。";
    }

    static Path base(Path contentDir) {
        Path parent = contentDir.toAbsolutePath().normalize().getParent();
        return parent == null ? contentDir.toAbsolutePath() : parent;
    }

}
