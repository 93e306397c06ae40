package jixiao.browser;

import jixiao.testing.Builds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The script (assets/site.js) in Chromium: search by Chinese text, sorting and filtering the summary tables. */
@Tag("browser")
class SearchAndSortingBrowserTest {

    @TempDir
    static Path work;
    static ChromeDriver driver;
    static StaticServer server;

    @BeforeAll
    static void start() throws IOException {
        Chromium.assumeAvailable("SearchAndSortingBrowserTest");
        Builds.build(Builds.realContent(), work.resolve("out"));
        server = new StaticServer(work.resolve("out/public"));
        driver = Chromium.start(work.resolve("profile"));
        Chromium.viewport(driver, 1280);
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (server != null) server.close();
    }

    private static List<WebElement> search(String query) {
        driver.get(server.url("search.html?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("search-results")));
        return driver.findElements(By.cssSelector("#search-results .search-list li"));
    }

    /**
     * Waits until the browser is at a page whose address contains {@code part}. A command sent while a page loads is
     * aborted by the browser ("aborted by navigation": the header search's submit failed so under load in CI), so
     * the wait asks again rather than failing.
     */
    private void awaitPage(String part) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(WebDriverException.class)
                .until(ExpectedConditions.urlContains(part));
    }

    @Test
    void aPartOfAProjectsNameFindsItAndLinksToItsPage() {
        List<WebElement> results = search("劳动监察");
        assertFalse(results.isEmpty());
        WebElement first = results.get(0).findElement(By.tagName("a"));
        assertEquals("劳动监察专项资金", first.getText());
        assertEquals("项目", results.get(0).findElement(By.className("kind")).getText());
        first.click();
        awaitPage("labor-inspection-fund.html");
        assertTrue(driver.getCurrentUrl().endsWith("/2020/labor-inspection/labor-inspection-fund.html"), driver.getCurrentUrl());
        assertEquals("劳动监察专项资金", driver.findElement(By.cssSelector("h1")).getText().split("\n")[0]);
    }

    @Test
    void wordsApartStillMatchByTheirBigrams() {
        List<String> names = texts(search("监察资金"));
        assertTrue(names.contains("劳动监察专项资金"), names.toString());
    }

    @Test
    void unitsAndIndicatorsAreFoundToo() {
        List<WebElement> unit = search("人才交流中心");
        assertEquals("单位", unit.get(0).findElement(By.className("kind")).getText());
        List<WebElement> indicators = search("日常检查企业数");
        assertEquals("指标", indicators.get(0).findElement(By.className("kind")).getText());
        String href = indicators.get(0).findElement(By.tagName("a")).getAttribute("href");
        assertTrue(href.contains("labor-inspection-fund.html#labor-inspection-fund-i"), href);
        indicators.get(0).findElement(By.tagName("a")).click();
        awaitPage("labor-inspection-fund.html");
        String id = href.substring(href.indexOf('#') + 1);
        assertTrue(driver.findElement(By.id(id)).getText().contains("日常检查企业数"));
    }

    /** Opened from disk, Chromium does not let a page read search.json: projects are still found, and the page says what it left out. */
    @Test
    void fromAFileOnDiskProjectsAreFoundAndThePageSaysUnitsAndIndicatorsWereNotSearched() {
        driver.get(work.resolve("out/public/search.html").toUri() + "?q=" + URLEncoder.encode("劳动监察", StandardCharsets.UTF_8));
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("search-results")));
        assertTrue(texts(driver.findElements(By.cssSelector("#search-results .search-list li"))).contains("劳动监察专项资金"));
        String count = driver.findElement(By.cssSelector("#search-results .search-count")).getText();
        assertTrue(count.contains("只查了项目名称"), count);
    }

    @Test
    void aQueryWithoutMatchesSaysSo() {
        assertTrue(search("不存在的名称甲乙丙").isEmpty());
        assertTrue(driver.findElement(By.cssSelector("#search-results .search-count")).getText().contains("没有找到"));
    }

    @Test
    void theHeaderSearchBoxOnAnyPageLeadsToTheResults() {
        driver.get(server.url("2020/index.html"));
        WebElement box = driver.findElement(By.id("site-search-q"));
        box.sendKeys("社保");
        box.submit();
        awaitPage("search.html");
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("search-results")));
        assertFalse(driver.findElements(By.cssSelector("#search-results .search-list li")).isEmpty());
    }

    @Test
    void aColumnSortsBothWaysAndSaysHowInAriaSort() {
        driver.get(server.url("2020/index.html"));
        WebElement th = driver.findElement(By.xpath("//table[@id='summary']/thead/tr/th[normalize-space(.)='核算总分 ↕' or starts-with(normalize-space(.), '核算总分')]"));
        th.findElement(By.tagName("button")).click();
        assertEquals("ascending", th.getAttribute("aria-sort"));
        List<Double> up = column("summary", 4);
        List<Double> sorted = new ArrayList<>(up);
        sorted.sort(null);
        assertEquals(sorted, up);
        th.findElement(By.tagName("button")).click();
        assertEquals("descending", th.getAttribute("aria-sort"));
        List<Double> down = column("summary", 4);
        sorted.sort((a, b) -> Double.compare(b, a));
        assertEquals(sorted, down);
        assertEquals(1, driver.findElements(By.cssSelector("#summary th[aria-sort]")).size());
    }

    @Test
    void theFilterKeepsOnlyMatchingRows() {
        driver.get(server.url("2020/index.html"));
        WebElement filter = driver.findElement(By.id("filter-summary"));
        filter.sendKeys("养老");
        List<WebElement> shown = driver.findElements(By.cssSelector("#summary tbody tr:not([hidden])"));
        int all = driver.findElements(By.cssSelector("#summary tbody tr")).size();
        assertTrue(!shown.isEmpty() && shown.size() < all, shown.size() + " of " + all);
        for (WebElement row : shown) assertTrue(row.getText().contains("养老"), row.getText());
    }

    private static List<Double> column(String table, int n) {
        List<Double> values = new ArrayList<>();
        for (WebElement cell : driver.findElements(By.cssSelector("#" + table + " tbody tr > :nth-child(" + n + ")"))) {
            String t = cell.getText().replaceAll("[^0-9.]+.*$", "");
            values.add(t.isEmpty() ? Double.NEGATIVE_INFINITY : Double.parseDouble(t));
        }
        return values;
    }

    private static List<String> texts(List<WebElement> results) {
        return results.stream().map(r -> r.findElement(By.tagName("a")).getText()).toList();
    }
}
