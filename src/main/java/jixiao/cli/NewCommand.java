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
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

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
import java.util.TreeMap;
import java.util.concurrent.Callable;
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

    /** The exit codes of new and each of its commands, as their help ends. */
    static final String EXIT_CODES = "退出码：0 已写出；1 文件已存在、编号已被使用或上一年度有错误，未写入任何文件；2 用法错误。";

    /** Names end up in page titles and file headers; one line of printable text is all they need. */
    private static final int MAX_NAME_LENGTH = 200;

    /** A refusal (exit 1) or, with {@code usage}, a wrong argument (exit 2, said as every usage error is). */
    private static final class Stop extends Exception {
        final boolean usage;

        Stop(boolean usage, String message) {
            super(message, null, false, false);
            this.usage = usage;
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

    private interface Step {
        List<ContentPlan.Planned> plan(NewCommand command) throws Stop, IOException;
    }

    /** Plans with {@code step}, then writes everything or nothing; returns the exit code. */
    private static int run(Terminal terminal, CommandSpec spec, Path content, Step step) {
        NewCommand command = new NewCommand(content.toAbsolutePath().normalize(), terminal.out());
        try {
            List<ContentPlan.Planned> plan = step.plan(command);
            command.write(plan);
            command.written(plan);
            return ExitCode.OK;
        } catch (Stop stop) {
            if (stop.usage) throw new ParameterException(spec.commandLine(), stop.getMessage());
            terminal.err().print(stop.getMessage() + "\n");
            return ExitCode.FINDINGS;
        } catch (IOException e) {
            terminal.err().print("操作失败：" + ContentPlan.describe(e) + "。本次没有留下任何新文件。\n");
            return ExitCode.FINDINGS;
        }
    }

    // ---------------------------------------------------------------- the command line

    /** {@code jixiao new}: only its three kinds do something. */
    @Command(name = "new", description = {"新建项目、单位或年度。", "写出能直接读取的文件；已存在的文件从不覆盖。",
            "新文件所在的文件夹还缺的 site.yaml、年度的 report.yaml、单位的 unit.yaml 会一并写出。"},
            subcommands = {ProjectLine.class, UnitLine.class, YearLine.class},
            footer = {"", EXIT_CODES})
    static final class Line implements Callable<Integer> {
        @Mixin
        HelpOption helpOption;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            throw new ParameterException(spec.commandLine(), "缺少要创建的类型（project、unit 或 year）");
        }
    }

    @Command(name = "project", description = {"新建一个项目（草稿）。", "如 jixiao new project 2021/labor/employment-fund --name 就业补助资金"},
            footer = {"", EXIT_CODES})
    static final class ProjectLine implements Callable<Integer> {
        @Parameters(paramLabel = "YEAR/UNIT/ID", description = "项目文件的位置，如 2021/labor/employment-fund。")
        String target;

        @Option(names = "--name", paramLabel = "NAME", converter = Name.class, description = "项目名称。")
        String name;

        @Option(names = "--unit-name", paramLabel = "NAME", converter = Name.class, description = "单位名称（单位还没有 unit.yaml 时写入）。")
        String unitName;

        @Option(names = "--content", paramLabel = "DIR", converter = Converters.PathValue.class, description = "内容文件夹（默认 content）。")
        Path content = Path.of("content");

        @Mixin
        HelpOption helpOption;

        @Spec
        CommandSpec spec;

        private final Terminal terminal;

        ProjectLine(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            return run(terminal, spec, content, c -> c.planProject(target, name, unitName));
        }
    }

    @Command(name = "unit", description = {"新建一个单位。", "如 jixiao new unit 2021/labor --name 劳动保障监察大队"},
            footer = {"", EXIT_CODES})
    static final class UnitLine implements Callable<Integer> {
        @Parameters(paramLabel = "YEAR/UNIT", description = "单位文件夹的位置，如 2021/labor。")
        String target;

        @Option(names = "--name", paramLabel = "NAME", converter = Name.class, description = "单位名称。")
        String name;

        @Option(names = "--content", paramLabel = "DIR", converter = Converters.PathValue.class, description = "内容文件夹（默认 content）。")
        Path content = Path.of("content");

        @Mixin
        HelpOption helpOption;

        @Spec
        CommandSpec spec;

        private final Terminal terminal;

        UnitLine(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            return run(terminal, spec, content, c -> c.planUnit(target, name));
        }
    }

    @Command(name = "year", description = {"从上一年度复制出新年度。",
            "单位、项目和指标照旧，项目为草稿；上一年度的说明（.md）不复制。如 jixiao new year 2021 --from 2020"},
            footer = {"", EXIT_CODES})
    static final class YearLine implements Callable<Integer> {
        @Parameters(paramLabel = "YEAR", description = "新年度，四位数字。")
        String target;

        @Option(names = "--from", paramLabel = "YEAR", required = true, description = "从哪一年度复制（必填）。")
        String from;

        @Option(names = "--content", paramLabel = "DIR", converter = Converters.PathValue.class, description = "内容文件夹（默认 content）。")
        Path content = Path.of("content");

        @Mixin
        HelpOption helpOption;

        @Spec
        CommandSpec spec;

        private final Terminal terminal;

        YearLine(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            return run(terminal, spec, content, c -> c.planYear(target, from));
        }
    }

    /** A name: one line of printable text, stripped. */
    static final class Name implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank() || value.length() > MAX_NAME_LENGTH
                    || value.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE
                    || c == 0x2028 || c == 0x2029)) {
                throw new TypeConversionException("须为一行不超过 " + MAX_NAME_LENGTH + " 个字符的文本，不能为空或含换行等控制字符");
            }
            return value.strip();
        }
    }

    private static int year(String text, String what) throws Stop {
        if (!ContentLayout.isYear(text)) throw new Stop(true, what + "“" + text + "”不是四位数字的年度（如 2021）。");
        return Integer.parseInt(text);
    }

    private static String unitId(String text) throws Stop {
        if (!ContentLayout.isId(text)) {
            throw new Stop(true, "单位编号“" + text + "”不合法：只能用小写字母、数字和连字符，以字母或数字开头，最长 64 个字符。");
        }
        return text;
    }

    private static String projectId(String text) throws Stop {
        if (!ContentLayout.isId(text)) {
            throw new Stop(true, "项目编号“" + text + "”不合法：只能用小写字母、数字和连字符，以字母或数字开头，最长 64 个字符。");
        }
        if (ContentLayout.isReservedProjectId(text)) {
            throw new Stop(true, "“" + text + "”是保留名称，不能用作项目编号：请换一个编号。");
        }
        return text;
    }

    private static String[] split(String target, int parts, String form) throws Stop {
        String[] s = target.split("/", -1);
        if (s.length != parts) throw new Stop(true, "路径“" + target + "”应写成 " + form + "。");
        return s;
    }

    // ---------------------------------------------------------------- plans

    private List<ContentPlan.Planned> planProject(String target, String name, String unitName) throws Stop, IOException {
        String[] s = split(target, 3, "<年度>/<单位编号>/<项目编号>，如 2021/labor/employment-fund");
        int year = year(s[0], "年度");
        String unit = unitId(s[1]);
        String id = projectId(s[2]);
        String file = ContentLayout.projectFile(year, unit, id);
        files.checkProjectIds(year, Map.of(id, file));
        List<ContentPlan.Planned> plan = new ArrayList<>(files.supporting(year, unit, unitName));
        plan.add(new ContentPlan.Planned(file, Skeletons.project(files.schema(file, "project"), id,
                name == null ? "请填写项目名称" : name)));
        return plan;
    }

    private List<ContentPlan.Planned> planUnit(String target, String name) throws Stop, IOException {
        String[] s = split(target, 2, "<年度>/<单位编号>，如 2021/labor");
        int year = year(s[0], "年度");
        String unit = unitId(s[1]);
        String file = ContentLayout.unitFile(year, unit);
        List<ContentPlan.Planned> plan = new ArrayList<>(files.supporting(year, null, null));
        plan.add(new ContentPlan.Planned(file, Skeletons.unit(files.schema(file, "unit"), unit, name == null ? "请填写单位名称" : name)));
        return plan;
    }

    private List<ContentPlan.Planned> planYear(String target, String fromYear) throws Stop, IOException {
        int year = year(target, "年度");
        int from = year(fromYear, "--from 的年度");
        if (year == from) throw new Stop(true, "新年度与 --from 的年度相同（" + year + "）。");
        if (!Files.isDirectory(content.resolve(String.valueOf(from)), LinkOption.NOFOLLOW_LINKS)) {
            throw new Stop(false, files.display(String.valueOf(from)) + " 不存在：没有可复制的 " + from + " 年度。");
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
            throw new Stop(false, m.toString());
        }
        Optional<Year> loadedYear = loaded.content().year(from);
        if (loadedYear.isEmpty()) throw new Stop(false, files.display(String.valueOf(from)) + " 是空的：没有可复制的 " + from + " 年度内容。");
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
            throw new Stop(false, refused.getMessage());
        }
    }

    /** What to do next, once everything is written. */
    private void written(List<ContentPlan.Planned> plan) {
        if (plan.stream().anyMatch(p -> ContentLayout.projectFile(p.relative()).isPresent())) {
            out.print("新项目为草稿（status: \"draft\"），只出现在内部版：填写完成并核对后改为 final。\n");
        }
        if (summary != null) out.print(summary + "\n");
        String schemaNote = files.schemaNote();
        if (schemaNote != null) out.print(schemaNote + "\n");
    }
}
