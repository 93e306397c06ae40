package jixiao.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jixiao.site.PagedYear;
import jixiao.testing.BuildEach;
import jixiao.testing.Builds;
import jixiao.testing.ContentFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A year too large for one page ({@link PagedYear}): its report, changes page and data as the three-year
 * fixture gives them with the limit lowered to {@value #LIMIT} forms a page, and the limit itself on content made
 * large enough to need it.
 */
class SplitYearPagesTest {

    /** Low enough that the fixture's units (2–5 forms) split into numbered parts. */
    static final int LIMIT = 2;
    /** What a browser opens comfortably: no HTML page may be larger. */
    static final long MAX_PAGE_BYTES = 2L * 1024 * 1024;

    @TempDir
    static Path tmp;
    static Path out;

    @BeforeAll
    static void build() {
        out = tmp.resolve("split");
        withLimit(LIMIT, () -> Builds.build(Builds.threeYearContent(), out));
    }

    @Test
    void aSmallYearKeepsOneWholeReportAndItsDataJson() {
        Path whole = tmp.resolve("whole");
        Builds.build(Builds.threeYearContent(), whole);
        for (String edition : List.of("internal", "public")) {
            for (String year : List.of("2019", "2020", "2021")) {
                Path dir = whole.resolve(edition).resolve(year);
                assertEquals(List.of(), files(dir, "report_.*|changes_.*|data\\.json\\.gz"), dir.toString());
                assertTrue(Files.exists(dir.resolve("data.json")), dir.toString());
                // Every form of the year is in its one report.
                List<String> forms = formIds(Builds.read(dir.resolve("report.html")));
                assertEquals(new TreeSet<>(projectsOf(whole.resolve(edition), year)), new TreeSet<>(forms));
                assertEquals(forms.size(), new HashSet<>(forms).size());
            }
        }
    }

    @Test
    void theReportIndexLinksEveryPartInOrderUnitByUnit() {
        Path dir = out.resolve("internal/2021");
        List<String> linked = hrefs(Builds.read(dir.resolve("report.html")), "report-parts");
        // Each unit in the year's order (personnel has 5 forms: 3 parts of 2, 2 and 1), numbered from its second part.
        List<String> expected = new ArrayList<>();
        for (String unit : unitsInOrder(out.resolve("internal"), "2021")) {
            int forms = projectsOfUnit(out.resolve("internal"), "2021", unit).size();
            int parts = Math.max(1, (forms + LIMIT - 1) / LIMIT);
            for (int n = 1; n <= parts; n++) expected.add("report_" + unit + (n == 1 ? "" : "_" + n) + ".html");
        }
        assertEquals(expected, linked);
        assertEquals(new TreeSet<>(expected), new TreeSet<>(files(dir, "report_.*")), "every part written is linked");
        assertTrue(expected.size() > unitsInOrder(out.resolve("internal"), "2021").size(), "a unit is in numbered parts");
    }

    @Test
    void everyFormIsInExactlyOnePartAndNoPartHoldsMoreThanTheLimit() {
        for (String edition : List.of("internal", "public")) {
            for (String year : List.of("2019", "2020", "2021")) {
                Path dir = out.resolve(edition).resolve(year);
                List<String> all = new ArrayList<>();
                for (String part : hrefs(Builds.read(dir.resolve("report.html")), "report-parts")) {
                    List<String> forms = formIds(Builds.read(dir.resolve(part)));
                    assertTrue(forms.size() <= LIMIT, part + " holds " + forms);
                    all.addAll(forms);
                }
                assertEquals(all.size(), new HashSet<>(all).size(), "a form in two parts: " + all);
                assertEquals(new TreeSet<>(projectsOf(out.resolve(edition), year)), new TreeSet<>(all), edition + "/" + year);
                assertEquals(List.of(), formIds(Builds.read(dir.resolve("report.html"))), "the index has no form");
            }
        }
    }

    @Test
    void eachPartPrintsAsADocumentOfItsOwn() {
        String part = Builds.read(out.resolve("internal/2021/report_personnel_2.html"));
        // Cover, contents of its own forms, summary table, forms headed as on paper, and a running title naming it.
        assertTrue(part.contains("<header class=\"cover\">"), part);
        assertTrue(part.contains("<p class=\"cover-part\">附件2 分册：人事科 第 2 部分（共 3 部分）</p>"), part);
        assertTrue(part.contains("<nav class=\"toc\""), part);
        assertTrue(part.contains("<table class=\"data sortable\" id=\"summary\">"), part);
        assertTrue(part.contains("<p class=\"attachment-no\">附件2</p>"), part);
        assertTrue(part.contains("@top-center { content: \"") && part.contains("人事科\\000020第\\0000202\\000020部分"), part);
        for (String id : formIds(part)) assertTrue(part.contains("<li><a href=\"#" + id + "\">"), "contents link " + id);
        assertTrue(part.contains("rel=\"prev\"") && part.contains("rel=\"next\""), "a middle part links its neighbours");
        assertTrue(part.strip().endsWith("</html>"), "the part is complete");
    }

    @Test
    void theYearPageListsUnitsAndLinksTheReportAndCompressedData() {
        String year = Builds.read(out.resolve("public/2021/index.html"));
        assertFalse(year.contains("<table class=\"data sortable\" id=\"summary\">"), "no table of every project");
        assertFalse(year.contains("chart-rate"), "no chart of every project");
        assertTrue(year.contains("<a href=\"report.html\">整本报告（分册，可打印）</a>"), year);
        assertTrue(year.contains("<a href=\"data.json.gz\" download>数据 data.json.gz（gzip 压缩）</a>"), year);
        assertTrue(year.contains("<a href=\"talent/index.html\">"), year);
    }

    @Test
    void splitDataIsGzipWithoutTimeOrNameAndHoldsTheWholeYear() throws IOException {
        Path dir = out.resolve("public/2021");
        assertFalse(Files.exists(dir.resolve("data.json")));
        byte[] gz = Files.readAllBytes(dir.resolve("data.json.gz"));
        assertEquals(0x1f, gz[0] & 0xff);
        assertEquals(0x8b, gz[1] & 0xff);
        assertEquals(0, gz[3], "no flags: no file name, no comment");
        assertArrayEquals(new byte[4], new byte[]{gz[4], gz[5], gz[6], gz[7]}, "no modification time");
        String json;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // The same bytes a year under the limit writes uncompressed.
        Path whole = tmp.resolve("whole-data");
        Builds.build(Builds.threeYearContent(), whole);
        assertEquals(Builds.read(whole.resolve("public/2021/data.json")), json);
    }

    @Test
    void theDataPackageOfASplitYearPointsAtTheCompressedData() throws IOException {
        for (String edition : List.of("internal", "public")) {
            Path dir = out.resolve(edition + "/2021");
            JsonNode data = null;
            for (JsonNode resource : new ObjectMapper().readTree(dir.resolve("datapackage.json").toFile()).path("resources")) {
                if (resource.path("name").asText().equals("data")) data = resource;
            }
            assertTrue(data != null, edition + ": no data resource");
            assertEquals("data.json.gz", data.path("path").asText());
            assertEquals("gz", data.path("compression").asText());
            assertTrue(Files.exists(dir.resolve(data.path("path").asText())), edition);
        }
    }

    @Test
    void changesAreOnTheirUnitsPartAndEveryLinkToAChangeFindsIt() {
        Path dir = out.resolve("internal/2021");
        String index = Builds.read(dir.resolve("changes.html"));
        assertFalse(index.contains("<section class=\"project-change\""), "details are on the parts");
        List<String> parts = files(dir, "changes_.*");
        assertFalse(parts.isEmpty());
        Set<String> anchors = new HashSet<>();
        for (String part : parts) {
            assertTrue(index.contains("href=\"" + part + "\""), "the changes page links " + part);
            List<String> here = ids(Builds.read(dir.resolve(part)), "<section class=\"project-change\" id=\"([^\"]+)\"");
            assertTrue(here.size() <= LIMIT, part + " holds " + here);
            for (String a : here) assertTrue(anchors.add(a), a + " on two parts");
        }
        // Every project page's link to its changes lands on an element with that id.
        Pattern link = Pattern.compile("href=\"((?:\\.\\./)*(?:2021/)?changes[^\"#]*\\.html)#([^\"]+)\"");
        int checked = 0;
        for (Path page : Builds.pages(out.resolve("internal"))) {
            Matcher m = link.matcher(Builds.read(page));
            while (m.find()) {
                Path target = page.getParent().resolve(m.group(1)).normalize();
                assertTrue(Builds.read(target).contains("id=\"" + m.group(2) + "\""), page + " → " + m.group(0));
                checked++;
            }
        }
        assertTrue(checked >= anchors.size(), "links checked: " + checked);
    }

    @Test
    void splitBuildsAreByteIdenticalOnOneThreadAndInAnotherProcess() throws Exception {
        Path one = tmp.resolve("one");
        String before = System.getProperty(jixiao.parallel.Parallel.THREADS);
        System.setProperty(jixiao.parallel.Parallel.THREADS, "1");
        try {
            withLimit(LIMIT, () -> Builds.build(Builds.threeYearContent(), one));
        } finally {
            if (before == null) System.clearProperty(jixiao.parallel.Parallel.THREADS);
            else System.setProperty(jixiao.parallel.Parallel.THREADS, before);
        }
        Path jvm = tmp.resolve("jvm");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + PagedYear.FORMS_PER_PAGE_PROPERTY + "=" + LIMIT, "-cp", System.getProperty("java.class.path"),
                BuildEach.class.getName(), Builds.threeYearContent().toString(), jvm.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("jvm.log").toFile()).start();
        assertEquals(0, child.waitFor(), () -> Builds.read(tmp.resolve("jvm.log")));
        SortedMap<String, byte[]> expected = Builds.tree(out);
        for (Path other : List.of(one, jvm)) {
            SortedMap<String, byte[]> actual = Builds.tree(other);
            assertEquals(expected.keySet(), actual.keySet(), other.toString());
            for (Map.Entry<String, byte[]> e : expected.entrySet()) {
                assertArrayEquals(e.getValue(), actual.get(e.getKey()), other + ": " + e.getKey());
            }
        }
    }

    /**
     * At the real limit, on content with a few hundred forms in a unit (the fixture's projects copied 120 times
     * each, about 2,300 forms in three years): every page stays under 2 MB and the large units are in parts.
     */
    @Test
    void noPageIsOverTwoMegabytesWithHundredsOfFormsInAUnit() throws IOException {
        Path content = tmp.resolve("large-content");
        ContentFixture.copy("compare/content", content);
        multiplyProjects(content, 120);
        Path large = tmp.resolve("large");
        Builds.build(content, large);
        List<String> tooLarge = new ArrayList<>();
        long largest = 0;
        for (Path page : Builds.pages(large)) {
            long size = Files.size(page);
            largest = Math.max(largest, size);
            if (size > MAX_PAGE_BYTES) tooLarge.add(large.relativize(page) + " " + size);
        }
        assertEquals(List.of(), tooLarge);
        assertTrue(largest > MAX_PAGE_BYTES / 8, "the content is large enough to matter: largest page " + largest);
        Path dir = large.resolve("internal/2021");
        assertTrue(Files.exists(dir.resolve("report_personnel_2.html")), "a unit of 600 forms is in numbered parts");
        List<String> all = new ArrayList<>();
        for (String part : hrefs(Builds.read(dir.resolve("report.html")), "report-parts")) {
            List<String> forms = formIds(Builds.read(dir.resolve(part)));
            assertTrue(forms.size() <= PagedYear.FORMS_PER_PAGE, part);
            all.addAll(forms);
        }
        assertEquals(new TreeSet<>(projectsOf(large.resolve("internal"), "2021")), new TreeSet<>(all));
        assertEquals(all.size(), new HashSet<>(all).size());
    }

    // ------------------------------------------------------------------ helpers

    /** Each project file (and its narrative) copied {@code times} more, as {@code id-x1.yaml}…, in every unit and year. */
    private static void multiplyProjects(Path content, int times) throws IOException {
        List<Path> projects;
        try (Stream<Path> walk = Files.walk(content)) {
            projects = walk.filter(p -> p.getNameCount() - content.getNameCount() == 3)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".md"))
                    .filter(p -> !p.getFileName().toString().startsWith("unit.")).toList();
        }
        for (Path p : projects) {
            String name = p.getFileName().toString();
            int dot = name.lastIndexOf('.');
            for (int i = 1; i <= times; i++) {
                Files.copy(p, p.resolveSibling(name.substring(0, dot) + "-x" + i + name.substring(dot)));
            }
        }
    }

    private static void withLimit(int limit, Runnable build) {
        String before = System.getProperty(PagedYear.FORMS_PER_PAGE_PROPERTY);
        System.setProperty(PagedYear.FORMS_PER_PAGE_PROPERTY, Integer.toString(limit));
        try {
            build.run();
        } finally {
            if (before == null) System.clearProperty(PagedYear.FORMS_PER_PAGE_PROPERTY);
            else System.setProperty(PagedYear.FORMS_PER_PAGE_PROPERTY, before);
        }
    }

    /** The ids of the 自评表 on a page, in order. */
    private static List<String> formIds(String html) {
        return ids(html, "<section class=\"form\" id=\"([^\"]+)\"");
    }

    private static List<String> ids(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /** The links of the list with {@code class}. */
    private static List<String> hrefs(String html, String listClass) {
        int start = html.indexOf("<ol class=\"" + listClass + "\">");
        if (start < 0) return List.of();
        String list = html.substring(start, html.indexOf("</ol>", start));
        return ids(list, "href=\"([^\"]+)\"");
    }

    /** The project ids of a year in an edition, from its project pages. */
    private static List<String> projectsOf(Path edition, String year) {
        List<String> ids = new ArrayList<>();
        for (String unit : unitsInOrder(edition, year)) ids.addAll(projectsOfUnit(edition, year, unit));
        return ids;
    }

    private static List<String> projectsOfUnit(Path edition, String year, String unit) {
        return files(edition.resolve(year).resolve(unit), "(?!index\\.html).*\\.html").stream()
                .map(f -> f.equals("index_.html") ? "index" : f.substring(0, f.length() - ".html".length())).toList();
    }

    /** The units of a year in the order its statistics table lists them. */
    private static List<String> unitsInOrder(Path edition, String year) {
        String page = Builds.read(edition.resolve(year).resolve("index.html"));
        String stats = page.substring(page.indexOf("<table class=\"data sortable\" id=\"stats\">"));
        return ids(stats.substring(0, stats.indexOf("</tbody>")), "<th scope=\"row\"><a href=\"([^/\"]+)/index\\.html\">")
                .stream().distinct().collect(Collectors.toList());
    }

    /** The names of the files in {@code dir} that match {@code regex}, sorted. */
    private static List<String> files(Path dir, String regex) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).filter(n -> n.matches(regex))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
