package jixiao.render;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import jixiao.content.Indicator;
import jixiao.site.ProjectModel;
import jixiao.site.SiteModel;
import jixiao.site.UnitModel;
import jixiao.site.YearModel;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The search index the script reads: one entry per unit, project and indicator of the edition,
 * newest year first, each with its kind ({@code k}: 单位, 项目, 指标), its text ({@code t}), where it is
 * ({@code c}: year, unit, project) and its page ({@code u}, from the edition's root). Only names and
 * links: no figure, contact, note or finding, so the index can never say more than the pages it links to
 * (and holds only what the edition's model holds: the public one has no drafts).
 */
final class SearchIndex {

    private SearchIndex() {
    }

    static void write(SiteModel site, OutputStream out) throws IOException {
        JsonFactory factory = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
        try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartArray();
            List<YearModel> years = site.years();
            for (int i = years.size() - 1; i >= 0; i--) {
                YearModel year = years.get(i);
                String y = year.number() + "年度";
                for (UnitModel unit : year.units()) {
                    String u = unit.unit().name();
                    entry(json, "单位", u, y, unit.path());
                    for (ProjectModel pm : unit.projects()) {
                        String name = pm.project().name();
                        entry(json, "项目", name, y + " · " + u, pm.path());
                        List<Indicator> indicators = pm.project().indicators();
                        for (int n = 0; n < indicators.size(); n++) {
                            // The anchor of the indicator's row on the project page (Forms: "i" + position).
                            entry(json, "指标", indicators.get(n).name(), y + " · " + name,
                                    pm.path() + "#" + pm.project().id() + "-i" + (n + 1));
                        }
                    }
                }
            }
            json.writeEndArray();
            json.writeRaw('\n');
        }
    }

    private static void entry(JsonGenerator json, String kind, String text, String context, String path) throws IOException {
        json.writeRaw('\n');
        json.writeStartObject();
        json.writeStringField("k", kind);
        json.writeStringField("t", text == null ? "" : text);
        json.writeStringField("c", context);
        json.writeStringField("u", path);
        json.writeEndObject();
    }
}
