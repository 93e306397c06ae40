package jixiao.render;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class MarkdownGoldenTest {

    private static final Map<String, String> FIGURES = Map.ofEntries(
            Map.entry("labor-inspection-fund.planned", "5万元"),
            Map.entry("labor-inspection-fund.executed", "4.9745万元"),
            Map.entry("labor-inspection-fund.execution_rate", "99.49%"),
            Map.entry("unit.projects", "3"),
            Map.entry("unit.planned", "120万元"),
            Map.entry("unit.executed", "118.3万元"),
            Map.entry("unit.execution_rate", "98.58%"),
            Map.entry("report.score", "95.5"),
            Map.entry("report.grade", "优"));

    private final Markdown markdown = new Markdown(1);

    @Test
    void narrativeRendersAsGolden() throws IOException {
        String source = resource("golden/markdown/narrative.md");
        String expected = resource("golden/markdown/narrative.html");

        String html = markdown.toHtml(source, "content/2020/labor-inspection/unit.md",
                reference -> FIGURES.get(reference.scope() + "." + reference.figure()));

        assertEquals(expected, html);
    }

    @Test
    void goldenOutputDoesNotDependOnLineEndings() throws IOException {
        String source = resource("golden/markdown/narrative.md");

        String lf = markdown.toHtml(source, reference -> FIGURES.get(reference.scope() + "." + reference.figure()));
        String crlf = markdown.toHtml(source.replace("\n", "\r\n"), reference -> FIGURES.get(reference.scope() + "." + reference.figure()));

        assertEquals(lf, crlf);
        assertFalse(crlf.contains("\r"));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = MarkdownGoldenTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, "missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
