package jixiao.serve;

import jixiao.render.Templates;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code jixiao serve}: the internal edition of a content folder served from memory, rebuilt when a file
 * of the content or of the templates is saved, with every open page reloading itself and showing the
 * findings that keep the site from being rebuilt.
 *
 * <p>The parts, each on its own thread: a {@link ContentWatcher} hands bursts of changes to a
 * {@link LiveSite}, which rebuilds what they affect into a new {@link Snapshot}; the
 * {@link PreviewServer} serves the latest snapshot and tells the pages to reload.
 */
public final class Preview implements Closeable {

    /**
     * @param templates a folder of the user's own templates, or null
     * @param bind      the address to listen on; anything but a loopback address is warned about
     * @param port      0 for any free port
     */
    public record Options(Path content, Path templates, String bind, int port) {
    }

    private final LiveSite site;
    private final PreviewServer server;
    private final ContentWatcher watcher;
    private final PrintStream err;
    private final String address;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Snapshot snapshot;
    private volatile boolean closing;
    /** The longest the warm-up may delay the first page (a slow or busy machine): a few seconds on top of reading the content. */
    static final Duration WARM_UP_LIMIT = Duration.ofSeconds(3);
    /** Set by the first burst of changes: the warm-up gives way to the real save. */
    private volatile boolean changedOnce;

    private Preview(Options options, PrintStream out, PrintStream err) throws IOException {
        this.err = err;
        InetAddress bind = InetAddress.getByName(options.bind());
        // Bind first: a port in use is reported at once, not after reading the whole content.
        server = new PreviewServer(options.bind(), new InetSocketAddress(bind, options.port()), () -> snapshot);
        site = new LiveSite(options.content(), options.templates(), out);
        ContentWatcher w = null;
        try {
            // Watch before reading, so that nothing saved while the content is read is missed.
            w = new ContentWatcher(options.content(), options.templates(), this::changed);
            snapshot = site.start();
        } catch (IOException | RuntimeException e) {
            if (w != null) w.close();
            server.close();
            site.close();
            throw e;
        }
        watcher = w;
        String host = bind.getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        address = "http://" + host + ":" + server.port() + "/";
        if (!bind.isLoopbackAddress()) {
            err.println("jixiao serve: 警告：监听的地址 " + options.bind() + " 不是本机回环地址，同一网络中的其他人也能打开这个预览，"
                    + "看到内部版的全部内容（草稿、填报人和联系电话、内部备注、核查问题）。只在可信的网络中这样做；"
                    + "只给自己看时请去掉 --bind（默认 127.0.0.1）。");
        }
    }

    /**
     * Reads the content, starts serving and watching, and prints where.
     *
     * @throws java.net.BindException       when the port is in use
     * @throws java.net.UnknownHostException when the address to bind is unknown
     * @throws IllegalArgumentException     when a page template is missing
     * @throws IOException                  when the content or templates folder cannot be read
     * @throws RuntimeException             a template error ({@link Templates#isTemplateError})
     */
    public static Preview start(Options options, PrintStream out, PrintStream err) throws IOException {
        Preview preview = new Preview(options, out, err);
        // Taken before the watcher starts: from then on only the watcher's thread touches the site.
        long deadline = System.nanoTime() + WARM_UP_LIMIT.toNanos();
        Runnable warmUp = preview.site.warmUp(() -> preview.closing || preview.changedOnce || System.nanoTime() > deadline);
        preview.watcher.start();
        // Before the first page is served, not beside it: on two cores a warm-up running next to the editor's first
        // saves slowed them as much as it sped up the later ones (BENCHMARKS.md, serve, eighth session).
        try {
            warmUp.run();
        } catch (RuntimeException e) {
            // Only ever a head start: the preview goes on without it.
        }
        preview.server.start();
        out.println("jixiao serve: 内部版预览在 " + preview.address + " ，保存内容或模板后自动更新；按 Ctrl-C 停止。");
        return preview;
    }

    public int port() {
        return server.port();
    }

    /** The address to open, such as {@code http://127.0.0.1:8080/}. */
    public String address() {
        return address;
    }

    Snapshot snapshot() {
        return snapshot;
    }

    private void changed(Changes changes) {
        changedOnce = true;
        try {
            Snapshot next = site.update(changes);
            if (next == null) return;
            snapshot = next;
            server.reload(next.version());
        } catch (RuntimeException e) {
            // Whatever went wrong, the preview goes on with the pages it has.
            err.println("jixiao serve: 重新生成失败：" + e);
        }
    }

    /** Stops serving and watching; the pages open in a browser stay as they are. Safe to call more than once. */
    @Override
    public void close() {
        if (closed.getCount() == 0) return;
        synchronized (this) {
            if (closed.getCount() == 0) return;
            closing = true;
            watcher.close();
            server.close();
            try {
                watcher.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            site.close();
            closed.countDown();
        }
    }

    /** Blocks until {@link #close}. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }
}
