package jixiao.cli;

import jixiao.content.Content;
import jixiao.content.ContentLayout;
import jixiao.content.ContentLoader;
import jixiao.content.DirectorySource;
import jixiao.content.Project;
import jixiao.content.Report;
import jixiao.content.Unit;
import jixiao.content.Year;
import jixiao.diagnostic.Finding;
import jixiao.diagnostic.Severity;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code jixiao new}: starts a project, a unit or a whole year, so that editors begin from a file
 * that already loads instead of from a blank page or a copy-paste of last year's figures.
 *
 * <pre>
 * jixiao new project &lt;year&gt;/&lt;unit&gt;/&lt;id&gt; [--name 项目名称] [--unit-name 单位名称] [--content DIR]
 * jixiao new unit &lt;year&gt;/&lt;unit&gt; [--name 单位名称] [--content DIR]
 * jixiao new year &lt;year&gt; --from &lt;previous&gt; [--content DIR]
 * </pre>
 *
 * <p>It never overwrites: every file it would write is planned first, and if any of them exists
 * (or a project id is already used in the year) nothing is written at all. Whatever the folder
 * around the new file still lacks to load (site.yaml, the year's report.yaml, the unit's unit.yaml)
 * is written with it.
 */
final class NewCommand {

    static final int OK = 0;
    /** The content does not allow it: a file exists, an id is taken, the year to copy is missing or has errors. */
    static final int REFUSED = 1;
    /** The command line is wrong: unknown kind or option, missing argument, malformed year or id. */
    static final int USAGE = 2;

    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    /** Names end up in page titles and file headers; one line of printable text is all they need. */
    private static final int MAX_NAME_LENGTH = 200;

    static final String USAGE_TEXT = """
            用法：
              jixiao new project <年度>/<单位编号>/<项目编号> [--name 项目名称] [--unit-name 单位名称] [--content 文件夹]
              jixiao new unit <年度>/<单位编号> [--name 单位名称] [--content 文件夹]
              jixiao new year <年度> --from <上一年度> [--content 文件夹]
            --content 默认为 content。已存在的文件从不覆盖。
            """;


    /** A refusal or usage error, with the exit code it ends with. */
    private static final class Stop extends Exception {
        final int code;

        Stop(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    private final Path content;
    private final ContentPlan files;
    private final PrintStream out;
    /** Printed once everything is written. */
    private String summary;

    private NewCommand(Path content, PrintStream out) {
        this.content = content;
        this.files = new ContentPlan(content, "new", out);
        this.out = out;
    }

    /** Runs {@code jixiao new …} ({@code args} without the word {@code new}); returns the exit code. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            Arguments a = Arguments.parse(args);
            if (a.help) {
                out.print(USAGE_TEXT);
                return OK;
            }
            NewCommand command = new NewCommand(Path.of(a.content).toAbsolutePath().normalize(), out);
            List<ContentPlan.Planned> plan = switch (a.kind) {
                case "project" -> command.planProject(a);
                case "unit" -> command.planUnit(a);
                case "year" -> command.planYear(a);
                default -> throw new Stop(USAGE, "不认识的类型“" + a.kind + "”：只能是 project、unit 或 year。");
            };
            command.write(plan);
            command.written(plan);
            return OK;
        } catch (Stop stop) {
            err.print(stop.getMessage() + "\n");
            if (stop.code == USAGE) err.print(USAGE_TEXT);
            return stop.code;
        } catch (IOException e) {
            err.print("操作失败：" + ContentPlan.describe(e) + "。本次没有留下任何新文件。\n");
            return REFUSED;
        }
    }

    // ---------------------------------------------------------------- arguments

    private static final class Arguments {
        String kind;
        String target;
        String content = "content";
        String name;
        String unitName;
        String from;
        boolean help;

        static Arguments parse(List<String> args) throws Stop {
            Arguments a = new Arguments();
            List<String> positional = new ArrayList<>();
            Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("-h") || arg.equals("--help")) {
                    a.help = true;
                    return a;
                }
                if (!arg.startsWith("--")) {
                    positional.add(arg);
                    continue;
                }
                String option = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (eq > 0) {
                    option = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                }
                if (!Set.of("--content", "--name", "--unit-name", "--from").contains(option)) {
                    throw new Stop(USAGE, "不认识的选项“" + option + "”。");
                }
                if (value == null || value.isEmpty()) throw new Stop(USAGE, "选项 " + option + " 缺少取值。");
                if (!seen.add(option)) throw new Stop(USAGE, "选项 " + option + " 写了不止一次。");
                switch (option) {
                    case "--content" -> a.content = value;
                    case "--name" -> a.name = checkName(value, option);
                    case "--unit-name" -> a.unitName = checkName(value, option);
                    default -> a.from = value;
                }
            }
            if (positional.size() != 2) {
                throw new Stop(USAGE, positional.isEmpty() ? "缺少要创建的类型（project、unit 或 year）。"
                        : positional.size() == 1 ? "缺少要创建的" + positional.get(0) + "的路径。"
                        : "多余的参数“" + positional.get(2) + "”。");
            }
            a.kind = positional.get(0);
            a.target = positional.get(1);
            boolean project = a.kind.equals("project");
            boolean year = a.kind.equals("year");
            if (a.unitName != null && !project) throw new Stop(USAGE, "--unit-name 只用于 new project。");
            if (a.name != null && year) throw new Stop(USAGE, "new year 没有 --name：名称都从上一年度复制。");
            if (a.from != null && !year) throw new Stop(USAGE, "--from 只用于 new year。");
            if (year && a.from == null) throw new Stop(USAGE, "new year 需要 --from <上一年度>：新年度从哪一年复制。");
            return a;
        }

        private static String checkName(String value, String option) throws Stop {
            if (value.isBlank() || value.length() > MAX_NAME_LENGTH
                    || value.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE
                    || c == 0x2028 || c == 0x2029)) {
                throw new Stop(USAGE, option + " 的值须为一行不超过 " + MAX_NAME_LENGTH + " 个字符的文本，不能为空或含换行等控制字符。");
            }
            return value.strip();
        }
    }

    private static int year(String text, String what) throws Stop {
        if (!YEAR.matcher(text).matches()) throw new Stop(USAGE, what + "“" + text + "”不是四位数字的年度（如 2021）。");
        return Integer.parseInt(text);
    }

    private static String unitId(String text) throws Stop {
        if (!ContentLayout.isId(text)) {
            throw new Stop(USAGE, "单位编号“" + text + "”不合法：只能用小写字母、数字和连字符，以字母或数字开头，最长 64 个字符。");
        }
        return text;
    }

    private static String projectId(String text) throws Stop {
        if (!ContentLayout.isId(text)) {
            throw new Stop(USAGE, "项目编号“" + text + "”不合法：只能用小写字母、数字和连字符，以字母或数字开头，最长 64 个字符。");
        }
        if (ContentLayout.isReservedProjectId(text)) {
            throw new Stop(USAGE, "“" + text + "”是保留名称，不能用作项目编号：请换一个编号。");
        }
        return text;
    }

    private static String[] split(String target, int parts, String form) throws Stop {
        String[] s = target.split("/", -1);
        if (s.length != parts) throw new Stop(USAGE, "路径“" + target + "”应写成 " + form + "。");
        return s;
    }

    // ---------------------------------------------------------------- plans

    private List<ContentPlan.Planned> planProject(Arguments a) throws Stop, IOException {
        String[] s = split(a.target, 3, "<年度>/<单位编号>/<项目编号>，如 2021/labor/employment-fund");
        int year = year(s[0], "年度");
        String unit = unitId(s[1]);
        String id = projectId(s[2]);
        String file = ContentLayout.projectFile(year, unit, id);
        files.checkProjectIds(year, Map.of(id, file));
        List<ContentPlan.Planned> plan = new ArrayList<>(files.supporting(year, unit, a.unitName));
        plan.add(new ContentPlan.Planned(file, Skeletons.project(files.schema(file, "project"), id,
                a.name == null ? "请填写项目名称" : a.name)));
        return plan;
    }

    private List<ContentPlan.Planned> planUnit(Arguments a) throws Stop, IOException {
        String[] s = split(a.target, 2, "<年度>/<单位编号>，如 2021/labor");
        int year = year(s[0], "年度");
        String unit = unitId(s[1]);
        String file = ContentLayout.unitFile(year, unit);
        List<ContentPlan.Planned> plan = new ArrayList<>(files.supporting(year, null, null));
        plan.add(new ContentPlan.Planned(file, Skeletons.unit(files.schema(file, "unit"), unit, a.name == null ? "请填写单位名称" : a.name)));
        return plan;
    }

    private List<ContentPlan.Planned> planYear(Arguments a) throws Stop, IOException {
        int year = year(a.target, "年度");
        int from = year(a.from, "--from 的年度");
        if (year == from) throw new Stop(USAGE, "新年度与 --from 的年度相同（" + year + "）。");
        if (!Files.isDirectory(content.resolve(String.valueOf(from)), LinkOption.NOFOLLOW_LINKS)) {
            throw new Stop(REFUSED, files.display(String.valueOf(from)) + " 不存在：没有可复制的 " + from + " 年度。");
        }
        ContentLoader.Result loaded = ContentLoader.load(new DirectorySource(content));
        String fromPrefix = files.displayRoot() + "/" + from + "/";
        List<Finding> errors = loaded.findings().stream()
                .filter(f -> f.severity() == Severity.ERROR && f.position().file().startsWith(fromPrefix))
                .toList();
        if (!errors.isEmpty()) {
            // A file with errors may be missing from the loaded year: copying it would silently lose it.
            StringBuilder m = new StringBuilder();
            for (Finding f : errors) m.append(f.toCompilerLine()).append('\n');
            m.append(from).append(" 年度的内容有错误（见上），请先修正再创建 ").append(year).append(" 年度。未写入任何文件。");
            throw new Stop(REFUSED, m.toString());
        }
        Optional<Year> loadedYear = loaded.content().year(from);
        if (loadedYear.isEmpty()) throw new Stop(REFUSED, files.display(String.valueOf(from)) + " 是空的：没有可复制的 " + from + " 年度内容。");
        Year previous = loadedYear.get();

        List<ContentPlan.Planned> plan = new ArrayList<>();
        if (!files.exists(ContentLayout.SITE_FILE)) {
            plan.add(new ContentPlan.Planned(ContentLayout.SITE_FILE, Skeletons.site(files.schema(ContentLayout.SITE_FILE, "site"))));
        }
        String report = ContentLayout.reportFile(year);
        plan.add(new ContentPlan.Planned(report, YearCopy.report(files.schema(report, "report"), previous.report(), from, year)));
        Map<String, String> projectFiles = new TreeMap<>();
        for (Unit unit : previous.units()) {
            String unitFile = ContentLayout.unitFile(year, unit.id());
            plan.add(new ContentPlan.Planned(unitFile, YearCopy.unit(files.schema(unitFile, "unit"), unit, from)));
            for (Project p : unit.projects()) {
                String file = ContentLayout.projectFile(year, unit.id(), p.id());
                projectFiles.put(p.id(), file);
                plan.add(new ContentPlan.Planned(file, YearCopy.project(files.schema(file, "project"), p, from, year)));
            }
        }
        files.checkProjectIds(year, projectFiles);
        summary = "已从 " + from + " 年度复制 " + previous.units().size() + " 个单位、" + projectFiles.size()
                + " 个项目到 " + year + " 年度；上一年度的说明（.md）没有复制。";
        return plan;
    }


    /** Writes the plan, or nothing when it cannot be written in full. */
    private void write(List<ContentPlan.Planned> plan) throws Stop, IOException {
        try {
            files.write(plan);
        } catch (ContentPlan.Refused refused) {
            throw new Stop(REFUSED, refused.getMessage());
        }
    }

    /** What to do next, once everything is written. */
    private void written(List<ContentPlan.Planned> plan) {
        if (plan.stream().anyMatch(p -> ContentLayout.projectFile(p.relative()).isPresent())) {
            out.print("新项目为草稿（status: \"draft\"），只出现在内部版：填写完成并核对后改为 final。\n");
        }
        if (summary != null) out.print(summary + "\n");
    }
}
