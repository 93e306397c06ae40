package jixiao.render;

import jixiao.content.AmountSet;
import jixiao.content.DocumentIds;
import jixiao.content.ExecutionRow;
import jixiao.content.Indicator;
import jixiao.content.Project;
import jixiao.content.Report;
import jixiao.content.Stated;
import jixiao.diagnostic.Finding;
import jixiao.render.WordXml.Align;
import jixiao.render.WordXml.Cell;
import jixiao.render.WordXml.Merge;
import jixiao.site.Figures;
import jixiao.site.Form;
import jixiao.site.FindingView;
import jixiao.site.Forms;
import jixiao.site.ProjectModel;
import jixiao.site.SiteModel;
import jixiao.site.UnitModel;
import jixiao.site.YearModel;
import jixiao.content.HtmlComments;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * report.docx of a year, the 绩效自评报告 to hand to the 财政局: the report's narrative (and each unit's) with
 * its headings; 附件1, the 统计表 and the 项目汇总表 (the rows of summary.xlsx, on landscape pages); 附件2, each
 * 部门预算项目绩效自评表 as a Word table laid out like the paper form, one per page; and in the internal edition
 * 附件3, the findings. A4, page numbers in the footer, 仿宋_GB2312 for text, 黑体 for headings and 宋体 in tables,
 * each set for East Asian text with an alternative that machines without the font have.
 *
 * <p>The forms carry the signed figures as written (the stated ones, never the computed), so that
 * {@code jixiao import} reads back what the YAML says. The document's custom properties name each form's
 * unit and project id, which import uses when the form's name still matches.
 *
 * <p>WordprocessingML is written here directly, not with Apache POI's XWPF: POI takes about a second to load on
 * every build (the reason summary.xlsx moved to fastexcel), and this way the bytes depend on nothing but the
 * model: fixed entry order and times, and the publication date (or none) as creation date.
 */
final class DocxReport {

    /** Grid of the form table, in twentieths of a point: 一级, 二级, 三级, 指标解释, 预期, 实际, 分值, 自评得分, 偏差原因. */
    static final int[] FORM_GRID = {900, 900, 1300, 1345, 850, 850, 600, 700, 1400};
    static final String FORM_TITLE = "部门预算项目绩效自评表";

    /** A4 in twentieths of a point, margins of GB/T 9704 (3.7 cm top, 3.5 bottom, 2.8 left, 2.6 right). */
    private static final String PORTRAIT = "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
            + "<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>";
    private static final String LANDSCAPE = "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"
            + "<w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"851\" w:footer=\"850\" w:gutter=\"0\"/>";
    private static final int LANDSCAPE_WIDTH = 16838 - 2 * 1440;
    /**
     * Forms a piece of word/document.xml holds at least (a unit's, or several small units' together): an edit to one
     * form makes its piece again. A piece's deflate starts afresh, so fewer, larger pieces compress better.
     */
    private static final int FORMS_PER_PIECE = 50;

    private final YearModel year;
    private final SiteModel site;
    private final Markdown markdown;
    private final Utf8Builder x = new Utf8Builder(64 * 1024);
    private OutputStream out;

    private DocxReport(YearModel year, SiteModel site, Markdown markdown) {
        this.year = year;
        this.site = site;
        this.markdown = markdown;
    }

    /** The whole document in memory (for tests; the build streams it with {@link #write}). */
    static byte[] of(YearModel year, SiteModel site, Markdown markdown) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try {
            write(year, site, markdown, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Writes the document to {@code out} (left open), the parts in a fixed order, each at the same fixed time.
     * word/document.xml is streamed form by form: a year of thousands of forms is hundreds of megabytes of XML,
     * never held whole. Entries are deflated at zlib's default level, not the fastest: the form XML repeats
     * itself, and lazy matching (levels 4 and up) finds it. A 10,000-project year's word/document.xml (140 MB)
     * deflates to 4.2 MB instead of 7.1 MB for about 0.4 s more CPU (gzip -6 against -1; BENCHMARKS.md,
     * "Page weight (seventh session)").
     */
    static void write(YearModel year, SiteModel site, Markdown markdown, OutputStream out) throws IOException {
        DocxReport report = new DocxReport(year, site, markdown);
        DeflatedZip zip = new DeflatedZip(out);
        zip.entry(FixedZip.CONTENT_TYPES, utf8(CONTENT_TYPES));
        zip.entry("_rels/.rels", utf8(PACKAGE_RELS));
        zip.entry("docProps/core.xml", SummaryXlsx.coreProperties(year));
        zip.entry("docProps/custom.xml", report.customProperties());
        OutputStream document = zip.begin("word/document.xml");
        zip.end(report.document(document));
        zip.entry("word/_rels/document.xml.rels", utf8(DOCUMENT_RELS));
        zip.entry("word/styles.xml", utf8(STYLES));
        zip.entry("word/settings.xml", utf8(SETTINGS));
        zip.entry("word/fontTable.xml", utf8(FONT_TABLE));
        zip.entry("word/footer1.xml", utf8(FOOTER));
        zip.finish();
        out.flush();
    }

    // ------------------------------------------------------------------ the document

    /**
     * Writes word/document.xml, deflated in pieces ({@link Deflated}): the start (the narratives, and 附件1, which
     * lists every project), the forms of each unit, and the end (附件3, every finding). An incremental build keeps
     * each unit's forms ({@link PieceMemo}): after an edit to one project only its unit's forms are made again.
     */
    private Deflated.Sums document(OutputStream data) throws IOException {
        Deflated.Sums sums = piece(data, false, () -> {
            x.markup("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"")
                    .markup(WordXml.W).markup("\" xmlns:r=\"").markup(WordXml.R).markup("\"><w:body>");
            Report report = year.report();
            WordXml.paragraph(x, "Title", Align.CENTER, report.title());
            if (report.department() != null && !report.department().isBlank()) {
                WordXml.paragraph(x, "Subtitle", Align.CENTER, report.department());
            }
            if (report.published() != null) WordXml.paragraph(x, "Subtitle", Align.CENTER, report.published().toString());
            if (report.narrative() != null) narrative(report.narrative().markdown(), report.narrative().file(), null);
            for (UnitModel unit : year.units()) {
                if (unit.unit().narrative() != null) narrative(unit.unit().narrative().markdown(), unit.unit().narrative().file(), unit);
            }
            sectionEnd(PORTRAIT);

            appendixOne();
            sectionEnd(LANDSCAPE);

            WordXml.paragraph(x, "Heading1", null, "附件2");
        });
        PieceMemo memo = PieceMemo.current();
        boolean first = true;
        List<UnitModel> group = new ArrayList<>();
        int forms = 0;
        List<UnitModel> units = year.units();
        for (int u = 0; u < units.size(); u++) {
            group.add(units.get(u));
            forms += units.get(u).projects().size();
            // Units with few forms go together: each piece starts without the forms before it to refer to, and one
            // piece per unit of one to four forms made a small report 14% larger.
            if (forms < FORMS_PER_PIECE && u < units.size() - 1 || forms == 0) continue;
            List<UnitModel> these = List.copyOf(group);
            boolean firstForm = first;
            StringBuilder name = new StringBuilder("forms").append(firstForm ? " first" : "");
            for (UnitModel unit : these) name.append(' ').append(unit.unit().id());
            sums = sums.then(memo.piece(name.toString(), data, out -> piece(out, false, () -> {
                boolean newPage = !firstForm;
                for (UnitModel unit : these) {
                    for (ProjectModel project : unit.projects()) {
                        form(project, newPage);
                        newPage = true;
                        flush();
                    }
                }
            })));
            first = false;
            group.clear();
            forms = 0;
        }
        return sums.then(piece(data, true, () -> {
            if (site.edition().showsFindings()) findingsAppendix();
            x.markup("<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>").markup(PORTRAIT)
                    .markup("<w:pgNumType w:fmt=\"decimal\"/></w:sectPr></w:body></w:document>");
        }));
    }

    /** What writes the XML of a piece of the document. */
    private interface Xml {
        void write() throws IOException;
    }

    /** Writes {@code xml} as a piece of its own to {@code data}; the {@code last} piece ends the deflate stream. */
    private Deflated.Sums piece(OutputStream data, boolean last, Xml xml) throws IOException {
        Deflated.Piece piece = new Deflated.Piece(data);
        out = piece;
        xml.write();
        flush();
        out = null;
        return last ? piece.last() : piece.end();
    }

    /** Hands what is written so far to the stream, in one block (a form at a time). */
    private void flush() throws IOException {
        x.writeTo(out);
    }

    /** Ends the section so far: its last paragraph carries the page setup, and the next starts on a new page. */
    private void sectionEnd(String page) {
        x.markup("<w:p><w:pPr><w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>").markup(page)
                .markup("</w:sectPr></w:pPr></w:p>");
    }

    // ------------------------------------------------------------------ narratives

    private void narrative(String text, String file, UnitModel unit) {
        if (text == null || text.isBlank()) return;
        // Comments are the editor's notes: in no output, the Word document included.
        Node document = markdown.resolved(HtmlComments.without(text), file, ref -> Figures.resolve(year, unit, ref.scope(), ref.figure()));
        blocks(document, 0);
    }

    private void blocks(Node parent, int listDepth) {
        int number = parent instanceof OrderedList ordered ? ordered.getMarkerStartNumber() : 1;
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof ListItem item) {
                String marker = "  ".repeat(Math.max(0, listDepth - 1)) + (parent instanceof OrderedList ? (number++) + ". " : "• ");
                Node content = item.getFirstChild();
                if (content instanceof Paragraph p) {
                    WordXml.paragraph(x, "ListText", null, marker + inline(p));
                    content = content.getNext();
                } else {
                    WordXml.paragraph(x, "ListText", null, marker);
                }
                for (; content != null; content = content.getNext()) block(content, listDepth + 1);
            } else {
                block(node, listDepth);
            }
        }
    }

    /** One block of a narrative; lists nest by {@code listDepth}. */
    private void block(Node node, int listDepth) {
        if (node instanceof Heading heading) {
            // A narrative's ## is the report's first level (一、), ### its second, deeper ones the third.
            WordXml.paragraph(x, "Heading" + Math.max(1, Math.min(3, heading.getLevel() - 1)), null, inline(heading));
        } else if (node instanceof Paragraph paragraph) {
            WordXml.paragraph(x, listDepth > 0 ? "ListText" : "BodyText", null, inline(paragraph));
        } else if (node instanceof BulletList || node instanceof OrderedList) {
            blocks(node, listDepth + 1);
        } else if (node instanceof FencedCodeBlock code) {
            for (String line : code.getLiteral().split("\n")) WordXml.paragraph(x, "ListText", null, line);
        } else if (node instanceof IndentedCodeBlock code) {
            for (String line : code.getLiteral().split("\n")) WordXml.paragraph(x, "ListText", null, line);
        } else if (node instanceof HtmlBlock html) {
            WordXml.paragraph(x, "BodyText", null, html.getLiteral().strip());
        } else if (node instanceof TableBlock table) {
            markdownTable(table);
        } else if (node instanceof ThematicBreak) {
            WordXml.paragraph(x, "BodyText", Align.CENTER, "＊　＊　＊");
        } else {
            // Block quotes, the table wrapper and anything else that holds blocks.
            blocks(node, listDepth);
        }
    }

    private void markdownTable(TableBlock table) {
        List<List<Cell>> rows = new ArrayList<>();
        int columns = 0;
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
            for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                if (!(row instanceof TableRow)) continue;
                List<Cell> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell tc) cells.add(tc.isHeader() ? Cell.label(inline(tc), 1) : Cell.of(inline(tc)));
                }
                columns = Math.max(columns, cells.size());
                rows.add(cells);
            }
        }
        if (columns == 0) return;
        for (List<Cell> row : rows) while (row.size() < columns) row.add(Cell.of(""));
        int[] widths = new int[columns];
        Arrays.fill(widths, 8845 / columns);
        WordXml.table(x, widths, rows, 1);
    }

    /** The text of a block's inlines; line breaks inside a paragraph join its lines, as Markdown does. */
    private static String inline(Node block) {
        StringBuilder text = new StringBuilder();
        appendInline(block, text);
        return text.toString();
    }

    private static void appendInline(Node parent, StringBuilder text) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text t) text.append(t.getLiteral());
            else if (node instanceof Code c) text.append(c.getLiteral());
            else if (node instanceof HtmlInline h) text.append(h.getLiteral());
            else if (node instanceof SoftLineBreak) text.append(' ');
            else if (node instanceof HardLineBreak) text.append(' ');
            else appendInline(node, text);
        }
    }

    // ------------------------------------------------------------------ 附件1

    private void appendixOne() throws IOException {
        WordXml.paragraph(x, "Heading1", null, "附件1");
        WordXml.paragraph(x, "Title", Align.CENTER, "部门绩效自评情况统计表");
        summaryTable(SummaryXlsx.statistics(year, site));
        WordXml.paragraph(x, "Title", Align.CENTER, "项目汇总表");
        summaryTable(SummaryXlsx.summary(year, site));
    }

    /** Rows of summary.xlsx as a table across the landscape page, the header row repeated on every page. */
    private void summaryTable(Iterable<List<SummaryXlsx.Value>> values) throws IOException {
        int columns = values.iterator().next().size();
        // Each column as wide as its widest text needs at 9 pt (a CJK character two half-widths of 95 twips, plus
        // the cell's margins), capped; then all scaled to fill the page's width exactly.
        // When they do not all fit, only what each needs beyond a short word shrinks, so that "2020" or 年度 never
        // wraps inside itself (a trial in LibreOffice showed 202/0 when every column shrank alike).
        int[] widest = new int[columns];
        Arrays.fill(widest, 2);
        // One pass over the rows (the 汇总表's are made as they are gone through), every column at once.
        for (List<SummaryXlsx.Value> row : values) {
            for (int c = 0; c < columns && c < row.size(); c++) widest[c] = Math.max(widest[c], Math.min(24, width(row.get(c).shown())));
        }
        int[] widths = new int[columns];
        int[] floors = new int[columns];
        int sum = 0;
        int floorSum = 0;
        for (int c = 0; c < columns; c++) {
            widths[c] = widest[c] * 95 + 220;
            floors[c] = Math.min(widest[c], 5) * 95 + 220;
            sum += widths[c];
            floorSum += floors[c];
        }
        int used = 0;
        for (int c = 0; c < columns; c++) {
            int width = sum <= LANDSCAPE_WIDTH || floorSum >= LANDSCAPE_WIDTH
                    ? (int) ((long) LANDSCAPE_WIDTH * widths[c] / sum)
                    : floors[c] + (int) ((long) (LANDSCAPE_WIDTH - floorSum) * (widths[c] - floors[c]) / (sum - floorSum));
            widths[c] = c == columns - 1 ? LANDSCAPE_WIDTH - used : width;
            used += widths[c];
        }
        // Written row by row and handed to the stream as it goes: 项目汇总表 has a row per project, and a year of
        // 50,000 projects held whole as XML took gigabytes (a heap histogram of a 100,000-project build).
        WordXml.tableStart(x, widths);
        int r = 0;
        for (List<SummaryXlsx.Value> row : values) {
            List<Cell> cells = new ArrayList<>(columns);
            for (SummaryXlsx.Value v : row) {
                String shown = v.shown();
                if (r == 0) cells.add(Cell.label(shown, 1));
                else if (v.value() instanceof String) cells.add(Cell.of(shown));
                else cells.add(new Cell(shown, 1, Merge.NONE, false, Align.RIGHT));
            }
            WordXml.row(x, widths, cells, r, r == 0);
            if (r % ROWS_PER_FLUSH == 0) flush();
            r++;
        }
        WordXml.tableEnd(x);
    }

    /** Rows of a summary table written before what is written so far goes to the stream (a row is a few KB of XML). */
    private static final int ROWS_PER_FLUSH = 64;

    private static int width(String text) {
        return text.codePoints().map(cp -> cp >= 0x2E80 ? 2 : 1).sum();
    }

    // ------------------------------------------------------------------ 附件2: one form

    private void form(ProjectModel model, boolean newPage) {
        Project p = model.project();
        Form form = Forms.of(model, site);
        Stated stated = p.stated() == null ? Stated.NONE : p.stated();
        String title = FORM_TITLE + (p.isDraft() ? "（草稿）" : "");
        if (newPage) WordXml.paragraphOnNewPage(x, "FormTitle", Align.CENTER, title);
        else WordXml.paragraph(x, "FormTitle", Align.CENTER, title);
        WordXml.paragraph(x, "FormMeta", Align.CENTER, "（" + p.year() + "年度）");
        x.markup("<w:p>");
        WordXml.paragraphProperties(x, "FormMeta", null, true);
        WordXml.run(x, "填报部门：" + orEmpty(p.filingDepartment()) + "\t金额单位：" + p.moneyUnit(), false);
        x.markup("</w:p>");

        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.label("一、基本情况", 9)));
        rows.add(List.of(Cell.label("项目名称", 2), Cell.of(p.name(), 3), Cell.label("实施预算单位", 2), Cell.of(orEmpty(p.implementingUnit()), 2)));

        rows.add(List.of(Cell.label("二、预算执行情况", 9)));
        rows.add(List.of(Cell.label("", 2), Cell.label("预算数（调整后）", 2), Cell.label("到位数", 2), Cell.label("执行数", 2), Cell.label("预算执行进度", 1)));
        rows.add(List.of(Cell.label("合计", 2), amount(p.budget().planned().total()), amount(p.budget().received().total()),
                amount(p.budget().executed().total()), Cell.of(orEmpty(stated.executionRate())).centred().merged(Merge.RESTART)));
        rows.add(List.of(Cell.label("其中：财政资金", 2), amount(part(p.budget().planned(), true)), amount(part(p.budget().received(), true)),
                amount(part(p.budget().executed(), true)), Cell.of("").merged(Merge.CONTINUE)));
        rows.add(List.of(Cell.label("其他", 2), amount(part(p.budget().planned(), false)), amount(part(p.budget().received(), false)),
                amount(part(p.budget().executed(), false)), Cell.of("").merged(Merge.CONTINUE)));

        rows.add(List.of(Cell.label("三、目标完成情况", 9)));
        rows.add(List.of(Cell.label("年度预期目标", 4), Cell.label("具体完成情况", 4), Cell.label("总体完成率", 1)));
        int goals = Math.max(1, p.goals().size());
        for (int g = 0; g < goals; g++) {
            String expected = g < p.goals().size() ? orEmpty(p.goals().get(g).expected()) : "";
            String achieved = g < p.goals().size() ? orEmpty(p.goals().get(g).achieved()) : "";
            rows.add(List.of(Cell.of(expected, 4), Cell.of(achieved, 4),
                    g == 0 ? Cell.of(orEmpty(stated.completion())).centred().merged(Merge.RESTART) : Cell.of("").merged(Merge.CONTINUE)));
        }

        rows.add(List.of(Cell.label("四、年度绩效指标完成情况", 9)));
        rows.add(List.of(Cell.label("一级指标", 1), Cell.label("二级指标", 1), Cell.label("三级指标", 1), Cell.label("指标解释", 1),
                Cell.label("预期指标值", 1), Cell.label("实际完成值", 1), Cell.label("分值", 1), Cell.label("自评得分", 1),
                Cell.label("偏差原因分析及改进措施", 1)));
        List<Indicator> indicators = p.indicators();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator ind = indicators.get(i);
            Form.IndicatorRow row = form.indicators().get(i);
            // The form's grouping: a 一级 or 二级 cell starts where the one above ends, merged down over the rows it covers.
            rows.add(List.of(
                    row.level1() != null ? Cell.of(row.level1().text()).centred().merged(Merge.RESTART) : Cell.of("").merged(Merge.CONTINUE),
                    row.level2() != null ? Cell.of(row.level2().text()).centred().merged(Merge.RESTART) : Cell.of("").merged(Merge.CONTINUE),
                    Cell.of(ind.name()), Cell.of(orEmpty(ind.definition())), Cell.of(orEmpty(ind.target())).centred(),
                    Cell.of(orEmpty(ind.actual())).centred(), Cell.of(ind.weight() == null ? "" : ind.weight().toPlainString()).centred(),
                    Cell.of(orEmpty(ind.score())).centred(), Cell.of(orEmpty(ind.deviation()))));
        }
        ExecutionRow written = stated.executionRow();
        Form.ExecutionRow execution = form.execution();
        rows.add(List.of(Cell.of(execution.level1()).centred(), Cell.of(execution.level2()).centred(),
                Cell.of(written == null ? "" : orEmpty(written.name())), Cell.of(""),
                Cell.of(written == null ? "" : orEmpty(written.target())).centred(),
                Cell.of(written == null ? "" : orEmpty(written.actual())).centred(),
                Cell.of(execution.weight()).centred(), Cell.of(orEmpty(stated.executionScore())).centred(), Cell.of("")));
        rows.add(List.of(Cell.label("总分", 7), Cell.of(orEmpty(stated.total()), 2).centred()));
        rows.add(List.of(Cell.label("评价等级", 7), Cell.of(orEmpty(stated.grade()), 2).centred()));

        rows.add(List.of(Cell.label("五、存在问题、原因及下一步整改措施", 9)));
        rows.add(List.of(Cell.of(trimEnd(p.problems() == null ? null : HtmlComments.without(p.problems())), 9)));
        if (form.contact() != null) {
            rows.add(List.of(Cell.label("填报人", 2), Cell.of(p.contact().name() == null ? "" : p.contact().name(), 3),
                    Cell.label("联系电话", 2), Cell.of(p.contact().phone() == null ? "" : p.contact().phone(), 2)));
        }
        WordXml.table(x, FORM_GRID, rows, 0);

        if (site.edition().showsInternalNotes() && p.internal() != null && !p.internal().isBlank()) {
            WordXml.paragraph(x, "FormMeta", null, "内部备注（仅内部版）：");
            for (String line : trimEnd(p.internal()).split("\n", -1)) WordXml.paragraph(x, "FormMeta", null, line);
        }
    }

    private static Cell amount(BigDecimal value) {
        return new Cell(value == null ? "" : value.toPlainString(), 2, Merge.NONE, false, Align.RIGHT);
    }

    /** 财政资金 or 其他 as written; blank when the form leaves it out. */
    private static BigDecimal part(AmountSet set, boolean fiscal) {
        return fiscal ? set.fiscal() : set.other();
    }

    // ------------------------------------------------------------------ 附件3: findings (internal edition)

    private void findingsAppendix() throws IOException {
        WordXml.paragraphOnNewPage(x, "Heading1", null, "附件3（仅内部版）");
        WordXml.paragraph(x, "Title", Align.CENTER, "核查发现");
        if (year.findingCount() == 0) {
            WordXml.paragraph(x, "BodyText", null, "未发现问题。");
            return;
        }
        List<Finding> general = year.findings();
        if (!general.isEmpty()) {
            WordXml.paragraph(x, "Heading2", null, year.number() + "年度");
            findingList(Forms.views(general));
        }
        for (UnitModel unit : year.units()) {
            if (!unit.findings().isEmpty()) {
                WordXml.paragraph(x, "Heading2", null, unit.unit().name());
                findingList(Forms.views(unit.findings()));
            }
            for (ProjectModel project : unit.projects()) {
                if (project.findings().count() == 0) continue;
                WordXml.paragraph(x, "Heading2", null, unit.unit().name() + " · " + project.project().name());
                findingList(Forms.views(project.findings().all()));
                flush();
            }
        }
    }

    private void findingList(List<FindingView> findings) {
        for (FindingView f : findings) {
            WordXml.paragraph(x, "FindingText", null, f.symbol() + " " + f.label() + "［" + f.code() + "］" + f.message() + "（" + f.location() + "）");
        }
    }

    // ------------------------------------------------------------------ package parts

    /** Which unit and project each form is, and each unit's order and name, for {@code jixiao import}. */
    private byte[] customProperties() {
        StringBuilder c = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
                .append("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\"")
                .append(" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">");
        int pid = 2;
        int n = 1;
        for (UnitModel unit : year.units()) {
            String value = unit.unit().id() + "\t" + (unit.unit().order() == null ? "" : unit.unit().order()) + "\t" + unit.unit().name();
            property(c, pid++, DocumentIds.UNIT + n++, value);
        }
        n = 1;
        for (ProjectModel project : year.projects()) {
            Project p = project.project();
            property(c, pid++, DocumentIds.FORM + n++, p.unitId() + "/" + p.id() + "\t" + (p.order() == null ? "" : p.order()) + "\t" + p.name());
        }
        return utf8(c.append("</Properties>").toString());
    }

    private static void property(StringBuilder c, int pid, String name, String value) {
        c.append("<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"").append(pid).append("\" name=\"")
                .append(name).append("\"><vt:lpwstr>").append(SummaryXlsx.xmlText(value)).append("</vt:lpwstr></property>");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Text without the line break a YAML block scalar ends with. */
    private static String trimEnd(String s) {
        if (s == null) return "";
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) end--;
        return s.substring(0, end);
    }

    // ------------------------------------------------------------------ fixed parts

    private static final String CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
            <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
            <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
            <Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>\
            <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
            <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
            <Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>\
            </Types>""";

    private static final String PACKAGE_RELS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
            <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>\
            </Relationships>""";

    private static final String DOCUMENT_RELS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            <Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>\
            <Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>\
            <Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>\
            </Relationships>""";

    private static final String SETTINGS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/>\
            <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>\
            </w:settings>""";

    /** rFonts of a style: Latin text in Times New Roman, East Asian text in {@code eastAsia}. */
    private static String fonts(String eastAsia) {
        return "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"" + eastAsia
                + "\" w:cs=\"Times New Roman\" w:hint=\"eastAsia\"/>";
    }

    /** Sizes in half-points: 三号 16 pt (32), 二号 22 pt (44), 小四 12 pt (24), 小五 9 pt (18). */
    private static final String STYLES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:docDefaults><w:rPrDefault><w:rPr>%1$s<w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/>\
            <w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>\
            <w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="ListText"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:left="640"/><w:jc w:val="left"/></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="FindingText"><w:name w:val="Finding"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:spacing w:after="80"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/>\
            <w:pPr><w:keepNext/><w:spacing w:before="240" w:after="240"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr>\
            <w:rPr>%2$s<w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:spacing w:after="120"/><w:jc w:val="center"/></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/>\
            <w:pPr><w:keepNext/><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:outlineLvl w:val="0"/></w:pPr>\
            <w:rPr>%2$s</w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/><w:next w:val="BodyText"/>\
            <w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Heading1"/><w:next w:val="BodyText"/>\
            <w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="FormTitle"><w:name w:val="Form Title"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:keepNext/><w:spacing w:after="120"/><w:jc w:val="center"/></w:pPr><w:rPr>%2$s<w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="FormMeta"><w:name w:val="Form Meta"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:keepNext/><w:tabs><w:tab w:val="right" w:pos="8845"/></w:tabs><w:spacing w:after="60"/></w:pPr>\
            <w:rPr>%3$s<w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:jc w:val="left"/></w:pPr><w:rPr>%3$s<w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="TableCenter"><w:name w:val="Table Text Centred"/><w:basedOn w:val="TableText"/>\
            <w:pPr><w:jc w:val="center"/></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="TableLabel"><w:name w:val="Table Label"/><w:basedOn w:val="TableCenter"/>\
            <w:rPr><w:b/><w:bCs/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>\
            <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>\
            <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="80" w:type="dxa"/>\
            <w:bottom w:w="0" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
            <w:style w:type="table" w:styleId="FormTable"><w:name w:val="Form Table"/><w:basedOn w:val="TableNormal"/>\
            <w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/>\
            <w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/>\
            <w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/>\
            <w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders></w:tblPr>\
            <w:tcPr><w:vAlign w:val="center"/></w:tcPr></w:style>\
            </w:styles>""".formatted(fonts(WordXml.BODY_FONT), fonts(WordXml.HEADING_FONT), fonts(WordXml.TABLE_FONT));

    /** Each font with its Windows name, charset 86 (GB2312) and an alternative name for machines without it. */
    private static final String FONT_TABLE = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>\
            <w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>\
            <w:font w:name="黑体"><w:altName w:val="SimHei"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>\
            <w:font w:name="宋体"><w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>\
            </w:fonts>""";

    /** The page number centred at the foot of every page, as 公文 print it: — 1 —. */
    private static final String FOOTER = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>\
            <w:r><w:t xml:space="preserve">— </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>\
            <w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>""";
}
