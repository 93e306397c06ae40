package jixiao.narrative;

import jixiao.diagnostic.SourcePosition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NarrativeParserTest {

    private static final String FILE = "content/2020/labor-inspection/labor-inspection-fund.md";

    private final NarrativeParser parser = new NarrativeParser();

    @Test
    void referenceWithAndWithoutSpacesIsFoundAtItsBraces() {
        List<NarrativeReference> found = references("得分{{report.score}}，等级 {{ \treport.grade  }}。", FILE);

        assertEquals(List.of(
                new NarrativeReference("report", "score", at(1, 3)),
                new NarrativeReference("report", "grade", at(1, 23))), found);
    }

    @Test
    void projectUnitAndReportScopesAreRead() {
        List<NarrativeReference> found = references(
                "{{ labor-inspection-fund.execution_rate }} {{ unit.excellent_rate }} {{ 2020-x.stated_total }}", FILE);

        assertEquals(List.of("labor-inspection-fund.execution_rate", "unit.excellent_rate", "2020-x.stated_total"),
                found.stream().map(r -> r.scope() + "." + r.figure()).toList());
    }

    @Test
    void positionsAreExactAfterCrlfLineEndingsAndInTableCells() {
        String source = "第一行\r\n"
                + "第二行 {{ report.score }}\r\n"
                + "\r\n"
                + "| 项目 | 得分 |\r\n"
                + "| --- | --- |\r\n"
                + "| 劳动监察 | {{unit.grade}} |\r\n";

        List<NarrativeReference> found = references(source, FILE);

        assertEquals(List.of(at(2, 5), at(6, 10)), positions(found));
    }

    @Test
    void positionsAreExactInsideListsQuotesAndAfterLazyContinuation() {
        String source = "> - 一 {{ report.score }}\n"
                + ">   - 二\n"
                + ">     {{ unit.grade }}\n"
                + "\n"
                + "1. 甲\n"
                + "   乙 *{{ p1.score }}*\n";

        assertEquals(List.of(at(1, 7), at(3, 7), at(6, 7)), positions(references(source, FILE)));
    }

    @Test
    void columnsCountCharactersNotUtf16UnitsAndIgnoreTheBom() {
        // 𠀀 is outside the BMP: one column for the editor, two UTF-16 units for Java.
        String source = "\uFEFF{{ report.score }}\n𠀀 {{ report.grade }}\n";

        assertEquals(List.of(at(1, 1), at(2, 3)), positions(references(source, FILE)));
    }

    @Test
    void referencesInCodeSpansAndCodeBlocksAreLiteralText() {
        String source = "行内 `{{ x.y }}` 与 ``{{ foo }}``\n"
                + "\n"
                + "```\n{{ report.score }}\n{{ unclosed\n```\n"
                + "\n"
                + "    {{ report.grade }}\n";

        NarrativeReferences scan = parser.scan(source, FILE);

        assertEquals(List.of(), scan.references());
        assertEquals(List.of(), scan.malformed());
    }

    @Test
    void backslashEscapedBracesAreNotAReference() {
        NarrativeReferences scan = parser.scan("模板写法：\\{{ report.score }}", FILE);

        assertEquals(List.of(), scan.references());
        assertEquals(List.of(), scan.malformed());
    }

    @Test
    void malformedReferencesAreReportedAtTheirBraces() {
        String source = "甲 {{ foo }} 乙\n"
                + "{{ a.b.c }}\n"
                + "{{ Report.Score }} {{ report. score }}\n"
                + "末尾 {{ x.y";

        NarrativeReferences scan = parser.scan(source, FILE);

        assertEquals(List.of(), scan.references());
        assertEquals(List.of(
                new MalformedReference("{{ foo }}", at(1, 3)),
                new MalformedReference("{{ a.b.c }}", at(2, 1)),
                new MalformedReference("{{ Report.Score }}", at(3, 1)),
                new MalformedReference("{{ report. score }}", at(3, 20)),
                new MalformedReference("{{ x.y", at(4, 4))), scan.malformed());
    }

    @Test
    void referenceDoesNotSpanLines() {
        NarrativeReferences scan = parser.scan("{{ report.\nscore }}", FILE);

        assertEquals(List.of(), scan.references());
        assertEquals(List.of(new MalformedReference("{{ report.", at(1, 1))), scan.malformed());
    }

    @Test
    void goodReferenceAfterAMalformedOneIsStillFound() {
        NarrativeReferences scan = parser.scan("{{{{ report.score }}", FILE);

        assertEquals(List.of(new NarrativeReference("report", "score", at(1, 3))), scan.references());
        assertEquals(List.of(new MalformedReference("{{{{ report.score }}", at(1, 1))), scan.malformed());
    }

    @Test
    void unclosedReferenceIsQuotedShortly() {
        NarrativeReferences scan = parser.scan("{{ " + "很长的说明".repeat(20), FILE);

        // Thirty characters after the braces, then an ellipsis.
        assertEquals("{{ 很长的说明很长的说明很长的说明很长的说明很长的说明很长的说…", scan.malformed().get(0).text());
    }

    @Test
    void referencesInLinkTextAreFoundButNotInDestinations() {
        List<NarrativeReference> found = references("[{{ report.score }}]({{report.url}})", FILE);

        assertEquals(List.of(new NarrativeReference("report", "score", at(1, 2))), found);
    }

    /** Callers that rewrite the text (the comparison's masking, later prose checks) need where each one starts and ends. */
    @Test
    void occurrencesSpanTheTextAsGivenAfterAByteOrderMark() {
        String source = "\uFEFF得分 {{ report.score }} 与 {{ x";

        List<Occurrence> found = parser.parse(source, FILE).occurrences();

        assertEquals("{{ report.score }}", source.substring(found.get(0).start(), found.get(0).end()));
        assertEquals(new NarrativeReference("report", "score", at(1, 4)), found.get(0).reference());
        assertEquals("{{", source.substring(found.get(1).start(), found.get(1).end()));
        assertEquals(new MalformedReference("{{ x", at(1, 25)), found.get(1).malformed());
    }

    @Test
    void unitAndReportHaveEveryFigureAndAProjectAllButTheTotals() {
        assertEquals(List.of("planned", "received", "executed", "execution_rate", "score", "stated_total", "grade"), Figure.keys(false));
        assertEquals(List.of("planned", "received", "executed", "execution_rate", "score", "stated_total", "grade",
                "projects", "excellent_rate"), Figure.keys(true));
    }

    private List<NarrativeReference> references(String source, String file) {
        return parser.scan(source, file).references();
    }

    private static SourcePosition at(int line, int column) {
        return new SourcePosition(FILE, line, column);
    }

    private static List<SourcePosition> positions(List<NarrativeReference> references) {
        return references.stream().map(NarrativeReference::position).toList();
    }
}
