package jixiao.render;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Pieces of a file that is rendered whole but whose parts change one at a time (a year's report.docx, a unit's forms
 * at a time), kept by an incremental build: a piece is written as kept when the model parts it read last time are
 * unchanged, else made again. Set for the thread that renders one file ({@link #using}); without one, every piece
 * is made.
 */
public interface PieceMemo {

    /** No memo: every piece is made. */
    PieceMemo NONE = (name, out, make) -> make.writeTo(out);

    /** What makes a piece: writes it, deflated ({@link Deflated.Piece}), to {@code out} and gives its sums. */
    interface Maker {
        Deflated.Sums writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes the piece {@code name} of the file being rendered to {@code out}, as kept or as {@code make} makes it
     * now, and gives its sums. What the piece read is noted for the file either way.
     */
    Deflated.Sums piece(String name, OutputStream out, Maker make) throws IOException;

    /** The memo of the file being rendered on this thread, or {@link #NONE}. */
    static PieceMemo current() {
        PieceMemo memo = Holder.CURRENT.get();
        return memo == null ? NONE : memo;
    }

    /** Runs {@code rendering} with {@code memo} as this thread's memo. */
    static void using(PieceMemo memo, Runnable rendering) {
        PieceMemo outer = Holder.CURRENT.get();
        Holder.CURRENT.set(memo);
        try {
            rendering.run();
        } finally {
            if (outer == null) Holder.CURRENT.remove();
            else Holder.CURRENT.set(outer);
        }
    }

    /** The thread's memo (an interface holds no private state). */
    final class Holder {
        private static final ThreadLocal<PieceMemo> CURRENT = new ThreadLocal<>();

        private Holder() {
        }
    }
}
