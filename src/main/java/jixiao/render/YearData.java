package jixiao.render;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import jixiao.content.AmountSet;
import jixiao.content.Goal;
import jixiao.content.HtmlComments;
import jixiao.content.Project;
import jixiao.content.Stated;
import jixiao.diagnostic.Finding;
import jixiao.diagnostic.FindingJson;
import jixiao.score.IndicatorScore;
import jixiao.score.ProjectScore;
import jixiao.score.Rounding;
import jixiao.site.ProjectModel;
import jixiao.site.SiteModel;
import jixiao.site.Totals;
import jixiao.site.UnitModel;
import jixiao.site.YearModel;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;

/**
 * data.json of a year: the projects the edition shows, with stated and computed figures and
 * indicators. Amounts are JSON numbers exactly as written (in each project's {@code money_unit});
 * computed figures are rounded half-up to two decimals. The internal edition adds each project's
 * status, contact, internal notes and findings; the public edition has none of them (contacts
 * only when site.yaml allows). Described by {@code schema/data.schema.json} and docs/data-formats.md:
 * a rate is named {@code …_percent}; a stated figure is a number (null when the form's cell is no
 * number) beside its {@code …_text} exactly as written, so no key is sometimes a number and sometimes text.
 */
public final class YearData {

    /** The value of {@code "format"}, so that a tool can tell this document from jixiao's others. */
    static final String FORMAT = "jixiao-data";

    /**
     * Bump when a key is renamed, removed or re-typed; adding keys keeps the version. 1 is the first
     * version that says so (before it, data.json carried no version, stated figures were text and rates
     * were {@code execution_rate}).
     */
    static final int VERSION = 1;

    private YearData() {
    }

    /** data.json written to {@code out} as it is made (it is tens of megabytes for a large year); {@code out} stays open. */
    public static void write(YearModel year, SiteModel site, OutputStream out) throws IOException {
        JsonFactory factory = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
        try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
            json.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
            json.setPrettyPrinter(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeNumberField("version", VERSION);
            json.writeNumberField("year", year.number());
            json.writeStringField("edition", site.edition().key());
            json.writeStringField("title", year.report().title());
            json.writeStringField("department", year.report().department());
            json.writeStringField("money_unit", site.site().moneyUnit());
            json.writeStringField("rules", site.profile().name());
            totals(json, "totals", year.totals());
            json.writeArrayFieldStart("units");
            for (UnitModel unit : year.units()) {
                json.writeStartObject();
                json.writeStringField("id", unit.unit().id());
                json.writeStringField("name", unit.unit().name());
                totals(json, "totals", unit.totals());
                json.writeArrayFieldStart("projects");
                for (ProjectModel p : unit.projects()) project(json, p, site);
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private static void totals(JsonGenerator json, String name, Totals t) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeNumberField("projects", t.projects());
        number(json, "planned", t.planned());
        number(json, "received", t.received());
        number(json, "executed", t.executed());
        number(json, "execution_rate_percent", percent(t.executionRatio()));
        number(json, "average_stated_total", t.averageStated());
        number(json, "average_computed_total", t.averageScore());
        json.writeStringField("computed_grade", t.grade());
        json.writeObjectFieldStart("computed_grade_counts");
        for (var e : t.gradeCounts().entrySet()) json.writeNumberField(e.getKey(), e.getValue());
        json.writeEndObject();
        json.writeObjectFieldStart("stated_grade_counts");
        for (var e : t.signedGradeCounts().entrySet()) json.writeNumberField(e.getKey(), e.getValue());
        json.writeEndObject();
        number(json, "excellent_rate_percent", percent(t.excellentRatio()));
        json.writeEndObject();
    }

    private static void project(JsonGenerator json, ProjectModel model, SiteModel site) throws IOException {
        Project p = model.project();
        ProjectScore s = model.score();
        boolean internal = site.edition().showsInternalNotes();
        json.writeStartObject();
        json.writeStringField("id", p.id());
        json.writeStringField("name", p.name());
        json.writeStringField("unit", p.unitId());
        json.writeStringField("implementing_unit", p.implementingUnit());
        if (internal) json.writeStringField("status", p.isDraft() ? "draft" : "final");
        json.writeStringField("money_unit", p.moneyUnit());
        json.writeObjectFieldStart("budget");
        amounts(json, "planned", p.budget().planned());
        amounts(json, "received", p.budget().received());
        amounts(json, "executed", p.budget().executed());
        json.writeEndObject();
        json.writeArrayFieldStart("goals");
        for (Goal g : p.goals()) {
            json.writeStartObject();
            json.writeStringField("expected", g.expected());
            json.writeStringField("achieved", g.achieved());
            json.writeEndObject();
        }
        json.writeEndArray();
        Stated stated = p.stated() == null ? Stated.NONE : p.stated();
        json.writeObjectFieldStart("stated");
        number(json, "execution_rate_percent", s.statedExecutionRate());
        json.writeStringField("execution_rate_text", stated.executionRate());
        json.writeStringField("completion_text", stated.completion());
        number(json, "execution_score", s.statedExecutionScore());
        json.writeStringField("execution_score_text", stated.executionScore());
        number(json, "total", s.statedTotal());
        json.writeStringField("total_text", stated.total());
        json.writeStringField("grade", stated.grade());
        json.writeEndObject();
        json.writeObjectFieldStart("computed");
        number(json, "execution_rate_percent", rounded(s.executionRatePercent()));
        number(json, "execution_score", rounded(s.executionScore()));
        number(json, "total", s.computable() ? rounded(s.computedTotal()) : null);
        json.writeStringField("grade", s.computable() ? s.computedGrade() : null);
        json.writeStringField("uncomputable", s.uncomputable());
        json.writeEndObject();
        json.writeArrayFieldStart("indicators");
        for (IndicatorScore i : s.indicators()) {
            json.writeStartObject();
            json.writeStringField("level1", i.indicator().level1());
            json.writeStringField("level2", i.indicator().level2());
            json.writeStringField("name", i.indicator().name());
            json.writeStringField("definition", i.indicator().definition());
            json.writeStringField("target", i.indicator().target());
            json.writeStringField("actual", i.indicator().actual());
            number(json, "weight", i.indicator().weight());
            number(json, "stated_score", i.statedScore());
            json.writeStringField("stated_score_text", i.indicator().score());
            number(json, "computed_score", rounded(i.computedScore()));
            json.writeBooleanField("verifiable", i.verifiable());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("problems", HtmlComments.without(p.problems()));
        if (p.contact() != null && site.edition().showsContacts(site.site())) {
            json.writeObjectFieldStart("contact");
            json.writeStringField("name", p.contact().name());
            json.writeStringField("phone", p.contact().phone());
            json.writeEndObject();
        }
        if (internal) {
            json.writeStringField("internal", p.internal());
            json.writeArrayFieldStart("findings");
            for (Finding f : model.findings().all()) {
                FindingJson.write(json, f);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void amounts(JsonGenerator json, String name, AmountSet set) throws IOException {
        json.writeObjectFieldStart(name);
        number(json, "total", set.total());
        if (set.fiscal() != null) number(json, "fiscal", set.fiscal());
        if (set.other() != null) number(json, "other", set.other());
        json.writeEndObject();
    }

    private static BigDecimal percent(BigDecimal ratio) {
        return ratio == null ? null : Rounding.halfUp2(Rounding.percent(ratio));
    }

    private static BigDecimal rounded(BigDecimal value) {
        return value == null ? null : Rounding.halfUp2(value);
    }

    private static void number(JsonGenerator json, String name, BigDecimal value) throws IOException {
        if (value == null) json.writeNullField(name);
        else json.writeNumberField(name, value);
    }
}
