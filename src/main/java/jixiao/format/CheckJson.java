package jixiao.format;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import jixiao.check.CheckResult;
import jixiao.content.Project;
import jixiao.diagnostic.Finding;
import jixiao.diagnostic.FindingJson;
import jixiao.parallel.Parallel;
import jixiao.score.IndicatorScore;
import jixiao.score.ProjectScore;
import jixiao.score.Rounding;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code jixiao check --format json}: the findings, then every project's stated and computed figures.
 * Described by {@code schema/check.schema.json} and docs/data-formats.md; field names and types are
 * shared with data.json and the diff JSON (a rate is {@code …_percent}, a stated figure is a number
 * beside its {@code …_text} as written).
 */
public final class CheckJson {

    /** The value of {@code "format"}, so that a tool can tell this document from jixiao's others. */
    static final String FORMAT = "jixiao-check";

    /** Bump when a key is renamed, removed or re-typed; adding keys keeps the version. */
    static final int VERSION = 1;

    private CheckJson() {
    }

    /** The JSON report: findings, then every project's stated and computed figures. */
    public static void write(CheckResult result, OutputStream stdout) throws IOException {
        write(result, stdout, JSON_SLICE);
    }

    /** The JSON report, its projects made {@code slice} at a time (tests show the bytes do not depend on it). */
    static void write(CheckResult result, OutputStream stdout, int slice) throws IOException {
        BufferedOutputStream out = new BufferedOutputStream(stdout, 1 << 16);
        List<Project> projects = result.content().years().stream().flatMap(y -> y.projects()).toList();
        // The projects' parts are made on all cores, a slice at a time (so memory holds one slice, not
        // the whole report), and written in order. Each part comes from its own generator brought into
        // the state one generator writing the whole report would be in (inside "projects", after an
        // element when it is not the first), so the bytes are the same as one generator's.
        out.write(part(json -> {
        }, json -> {
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeNumberField("version", VERSION);
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
        number(json, "received", p.budget().received().total());
        number(json, "executed", p.budget().executed().total());
        number(json, "stated_execution_rate_percent", s.statedExecutionRate());
        json.writeStringField("stated_execution_rate_text", p.stated() == null ? null : p.stated().executionRate());
        number(json, "computed_execution_rate_percent", rounded(s.executionRatePercent()));
        number(json, "computed_execution_score", rounded(s.executionScore()));
        number(json, "stated_total", s.statedTotal());
        json.writeStringField("stated_total_text", p.stated() == null ? null : p.stated().total());
        number(json, "computed_total", s.computable() ? rounded(s.computedTotal()) : null);
        json.writeStringField("stated_grade", s.statedGrade());
        json.writeStringField("computed_grade", s.computable() ? s.computedGrade() : null);
        json.writeStringField("uncomputable", s.uncomputable());
        json.writeArrayFieldStart("indicators");
        for (IndicatorScore i : s.indicators()) {
            json.writeStartObject();
            json.writeStringField("level1", i.indicator().level1());
            json.writeStringField("level2", i.indicator().level2());
            json.writeStringField("name", i.indicator().name());
            number(json, "weight", i.indicator().weight());
            number(json, "stated_score", i.statedScore());
            json.writeStringField("stated_score_text", i.indicator().score());
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
