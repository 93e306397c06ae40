package jixiao.render;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Data deflated in pieces, each piece on its own (a fresh deflater, no reference to what came before) and ended on a
 * byte boundary, so that pieces made at different times join into one valid deflate stream: a year's report.docx
 * is written unit by unit, and an incremental build takes the pieces of unchanged units from its cache. A piece is
 * known by the CRC-32 and length of what it holds; {@link Sums#then} gives those of two pieces joined, as the zip
 * entry they make up records them.
 */
public final class Deflated {

    private Deflated() {
    }

    /** The CRC-32 and length of some data before it was deflated. */
    public record Sums(int crc, long length) {
        static final Sums NONE = new Sums(0, 0);

        /** The sums of this data followed by {@code next}'s. */
        Sums then(Sums next) {
            return new Sums(combine(crc, next.crc, next.length), length + next.length);
        }
    }

    /**
     * Deflates what is written to it into {@code out}, a piece of its own: {@link #end} flushes it to a byte boundary
     * (a piece that more may follow), {@link #last} ends the deflate stream. Neither closes {@code out}.
     */
    static final class Piece extends OutputStream {
        /** zlib's default level: the form XML repeats itself, and lazy matching finds it (see {@link DocxReport#write}). */
        private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        private final CRC32 crc = new CRC32();
        private final OutputStream out;
        private final byte[] buffer = new byte[64 * 1024];
        private long length;

        Piece(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            crc.update(b, off, len);
            length += len;
            deflater.setInput(b, off, len);
            while (!deflater.needsInput()) drain(Deflater.NO_FLUSH);
        }

        /** Ends a piece that another follows: flushed to a byte boundary, the stream left open. */
        Sums end() throws IOException {
            int n;
            do {
                n = drain(Deflater.SYNC_FLUSH);
            } while (n == buffer.length);
            return done();
        }

        /** Ends the last piece of a deflate stream. */
        Sums last() throws IOException {
            deflater.finish();
            while (!deflater.finished()) drain(Deflater.NO_FLUSH);
            return done();
        }

        private int drain(int flush) throws IOException {
            int n = deflater.deflate(buffer, 0, buffer.length, flush);
            if (n > 0) out.write(buffer, 0, n);
            return n;
        }

        private Sums done() {
            deflater.end();
            return new Sums((int) crc.getValue(), length);
        }
    }

    // ---- CRC-32 of joined data, from the CRCs of its parts: polynomial arithmetic modulo the CRC-32 polynomial,
    // bit-reversed as CRC-32 computes (the method of zlib's crc32_combine, written here for Java, which has none).

    private static final int POLYNOMIAL = 0xEDB88320;
    /** x^(2^k) modulo the polynomial, for k = 0 to 31. */
    private static final int[] X_2_K = new int[32];

    static {
        int p = 1 << 30; // x^1
        X_2_K[0] = p;
        for (int k = 1; k < 32; k++) X_2_K[k] = p = multiply(p, p);
    }

    /** a × b modulo the polynomial. */
    private static int multiply(int a, int b) {
        if (a == 0) return 0;
        int m = 1 << 31;
        int product = 0;
        while (true) {
            if ((a & m) != 0) {
                product ^= b;
                if ((a & (m - 1)) == 0) break;
            }
            m >>>= 1;
            b = (b & 1) != 0 ? (b >>> 1) ^ POLYNOMIAL : b >>> 1;
        }
        return product;
    }

    /** x^(n × 2^k) modulo the polynomial. */
    private static int xPower(long n, int k) {
        int p = 1 << 31; // x^0
        while (n != 0) {
            if ((n & 1) != 0) p = multiply(X_2_K[k & 31], p);
            n >>>= 1;
            k++;
        }
        return p;
    }

    /** The CRC-32 of A followed by B, from A's CRC, B's CRC and B's length in bytes. */
    static int combine(int crcA, int crcB, long lengthB) {
        return multiply(xPower(lengthB, 3), crcA) ^ crcB;
    }
}
