package jixiao.cli;

import jixiao.format.DiffFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import jixiao.format.DiffJson;
import jixiao.format.DiffMarkdown;
import jixiao.format.DiffText;
import jixiao.compare.Comparer;
import jixiao.compare.Comparison;
import jixiao.compare.Edition;
import jixiao.compare.YearComparison;
import jixiao.content.Content;
import jixiao.content.ContentLayout;
import jixiao.content.ContentLoader;
import jixiao.content.ContentSource;
import jixiao.content.DirectorySource;
import jixiao.content.GitSource;
import jixiao.content.Year;
import jixiao.diagnostic.Finding;
import jixiao.diagnostic.Severity;
import jixiao.score.RulesProfile;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code jixiao diff}: what changed between two years, or between two versions of the content.
 *
 * <pre>
 * jixiao diff 2020 2021 [--content DIR]             two years of the working tree
 * jixiao diff --from REV [--to REV] [--content DIR] the content at two git revisions (default --to: the working tree)
 * jixiao diff 2021 --from REV                       one year at two revisions
 * jixiao diff 2020 2021 --from REV                  2020 at REV with 2021 in the working tree
 *   --format text|markdown|json   (default text)
 *   --public                      compare the public edition: no drafts, no private fields
 * </pre>
 *
 * Exit 0 whether or not anything changed; 2 for a bad argument, an unknown year, a bad revision or
 * content that cannot be read, with a Chinese message on stderr. Content with structural errors is
 * still compared as far as it loaded, with a note on stderr.
 */
@Command(name = "diff", description = {"比较两个年度或两个版本。",
        "按含义（而不是逐行）比较两个年度，或内容在两个 git 版本之间的变化：",
        "  jixiao diff 2020 2021             比较工作区中的两个年度",
        "  jixiao diff --from REV [--to REV] 比较两个 git 版本的内容（默认 --to 为工作区）",
        "  jixiao diff 2021 --from REV       比较一个年度在两个版本之间的变化"},
        footer = {"", "退出码：0 比较完成（无论有没有变化）；2 用法错误、没有这个年度或版本、无法读取内容。"})
final class DiffCommand implements Callable<Integer> {

    /** How many of a side's errors are shown in the note; the rest are counted. */
    private static final int ERRORS_SHOWN = 5;
    private static final String WORKING_TREE = "工作区";

    @Parameters(paramLabel = "YEAR", arity = "0..2", description = "一个或两个四位数字的年度。")
    List<String> years = new ArrayList<>();

    @Option(names = "--from", paramLabel = "REV", description = "较早一侧的 git 版本（提交、分支或标签）。")
    String from;

    @Option(names = "--to", paramLabel = "REV", description = "较新一侧的 git 版本（默认为工作区，须与 --from 一起用）。")
    String to;

    @Option(names = "--content", paramLabel = "DIR", converter = Converters.PathValue.class, description = "内容文件夹（默认 content）。")
    Path content = Path.of("content");

    @Option(names = "--format", paramLabel = "FORMAT", converter = Converters.DiffFormat.class, completionCandidates = Converters.DiffFormat.class,
            description = "输出格式：text、markdown 或 json（默认 text）。")
    String format = "text";

    @Option(names = "--public", description = "只比较公开版（不含草稿和联系人、内部备注）。")
    boolean publicEdition;

    @Mixin
    HelpOption helpOption;

    @Spec
    CommandSpec spec;

    private final Terminal terminal;

    DiffCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Thrown for anything in the content or the repository that stops the comparison; its message is printed as is. */
    private static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }

    private record Options(List<Integer> years, String from, String to, Path content, String format, Edition edition) {
    }

    @Override
    public Integer call() {
        // picocli matches a list parameter again for later words, so a third year would otherwise be taken too.
        if (years.size() > 2) throw new ParameterException(spec.commandLine(), "多余的参数“" + years.get(2) + "”：最多比较两个年度");
        for (String year : years) {
            if (!ContentLayout.isYear(year)) throw new ParameterException(spec.commandLine(), "“" + year + "”不是年度：年度须为四位数字，如 2020");
        }
        if (to != null && from == null) throw new ParameterException(spec.commandLine(), "--to 需要与 --from 一起使用");
        if (from == null && years.size() < 2) {
            throw new ParameterException(spec.commandLine(), "请给出两个年度（如 jixiao diff 2020 2021），或用 --from 指定要比较的 git 版本");
        }
        Options options = new Options(years.stream().map(Integer::valueOf).toList(), from, to, content, format, publicEdition ? Edition.PUBLIC : Edition.INTERNAL);
        try {
            terminal.out().print(diff(options, terminal.err()));
            terminal.out().flush();
            return ExitCode.OK;
        } catch (BadInput e) {
            terminal.err().println("jixiao diff: " + e.getMessage());
            return ExitCode.USAGE;
        }
    }

    private static String diff(Options o, PrintStream err) throws BadInput {
        String fromLabel = o.from() == null ? WORKING_TREE : o.from();
        String toLabel = o.to() == null ? WORKING_TREE : o.to();
        Content fromContent = load(o.content(), o.from(), fromLabel, err);
        Content toContent = o.from() == null && o.to() == null ? fromContent : load(o.content(), o.to(), toLabel, err);

        List<Finding> rules = new ArrayList<>();
        Comparer comparer = Comparer.of(fromContent.site(), toContent.site(), o.edition(), rules::add);
        note(rules.stream().filter(f -> f.severity() == Severity.ERROR).toList(), "site.yaml 的评分规则", err);

        Comparison comparison;
        if (o.years().isEmpty()) {
            comparison = comparer.compare(fromContent, toContent);
        } else {
            int a = o.years().get(0);
            int b = o.years().size() > 1 ? o.years().get(1) : a;
            Optional<Year> ya = fromContent.year(a);
            Optional<Year> yb = toContent.year(b);
            if (o.years().size() == 1 && ya.isEmpty() && yb.isEmpty()) {
                throw new BadInput("内容中没有 " + a + " 年度（" + fromLabel + " 有：" + years(fromContent)
                        + "；" + toLabel + " 有：" + years(toContent) + "）。");
            }
            if (o.years().size() == 2 && ya.isEmpty()) throw new BadInput(missingYear(a, fromLabel, fromContent));
            if (o.years().size() == 2 && yb.isEmpty()) throw new BadInput(missingYear(b, toLabel, toContent));
            YearComparison year = comparer.year(ya.orElse(null), yb.orElse(null));
            comparison = new Comparison(o.edition(), comparer.moneyUnit(), List.of(year));
            if (o.from() == null) {
                // Two years of the working tree: the years themselves are the sides.
                fromLabel = a + " 年度";
                toLabel = b + " 年度";
            } else {
                fromLabel = fromLabel + " · " + a + " 年度";
                toLabel = toLabel + " · " + b + " 年度";
            }
        }
        RulesProfile profile = RulesProfile.resolve(toContent.site().rules(), f -> { });
        DiffFormat format = new DiffFormat(profile, comparison.moneyUnit());
        return switch (o.format()) {
            case "markdown" -> DiffMarkdown.render(comparison, fromLabel, toLabel, format);
            case "json" -> DiffJson.render(comparison, o.from(), o.to(), fromLabel, toLabel);
            default -> DiffText.render(comparison, fromLabel, toLabel, format);
        };
    }

    private static String missingYear(int year, String label, Content content) {
        return "内容中没有 " + year + " 年度（" + label + " 有：" + years(content) + "）。";
    }

    private static String years(Content content) {
        if (content.years().isEmpty()) return "无年度";
        return content.years().stream().map(y -> String.valueOf(y.year())).collect(Collectors.joining("、"));
    }

    /** The content folder in the working tree ({@code revision} null) or at a git revision. */
    private static Content load(Path dir, String revision, String label, PrintStream err) throws BadInput {
        if (!Files.isDirectory(dir)) {
            throw new BadInput("内容文件夹 " + dir + " 不存在：请用 --content 指定内容文件夹。");
        }
        ContentLoader.Result result;
        try {
            if (revision == null) {
                result = ContentLoader.load(new DirectorySource(dir));
            } else {
                try (GitSource git = GitSource.open(dir, revision)) {
                    result = ContentLoader.load(git);
                }
            }
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new BadInput(revision == null ? "无法读取内容文件夹 " + dir + "：" + why : why);
        }
        note(result.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList(), label + " 的内容", err);
        return result.content();
    }

    private static void note(List<Finding> errors, String what, PrintStream err) {
        if (errors.isEmpty()) return;
        err.println("注意：" + what + "有 " + errors.size() + " 处错误，只比较了能读取的部分；运行 jixiao check 查看全部。");
        errors.stream().limit(ERRORS_SHOWN).forEach(f -> err.println("  " + f.toCompilerLine()));
        if (errors.size() > ERRORS_SHOWN) err.println("  ……另有 " + (errors.size() - ERRORS_SHOWN) + " 处");
    }
}
