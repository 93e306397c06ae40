package jixiao.render;

import jixiao.diagnostic.SourcePosition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MarkdownReferencesTest {

    private static final String FILE = "content/2020/labor-inspection/labor-inspection-fund.md";

    private final Markdown markdown = new Markdown(1);

    @Test
    void referenceWithAndWithoutSpacesIsFoundAtItsBraces() {
        List<NarrativeReference> found = markdown.references("得分{{report.score}}，等级 {{ \treport.grade  }}。", FILE);

        assertEquals(List.of(
                new NarrativeReference("report", "score", at(1, 3)),
                new NarrativeReference("report", "grade", at(1, 23))), found);
    }

    @Test
    void projectUnitAndReportScopesAreRead() {
        List<NarrativeReference> found = markdown.references(
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

        List<NarrativeReference> found = markdown.references(source, FILE);

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

        assertEquals(List.of(at(1, 7), at(3, 7), at(6, 7)), positions(markdown.references(source, FILE)));
    }

    @Test
    void columnsCountCharactersNotUtf16UnitsAndIgnoreTheBom() {
        // 𠀀 is outside the BMP: one column for the editor, two UTF-16 units for Java.
        String source = "\uFEFF{{ report.score }}\n𠀀 {{ report.grade }}\n";

        assertEquals(List.of(at(1, 1), at(2, 3)), positions(markdown.references(source, FILE)));
    }

    @Test
    void referencesInCodeSpansAndCodeBlocksAreLiteralText() {
        String source = "行内 `{{ x.y }}` 与 ``{{ foo }}``\n"
                + "\n"
                + "```\n{{ report.score }}\n{{ unclosed\n```\n"
                + "\n"
                + "    {{ report.grade }}\n";

        NarrativeReferences scan = markdown.scan(source, FILE);

        assertEquals(List.of(), scan.references());
        assertEquals(List.of(), scan.malformed());
    }

    @Test
    void backslashEscapedBracesAreNotAReference() {
        NarrativeReferences scan = markdown.scan("模板写法：\\{{ report.score }}", FILE);

        assertEquals(List.of(), scan.references());
        assertEquals(List.of(), scan.malformed());
    }

    @Test
    void malformedReferencesAreReportedAtTheirBraces() {
        String source = "甲 {{ foo }} 乙\n"
                + "{{ a.b.c }}\n"
                + "{{ Report.Score }} {{ report. score }}\n"
                + "末尾 {{ x.y";

        NarrativeReferences scan = markdown.scan(source, FILE);

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
        NarrativeReferences scan = markdown.scan("{{ report.\nscore }}", FILE);

        assertEquals(List.of(), scan.references());
        assertEquals(List.of(new MalformedReference("{{ report.", at(1, 1))), scan.malformed());
    }

    @Test
    void goodReferenceAfterAMalformedOneIsStillFound() {
        NarrativeReferences scan = markdown.scan("{{{{ report.score }}", FILE);

        assertEquals(List.of(new NarrativeReference("report", "score", at(1, 3))), scan.references());
        assertEquals(List.of(new MalformedReference("{{{{ report.score }}", at(1, 1))), scan.malformed());
    }

    @Test
    void unclosedReferenceIsQuotedShortly() {
        NarrativeReferences scan = markdown.scan("{{ " + "很长的说明".repeat(20), FILE);

        // Thirty characters after the braces, then an ellipsis.
        assertEquals("{{ 很长的说明很长的说明很长的说明很长的说明很长的说明很长的说…", scan.malformed().get(0).text());
    }

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

    @Test
    void referencesInLinkTextAreFoundButNotInDestinations() {
        List<NarrativeReference> found = markdown.references("[{{ report.score }}]({{report.url}})", FILE);

        assertEquals(List.of(new NarrativeReference("report", "score", at(1, 2))), found);
    }

    private static SourcePosition at(int line, int column) {
        return new SourcePosition(FILE, line, column);
    }

    private static List<SourcePosition> positions(List<NarrativeReference> references) {
        return references.stream().map(NarrativeReference::position).toList();
    }
}
