package jixiao.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import jixiao.check.CheckResult;
import jixiao.check.Checker;
import jixiao.content.DirectorySource;
import jixiao.content.Project;
import jixiao.diagnostic.Finding;
import jixiao.diagnostic.FindingJson;
import jixiao.diagnostic.Severity;
import jixiao.parallel.Parallel;
import jixiao.score.IndicatorScore;
import jixiao.score.ProjectScore;
import jixiao.score.Rounding;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

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
                case "json" -> writeJson(result, out);
                case "github" -> FindingFormats.github(result.findings(), FindingFormats.repoRoot(contentDir), base(contentDir), out);
                case "sarif" -> FindingFormats.sarif(result.findings(), FindingFormats.repoRoot(contentDir), base(contentDir), out);
                default -> printText(result, contentDir, out, !quiet);
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

    /** Every finding as a compiler prints it, then (with {@code summary}) what was checked and how many findings of each severity. */
    static void printText(CheckResult result, Path contentDir, PrintStream out, boolean summary) {
        FindingPrinter printer = new FindingPrinter(base(contentDir));
        for (Finding f : result.findings()) printer.print(f, out);
        if (summary) out.println(summary(result));
    }

    /** One line: what was checked and how many findings of each severity. */
    static String summary(CheckResult result) {
        long projects = result.content().years().stream().mapToLong(y -> y.projects().count()).sum();
        long units = result.content().years().stream().mapToLong(y -> y.units().size()).sum();
        return "检查了 " + result.content().years().size() + " 个年度、" + units + " 个单位、" + projects + " 个项目："
                + result.count(Severity.ERROR) + " 个错误，" + result.count(Severity.WARNING) + " 个警告，"
                + result.count(Severity.INFO) + " 条提示。";
    }

    /** The JSON report: findings, then every project's stated and computed figures. */
    static void writeJson(CheckResult result, OutputStream stdout) throws IOException {
        writeJson(result, stdout, JSON_SLICE);
    }

    /** The JSON report, its projects made {@code slice} at a time (tests show the bytes do not depend on it). */
    static void writeJson(CheckResult result, OutputStream stdout, int slice) throws IOException {
        BufferedOutputStream out = new BufferedOutputStream(stdout, 1 << 16);
        List<Project> projects = result.content().years().stream().flatMap(y -> y.projects()).toList();
        // The projects' parts are made on all cores, a slice at a time (so memory holds one slice, not
        // the whole report), and written in order. Each part comes from its own generator brought into
        // the state one generator writing the whole report would be in (inside "projects", after an
        // element when it is not the first), so the bytes are the same as one generator's.
        out.write(part(json -> {
        }, json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("findings");
            for (Finding f : result.findings()) FindingJson.write(json, f);
            json.writeEndArray();
            json.writeArrayFieldStart("projects");
        }));
        for (int from = 0; from < projects.size(); from += slice) {
            List<Integer> indexes = IntStream.range(from, Math.min(projects.size(), from + slice)).boxed().toList();
            List<byte[]> parts;
            try {
                parts = Parallel.map(indexes, 16, i -> {
                    try {
                        return part(json -> insideProjects(json, i > 0), json -> writeProject(json, projects.get(i), result.score(projects.get(i))));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            for (byte[] part : parts) out.write(part);
        }
        out.write(part(json -> insideProjects(json, !projects.isEmpty()), json -> {
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }));
        out.flush();
    }

    /** Projects whose parts are made before any of them is written: enough to keep both cores busy, few enough to hold little memory. */
    private static final int JSON_SLICE = 2048;

    private interface JsonAction {
        void write(JsonGenerator json) throws IOException;
    }

    /** Brings a new generator to where a project is written: inside the "projects" array, after one element when {@code afterAnElement}. */
    private static void insideProjects(JsonGenerator json, boolean afterAnElement) throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("projects");
        if (afterAnElement) json.writeNumber(0);
    }

    /** What {@code part} writes on a new pretty-printing generator once {@code setUp} has brought it to the right state. */
    private static byte[] part(JsonAction setUp, JsonAction part) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        // Closed only after the part is taken: closing writes the brackets still open.
        try (JsonGenerator json = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            json.setPrettyPrinter(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));
            setUp.write(json);
            json.flush();
            int skip = bytes.size();
            part.write(json);
            json.flush();
            byte[] all = bytes.toByteArray();
            return Arrays.copyOfRange(all, skip, all.length);
        }
    }

    private static final JsonFactory JSON = new JsonFactory();

    private static void writeProject(JsonGenerator json, Project p, ProjectScore s) throws IOException {
        json.writeStartObject();
        json.writeNumberField("year", p.year());
        json.writeStringField("unit", p.unitId());
        json.writeStringField("id", p.id());
        json.writeStringField("name", p.name());
        json.writeStringField("status", p.isDraft() ? "draft" : "final");
        json.writeStringField("money_unit", p.moneyUnit());
        number(json, "planned", p.budget().planned().total());
        number(json, "executed", p.budget().executed().total());
        number(json, "execution_rate", rounded(s.executionRatePercent()));
        number(json, "execution_score", rounded(s.executionScore()));
        number(json, "computed_total", rounded(s.computedTotal()));
        json.writeStringField("computed_grade", s.computedGrade());
        number(json, "stated_total", s.statedTotal());
        json.writeStringField("stated_grade", s.statedGrade());
        json.writeArrayFieldStart("indicators");
        for (IndicatorScore i : s.indicators()) {
            json.writeStartObject();
            json.writeStringField("name", i.indicator().name());
            json.writeStringField("level1", i.indicator().level1());
            json.writeStringField("level2", i.indicator().level2());
            number(json, "weight", i.indicator().weight());
            number(json, "stated_score", rounded(i.statedScore()));
            number(json, "computed_score", rounded(i.computedScore()));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static BigDecimal rounded(BigDecimal value) {
        return value == null ? null : Rounding.halfUp2(value);
    }

    private static void number(JsonGenerator json, String name, BigDecimal value) throws IOException {
        if (value == null) json.writeNullField(name);
        else json.writeNumberField(name, value);
    }
}
