package jixiao.render;

import jixiao.testing.Builds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The year-on-year pages of the three-year comparison fixture (2019, 2020, 2021), both editions:
 * {@code <year>/changes.html} for every year but the first, and each project's history across the
 * years. The golden file is rewritten like SiteGoldenTest's, with {@code -Djixiao.updateGolden=true}.
 */
class ChangesPageTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden/site/three-years");

    @TempDir
    static Path out;

    @BeforeAll
    static void build() {
        Builds.build(Builds.threeYearContent(), out);
    }

    private static String page(String path) {
        return Builds.read(out.resolve(path));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"internal", "public"})
    void everyYearButTheFirstHasAChangesPageLinkedFromItsOverviewAndTheHomePage(String edition) {
        Path root = out.resolve(edition);
        assertFalse(Files.exists(root.resolve("2019/changes.html")));
        assertTrue(Files.isRegularFile(root.resolve("2020/changes.html")));
        assertTrue(Files.isRegularFile(root.resolve("2021/changes.html")));

        assertFalse(page(edition + "/2019/index.html").contains("changes.html"));
        assertTrue(page(edition + "/2020/index.html").contains("<li><a href=\"changes.html\">与2019年度比较的变化</a></li>"));
        assertTrue(page(edition + "/2021/index.html").contains("<li><a href=\"changes.html\">与2020年度比较的变化</a></li>"));

        String home = page(edition + "/index.html");
        assertFalse(home.contains("2019/changes.html"));
        assertTrue(home.contains("<a href=\"2020/changes.html\">与2019年度比较</a>"));
        assertTrue(home.contains("<a href=\"2021/changes.html\">与2020年度比较</a>"));
    }

    @Test
    void theChangesPageHasBreadcrumbsAndNamesBothYears() {
        String html = page("public/2021/changes.html");
        assertTrue(html.contains("<title>2021年度与2020年度比较 · 比较测试网站</title>"), html);
        assertTrue(html.contains("<li><a href=\"../index.html\">首页</a></li>\n<li><a href=\"index.html\">2021年度</a></li>\n"
                + "<li><span aria-current=\"page\">与2020年度比较</span></li>"), html);
        assertTrue(html.contains("<a href=\"../2020/index.html\">2020年度</a>"));
    }

    @Test
    void aMovedProjectIsListedAsMovedWithItsPageInBothYears() {
        String html = page("public/2021/changes.html");
        assertTrue(html.contains("<tr id=\"p-wage-guarantee\"><th scope=\"row\">农民工工资保障金 <code>wage-guarantee</code></th>"
                + "<td><a href=\"../2020/labor/wage-guarantee.html\">劳动处</a></td>"
                + "<td><a href=\"personnel/wage-guarantee.html\">人事科</a></td></tr>"), html);
    }

    @Test
    void headlineTotalsAndProjectAmountsShowOldNewDeltaAndRelativeDelta() {
        String internal = page("internal/2021/changes.html");
        // 29.5万元 → 47万元 with the draft; the public edition leaves its 4万元 out.
        assertTrue(internal.contains("<tr class=\"changed\"><th scope=\"row\">预算数</th><td class=\"num\">29.5万元</td>"
                + "<td class=\"num\">47万元</td><td class=\"num\">+17.5万元</td><td class=\"num\">+59.32%</td></tr>"), internal);
        String pub = page("public/2021/changes.html");
        assertTrue(pub.contains("<tr class=\"changed\"><th scope=\"row\">预算数</th><td class=\"num\">29.5万元</td>"
                + "<td class=\"num\">43万元</td><td class=\"num\">+13.5万元</td><td class=\"num\">+45.76%</td></tr>"), pub);
        assertTrue(pub.contains("<tr><th scope=\"row\">预算执行率</th><td>99.49%</td><td>95.00%</td>"
                + "<td>-4.49 个百分点</td><td></td></tr>"), pub);
        // inspection-fund: 5万元 → 6万元
        assertTrue(pub.contains("<tr><th scope=\"row\">预算数</th><td>5万元</td><td>6万元</td>"
                + "<td>+1万元</td><td>+20.00%</td></tr>"), pub);
        // recruitment was written in 元 in 2021: shown in the site's 万元 like every table of the site
        assertTrue(pub.contains("<td>2.5万元</td><td>2.8万元</td><td>+0.3万元</td>"), pub);
    }

    @Test
    void indicatorAndNarrativeChangesShowOldAndNew() {
        String html = page("public/2021/changes.html");
        assertTrue(html.contains("<td><span class=\"old\">≥100家</span> → <span class=\"new\">≥120家</span></td>"), html);
        assertTrue(html.contains("<tr><td>改名</td><th scope=\"row\"><span class=\"old\">办结业务数（件）</span> → "
                + "<span class=\"new\">办结案件数（件）</span></th>"), html);
        assertTrue(html.contains("<p class=\"narrative-counts\"><strong>项目说明</strong>：新增 1 段，删除 0 段，修改 1 段</p>"), html);
        assertTrue(html.contains("<tr><th scope=\"row\">修改</th><td>2020年组织老干部参观学习两次。</td>"
                + "<td>2021年组织老干部参观学习三次，并开展健康讲座。</td></tr>"), html);
    }

    @Test
    void thePublicChangesPageHasNoDraftAndNoPrivateField() {
        String internal = page("internal/2021/changes.html");
        String pub = page("public/2021/changes.html");
        for (String marker : List.of("training-plan", "干部培训计划", "草稿", "联系电话", "5776426", "内部备注", "组织部复核")) {
            assertTrue(internal.contains(marker), "the internal page should show " + marker);
            assertFalse(pub.contains(marker), "the public page shows " + marker);
        }
    }

    @Test
    void aProjectPageHasItsHistoryWithARowPerYearLinkingToEachYearsPage() {
        String html = page("public/2021/labor/inspection-fund.html");
        List<String> rows = rows(between(html, "<table class=\"data\" id=\"history_table\">", "</table>"));
        assertEquals(3, rows.size(), rows.toString());
        assertTrue(rows.get(0).contains("<a href=\"../../2019/labor/inspection-fund.html\">2019年度</a>"), rows.get(0));
        assertTrue(rows.get(0).contains("<td>4万元</td>"), rows.get(0));
        assertTrue(rows.get(0).endsWith("<td>—</td>"), rows.get(0));
        assertTrue(rows.get(1).contains("<a href=\"../../2020/labor/inspection-fund.html\">2020年度</a>"), rows.get(1));
        assertTrue(rows.get(1).contains("<a href=\"../../2020/changes.html#p-inspection-fund\">修改</a>"), rows.get(1));
        assertTrue(rows.get(2).contains("<span aria-current=\"page\">2021年度</span>（本页）"), rows.get(2));
        assertTrue(rows.get(2).contains("<td>6万元</td><td>5.7万元</td><td>95.00%</td><td>97.83</td><td>97.83</td><td>优</td>"), rows.get(2));
        assertTrue(html.contains("<svg class=\"chart trend\""), "a trend chart");
        assertTrue(html.contains("<title id=\"trend-inspection-fund-title\">劳动监察专项资金：各年度预算执行率与核算总分</title>"), html);
    }

    @Test
    void aMovedProjectsHistoryFollowsItIntoItsNewUnit() {
        String html = page("public/2021/personnel/wage-guarantee.html");
        List<String> rows = rows(between(html, "<table class=\"data\" id=\"history_table\">", "</table>"));
        assertEquals(2, rows.size(), rows.toString());
        assertTrue(rows.get(0).contains("<td>劳动处</td>"), rows.get(0));
        assertTrue(rows.get(1).contains("<td>人事科</td>"), rows.get(1));
        assertTrue(rows.get(1).contains("<a href=\"../changes.html#p-wage-guarantee\">移动</a>"), rows.get(1));
    }

    @Test
    void aProjectInOneYearOnlyHasNoHistory() {
        String html = page("public/2021/talent/talent-subsidy.html");
        assertFalse(html.contains("history_table"));
        assertFalse(html.contains("chart trend"));
    }

    @Test
    void theDraftHasNoHistoryInThePublicEditionAndItsOwnInTheInternalOne() {
        assertFalse(Files.exists(out.resolve("public/2021/personnel/training-plan.html")));
        assertFalse(page("internal/2021/personnel/training-plan.html").contains("history_table"));
    }

    @Test
    void matchesTheGoldenFile() throws IOException {
        String file = "internal/2021/changes.html";
        String actual = page(file);
        Path golden = GOLDEN.resolve(file);
        if (Boolean.getBoolean("jixiao.updateGolden")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, file);
    }

    private static String between(String html, String start, String end) {
        int i = html.indexOf(start);
        assertTrue(i >= 0, "no " + start);
        return html.substring(i, html.indexOf(end, i));
    }

    private static List<String> rows(String table) {
        String body = table.substring(table.indexOf("<tbody>"));
        Matcher m = Pattern.compile("<tr[^>]*>\n?(.*?)\n?</tr>", Pattern.DOTALL).matcher(body);
        List<String> rows = new java.util.ArrayList<>();
        while (m.find()) rows.add(m.group(1));
        return rows;
    }
}
