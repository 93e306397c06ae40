package jixiao.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jixiao.testing.Builds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a government portal expects of every public page, on the two-year fixture (whose site.yaml has a
 * publisher block): who publishes it and when, the accessibility statement, the search box with its
 * no-script fallback, the current year marked; and the script's limits.
 */
class PortalPagesTest {

    @TempDir
    static Path out;
    static Path pub;

    @BeforeAll
    static void build() {
        Builds.build(Builds.fixtureContent(), out);
        pub = out.resolve("public");
    }

    static String page(String path) {
        try {
            return Files.readString(pub.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> htmlPages() throws IOException {
        try (Stream<Path> files = Files.walk(pub)) {
            return files.filter(p -> p.toString().endsWith(".html")).map(p -> pub.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    @Test
    void everyPageShowsThePublisherTheLastUpdateAndLinksToTheStatementAndTheSearch() throws IOException {
        for (String path : htmlPages()) {
            String html = page(path);
            String up = "../".repeat(path.split("/").length - 1);
            assertTrue(html.contains("<dt>发布机构</dt><dd>测试局办公室</dd>"), path);
            assertTrue(html.contains("<dt>索引号</dt><dd>000000000/2021-00001</dd>"), path);
            assertTrue(html.contains("<dt>联系方式</dt><dd>办公室电话 0000-1234567（工作日 9:00—17:00）</dd>"), path);
            assertTrue(html.contains("<dt>最后更新</dt><dd>2022-04-29</dd>"), path);
            assertTrue(html.contains("<a href=\"" + up + "accessibility.html\">无障碍声明</a>"), path);
            assertTrue(html.contains("<form class=\"search-box\" role=\"search\" action=\"" + up + "search.html\" method=\"get\">"), path);
        }
    }

    @Test
    void aYearsPagesShowItsDateOfPublication() {
        assertTrue(page("2020/index.html").contains("<dt>发布日期</dt><dd>2021-04-30</dd>"));
        assertTrue(page("2020/talent/employment.html").contains("<dt>发布日期</dt><dd>2021-04-30</dd>"));
        assertTrue(page("2021/index.html").contains("<dt>发布日期</dt><dd>2022-04-29</dd>"));
        assertFalse(page("index.html").contains("<dt>发布日期</dt>"), "the home page belongs to no year");
    }

    @Test
    void theYearInTheMenuIsMarkedOnItsPagesOnly() {
        assertTrue(page("2020/index.html").contains("<a href=\"index.html\" aria-current=\"page\">2020年度</a>"));
        assertTrue(page("2020/talent/employment.html").contains("<a href=\"../index.html\" aria-current=\"true\">2020年度</a>"));
        assertTrue(page("2020/talent/employment.html").contains("<a href=\"../../2021/index.html\">2021年度</a>"));
        assertFalse(page("index.html").contains("aria-current"), "no year is current on the home page");
    }

    @Test
    void theHomePageHasNoBreadcrumbToItself() {
        assertFalse(page("index.html").contains("breadcrumbs"));
        assertTrue(page("2020/index.html").contains("<li><a href=\"../index.html\">首页</a></li>"));
    }

    @Test
    void withoutJavaScriptTheSearchPageListsEveryProjectWithItsLink() throws IOException {
        String search = page("search.html");
        List<String> projects;
        try (Stream<Path> files = Files.walk(pub)) {
            projects = files.map(p -> pub.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.matches("\\d{4}/[^/]+/[^/]+\\.html") && !p.endsWith("/index.html")).sorted().toList();
        }
        assertFalse(projects.isEmpty());
        for (String p : projects) assertTrue(search.contains("<li><a href=\"" + p + "\">"), p);
        Matcher count = Pattern.compile("全部项目（(\\d+) 个）").matcher(search);
        assertTrue(count.find());
        assertEquals(projects.size(), Integer.parseInt(count.group(1)));
    }

    @Test
    void theSearchIndexHoldsNamesAndLinksOnly() throws IOException {
        // Each name once: years, their units (name, folder), projects (name, page, id where it differs from the
        // page's name) and indicator names; every unit page, project page and indicator row it points at exists.
        JsonNode index = new ObjectMapper().readTree(page("assets/search.json"));
        assertTrue(index.isArray());
        int indicators = 0;
        int projects = 0;
        for (JsonNode year : index) {
            assertEquals(Set.of("y", "u"), fields(year));
            for (JsonNode unit : year.get("u")) {
                assertEquals(Set.of("t", "d", "p"), fields(unit));
                String folder = unit.get("d").asText();
                assertTrue(Files.isRegularFile(pub.resolve(folder + "index.html")), folder);
                for (JsonNode p : unit.get("p")) {
                    assertTrue(Set.of("t", "f", "i").equals(fields(p)) || Set.of("t", "f", "a", "i").equals(fields(p)), p.toString());
                    String html = page(folder + p.get("f").asText() + ".html");
                    assertTrue(html.contains("<h1>" + p.get("t").asText()), p.toString());
                    String id = p.has("a") ? p.get("a").asText() : p.get("f").asText();
                    for (int n = 1; n <= p.get("i").size(); n++) {
                        assertTrue(html.contains("id=\"" + id + "-i" + n + "\""), id + "-i" + n);
                        indicators++;
                    }
                    projects++;
                }
            }
        }
        assertTrue(projects > 3 && indicators > 10, index.toString());
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theScriptIsSmallSelfContainedAndTheSameForBothEditions() throws IOException {
        byte[] script = Files.readAllBytes(pub.resolve("assets/site.js"));
        assertTrue(script.length < 10 * 1024, script.length + " bytes");
        String text = new String(script, StandardCharsets.UTF_8);
        assertFalse(text.contains("http:") || text.contains("https:") || text.contains("import "), "no network but the edition's own files");
        assertEquals(text, Files.readString(out.resolve("internal/assets/site.js")));
        assertTrue(page("2020/index.html").contains("<script src=\"../assets/site.js\" defer></script>"));
    }

    @Test
    void everyScrollingTableIsAFocusableNamedRegion() throws IOException {
        Pattern wrap = Pattern.compile("<div class=\"table-wrap\"[^>]*>");
        for (String path : htmlPages()) {
            Matcher m = wrap.matcher(page(path));
            while (m.find()) {
                assertTrue(m.group().matches("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"[^\"]+\">"),
                        path + ": " + m.group());
            }
        }
    }

    @Test
    void theReportIsHeadedAsOnPaperWithACoverContentsAndBothAnnexes() {
        String report = page("2020/report.html");
        int cover = report.indexOf("<header class=\"cover\">");
        int toc = report.indexOf("<nav class=\"toc\"");
        int annex1 = report.indexOf("<p class=\"attachment-no\">附件1</p>");
        int annex2 = report.indexOf("<p class=\"attachment-no\">附件2</p>");
        assertTrue(cover > 0 && cover < toc && toc < annex1 && annex1 < annex2, report);
        assertTrue(report.contains("<h2 id=\"inspection-fund-h\" class=\"paper-title\">部门预算项目绩效自评表<span class=\"vh\">：监察专项资金</span></h2>\n<p class=\"paper-year\">（2020年度）</p>"));
        assertTrue(report.contains("<style>@page { @top-center { content: \"测试局2020年度财政专项资金绩效自评报告\\00ff082020年度\\00ff09\""), report.substring(0, 800));
    }

    @Test
    void theRunningTitleCannotEndItsStringOrItsStyleElement() {
        assertEquals("\"a\\000022\\00003c\\00002fstyle\\00003e\\00005c\"", Pages.cssString("a\"</style>\\"));
    }
}
