package jixiao.parallel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Timeout(30)
class ParallelTest {

    @Test
    void mapKeepsTheItemsOrderWhateverTheBatchSize() {
        List<Integer> items = IntStream.range(0, 1000).boxed().toList();
        for (int batch : new int[]{1, 7, 32, 5000}) {
            assertEquals(items.stream().map(i -> i * 2).toList(), Parallel.map(items, batch, i -> i * 2), "batch " + batch);
        }
        assertEquals(List.of(), Parallel.map(List.<Integer>of(), 4, i -> i));
    }

    @Test
    void forEachVisitsEveryItemOnce() {
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger calls = new AtomicInteger();
        Parallel.forEach(IntStream.range(0, 500).boxed().toList(), 3, i -> {
            seen.add(i);
            calls.incrementAndGet();
        });
        assertEquals(500, seen.size());
        assertEquals(500, calls.get());
    }

    @Test
    void aLongItemDoesNotHoldBackTheOthers() {
        // One item takes as long as all the others together: with batches of one, the other items
        // are done by whichever worker is free, so the whole takes about as long as that one item.
        List<Integer> items = IntStream.range(0, 41).boxed().toList();
        long started = System.nanoTime();
        Parallel.forEach(items, 1, i -> sleep(i == 0 ? 400 : 10));
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (Runtime.getRuntime().availableProcessors() > 1) {
            assertEquals(true, millis < 780, "took " + millis + " ms; one core alone takes 800");
        }
    }

    @Test
    void theFirstExceptionIsRethrown() {
        IllegalStateException thrown = new IllegalStateException("第三项出错");
        RuntimeException e = assertThrows(RuntimeException.class, () -> Parallel.map(List.of(1, 2, 3, 4), 1, i -> {
            if (i == 3) throw thrown;
            return i;
        }));
        assertSame(thrown, e);
    }

    @Test
    void anExceptionFromAnotherThreadIsRethrownItselfNotACopy() {
        // Only the pool's threads throw, so the exception crosses threads; ForkJoinTask.join would
        // hand back a reflective copy whose message starts with the type's name.
        IllegalStateException thrown = new IllegalStateException("第三项出错");
        RuntimeException e = assertThrows(RuntimeException.class, () -> Parallel.forEach(IntStream.range(0, 200).boxed().toList(), 1, i -> {
            if (Thread.currentThread() instanceof ForkJoinWorkerThread) throw thrown;
            sleep(5);
        }));
        assertSame(thrown, e);
    }

    @Test
    void withOneThreadEverythingRunsOnTheCallingThread() {
        String before = System.getProperty(Parallel.THREADS);
        System.setProperty(Parallel.THREADS, "1");
        try {
            Set<Thread> threads = ConcurrentHashMap.newKeySet();
            Parallel.forEach(IntStream.range(0, 200).boxed().toList(), 1, i -> {
                threads.add(Thread.currentThread());
                sleep(1);
            });
            assertEquals(Set.of(Thread.currentThread()), threads);
        } finally {
            if (before == null) System.clearProperty(Parallel.THREADS);
            else System.setProperty(Parallel.THREADS, before);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
