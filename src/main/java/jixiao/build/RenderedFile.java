package jixiao.build;

import jixiao.site.ModelReads;

import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One file of an edition, rendered the first time it is asked for and then kept, with the model parts
 * the rendering read ({@link ModelReads}). Threads asking at once wait for one rendering. A rendering that
 * throws is not kept, so the next request tries again.
 */
public final class RenderedFile {

    private Supplier<byte[]> render;
    private volatile byte[] bytes;
    /** Set before {@link #bytes}, so a thread that sees the bytes sees the reads too. */
    private Set<Object> reads;

    private RenderedFile(Supplier<byte[]> render) {
        this.render = render;
    }

    /** A file rendered by {@code render} when first asked for. */
    public static RenderedFile of(Supplier<byte[]> render) {
        return new RenderedFile(render);
    }

    public byte[] bytes() {
        byte[] b = bytes;
        if (b != null) return b;
        synchronized (this) {
            if (bytes == null) {
                ModelReads.Recorded<byte[]> rendered = ModelReads.record(render);
                reads = rendered.reads();
                bytes = rendered.value();
                render = null;
            }
            return bytes;
        }
    }

    public boolean rendered() {
        return bytes != null;
    }

    /**
     * Whether this file, rendered, is what a model holding {@code parts} (by identity) and deriving {@code facts} (by
     * name) renders too: it read nothing that is not among them, and each fact it derived has the same value there.
     * False for a file not rendered yet: it was made for another model.
     */
    boolean holdsFor(Set<Object> parts, Function<String, Object> facts) {
        if (!rendered()) return false;
        for (Object read : reads) {
            boolean holds = read instanceof ModelReads.Derived fact
                    ? Objects.equals(facts.apply(fact.name()), fact.value())
                    : parts.contains(read);
            if (!holds) return false;
        }
        return true;
    }
}
