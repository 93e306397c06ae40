package jixiao.render;

import jixiao.testing.Builds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every page of both editions, built from content/, from the fixture and from the three-year
 * comparison fixture (changes pages, project histories): every href and
 * src that is not an outside link must resolve to a file of the same edition (and a #fragment to
 * an id on that page); assets are never loaded from elsewhere; every table scrolls inside a
 * wrapper; there is no script.
 */
class SiteLinksTest {

    private static final Pattern REF = Pattern.compile("\\s(href|src)=\"([^\"]*)\"");
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]*)\"");

    @TempDir
    static Path out;

    @BeforeAll
    static void build() {
        Builds.build(Builds.realContent(), out.resolve("real"));
        Builds.build(Builds.fixtureContent(), out.resolve("fixture"));
        Builds.build(Builds.threeYearContent(), out.resolve("three-years"));
    }

    static List<Path> editions() {
        return List.of(out.resolve("real/internal"), out.resolve("real/public"),
                out.resolve("fixture/internal"), out.resolve("fixture/public"),
                out.resolve("three-years/internal"), out.resolve("three-years/public"));
    }

    @Test
    void everyInternalLinkAndAssetResolvesWithinItsEdition() {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path edition : editions()) {
            Map<Path, Set<String>> ids = new HashMap<>();
            for (Path page : Builds.pages(edition)) {
                Matcher m = REF.matcher(Builds.read(page));
                while (m.find()) {
                    String ref = m.group(2).replace("&amp;", "&");
                    if (ref.startsWith("http://") || ref.startsWith("https://") || ref.startsWith("mailto:")) continue;
                    checked++;
                    assertFalse(ref.startsWith("/") || ref.startsWith("//") || ref.contains(":"), page + ": not relative: " + ref);
                    int hash = ref.indexOf('#');
                    String file = hash < 0 ? ref : ref.substring(0, hash);
                    String fragment = hash < 0 ? null : ref.substring(hash + 1);
                    Path target = file.isEmpty() ? page : page.getParent().resolve(URLDecoder.decode(file, StandardCharsets.UTF_8)).normalize();
                    if (!target.startsWith(edition) || !Files.isRegularFile(target)) {
                        broken.add(edition.relativize(page) + " → " + ref);
                    } else if (fragment != null && target.toString().endsWith(".html")
                            && !ids.computeIfAbsent(target, SiteLinksTest::idsOf).contains(fragment)) {
                        broken.add(edition.relativize(page) + " → " + ref + " (no such id)");
                    }
                }
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(checked > 1000, "links checked: " + checked);
    }

    @Test
    void pagesLoadNothingFromElsewhereAndOnlyTheSitesOwnDeferredScript() {
        Pattern asset = Pattern.compile("<(link|img|script|iframe|source|video|audio)\\b[^>]*\\s(href|src)=\"(https?:)?//", Pattern.CASE_INSENSITIVE);
        for (Path edition : editions()) {
            for (Path page : Builds.pages(edition)) {
                String html = Builds.read(page);
                assertFalse(asset.matcher(html).find(), page + " loads an outside resource");
                assertEquals(1, count(html.toLowerCase(), "<script"), page + " has one script");
                assertTrue(Pattern.compile("<script src=\"(\\.\\./)*assets/site\\.js\" defer></script>").matcher(html).find(),
                        page + " loads only the site's own script, after the page");
                assertEquals(1, count(html, "<link rel=\"stylesheet\""), page + " has one stylesheet");
            }
        }
    }

    @Test
    void everyTableScrollsInsideAWrapper() {
        for (Path edition : editions()) {
            for (Path page : Builds.pages(edition)) {
                String html = Builds.read(page);
                int tables = count(html, "<table");
                int wrapped = (int) Pattern.compile("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"[^\"]+\">\n<table")
                        .matcher(html).results().count();
                assertEquals(tables, wrapped, page + ": tables outside a .table-wrap");
            }
        }
    }

    @Test
    void aProjectLinksToItsOwnIdInOtherYearsWhereverItsUnitIs() {
        String page2020 = Builds.read(out.resolve("fixture/public/2020/inspection/inspection-fund.html"));
        assertTrue(page2020.contains("<a href=\"../../2021/personnel/inspection-fund.html\">2021年度（人事处）</a>"), page2020);
        String page2021 = Builds.read(out.resolve("fixture/public/2021/personnel/inspection-fund.html"));
        assertTrue(page2021.contains("<a href=\"../../2020/inspection/inspection-fund.html\">2020年度（监察大队）</a>"));
    }

    @Test
    void theChangesPagesAreAmongThePagesWalked() {
        for (Path edition : editions()) {
            if (edition.startsWith(out.resolve("real"))) continue;
            assertTrue(Builds.pages(edition).contains(edition.resolve("2021/changes.html")), edition.toString());
        }
        assertTrue(Builds.pages(out.resolve("three-years/public")).contains(out.resolve("three-years/public/2020/changes.html")));
    }

    @Test
    void aProjectWithTheIdIndexDoesNotTakeTheUnitPage() {
        assertTrue(Files.isRegularFile(out.resolve("fixture/public/2020/inspection/index_.html")));
        assertTrue(Builds.read(out.resolve("fixture/public/2020/inspection/index.html")).contains("<h1>监察大队"));
    }

    private static Set<String> idsOf(Path page) {
        Set<String> ids = new HashSet<>();
        Matcher m = ID.matcher(Builds.read(page));
        while (m.find()) ids.add(m.group(1));
        return ids;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
        return n;
    }
}
