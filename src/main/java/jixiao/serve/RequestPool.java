package jixiao.serve;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads the preview's HTTP server works on: a fixed few, whatever the number of connections, and
 * a watchdog that ends work that takes too long. The JDK's server reads a request on the thread it hands
 * the connection to, so a client that sends half a request and waits would hold a thread for ever; here
 * it is interrupted after {@code timeout}, which closes the connection (its channel is interruptible).
 * Work may pause the clock ({@link #untimed}) for what the server itself does, such as rendering a page,
 * which must never be cut short.
 */
final class RequestPool implements Executor {

    /** One job on one thread, and when it has to be done by (0: no limit just now). */
    private static final class Job {
        final Thread thread;
        volatile long deadline;

        Job(Thread thread, long deadline) {
            this.thread = thread;
            this.deadline = deadline;
        }
    }

    /**
     * Waiting work, the newest first: when many slow connections wait their turn (each up to the time limit),
     * a page asked for now is not queued behind all of them.
     */
    private static final class NewestFirst extends LinkedBlockingDeque<Runnable> {
        @Override
        public boolean offer(Runnable work) {
            return offerFirst(work);
        }
    }

    private final ThreadPoolExecutor threads;
    private final ScheduledExecutorService watchdog;
    private final long timeoutNanos;
    private final Map<Thread, Job> running = new ConcurrentHashMap<>();
    private final ThreadLocal<Job> current = new ThreadLocal<>();

    RequestPool(String name, int size, Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
        AtomicInteger n = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, new NewestFirst(), r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + "-watchdog");
            t.setDaemon(true);
            return t;
        });
        long tick = Math.max(10, timeout.toMillis() / 4);
        watchdog.scheduleWithFixedDelay(this::interruptOverdue, tick, tick, TimeUnit.MILLISECONDS);
    }

    @Override
    public void execute(Runnable work) {
        threads.execute(() -> {
            Job job = new Job(Thread.currentThread(), System.nanoTime() + timeoutNanos);
            current.set(job);
            running.put(job.thread, job);
            try {
                work.run();
            } finally {
                synchronized (job) {
                    running.remove(job.thread);
                    current.remove();
                    Thread.interrupted(); // an interrupt meant for this job must not reach the next one
                }
            }
        });
    }

    /** Runs {@code work} on the calling thread without the time limit, which then starts again. */
    <T> T untimed(java.util.function.Supplier<T> work) {
        Job job = current.get();
        if (job == null) return work.get();
        boolean overdue;
        synchronized (job) {
            job.deadline = 0;
            overdue = Thread.interrupted(); // the watchdog came just before: not meant for this work
        }
        try {
            return work.get();
        } finally {
            synchronized (job) {
                job.deadline = System.nanoTime() + timeoutNanos;
                if (overdue) Thread.currentThread().interrupt();
            }
        }
    }

    private void interruptOverdue() {
        long now = System.nanoTime();
        for (Job job : running.values()) {
            synchronized (job) {
                long deadline = job.deadline;
                if (deadline != 0 && now - deadline > 0 && running.get(job.thread) == job) job.thread.interrupt();
            }
        }
    }

    /** Threads that exist now (at most the pool's size). */
    int threadCount() {
        return threads.getPoolSize();
    }

    void shutdownNow() {
        watchdog.shutdownNow();
        threads.shutdownNow();
    }
}
