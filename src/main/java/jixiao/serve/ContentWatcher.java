package jixiao.serve;

import jixiao.content.DirectorySource;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches the content folder and (optionally) a templates folder, every folder below them included,
 * registering new folders as they appear. Events are gathered until the folders have been quiet for
 * a moment (editors save through temporary files and renames, a git checkout touches many files), then
 * handed over as one {@link Changes} on the watcher's own thread.
 */
final class ContentWatcher implements Closeable {

    /**
     * Quiet time that ends a burst. An editor's save (write a temporary file, rename it over the old one)
     * takes a millisecond or two; a burst cut short only costs one more update, which reads the files as
     * they then are. Every save waits this long before it is shown, so it is kept short.
     */
    static final Duration QUIET = Duration.ofMillis(30);
    /** A burst never waits longer than this, so that a file written continuously still shows. */
    static final Duration MAX_WAIT = Duration.ofMillis(500);

    private final Path content;
    private final Path templates;
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Consumer<Changes> listener;
    private final Thread thread;

    private Set<String> changed = new HashSet<>();
    private boolean templatesChanged;
    private boolean overflow;

    /**
     * @param templates a templates folder to watch too, or null
     * @param listener  called on the watcher's thread, one burst at a time
     */
    ContentWatcher(Path content, Path templates, Consumer<Changes> listener) throws IOException {
        this.content = content.toAbsolutePath().normalize();
        this.templates = templates == null ? null : templates.toAbsolutePath().normalize();
        this.listener = listener;
        this.service = FileSystems.getDefault().newWatchService();
        registerAll(this.content);
        if (this.templates != null) registerAll(this.templates);
        this.thread = new Thread(this::run, "jixiao-watch");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // Nothing more to watch either way.
        }
        thread.interrupt();
    }

    /** Waits for the watcher's thread to end after {@link #close}. */
    void join(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
    }

    private void run() {
        try {
            while (true) {
                take(service.take());
                long first = System.nanoTime();
                while (true) {
                    long waited = System.nanoTime() - first;
                    long left = Math.min(QUIET.toNanos(), MAX_WAIT.toNanos() - waited);
                    if (left <= 0) break;
                    WatchKey key = service.poll(left, TimeUnit.NANOSECONDS);
                    if (key == null) break;
                    take(key);
                }
                Changes burst = new Changes(changed, templatesChanged, overflow);
                changed = new HashSet<>();
                templatesChanged = false;
                overflow = false;
                listener.accept(burst);
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // Closed.
        }
    }

    private void take(WatchKey key) {
        Path folder = folders.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                overflow = true;
                continue;
            }
            if (folder == null) continue;
            Path path = folder.resolve((Path) event.context());
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    registerAll(path);
                } catch (IOException | UncheckedIOException e) {
                    overflow = true;
                }
            }
            record(path);
        }
        if (!key.reset()) {
            folders.remove(key);
            if (folder != null) record(folder);
        }
    }

    private void record(Path path) {
        if (templates != null && path.startsWith(templates)) {
            if (!DirectorySource.isHidden(templates.relativize(path).toString().replace('\\', '/'))) templatesChanged = true;
        } else if (path.startsWith(content)) {
            changed.add(content.relativize(path).toString().replace('\\', '/'));
        }
    }

    private void registerAll(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                boolean top = dir.equals(content) || dir.equals(templates);
                if (!top && dir.getFileName().toString().startsWith(".")) return FileVisitResult.SKIP_SUBTREE;
                folders.put(dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY), dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
