package jixiao.serve;

import jixiao.build.RenderedFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The preview's server under many held connections, on loopback: a fixed number of threads, half-sent requests
 * closed after the time limit, event streams that hold no thread while they wait, and a cap on them.
 */
@Timeout(90)
class ServeLimitsTest {

    private static final PreviewServer.Limits LIMITS = new PreviewServer.Limits(4, Duration.ofMillis(1500), 20);
    private static final byte[] PAGE = "<html><body>页面</body></html>".getBytes(StandardCharsets.UTF_8);

    PreviewServer server;
    final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) s.close();
        if (server != null) server.close();
    }

    private void start() throws IOException {
        Snapshot snapshot = Snapshot.of(1, Map.of("index.html", RenderedFile.of(() -> PAGE)), List.of(), null);
        server = new PreviewServer("127.0.0.1", new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), () -> snapshot, LIMITS);
        server.start();
    }

    @Test
    void heldConnectionsUseNoMoreThanThePoolsThreadsAndHalfSentRequestsAreClosed() throws Exception {
        start();
        int before = httpThreads();
        List<Socket> streams = new ArrayList<>();
        for (int i = 0; i < LIMITS.streams(); i++) streams.add(openStream());
        List<Socket> halfSent = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Socket s = open();
            s.getOutputStream().write(("GET /index.html HTTP/1.1\r\nHost: localhost:" + server.port() + "\r\nX-Slow: ")
                    .getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            halfSent.add(s);
        }
        Thread.sleep(500);

        int threads = httpThreads();
        assertTrue(threads - before <= LIMITS.threads() + 2, "threads: " + before + " before, " + threads + " with "
                + halfSent.size() + " half-sent requests and " + streams.size() + " streams open");
        assertTrue(server.requestThreads() <= LIMITS.threads());

        // A page asked for now waits for a free thread, not for every slow request before it.
        long asked = System.nanoTime();
        assertTrue(get("/index.html").startsWith("HTTP/1.1 200 "));
        long waited = Duration.ofNanos(System.nanoTime() - asked).toMillis();
        assertTrue(waited < LIMITS.timeout().toMillis() * 3, "served after " + waited + " ms");

        // Every half-sent request is closed once its time is up (in turns of the pool's size): the server ends it.
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        for (Socket s : halfSent) {
            s.setSoTimeout((int) Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toMillis()));
            assertEquals(-1, drain(s.getInputStream()), "closed without an answer");
        }
        assertEquals(LIMITS.streams(), server.openStreams(), "the streams are still open");

        // With the slow ones gone, a page is served at once, and the streams hear of a rebuild.
        assertTrue(get("/index.html").startsWith("HTTP/1.1 200 "));
        server.reload(2);
        for (Socket s : streams) assertTrue(readUntil(s, "event: reload\ndata: 2\n"), "a stream heard the reload");
    }

    @Test
    void beyondTheCapAStreamIsRefusedAndAClosedOneFreesItsPlace() throws Exception {
        start();
        List<Socket> streams = new ArrayList<>();
        for (int i = 0; i < LIMITS.streams(); i++) streams.add(openStream());
        assertEquals(LIMITS.streams(), server.openStreams());
        Socket refused = open();
        refused.getOutputStream().write(request("/__jixiao/events").getBytes(StandardCharsets.ISO_8859_1));
        String answer = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(answer.startsWith("HTTP/1.1 503 "), answer);
        assertTrue(answer.contains("预览打开的页面太多（上限 20 个）"), answer);

        streams.get(0).close();
        // Writing to a page that went away ends its stream (the first write may still reach the socket's buffer).
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (long v = 2; server.openStreams() >= LIMITS.streams() && System.nanoTime() < deadline; v++) {
            server.reload(v);
            Thread.sleep(50);
        }
        assertEquals(LIMITS.streams() - 1, server.openStreams());
        openStream(); // a new page gets the freed place
        assertEquals(LIMITS.streams(), server.openStreams());
    }

    @Test
    void closingTheServerEndsEveryStream() throws Exception {
        start();
        Socket stream = openStream();
        server.close();
        stream.setSoTimeout(5000);
        assertTrue(drainedTo(stream.getInputStream()), "the stream ends with the server");
        server = null;
    }

    // ------------------------------------------------------------------ helpers

    private static int httpThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("jixiao-http")).count();
    }

    private Socket open() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
        s.setSoTimeout(10_000);
        sockets.add(s);
        return s;
    }

    private String request(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost:" + server.port() + "\r\nConnection: close\r\n\r\n";
    }

    private Socket openStream() throws IOException {
        Socket s = open();
        s.getOutputStream().write(request("/__jixiao/events?v=1").getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
        assertTrue(readUntil(s, "retry: 1000"), "stream opened");
        return s;
    }

    private String get(String path) throws IOException {
        Socket s = open();
        OutputStream o = s.getOutputStream();
        o.write(request(path).getBytes(StandardCharsets.ISO_8859_1));
        o.flush();
        return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Reads until {@code text} has come (true) or the stream ends or times out (false); a bounded read. */
    private static boolean readUntil(Socket s, String text) throws IOException {
        StringBuilder seen = new StringBuilder();
        InputStream in = s.getInputStream();
        byte[] buffer = new byte[512];
        try {
            for (int i = 0; i < 1000; i++) {
                int n = in.read(buffer);
                if (n < 0) return false;
                seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                if (seen.toString().contains(text)) return true;
            }
        } catch (SocketTimeoutException e) {
            return false;
        }
        return false;
    }

    /** Reads to the end; -1 when the server closed the connection (after anything it sent). */
    private static int drain(InputStream in) throws IOException {
        byte[] buffer = new byte[512];
        for (int i = 0; i < 10_000; i++) if (in.read(buffer) < 0) return -1;
        return 0;
    }

    private static boolean drainedTo(InputStream in) throws IOException {
        try {
            return drain(in) == -1;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }
}
