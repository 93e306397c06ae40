package jixiao.render;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The caller's stream, kept open when a compressing stream wrapped around it is closed (closing is what writes a
 * zip's directory or a gzip's trailer); the caller closes its own stream. Writes pass through in blocks, not
 * byte by byte as {@link FilterOutputStream} would.
 */
final class KeepOpen extends FilterOutputStream {

    KeepOpen(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
