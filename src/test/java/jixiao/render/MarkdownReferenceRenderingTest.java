package jixiao.render;

import jixiao.diagnostic.SourcePosition;
import jixiao.narrative.NarrativeReference;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How rendering uses the references the narrative parser finds; the grammar itself is pinned in NarrativeParserTest. */
class MarkdownReferenceRenderingTest {

    private static final String FILE = "content/2020/labor-inspection/labor-inspection-fund.md";

    private final Markdown markdown = new Markdown(1);

    @Test
    void malformedReferenceIsShownAsWrittenAndNotResolved() {
        List<NarrativeReference> asked = new ArrayList<>();

        String html = markdown.toHtml("{{ foo }} 与 {{ report.grade }} 与 {{ x.y", FILE, r -> {
            asked.add(r);
            return "优";
        });

        assertEquals("<p>{{ foo }} 与 优 与 {{ x.y</p>\n", html);
        assertEquals(List.of(new NarrativeReference("report", "grade", at(1, 13))), asked);
    }

    @Test
    void resolverIsCalledInDocumentOrderWithPositions() {
        List<NarrativeReference> asked = new ArrayList<>();

        markdown.toHtml("# {{ report.grade }}\n\n| a |\n|---|\n| {{ unit.score }} |\n", FILE, r -> {
            asked.add(r);
            return "x";
        });

        assertEquals(List.of(
                new NarrativeReference("report", "grade", at(1, 3)),
                new NarrativeReference("unit", "score", at(5, 3))), asked);
    }

    private static SourcePosition at(int line, int column) {
        return new SourcePosition(FILE, line, column);
    }
}
