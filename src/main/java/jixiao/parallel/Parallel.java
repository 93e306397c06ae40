package jixiao.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Work on every core, handed out a few items at a time: each worker takes the next small batch as
 * soon as it is free. A parallel stream splits a list into a few large chunks up front, so when the
 * items take unequal time (one file is larger, one page is a year's whole report) one core works on
 * alone at the end while the other idles; here no worker is left more than one batch behind.
 * Results keep the order of the items, so the output never depends on the scheduling.
 */
public final class Parallel {

    /**
     * System property: at most how many threads parallel work uses, the calling one included ({@code 1}:
     * everything on the calling thread). Unset, every core. Read at each call, so that a test can compare
     * a run on one thread with one on all.
     */
    public static final String THREADS = "jixiao.threads";

    private Parallel() {
    }

    /** {@code f} of each item, in the items' order; the first exception any call throws is rethrown. */
    public static <T, R> List<R> map(List<T> items, int batch, Function<? super T, ? extends R> f) {
        Object[] results = new Object[items.size()];
        forEachIndex(items.size(), batch, i -> results[i] = f.apply(items.get(i)));
        @SuppressWarnings("unchecked")
        List<R> list = (List<R>) Arrays.asList(results);
        return list;
    }

    /** {@code action} on each item, in any order and on any thread. */
    public static <T> void forEach(List<T> items, int batch, Consumer<? super T> action) {
        forEachIndex(items.size(), batch, i -> action.accept(items.get(i)));
    }

    /** How many pool threads may help the calling one. */
    private static int helpers() {
        int pool = ForkJoinPool.getCommonPoolParallelism();
        Integer threads = Integer.getInteger(THREADS);
        return threads == null ? pool : Math.max(0, Math.min(pool, threads - 1));
    }

    private interface IndexAction {
        void run(int index);
    }

    private static void forEachIndex(int size, int batch, IndexAction action) {
        if (batch < 1) throw new IllegalArgumentException("batch must be at least 1");
        AtomicInteger next = new AtomicInteger();
        // Each worker keeps what it threw itself: ForkJoinTask.join would hand back a copy made by
        // reflection (message "Type: original message"), not the exception the caller's code threw.
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            try {
                for (int start = next.getAndAdd(batch); start < size; start = next.getAndAdd(batch)) {
                    for (int i = start, end = Math.min(size, start + batch); i < end; i++) action.run(i);
                }
            } catch (RuntimeException | Error e) {
                // Stop the other workers taking more work; they finish their batch and return.
                next.set(size);
                if (!failure.compareAndSet(null, e) && failure.get() != e) failure.get().addSuppressed(e);
            }
        };
        int helpers = Math.min(helpers(), (size - 1) / batch);
        List<ForkJoinTask<?>> tasks = new ArrayList<>(helpers);
        for (int h = 0; h < helpers; h++) tasks.add(ForkJoinPool.commonPool().submit(worker));
        worker.run();
        for (ForkJoinTask<?> task : tasks) task.join();
        Throwable thrown = failure.get();
        if (thrown instanceof Error error) throw error;
        if (thrown != null) throw (RuntimeException) thrown;
    }
}
