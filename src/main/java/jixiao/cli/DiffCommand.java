package jixiao.cli;

import jixiao.format.DiffFormat;
import jixiao.format.DiffJson;
import jixiao.format.DiffMarkdown;
import jixiao.format.DiffText;
import jixiao.compare.Comparer;
import jixiao.compare.Comparison;
import jixiao.compare.Edition;
import jixiao.compare.YearComparison;
import jixiao.content.Content;
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
import java.util.Optional;
import java.util.regex.Pattern;
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
 * Exit 0 whether or not anything changed; {@link #BAD_INPUT} for a bad argument, an unknown
 * year, a bad revision or content that cannot be read, with a Chinese message on stderr.
 * Content with structural errors is still compared as far as it loaded, with a note on stderr.
 */
public final class DiffCommand {

    public static final int OK = 0;
    public static final int BAD_INPUT = 2;

    /** How many of a side's errors are shown in the note; the rest are counted. */
    private static final int ERRORS_SHOWN = 5;
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final String WORKING_TREE = "工作区";

    static final String USAGE = """
            用法：
              jixiao diff 2020 2021 [--content 文件夹]             比较工作区中的两个年度
              jixiao diff --from 版本 [--to 版本] [--content 文件夹]  比较两个 git 版本的内容（默认 --to 为工作区）
            选项：
              --format text|markdown|json   输出格式（默认 text）
              --public                      只比较公开版（不含草稿和联系人、内部备注）
            """;

    private DiffCommand() {
    }

    /** Thrown for anything the user must fix; its message is printed as is. */
    private static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }

    private record Options(List<Integer> years, String from, String to, Path content, String format, Edition edition) {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            if (args.contains("--help") || args.contains("-h")) {
                out.print(USAGE);
                return OK;
            }
            Options options = parse(args);
            out.print(diff(options, err));
            out.flush();
            return OK;
        } catch (BadInput e) {
            err.println("错误：" + e.getMessage());
            return BAD_INPUT;
        }
    }

    private static Options parse(List<String> args) throws BadInput {
        List<Integer> years = new ArrayList<>();
        String from = null;
        String to = null;
        Path content = Path.of("content");
        String format = "text";
        Edition edition = Edition.INTERNAL;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--from", "--to", "--content", "--format" -> {
                    if (value == null) {
                        if (i + 1 >= args.size()) throw new BadInput(name + " 后面缺少值。\n" + USAGE);
                        value = args.get(++i);
                    }
                    switch (name) {
                        case "--from" -> from = value;
                        case "--to" -> to = value;
                        case "--content" -> content = Path.of(value);
                        default -> format = value;
                    }
                }
                case "--public" -> edition = Edition.PUBLIC;
                default -> {
                    if (arg.startsWith("-")) throw new BadInput("未知的选项“" + arg + "”。\n" + USAGE);
                    if (!YEAR.matcher(arg).matches()) throw new BadInput("“" + arg + "”不是年度：年度须为四位数字，如 2020。");
                    years.add(Integer.parseInt(arg));
                }
            }
        }
        if (!List.of("text", "markdown", "json").contains(format)) {
            throw new BadInput("未知的输出格式“" + format + "”：只能是 text、markdown 或 json。");
        }
        if (years.size() > 2) throw new BadInput("最多给出两个年度。\n" + USAGE);
        if (to != null && from == null) throw new BadInput("--to 需要与 --from 一起使用。\n" + USAGE);
        if (from == null && years.size() < 2) {
            throw new BadInput("请给出两个年度（如 jixiao diff 2020 2021），或用 --from 指定要比较的 git 版本。\n" + USAGE);
        }
        return new Options(years, from, to, content, format, edition);
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
            case "json" -> DiffJson.render(comparison, fromLabel, toLabel);
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
