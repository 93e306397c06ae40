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
 * The search index the script reads: the edition's units, projects and indicators, newest year first, as a
 * tree that says each name once: {@code [{"y": 年度, "u": [{"t": unit, "d": its folder, "p": [{"t": project,
 * "f": its page's file name without .html, "a": its id when that differs, "i": [indicator names]}]}]}]}. The
 * script turns it into one entry per unit, project and indicator with its kind, text, context and page; the
 * earlier flat list repeated the context and the page with every indicator, six times the bytes
 * (15 MB against about 2 MB at 10,000 projects).
 * Only names and links: no figure, contact, note or finding, so the index can never say more than the pages it
 * links to (and holds only what the edition's model holds: the public one has no drafts).
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
                json.writeRaw('\n');
                json.writeStartObject();
                json.writeStringField("y", year.number() + "年度");
                json.writeArrayFieldStart("u");
                for (UnitModel unit : year.units()) {
                    String folder = folder(unit.path());
                    json.writeRaw('\n');
                    json.writeStartObject();
                    json.writeStringField("t", orEmpty(unit.unit().name()));
                    json.writeStringField("d", folder);
                    json.writeArrayFieldStart("p");
                    for (ProjectModel pm : unit.projects()) project(json, pm, folder);
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeRaw('\n');
        }
    }

    private static void project(JsonGenerator json, ProjectModel pm, String folder) throws IOException {
        String path = pm.path();
        if (!path.startsWith(folder) || !path.endsWith(".html")) {
            throw new IllegalStateException("a project page outside its unit's folder: " + path);
        }
        String file = path.substring(folder.length(), path.length() - ".html".length());
        String id = pm.project().id();
        json.writeRaw('\n');
        json.writeStartObject();
        json.writeStringField("t", orEmpty(pm.project().name()));
        json.writeStringField("f", file);
        // The anchors of the indicators' rows on the project page are the id + "-i" + position (Forms).
        if (!id.equals(file)) json.writeStringField("a", id);
        json.writeArrayFieldStart("i");
        for (Indicator indicator : pm.project().indicators()) json.writeString(orEmpty(indicator.name()));
        json.writeEndArray();
        json.writeEndObject();
    }

    /** {@code 2020/unit/} of {@code 2020/unit/index.html}. */
    private static String folder(String unitPage) {
        return unitPage.substring(0, unitPage.lastIndexOf('/') + 1);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
