package jixiao.render;

import jixiao.testing.Builds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, "nothing meaningless published", on the real content's public edition: words that explain a figure
 * never sit in a number cell (which does not wrap), and the 被征地农民 form, whose scores include 优 and 良,
 * shows no computed figure that counts a word as 0.
 */
class PublicNotesTest {

    @TempDir
    static Path out;
    static Path year;

    @BeforeAll
    static void build() {
        Builds.build(Builds.realContent(), out);
        year = out.resolve("public/2020");
    }

    static String page(String path) {
        return Builds.read(year.resolve(path));
    }

    /**
     * The text of every number cell, markup of nested elements other than .cell-note and .avg kept out: each
     * {@code td.num}, and in a form's 四 (whose cells carry no class) 分值, 自评得分 and 核算得分, the three cells
     * after a row's name cell, and the two after a total's header.
     */
    static void assertNumberCellsHoldNoSentences(String path) {
        String html = page(path);
        List<String> cells = new ArrayList<>();
        Matcher m = Pattern.compile("<td class=\"num\"[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(html);
        while (m.find()) cells.add(m.group(1));
        Matcher table = Pattern.compile("<table class=\"form-table indicators\">(.*?)</table>", Pattern.DOTALL).matcher(html);
        while (table.find()) {
            Matcher row = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(table.group(1));
            while (row.find()) {
                List<String> tags = new ArrayList<>();
                List<String> texts = new ArrayList<>();
                Matcher cell = Pattern.compile("<(t[hd])([^>]*)>(.*?)</\\1>", Pattern.DOTALL).matcher(row.group(1));
                while (cell.find()) {
                    tags.add(cell.group(1) + cell.group(2));
                    texts.add(cell.group(3));
                }
                for (int i = 0; i < tags.size(); i++) {
                    String tag = tags.get(i);
                    if (tag.startsWith("th scope=\"row\" colspan=")) {
                        cells.addAll(texts.subList(i + 1, Math.min(i + 3, texts.size())));
                    } else if (tag.equals("th scope=\"row\"") || tag.equals("td class=\"name\"")) {
                        cells.addAll(texts.subList(Math.min(i + 3, texts.size()), Math.min(i + 6, texts.size())));
                    }
                }
            }
        }
        assertFalse(cells.isEmpty(), path + " has number cells");
        for (String text : cells) {
            String cell = text.replaceAll("<span class=\"(cell-note|note)\">.*?</span>", "")
                    .replaceAll("<[^>]+>", "").strip();
            assertFalse(cell.contains("；") || cell.contains("，") || cell.length() > 30, path + ": " + cell);
        }
    }

    @Test
    void reasonsAndNotesAreOutsideNumberCells() {
        String form = "labor/land-acquired-farmers-security.html";
        assertNumberCellsHoldNoSentences(form);
        assertNumberCellsHoldNoSentences("index.html");
        assertNumberCellsHoldNoSentences("report.html");
        assertTrue(page(form).contains("<tr class=\"note-row\"><td colspan=\"8\">核算总分无法核算："), "the reason in a row of its own");
        assertTrue(page("index.html").contains("<span class=\"cell-note\">1 个项目无法核算，未计入</span>"));
    }

    @Test
    void aScoreThatIsAWordHasNoComputedFigureAndNoSumCountsItAsZero() {
        String form = page("labor/land-acquired-farmers-security.html");
        Matcher m = Pattern.compile("<td>[^<]*</td><td>(优|良)</td><td>([^<\n]*)").matcher(form);
        int words = 0;
        while (m.find()) {
            words++;
            assertTrue(m.group(2).equals("无法核算"), m.group(0));
        }
        assertTrue(words == 3, "three scores are words");
        assertFalse(form.contains("合计 290 分"), "a total that counts 优 and 良 as 0");
        assertFalse(form.contains("产出指标得分合计 200 分"), "a level's sum that counts 优 as 0");
        assertTrue(form.contains("3 项自评得分不是数字（“优”、“良”）"));
        assertTrue(form.contains("其余得分合计已超过满分 100 分"));
        assertFalse(Builds.read(year.resolve("data.json")).contains("290"), "data.json gives the same reason");
    }

    @Test
    void gradeCountsSayTheyAreSignedGradesWithTheComputedOnesInBrackets() {
        for (String path : new String[] {"index.html", "report.html"}) {
            String html = page(path);
            assertFalse(html.contains("按核算总分）"), path + ": signed grades come first now");
            assertTrue(html.contains("<caption>各单位评价项目数、等级分布（按自评表所写等级，括号内为核算等级的个数）与资金</caption>"), path);
            assertTrue(html.contains("优良率（优/良，按核算等级）"), path);
        }
        assertTrue(page("index.html").contains("<figcaption>评价等级分布（按自评表所写等级，括号内为核算等级的个数）。"));
    }

    @Test
    void computedFiguresAreExplainedWhereTheyFirstAppearAndTheTotalsRowSaysWhichAreComputed() {
        String explain = "“核算”是本系统按评分规则，由预算和指标数据对自评表所作的复核；自评表所填为正式结果";
        String yearPage = page("index.html");
        assertTrue(yearPage.indexOf(explain) >= 0 && yearPage.indexOf(explain) < yearPage.indexOf("<table class=\"data sortable\" id=\"summary\">"), "above the 项目汇总表");
        String report = page("report.html");
        assertTrue(report.indexOf(explain) >= 0 && report.indexOf(explain) < report.indexOf("id=\"stats\""), "above 附件1's first table");
        String form = page("labor/land-acquired-farmers-security.html");
        assertTrue(form.indexOf("“核算”栏是本系统按评分规则对本表的复核") < form.indexOf("核算得分"), "under the form's heading");
        assertTrue(yearPage.contains("<td class=\"num\">74.28%<span class=\"avg\">（核算）</span></td>"), "the totals row's rate is computed");
        assertTrue(yearPage.contains("<td>优<span class=\"avg\">（平均分的核算等级）</span></td>"), "the totals row's grade is computed");
    }
}
