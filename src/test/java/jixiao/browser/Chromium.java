package jixiao.browser;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Debian's chromium and chromedriver, headless, for the browser suite. When either is missing the
 * suite does not run, and says so on the console in plain words (mvn verify still passes).
 */
final class Chromium {

    static final Path BROWSER = Path.of(System.getProperty("jixiao.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("jixiao.chromedriver", "/usr/bin/chromedriver"));

    private Chromium() {
    }

    /** Stops the calling test class, with a notice on the console, when there is no browser to run it in. */
    static void assumeAvailable(String suite) {
        boolean there = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (!there) {
            String message = "BROWSER TESTS DID NOT RUN (" + suite + "): " + BROWSER + " or " + DRIVER + " is missing. "
                    + "Install them with: apt-get install -y chromium chromium-driver fonts-noto-cjk";
            System.out.println();
            System.out.println("[WARNING] ************************************************************");
            System.out.println("[WARNING] " + message);
            System.out.println("[WARNING] ************************************************************");
            Assumptions.abort(message);
        }
    }

    /** A new headless browser with a fresh profile in {@code profile}; the flags keep it off the (closed) network. */
    static ChromeDriver start(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--force-device-scale-factor=1", "--lang=zh-CN",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        return driver;
    }

    /** The viewport as a phone (375 px, mobile: the viewport meta applies) or a desktop (1280 px). */
    static void viewport(ChromeDriver driver, int width) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", width < 600 ? 812 : 900, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** The open page printed as Chromium prints it, with the page size and margins of its CSS. */
    static byte[] printToPdf(ChromeDriver driver) {
        Map<String, Object> result = driver.executeCdpCommand("Page.printToPDF", Map.of(
                "preferCSSPageSize", true, "printBackground", true, "displayHeaderFooter", false));
        return Base64.getDecoder().decode((String) result.get("data"));
    }

    static void screenshot(ChromeDriver driver, Path file, int width) {
        viewport(driver, width);
        Object height = driver.executeScript("return document.documentElement.scrollHeight");
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", Math.min(((Number) height).intValue(), 4000), "deviceScaleFactor", 1, "mobile", width < 600));
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
