package jixiao.serve;

import java.util.function.Supplier;

/**
 * One file of the preview, rendered the first time it is asked for and then kept. Threads asking at
 * once wait for one rendering. A rendering that throws is not kept, so the next request tries again.
 */
final class LazyFile {

    private Supplier<byte[]> render;
    private volatile byte[] bytes;

    LazyFile(Supplier<byte[]> render) {
        this.render = render;
    }

    byte[] bytes() {
        byte[] b = bytes;
        if (b != null) return b;
        synchronized (this) {
            if (bytes == null) {
                bytes = render.get();
                render = null;
            }
            return bytes;
        }
    }

    boolean rendered() {
        return bytes != null;
    }
}
