package jixiao.diagnostic;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/** A finding as a JSON object, the same in `check --format json` and in a year's data.json. */
public final class FindingJson {

    private FindingJson() {
    }

    public static void write(JsonGenerator json, Finding f) throws IOException {
        json.writeStartObject();
        json.writeStringField("file", Visible.escape(f.position().file()));
        json.writeNumberField("line", f.position().line());
        json.writeNumberField("column", f.position().column());
        json.writeStringField("severity", f.severity().label());
        json.writeStringField("code", f.code());
        json.writeStringField("message", f.message());
        json.writeEndObject();
    }
}
