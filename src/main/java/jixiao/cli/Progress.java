package jixiao.cli;

import jixiao.format.FindingPrinter;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The progress line of a long command on a terminal: {@code \r正在读取 1234/10000 …} on stderr,
 * rewritten in place at most ten times a second by a daemon thread. The work only counts with
 * {@link #step()} (an atomic increment, no lock), so reporting never slows it down; nothing of
 * it reaches stdout or the files a command writes.
 *
 * <p>Off (every method does nothing) when stderr is not a terminal or with {@code --quiet}.
 * Before printing anything else to the terminal, call {@link #idle()}: it erases the line.
 */
final class Progress implements AutoCloseable {

    /** The least time between two prints of the line. */
    static final long INTERVAL_NANOS = 100_000_000L;
    /** Set by the {@code jixiao} script from {@code [ -t 2 ]}; without it, a console means a terminal. */
    static final String TERMINAL_PROPERTY = "jixiao.stderr.terminal";

    private static final Progress OFF = new Progress(null, System::nanoTime);

    private final PrintStream terminal;
    private final LongSupplier clock;
    private final AtomicInteger done = new AtomicInteger();
    private volatile String label;
    private volatile int total;
    private Thread ticker;

    // Guarded by this: what is on the terminal now.
    private String shown = "";
    private long shownAt;
    private boolean everShown;

    /** @param terminal where the line goes; null for a progress that shows nothing */
    Progress(PrintStream terminal, LongSupplier clock) {
        this.terminal = terminal;
        this.clock = clock;
    }

    /** A progress on {@code err} when it is a terminal and the command is not quiet, with its ticker running; else one that does nothing. */
    static Progress start(PrintStream err, boolean quiet) {
        if (quiet || !stderrIsTerminal(System.getProperty(TERMINAL_PROPERTY), System.console() != null)) return OFF;
        Progress progress = new Progress(err, System::nanoTime);
        progress.startTicker();
        return progress;
    }

    /** Whether stderr is a terminal: as the launcher script tested it, else whether the JVM has a console. */
    static boolean stderrIsTerminal(String property, boolean hasConsole) {
        if ("true".equals(property)) return true;
        if ("false".equals(property)) return false;
        return hasConsole;
    }

    boolean isOn() {
        return terminal != null;
    }

    /** Starts counting a new piece of work of {@code total} steps, shown as {@code label done/total …}. */
    void phase(String label, int total) {
        if (terminal == null) return;
        this.total = total;
        done.set(0);
        this.label = label;
    }

    /** One step done; safe from any thread, and cheap. */
    void step() {
        if (terminal != null) done.incrementAndGet();
    }

    int done() {
        return done.get();
    }

    /** Stops showing a line, and erases the one shown, so that the terminal is free for other output. */
    synchronized void idle() {
        if (terminal == null) return;
        label = null;
        if (!shown.isEmpty()) {
            terminal.print("\r" + " ".repeat(width(shown)) + "\r");
            terminal.flush();
            shown = "";
        }
    }

    /** Prints the line if it changed and the last print is at least {@link #INTERVAL_NANOS} old. Called by the ticker. */
    synchronized void tick() {
        String current = label;
        if (terminal == null || current == null) return;
        long now = clock.getAsLong();
        if (everShown && now - shownAt < INTERVAL_NANOS) return;
        String line = current + " " + Math.min(done.get(), total) + "/" + total + " …";
        if (line.equals(shown)) return;
        int clear = width(shown) - width(line);
        terminal.print("\r" + line + (clear > 0 ? " ".repeat(clear) : ""));
        terminal.flush();
        shown = line;
        shownAt = now;
        everShown = true;
    }

    @Override
    public void close() {
        if (terminal == null) return;
        if (ticker != null) {
            ticker.interrupt();
            try {
                ticker.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        idle();
    }

    private void startTicker() {
        ticker = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    tick();
                    Thread.sleep(INTERVAL_NANOS / 1_000_000);
                }
            } catch (InterruptedException e) {
                // closed
            }
        }, "jixiao-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    /** Terminal columns, generously: CJK and full-width characters take two, and so does … (two in some CJK terminals). */
    static int width(String text) {
        return text.codePoints().map(cp -> cp == '…' || FindingPrinter.isWide(cp) ? 2 : 1).sum();
    }
}
