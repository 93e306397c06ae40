package jixiao.browser;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import jixiao.testing.Builds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every public page of content/ and of the two-year fixture, in Chromium at 375 px (a phone) and 1280 px:
 * no axe-core violation of WCAG 2.1 A/AA, the page itself never scrolls sideways, every box that scrolls
 * is a focusable, named region, and chart text is at least 12 px. With {@code -Djixiao.screenshots=DIR}
 * it also saves a screenshot of each page at each width.
 */
@Tag("browser")
class PublicPagesBrowserTest {

    static final List<Integer> WIDTHS = List.of(375, 1280);
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    @TempDir
    static Path work;
    static ChromeDriver driver;
    static final List<StaticServer> servers = new ArrayList<>();

    @BeforeAll
    static void start() {
        Chromium.assumeAvailable("PublicPagesBrowserTest");
        Builds.build(Builds.realContent(), work.resolve("real"));
        Builds.build(Builds.fixtureContent(), work.resolve("fixture"));
        driver = Chromium.start(work.resolve("profile"));
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        servers.forEach(StaticServer::close);
    }

    @TestFactory
    Stream<DynamicTest> everyPublicPageAtBothWidths() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String site : List.of("real", "fixture")) {
            Path root = work.resolve(site).resolve("public");
            StaticServer server = new StaticServer(root);
            servers.add(server);
            List<String> pages;
            try (Stream<Path> files = Files.walk(root)) {
                pages = files.filter(p -> p.toString().endsWith(".html")).map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .sorted().toList();
            }
            assertTrue(pages.size() > 5, site + ": " + pages);
            for (String page : pages) {
                for (int width : WIDTHS) {
                    tests.add(DynamicTest.dynamicTest(site + "/" + page + " @" + width + "px", () -> check(server, site, page, width)));
                }
            }
        }
        return tests.stream();
    }

    private static void check(StaticServer server, String site, String page, int width) {
        Chromium.viewport(driver, width);
        driver.get(server.url(page));
        String shots = System.getProperty("jixiao.screenshots");
        if (shots != null) {
            Chromium.screenshot(driver, Path.of(shots, site, page.replace('/', '_') + "-" + width + ".png"), width);
            Chromium.viewport(driver, width);
        }

        // Legacy mode runs axe inside the page itself: the pages have no frames, and the default mode opens
        // about:blank in a new window with a one-second timeout, which a loaded CI machine can miss.
        Results results = new AxeBuilder().withTags(WCAG_21_AA).setLegacyMode(true).analyze(driver);
        assertEquals("", describe(results.getViolations()), "axe-core violations (WCAG 2.1 A/AA) on " + page + " at " + width + " px");

        Number overflow = (Number) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertTrue(overflow.intValue() <= 0, page + " at " + width + " px scrolls sideways by " + overflow + " px");

        @SuppressWarnings("unchecked")
        List<String> unreachable = (List<String>) driver.executeScript("""
                return Array.from(document.querySelectorAll('body *')).filter(e => {
                  const s = getComputedStyle(e);
                  return (s.overflowX === 'auto' || s.overflowX === 'scroll') && e.scrollWidth > e.clientWidth + 1;
                }).filter(e => !(e.tabIndex >= 0 && e.getAttribute('role') === 'region' && e.getAttribute('aria-label')))
                  .map(e => e.outerHTML.slice(0, 160));""");
        assertEquals(List.of(), unreachable, "scroll regions a keyboard cannot reach, or without a name, on " + page);

        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) driver.executeScript("""
                return Array.from(document.querySelectorAll('svg.chart text')).filter(t => t.getClientRects().length)
                  .map(t => [t.textContent, parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a])
                  .filter(x => x[1] < 11.99).map(x => x[0] + ' ' + x[1].toFixed(1) + 'px');""");
        assertEquals(List.of(), small, "chart text under 12 px on " + page + " at " + width + " px");
    }

    private static String describe(List<Rule> violations) {
        return violations.stream().map(r -> r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + " at "
                        + r.getNodes().stream().limit(5).map(CheckedNode::getTarget).map(String::valueOf).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
    }
}
