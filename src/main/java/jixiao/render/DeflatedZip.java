package jixiao.render;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A zip written as it goes, every entry deflated, at {@link FixedZip#ENTRY_TIME}, each entry's CRC-32 and sizes in a
 * data descriptor after its data (as {@code java.util.zip.ZipOutputStream} writes them): an entry may be written in
 * pieces deflated on their own ({@link Deflated}), some of them kept from an earlier build, which no zip library
 * takes. No ZIP64: a report.docx stays far below 4 GB (a 50,000-project year is about 50 MB).
 */
final class DeflatedZip {

    /** General purpose flags: sizes in a data descriptor (bit 3), names in UTF-8 (bit 11). */
    private static final int FLAGS = 0x0808;
    private static final int DEFLATED = 8;
    private static final int VERSION = 20;
    /** {@link FixedZip#ENTRY_TIME} in DOS form: 1980-02-01 00:00. */
    private static final int DOS_DATE = (FixedZip.ENTRY_TIME.getYear() - 1980) << 9
            | FixedZip.ENTRY_TIME.getMonthValue() << 5 | FixedZip.ENTRY_TIME.getDayOfMonth();
    private static final int DOS_TIME = FixedZip.ENTRY_TIME.getHour() << 11 | FixedZip.ENTRY_TIME.getMinute() << 5;

    private record Written(byte[] name, long offset, int crc, long compressed, long size) {
    }

    private final Counting out;
    private final List<Written> entries = new ArrayList<>();
    private byte[] open;
    private long openedAt;
    private long dataFrom;

    DeflatedZip(OutputStream out) {
        this.out = new Counting(out);
    }

    /** An entry of {@code content}, deflated whole. */
    void entry(String name, byte[] content) throws IOException {
        OutputStream data = begin(name);
        Deflated.Piece piece = new Deflated.Piece(data);
        piece.write(content, 0, content.length);
        end(piece.last());
    }

    /** Starts an entry; its deflated data goes to the stream returned, and {@link #end} closes it with its sums. */
    OutputStream begin(String name) throws IOException {
        if (open != null) throw new IllegalStateException("an entry is open");
        open = name.getBytes(StandardCharsets.UTF_8);
        openedAt = out.count;
        intLE(0x04034b50);
        shortLE(VERSION);
        shortLE(FLAGS);
        shortLE(DEFLATED);
        shortLE(DOS_TIME);
        shortLE(DOS_DATE);
        intLE(0); // CRC and sizes follow the data
        intLE(0);
        intLE(0);
        shortLE(open.length);
        shortLE(0);
        out.write(open);
        dataFrom = out.count;
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() {
                // The zip goes on.
            }
        };
    }

    /** Ends the open entry, whose data held {@code sums}. */
    void end(Deflated.Sums sums) throws IOException {
        long compressed = out.count - dataFrom;
        if (out.count > 0xFFFFFFFFL || sums.length() > 0xFFFFFFFFL) throw new IOException("zip too large without ZIP64");
        intLE(0x08074b50);
        intLE(sums.crc());
        intLE((int) compressed);
        intLE((int) sums.length());
        entries.add(new Written(open, openedAt, sums.crc(), compressed, sums.length()));
        open = null;
    }

    /** Writes the central directory; the stream is left open. */
    void finish() throws IOException {
        if (open != null) throw new IllegalStateException("an entry is open");
        long start = out.count;
        for (Written e : entries) {
            intLE(0x02014b50);
            shortLE(VERSION); // made by
            shortLE(VERSION); // needed
            shortLE(FLAGS);
            shortLE(DEFLATED);
            shortLE(DOS_TIME);
            shortLE(DOS_DATE);
            intLE(e.crc());
            intLE((int) e.compressed());
            intLE((int) e.size());
            shortLE(e.name().length);
            shortLE(0); // extra
            shortLE(0); // comment
            shortLE(0); // disk
            shortLE(0); // internal attributes
            intLE(0); // external attributes
            intLE((int) e.offset());
            out.write(e.name());
        }
        long size = out.count - start;
        intLE(0x06054b50);
        shortLE(0);
        shortLE(0);
        shortLE(entries.size());
        shortLE(entries.size());
        intLE((int) size);
        intLE((int) start);
        shortLE(0); // comment
        out.flush();
    }

    private void shortLE(int v) throws IOException {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
    }

    private void intLE(int v) throws IOException {
        shortLE(v & 0xFFFF);
        shortLE(v >>> 16);
    }

    /** Counts what goes through: where each entry starts, how long its data is. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
