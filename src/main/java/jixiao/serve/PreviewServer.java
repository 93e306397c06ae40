package jixiao.serve;

import jixiao.build.RenderedFile;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Serves a {@link Snapshot} over HTTP: only GET and HEAD, only the files of the snapshot (a URL is a key
 * into it, never a path on disk), {@code index.html} for folders, a 404 page for anything else, and
 * {@link #EVENTS}, a Server-Sent Events stream that says {@code reload} after every rebuild.
 */
final class PreviewServer {

    static final String EVENTS = "/__jixiao/events";
    private static final String RESERVED = "/__jixiao/";
    private static final long KEEPALIVE_SECONDS = 15;
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "csv", "text/csv; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png");

    /**
     * What the server may use, whatever its clients do.
     *
     * @param threads at most this many requests are worked on at once; more wait their turn
     * @param timeout a request must be read, and its answer written, within this (rendering a page does not count)
     * @param streams open event streams (pages that reload by themselves); one more is refused with 503
     */
    record Limits(int threads, Duration timeout, int streams) {
        /** Enough for an editor with many tabs; a request head from a browser takes milliseconds, not seconds. */
        static final Limits DEFAULT = new Limits(8, Duration.ofSeconds(5), 64);
    }

    private final HttpServer server;
    private final RequestPool pool;
    private final ScheduledExecutorService keepAlive;
    private final Supplier<Snapshot> snapshot;
    private final AllowedHosts hosts;
    private final Limits limits;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Binds at once (so that a port in use is reported before anything else happens); call {@link #start}.
     *
     * @param bind the {@code --bind} address as written, which is also a Host the preview answers to
     */
    PreviewServer(String bind, InetSocketAddress address, Supplier<Snapshot> snapshot) throws IOException {
        this(bind, address, snapshot, Limits.DEFAULT);
    }

    PreviewServer(String bind, InetSocketAddress address, Supplier<Snapshot> snapshot, Limits limits) throws IOException {
        this.snapshot = snapshot;
        this.limits = limits;
        this.server = HttpServer.create(address, 0);
        this.hosts = AllowedHosts.of(bind, address.getAddress(), server.getAddress().getPort());
        // A few threads for every connection, with a time limit: an event stream holds none while it waits
        // (its messages are written as short jobs of their own), and half a request holds one only until the limit.
        this.pool = new RequestPool("jixiao-http", limits.threads(), limits.timeout());
        this.keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jixiao-http-events");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
    }

    void start() {
        server.start();
        keepAlive.scheduleWithFixedDelay(() -> broadcast(": keep-alive\n\n"), KEEPALIVE_SECONDS, KEEPALIVE_SECONDS, TimeUnit.SECONDS);
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Tells every open page to reload. */
    void reload(long version) {
        broadcast(reloadEvent(version));
    }

    void close() {
        closed = true;
        keepAlive.shutdownNow();
        for (Stream s : streams) s.end();
        server.stop(0);
        pool.shutdownNow();
    }

    // ------------------------------------------------------------------ requests

    private void handle(HttpExchange exchange) throws IOException {
        String raw = exchange.getRequestURI().getRawPath();
        boolean stream = raw != null && raw.equals(EVENTS) && exchange.getRequestMethod().equals("GET")
                && hosts.allows(exchange.getRequestHeaders().get("Host"), exchange.getLocalAddress().getAddress());
        if (stream) {
            events(exchange); // stays open after this returns
            return;
        }
        try (exchange) {
            if (!hosts.allows(exchange.getRequestHeaders().get("Host"), exchange.getLocalAddress().getAddress())) {
                send(exchange, 403, "text/plain; charset=utf-8", forbidden(), false);
                return;
            }
            String method = exchange.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "只支持 GET 和 HEAD。\n".getBytes(StandardCharsets.UTF_8), false);
                return;
            }
            if (raw != null && raw.equals(EVENTS)) {
                send(exchange, 200, "text/event-stream", new byte[0], true);
                return;
            }
            Snapshot s = snapshot.get();
            String path = path(raw);
            if (path == null || raw.startsWith(RESERVED)) {
                notFound(exchange, s, head);
                return;
            }
            if (s.files().isEmpty()) {
                send(exchange, 503, TYPES.get("html"), Overlay.page("网站尚未生成", "内容有错误，改正后页面会自动出现。", s), head);
                return;
            }
            RenderedFile file = s.files().get(path);
            if (file == null && s.files().containsKey(path.isEmpty() ? "index.html" : path + "/index.html")) {
                // A folder without its slash: relative links on its index page need the slash.
                exchange.getResponseHeaders().set("Location", raw + "/");
                send(exchange, 301, "text/plain; charset=utf-8", new byte[0], head);
                return;
            }
            if (file == null) {
                notFound(exchange, s, head);
                return;
            }
            byte[] bytes;
            try {
                bytes = pool.untimed(file::bytes);
            } catch (RuntimeException e) {
                send(exchange, 500, TYPES.get("html"), Overlay.page("页面生成失败", path + "：" + e, s), head);
                return;
            }
            String type = type(path);
            if (path.endsWith(".html")) bytes = Overlay.inject(bytes, s);
            send(exchange, 200, type, bytes, head);
        }
    }

    /**
     * The key of a request path in the snapshot: without its leading slash, {@code index.html} for a folder,
     * percent-decoded segment by segment; null for anything that could name something outside the site
     * ({@code ..}, {@code .}, empty segments, back slashes, control characters, bad encoding).
     */
    static String path(String raw) {
        if (raw == null || !raw.startsWith("/")) return null;
        String rest = raw.substring(1);
        if (rest.isEmpty() || rest.endsWith("/")) rest += "index.html";
        StringBuilder key = new StringBuilder();
        for (String segment : rest.split("/", -1)) {
            String s;
            try {
                s = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (s.isEmpty() || s.equals(".") || s.equals("..") || s.contains("/") || s.contains("\\")) return null;
            for (int i = 0; i < s.length(); i++) if (s.charAt(i) < 0x20 || s.charAt(i) == 0x7f) return null;
            if (key.length() > 0) key.append('/');
            key.append(s);
        }
        return key.toString();
    }

    /** Says why, and which address to open instead; never repeats the Host, which another site chose. */
    private byte[] forbidden() {
        return ("拒绝访问：预览只回答用本机地址打开的请求（如 http://127.0.0.1:" + hosts.port() + "/ 或 http://localhost:"
                + hosts.port() + "/），以免其他网站的网页借 DNS 重绑定读取内部版。请用这样的地址打开预览。\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static String type(String path) {
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 ? "" : path.substring(dot + 1);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static void notFound(HttpExchange exchange, Snapshot s, boolean head) throws IOException {
        send(exchange, 404, TYPES.get("html"), Overlay.page("找不到页面", "预览中没有这个地址。", s), head);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body, boolean head) throws IOException {
        Headers h = exchange.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        if (head) {
            h.set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    // ------------------------------------------------------------------ events

    /**
     * Opens an event stream and leaves it open: it is written to when there is something to say (a reload, a
     * keep-alive every {@value #KEEPALIVE_SECONDS} seconds) until the page goes away or the server stops. A page
     * asks with the version it was served at ({@code ?v=}); when a rebuild happened in between, it is told to
     * reload at once. Beyond {@link Limits#streams} open streams a page is refused (503) and reloads only by hand.
     */
    private void events(HttpExchange exchange) throws IOException {
        if (closed || streams.size() >= limits.streams()) {
            try (exchange) {
                send(exchange, 503, "text/plain; charset=utf-8", ("预览打开的页面太多（上限 " + limits.streams()
                        + " 个）：这个页面不会自动刷新。请关掉一些标签页后手动刷新。\n").getBytes(StandardCharsets.UTF_8), false);
            }
            return;
        }
        Headers h = exchange.getResponseHeaders();
        h.set("Content-Type", "text/event-stream; charset=utf-8");
        h.set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        Stream stream = new Stream(exchange);
        streams.add(stream); // before reading the version, so that no rebuild in between goes untold
        long seen = version(exchange.getRequestURI().getRawQuery());
        long now = snapshot.get().version();
        stream.write("retry: 1000\n\n" + (seen >= 0 && seen != now ? reloadEvent(now) : ""));
        if (closed) stream.end();
    }

    /** Writes to every open stream, each as a job of its own on the pool, so that one slow page delays no other. */
    private void broadcast(String text) {
        for (Stream s : streams) {
            try {
                pool.execute(() -> s.write(text));
            } catch (RejectedExecutionException e) {
                s.end(); // the server is stopping
            }
        }
    }

    /** One open event stream. */
    private final class Stream {
        private final HttpExchange exchange;
        private final OutputStream out;

        Stream(HttpExchange exchange) {
            this.exchange = exchange;
            this.out = exchange.getResponseBody();
        }

        synchronized void write(String text) {
            try {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                end(); // the page went away, or did not read in time
            }
        }

        void end() {
            streams.remove(this);
            exchange.close();
        }
    }

    private static String reloadEvent(long version) {
        return "event: reload\ndata: " + version + "\n\n";
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static long version(String query) {
        if (query == null) return -1;
        for (String part : List.of(query.split("&"))) {
            if (part.startsWith("v=")) {
                try {
                    return Long.parseLong(part.substring(2));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    int openStreams() {
        return streams.size();
    }

    /** Threads working on requests now; never more than {@link Limits#threads}. */
    int requestThreads() {
        return pool.threadCount();
    }
}
