package jixiao.site;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What a rendering read of a site model, as Hugo tracks identities: while {@link #record} runs a
 * rendering, every model part it reads ({@link ProjectModel}, {@link UnitModel}, a year's totals, report,
 * findings, comparison, hidden ids, a project's change) is noted by identity. A file rendered from one
 * model is then the same for a later model that still holds every part it read, the same objects: a
 * model patched for a change keeps the parts the change did not touch ({@code jixiao.build.ModelPatch}).
 *
 * <p>Only reads on the recording thread are noted: a rendering must not hand model reads to other threads.
 * What every file may read without a note (the edition, site.yaml, the rules profile, which years, units
 * and projects there are) must be the same in both models; the caller checks that, else renders all.
 */
public final class ModelReads {

    private static final ThreadLocal<Set<Object>> RECORDING = new ThreadLocal<>();
    /**
     * Recordings in progress on any thread: a plain build records nothing, and then each read costs a
     * volatile read rather than a thread-local look-up (model accessors are called millions of times).
     */
    private static final AtomicInteger ACTIVE = new AtomicInteger();

    private ModelReads() {
    }

    /** What a rendering gave, and the model parts it read. */
    public record Recorded<T>(T value, Set<Object> reads) {
    }

    /** Runs {@code rendering}, noting what it reads; recordings do not nest (the inner one's reads go to it alone). */
    public static <T> Recorded<T> record(Supplier<T> rendering) {
        Set<Object> reads = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Object> outer = RECORDING.get();
        RECORDING.set(reads);
        ACTIVE.incrementAndGet();
        try {
            T value = rendering.get();
            return new Recorded<>(value, Collections.unmodifiableSet(reads));
        } finally {
            ACTIVE.decrementAndGet();
            if (outer == null) RECORDING.remove();
            else RECORDING.set(outer);
        }
    }

    /** Whether a rendering on this thread is being recorded: then every read must go through the model's accessors. */
    public static boolean recording() {
        return ACTIVE.get() != 0 && RECORDING.get() != null;
    }

    /** Notes that the recording rendering on this thread, if any, read {@code part}; returns it. */
    public static <T> T note(T part) {
        if (ACTIVE.get() == 0 || part == null) return part;
        Set<Object> reads = RECORDING.get();
        if (reads != null) reads.add(part);
        return part;
    }

    /**
     * A fact a rendering derived from the model as a whole, noted by name and value: a file that read it holds for
     * another model only if that model derives the same value under the name. For what no single part holds (which
     * part of a split changes page shows a project depends on how many changes of its unit come before it).
     */
    public record Derived(String name, Object value) {
    }

    /** Notes, for the recording rendering on this thread if any, that it derived {@code value} as {@code name}; returns it. */
    public static <T> T noteDerived(String name, T value) {
        if (ACTIVE.get() == 0) return value;
        Set<Object> reads = RECORDING.get();
        if (reads != null) reads.add(new Derived(name, value));
        return value;
    }

    /**
     * Every part of {@code site} that a rendering can note, by identity: what a file's recorded reads are
     * checked against. A part noted but missing here only makes a file render again, never stay stale.
     */
    public static Set<Object> parts(SiteModel site) {
        // Sized for five parts a project (a preview asks on every save; growing the table step by step cost more).
        int projects = 0;
        for (YearModel year : site.years()) for (UnitModel unit : year.units()) projects += unit.projects().size();
        Set<Object> parts = Collections.newSetFromMap(new IdentityHashMap<>(projects * 5 + 64));
        for (YearModel year : site.years()) {
            // Called outside any recording on this thread, so these reads note nothing.
            parts.add(year.year());
            parts.add(year.report());
            parts.add(year.totals());
            parts.add(year.findings());
            parts.add(year.hiddenIds());
            if (year.changes() != null) {
                parts.add(year.changes());
                parts.addAll(year.changes().projects());
            }
            for (UnitModel unit : year.units()) {
                parts.add(unit);
                parts.add(unit.unit());
                parts.add(unit.projects());
                parts.add(unit.totals());
                for (ProjectModel project : unit.projects()) {
                    parts.add(project);
                    parts.add(project.project());
                    parts.add(project.score());
                    parts.add(project.years());
                }
            }
        }
        return parts;
    }
}
