package jixiao.render;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A file written gzip-compressed, the same bytes for the same content: Java's gzip header carries no
 * modification time and no file name (both zero or absent), and the compression level is the default one.
 */
final class Gzip {

    /** Writes a body into a stream. */
    @FunctionalInterface
    interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private Gzip() {
    }

    /** Compresses what {@code body} writes into {@code out}, which is left open. */
    static void write(OutputStream out, Writer body) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(new KeepOpen(out), 64 * 1024);
        try (BufferedOutputStream buffered = new BufferedOutputStream(gzip, 64 * 1024)) {
            body.writeTo(buffered);
        }
    }
}
