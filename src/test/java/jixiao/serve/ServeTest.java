package jixiao.serve;

import jixiao.testing.Builds;
import jixiao.testing.ContentFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** {@code jixiao serve} over HTTP, on a free port, over a copy of the site fixture that the tests edit. */
@Timeout(60)
class ServeTest {

    private static final String PROJECT = "2020/inspection/inspection-fund.html";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path tmp;
    Path content;
    Preview preview;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void copyContent() {
        content = tmp.resolve("content");
        ContentFixture.copyTree(Builds.fixtureContent(), content);
    }

    @AfterEach
    void stop() {
        if (preview != null) preview.close();
    }

    private void start(String bind) throws IOException {
        preview = Preview.start(new Preview.Options(content, null, bind, 0),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void editsReachTheOpenPageAndErrorsShowAsAnOverlayUntilFixed() throws Exception {
        start("127.0.0.1");
        assertTrue(preview.port() > 0);
        assertTrue(out().contains("http://127.0.0.1:" + preview.port() + "/"), out());
        assertEquals("", err());

        HttpResponse<String> page = get(PROJECT);
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(page.body().contains("<h1>监察专项资金<"), page.body());
        assertTrue(page.body().contains("new EventSource(\"/__jixiao/events?v="), "the preview adds its script");
        assertFalse(page.body().contains(Overlay.ERRORS_ID));

        Events events = subscribe(version(page.body()));
        Path file = content.resolve("2020/inspection/inspection-fund.yaml");
        String original = Files.readString(file);

        Files.writeString(file, original.replace("name: \"监察专项资金\"", "name: \"监察经费\""));
        String renamed = events.awaitPage(PROJECT, body -> body.contains("<h1>监察经费<"));
        assertFalse(renamed.contains(Overlay.ERRORS_ID));

        // Line 1 no longer parses: the overlay names the file and line; the page is still the last good one.
        Files.writeString(file, original.replace("name: \"监察专项资金\"", "name: [监察经费"));
        String broken = events.awaitPage(PROJECT, body -> body.contains(Overlay.ERRORS_ID));
        assertTrue(broken.contains("<code>content/2020/inspection/inspection-fund.yaml:"), broken);
        assertTrue(broken.contains("</code> error[yaml-syntax] 方括号没有成对"), broken);
        assertTrue(broken.contains("<h1>监察经费<"), "the last good page is still served");
        assertTrue(get("2021/talent/employment.html").body().contains(Overlay.ERRORS_ID), "the overlay is on every page");
        assertTrue(get("no/such/page.html").body().contains(Overlay.ERRORS_ID), "even on the 404 page");

        Files.writeString(file, original.replace("name: \"监察专项资金\"", "name: \"监察经费（定稿）\""));
        String fixed = events.awaitPage(PROJECT, body -> body.contains("<h1>监察经费（定稿）<"));
        assertFalse(fixed.contains(Overlay.ERRORS_ID), "the overlay is gone");
        assertTrue(events.reloads >= 3, "one reload per rebuild at least: " + events.reloads);

        preview.close();
        assertThrows(ConnectException.class, () -> http.send(request(PROJECT).build(), HttpResponse.BodyHandlers.ofString()));
        assertTrue(events.ended.await(10, TimeUnit.SECONDS), "the event stream ends with the server");
    }

    @Test
    void servesOnlyTheRenderedFilesWithTheirTypes() throws Exception {
        start("127.0.0.1");
        assertEquals("text/css; charset=utf-8", get("assets/site.css").headers().firstValue("Content-Type").orElseThrow());
        assertEquals("text/csv; charset=utf-8", get("2020/summary.csv").headers().firstValue("Content-Type").orElseThrow());
        assertEquals("application/json", get("2020/data.json").headers().firstValue("Content-Type").orElseThrow());
        assertFalse(get("2020/data.json").body().contains("EventSource"), "only HTML gets the script");
        assertTrue(get("").body().contains("<title>测试局预算绩效公开（内部版）</title>"), "index.html for /");
        assertTrue(get("2020/").body().contains("2020年度"), "index.html for a folder");
        HttpResponse<String> folder = get("2020");
        assertEquals(301, folder.statusCode());
        assertEquals("/2020/", folder.headers().firstValue("Location").orElseThrow());

        HttpResponse<String> missing = get("2020/nothing.html");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("找不到页面"));
        assertEquals(404, get("__jixiao/other").statusCode());
        assertEquals(404, get("content/site.yaml").statusCode());

        // Paths that climb out never reach the disk: written raw, as a client that does not normalise them would.
        for (String path : new String[]{"/../site.yaml", "/2020/../../content/site.yaml", "/%2e%2e/%2e%2e/etc/passwd",
                "/2020/%2E%2E/index.html", "/2020/..%2Findex.html", "/2020/..%5Cindex.html", "/./index.html", "//index.html",
                "/2020/%00.html"}) {
            assertTrue(raw("GET " + path + " HTTP/1.1").startsWith("HTTP/1.1 404 "), path);
        }
        assertTrue(raw("GET /%zz HTTP/1.1").startsWith("HTTP/1.1 400 "), "the JDK's server refuses what is not a URI");
        assertTrue(raw("POST /index.html HTTP/1.1").startsWith("HTTP/1.1 405 "));
        String head = raw("HEAD /index.html HTTP/1.1");
        assertTrue(head.startsWith("HTTP/1.1 200 "), head);
        assertFalse(head.contains("<html"), head);
    }

    @Test
    void onlyRequestsForThisMachineByNameOrAddressAreAnsweredSoDnsRebindingReadsNothing() throws Exception {
        start("127.0.0.1");
        int port = preview.port();
        for (String host : new String[]{"localhost:" + port, "LOCALHOST:" + port, "127.0.0.1:" + port, "[::1]:" + port}) {
            String response = raw("GET /index.html HTTP/1.1", "Host: " + host + "\r\n");
            assertTrue(response.startsWith("HTTP/1.1 200 "), host + ": " + response);
            assertTrue(response.contains("测试局预算绩效公开（内部版）"), host);
        }
        // A page of evil.example whose name now resolves to 127.0.0.1 sends its own name; so do other tricks.
        for (String headers : new String[]{"Host: evil.example:" + port + "\r\n", "Host: evil.example\r\n",
                "Host: localhost\r\n", "Host: localhost:1\r\n", "Host: 127.0.0.1.evil.example:" + port + "\r\n",
                "Host: localhost.:" + port + "\r\n", "Host: localhost:" + port + "@evil.example\r\n", "",
                "Host: localhost:" + port + "\r\nHost: evil.example:" + port + "\r\n"}) {
            for (String target : new String[]{"/index.html", "/2020/summary.csv", "/__jixiao/events", "/nothing"}) {
                String response = raw("GET " + target + " HTTP/1.1", headers);
                assertTrue(response.startsWith("HTTP/1.1 403 "), headers + target + ": " + response);
                assertTrue(response.contains("拒绝访问：预览只回答用本机地址打开的请求（如 http://127.0.0.1:" + port + "/"), response);
                assertFalse(response.contains("测试局") || response.contains("evil.example"), response);
            }
        }
    }

    @Test
    void theBindAddressAndTheAddressARequestArrivedAtAreAnsweredToo() throws Exception {
        start("0.0.0.0");
        int port = preview.port();
        assertTrue(raw("GET / HTTP/1.1", "Host: 0.0.0.0:" + port + "\r\n").startsWith("HTTP/1.1 200 "));
        assertTrue(raw("GET / HTTP/1.1", "Host: 127.0.0.1:" + port + "\r\n").startsWith("HTTP/1.1 200 "));
        assertTrue(raw("GET / HTTP/1.1", "Host: rebound.example:" + port + "\r\n").startsWith("HTTP/1.1 403 "));
    }

    @Test
    void bindingBeyondLoopbackIsWarnedAbout() throws Exception {
        start("0.0.0.0");
        assertTrue(err().contains("警告：监听的地址 0.0.0.0 不是本机回环地址"), err());
        assertEquals(200, get("index.html").statusCode());
    }

    @Test
    void anEventStreamOfAnOutdatedPageReloadsAtOnce() throws Exception {
        start("127.0.0.1");
        Events events = subscribe(0);
        assertTrue(events.awaitReload(), "a page served before the latest rebuild reloads when it connects");
    }

    @Test
    void contentWithErrorsFromTheStartShowsThemUntilFixed() throws Exception {
        Path file = content.resolve("2020/inspection/index.yaml");
        String original = Files.readString(file);
        Files.writeString(file, original.replace("score: 50", "score: [50"));
        start("127.0.0.1");
        HttpResponse<String> first = get("");
        assertEquals(503, first.statusCode());
        assertTrue(first.body().contains("content/2020/inspection/index.yaml:"), first.body());
        Events events = subscribe(version(first.body()));
        Files.writeString(file, original);
        String fixed = events.awaitPage("", body -> body.contains("测试局预算绩效公开"));
        assertFalse(fixed.contains(Overlay.ERRORS_ID));
    }

    @Test
    void ownTemplatesAreWatchedTooAndTheirErrorsShown() throws Exception {
        Path templates = tmp.resolve("templates");
        ContentFixture.copyTree(Path.of("site-templates").toAbsolutePath(), templates);
        preview = Preview.start(new Preview.Options(content, templates, "127.0.0.1", 0),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        Events events = subscribe(version(get("").body()));
        Path layout = templates.resolve("layout.jte");
        String original = Files.readString(layout);
        Files.writeString(layout, original.replace("<main id=\"main\" class=\"wrap\">", "<main id=\"main\" class=\"wrap\"><p>自己的模板</p>"));
        events.awaitPage(PROJECT, body -> body.contains("<p>自己的模板</p>"));

        Path home = templates.resolve("home.jte");
        String homeText = Files.readString(home);
        Files.writeString(home, homeText + "@if(\n");
        String broken = events.awaitPage("", body -> body.contains(Overlay.ERRORS_ID));
        assertTrue(broken.contains("模板出错：") && broken.contains("home.jte"), broken);
        assertTrue(broken.contains("<p>自己的模板</p>"), "the last good pages stay");

        Files.writeString(home, homeText);
        String fixed = events.awaitPage("", body -> !body.contains(Overlay.ERRORS_ID));
        assertTrue(fixed.contains("<p>自己的模板</p>"));
    }

    // ------------------------------------------------------------------ helpers

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + preview.port() + "/" + path)).timeout(Duration.ofSeconds(20));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends one request line as written, and returns the response. */
    private String raw(String requestLine) throws IOException {
        return raw(requestLine, "Host: localhost:" + preview.port() + "\r\n");
    }

    /** Sends one request line and these header lines as written, and returns the response. */
    private String raw(String requestLine, String headers) throws IOException {
        try (Socket s = new Socket("127.0.0.1", preview.port())) {
            s.setSoTimeout(10_000);
            OutputStream o = s.getOutputStream();
            o.write((requestLine + "\r\n" + headers + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            o.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long version(String html) {
        Matcher m = Pattern.compile("events\\?v=(\\d+)").matcher(html);
        assertTrue(m.find(), "page has the preview script");
        return Long.parseLong(m.group(1));
    }

    private Events subscribe(long version) throws Exception {
        HttpResponse<Stream<String>> response = http.send(request("__jixiao/events?v=" + version).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        assertEquals("text/event-stream; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        return new Events(response.body());
    }

    /** An open event stream, read on its own thread. */
    private final class Events {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        int reloads;

        Events(Stream<String> stream) {
            Thread t = new Thread(() -> {
                try (stream) {
                    stream.forEach(lines::add);
                } catch (RuntimeException e) {
                    // Closed.
                } finally {
                    ended.countDown();
                }
            }, "test-events");
            t.setDaemon(true);
            t.start();
        }

        boolean awaitReload() throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if ("event: reload".equals(line)) {
                    reloads++;
                    return true;
                }
            }
            return false;
        }

        /** Waits for reload events until the page, fetched after each, is as expected. */
        String awaitPage(String path, Predicate<String> expected) throws Exception {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!awaitReload()) break;
                String body = get(path).body();
                if (expected.test(body)) return body;
            }
            fail("no reload brought the expected page " + path + "; last:\n" + get(path).body() + "\nlog:\n" + out() + err());
            return null;
        }
    }
}
