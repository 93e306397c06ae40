package jixiao.render;

import jixiao.testing.Builds;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** report.docx of the real 2020 content, read back with POI's XWPF, an independent reader of the format. */
class DocxReportTest {

    @TempDir
    static Path out;
    static byte[] internalBytes;
    static XWPFDocument internal;
    static XWPFDocument published;

    @BeforeAll
    static void build() throws IOException {
        Builds.build(Builds.realContent(), out);
        internalBytes = Files.readAllBytes(out.resolve("internal/2020/report.docx"));
        internal = new XWPFDocument(new ByteArrayInputStream(internalBytes));
        published = new XWPFDocument(new ByteArrayInputStream(Files.readAllBytes(out.resolve("public/2020/report.docx"))));
    }

    @AfterAll
    static void close() throws IOException {
        internal.close();
        published.close();
    }

    @Test
    void theFormsOfSmallUnitsAreDeflatedAsOnePiece() throws IOException {
        // content/'s 2020 has 22 forms in 6 units: a piece each made the report 14% larger; together they are one.
        jixiao.check.CheckResult result = jixiao.check.Checker.check(new jixiao.content.DirectorySource(Builds.realContent()));
        jixiao.site.SiteModel site = jixiao.site.SiteModel.build(result, jixiao.site.FindingIndex.of(result.findings()),
                jixiao.compare.Edition.INTERNAL);
        jixiao.site.YearModel year = site.years().get(0);
        List<String> pieces = new java.util.ArrayList<>();
        PieceMemo naming = (name, data, make) -> {
            pieces.add(name);
            return make.writeTo(data);
        };
        PieceMemo.using(naming, () -> DocxReport.of(year, site, new Markdown(0)));
        StringBuilder all = new StringBuilder("forms first");
        for (jixiao.site.UnitModel unit : year.units()) all.append(' ').append(unit.unit().id());
        assertEquals(List.of(all.toString()), pieces);
        assertTrue(year.units().size() > 1);
    }

    static List<XWPFTable> forms(XWPFDocument doc) {
        return doc.getTables().stream().filter(t -> t.getRow(0).getCell(0).getText().equals("一、基本情况")).toList();
    }

    static XWPFTable form(XWPFDocument doc, String name) {
        return forms(doc).stream().filter(t -> t.getRow(1).getCell(1).getText().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void bothEditionsHaveEveryFormOfTheYear() {
        assertEquals(22, forms(internal).size());
        assertEquals(22, forms(published).size());
    }

    @Test
    void theReportStartsWithItsTitleAndNarrativeHeadings() {
        List<XWPFParagraph> paragraphs = internal.getParagraphs();
        assertEquals("人社局2020年度财政专项资金绩效自评报告", paragraphs.get(0).getText());
        assertEquals("Title", paragraphs.get(0).getStyle());
        XWPFParagraph heading = paragraphs.stream().filter(p -> p.getText().equals("一、基本情况")).findFirst().orElseThrow();
        assertEquals("Heading1", heading.getStyle());
        XWPFParagraph second = paragraphs.stream().filter(p -> p.getText().equals("（一）总体情况。")).findFirst().orElseThrow();
        assertEquals("Heading2", second.getStyle());
        List<String> texts = paragraphs.stream().map(XWPFParagraph::getText).toList();
        assertTrue(texts.indexOf("附件1") < texts.indexOf("附件2"), texts.toString());
        assertTrue(texts.contains("部门绩效自评情况统计表"));
        assertTrue(texts.contains("项目汇总表"));
    }

    @Test
    void theFormCarriesTheSignedFiguresAsWritten() {
        XWPFTable t = form(internal, "劳动监察专项资金");
        assertEquals("劳动和社会保障监察大队", t.getRow(1).getCell(3).getText());
        assertEquals("合计", t.getRow(4).getCell(0).getText());
        assertEquals(List.of("合计", "5", "5", "4.9745", "99%"), texts(t.getRow(4)));
        assertEquals(List.of("其中：财政资金", "5", "5", "4.9745", ""), texts(t.getRow(5)));
        int indicators = rowIndex(t, "一级指标") + 1;
        assertEquals(List.of("产出指标（50）", "数量指标", "规模以上企业劳动合同签订率（%）", "规模以上企业劳动合同签订数占应签订数的比率",
                "≥100%", "100.00", "", "9", ""), texts(t.getRow(indicators)));
        int total = rowIndex(t, "总分");
        assertEquals(List.of("总分", "95"), texts(t.getRow(total)));
        assertEquals(List.of("评价等级", "优"), texts(t.getRow(total + 1)));
        assertEquals(List.of("预算执行率（10）", "预算执行率", "", "", "", "", "10", "10", ""), texts(t.getRow(total - 1)));
    }

    @Test
    void levelOneAndTwoCellsAreMergedDownAsOnPaper() {
        XWPFTable t = form(internal, "劳动监察专项资金");
        int first = rowIndex(t, "一级指标") + 1;
        // 产出指标 covers four rows (三 数量, 一 质量); 数量指标 the first three.
        assertEquals(STMerge.RESTART, merge(t.getRow(first).getCell(0)));
        for (int r = first + 1; r < first + 4; r++) assertEquals(STMerge.CONTINUE, merge(t.getRow(r).getCell(0)), "row " + r);
        assertEquals(STMerge.RESTART, merge(t.getRow(first + 4).getCell(0)));
        assertEquals("效益指标（30）", t.getRow(first + 4).getCell(0).getText());
        assertEquals(STMerge.RESTART, merge(t.getRow(first).getCell(1)));
        assertEquals(STMerge.CONTINUE, merge(t.getRow(first + 2).getCell(1)));
        assertEquals("质量指标", t.getRow(first + 3).getCell(1).getText());
        assertEquals(STMerge.RESTART, merge(t.getRow(first + 3).getCell(1)));
        // The 预算执行进度 cell is merged down the three amount rows.
        assertEquals(STMerge.RESTART, merge(t.getRow(4).getCell(4)));
        assertEquals(STMerge.CONTINUE, merge(t.getRow(6).getCell(4)));
        assertEquals(BigInteger.valueOf(9), t.getRow(0).getCell(0).getCTTc().getTcPr().getGridSpan().getVal());
    }

    @Test
    void contactsAreInTheInternalEditionOnly() {
        XWPFTable t = form(internal, "劳动监察专项资金");
        assertEquals(List.of("填报人", "张明静", "联系电话", "5776425"), texts(t.getRow(t.getNumberOfRows() - 1)));
        XWPFTable p = form(published, "劳动监察专项资金");
        assertEquals("五、存在问题、原因及下一步整改措施", p.getRow(p.getNumberOfRows() - 2).getCell(0).getText());
        assertFalse(text(published).contains("填报人"));
        assertFalse(text(published).contains("张明静"));
    }

    @Test
    void theInternalEditionAddsTheFindings() {
        assertTrue(text(internal).contains("核查发现"));
        assertTrue(text(internal).contains("grade-mismatch"), "a finding of the content is listed");
        assertFalse(text(published).contains("核查发现"));
        assertFalse(text(published).contains("grade-mismatch"));
    }

    @Test
    void theSummaryTablesYearColumnIsWideEnoughForAYear() throws IOException {
        String xml = entry(internalBytes, "word/document.xml");
        Matcher grid = Pattern.compile("项目汇总表.*?<w:tblGrid><w:gridCol w:w=\"(\\d+)\"/>", Pattern.DOTALL).matcher(xml);
        assertTrue(grid.find(), "the 项目汇总表 has a grid");
        // "2020" is four half-widths of 95 twips at 9 pt, plus the cell's margins (220): it must not wrap as 202/0.
        assertTrue(Integer.parseInt(grid.group(1)) >= 4 * 95 + 220, "年度 column " + grid.group(1));
    }

    @Test
    void eachFormStartsOnANewPage() throws IOException {
        String xml = entry(internalBytes, "word/document.xml");
        Matcher titles = Pattern.compile("<w:pStyle w:val=\"FormTitle\"/>").matcher(xml);
        int count = 0;
        while (titles.find()) {
            count++;
            String before = xml.substring(Math.max(0, titles.start() - 400), titles.start());
            String after = xml.substring(titles.end(), Math.min(xml.length(), titles.end() + 40));
            assertTrue(after.startsWith("<w:pageBreakBefore/>") || before.contains("<w:sectPr>"),
                    "form " + count + " starts a page: " + before + "|" + after);
        }
        assertEquals(22, count);
        // A break in a paragraph of its own after a table that fills its page makes a blank page (LibreOffice).
        assertFalse(xml.contains("<w:br w:type=\"page\"/>"), "no empty page-break paragraphs");
    }

    @Test
    void pagesAreA4PortraitWithPageNumbersInTheFooter() throws IOException {
        CTSectPr last = internal.getDocument().getBody().getSectPr();
        assertEquals(BigInteger.valueOf(11906), last.getPgSz().getW());
        assertEquals(BigInteger.valueOf(16838), last.getPgSz().getH());
        assertEquals(1, internal.getFooterList().size());
        assertTrue(entry(internalBytes, "word/footer1.xml").contains("w:instr=\" PAGE \""));
    }

    @Test
    void fontsAreSetForEastAsianText() throws IOException {
        String styles = entry(internalBytes, "word/styles.xml");
        assertTrue(styles.contains("<w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"仿宋_GB2312\""), styles);
        assertTrue(styles.contains("<w:style w:type=\"paragraph\" w:styleId=\"Heading1\">"), styles);
        assertEquals("黑体", internal.getStyles().getStyle("Heading1").getCTStyle().getRPr().getRFontsArray(0).getEastAsia());
        assertEquals("宋体", internal.getStyles().getStyle("TableText").getCTStyle().getRPr().getRFontsArray(0).getEastAsia());
        assertTrue(entry(internalBytes, "word/styles.xml").contains("w:eastAsia=\"zh-CN\""));
        assertTrue(entry(internalBytes, "word/fontTable.xml").contains("<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/><w:charset w:val=\"86\"/>"));
    }

    @Test
    void captionsAreBoldAndCentredByTheirStyleNotCellByCell() {
        XWPFTable form = forms(internal).get(0);
        var caption = form.getRow(1).getCell(0).getParagraphs().get(0);
        assertEquals("项目名称", caption.getText());
        assertEquals("TableLabel", caption.getStyle());
        assertFalse(caption.getRuns().get(0).getCTR().isSetRPr(), "no bold of its own: the style's");
        assertFalse(caption.getCTP().getPPr().isSetJc(), "no alignment of its own: the style's");
        var label = internal.getStyles().getStyle("TableLabel").getCTStyle();
        assertEquals("TableCenter", label.getBasedOn().getVal());
        assertTrue(label.getRPr().sizeOfBArray() == 1 && label.getRPr().sizeOfBCsArray() == 1, "bold, in Chinese text too");
        assertEquals("center", internal.getStyles().getStyle("TableCenter").getCTStyle().getPPr().getJc().getVal().toString());
        var name = form.getRow(1).getCell(1).getParagraphs().get(0);
        assertEquals("TableText", name.getStyle());
    }

    @Test
    void theSameContentGivesTheSameBytes(@TempDir Path again) throws IOException {
        Builds.build(Builds.realContent(), again);
        assertArrayEquals(internalBytes, Files.readAllBytes(again.resolve("internal/2020/report.docx")));
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(internalBytes))) {
            List<String> names = new ArrayList<>();
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
                assertEquals(FixedZip.ENTRY_TIME, e.getTimeLocal(), e.getName());
            }
            assertEquals("[Content_Types].xml", names.get(0));
        }
    }

    @Test
    void textFromContentIsEscaped(@TempDir Path out2) throws IOException {
        // The fixture's report.md holds <script> and a javascript: link; the document must still be well-formed XML.
        Builds.build(Builds.fixtureContent(), out2);
        byte[] bytes = Files.readAllBytes(out2.resolve("internal/2020/report.docx"));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            assertTrue(text(doc).contains("<script>alert(\"x\")</script>"), text(doc));
        }
        assertTrue(entry(bytes, "word/document.xml").contains("&lt;script&gt;"));
    }

    @Test
    void customPropertiesNameEachFormForImport() throws IOException {
        String custom = entry(internalBytes, "docProps/custom.xml");
        assertTrue(custom.contains("name=\"jixiao.form.1\"><vt:lpwstr>labor-inspection/labor-inspection-fund\t1\t劳动监察专项资金</vt:lpwstr>"), custom);
        assertNotNull(internal.getProperties().getCustomProperties().getProperty("jixiao.form.22"));
        assertNull(internal.getProperties().getCustomProperties().getProperty("jixiao.form.23"));
    }

    // ------------------------------------------------------------------ helpers

    private static STMerge.Enum merge(XWPFTableCell cell) {
        CTTcPr pr = cell.getCTTc().getTcPr();
        if (pr == null || pr.getVMerge() == null) return null;
        return pr.getVMerge().getVal() == null ? STMerge.CONTINUE : pr.getVMerge().getVal();
    }

    private static List<String> texts(XWPFTableRow row) {
        return row.getTableCells().stream().map(XWPFTableCell::getText).toList();
    }

    private static int rowIndex(XWPFTable t, String first) {
        for (int r = 0; r < t.getNumberOfRows(); r++) if (t.getRow(r).getCell(0).getText().equals(first)) return r;
        throw new AssertionError("no row " + first);
    }

    private static String text(XWPFDocument doc) {
        StringBuilder b = new StringBuilder();
        for (XWPFParagraph p : doc.getParagraphs()) b.append(p.getText()).append('\n');
        for (XWPFTable t : doc.getTables()) b.append(t.getText()).append('\n');
        return b.toString();
    }

    static String entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no entry " + name);
    }
}
