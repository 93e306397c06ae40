package jixiao.build;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The byte layout the caches beside the output share ({@link BuildCache}, {@link YamlCache}): big-endian numbers,
 * strings as their UTF-8 length and bytes, counts checked against what is left, a checksum, and a file written whole
 * beside the old one, then moved over it, so that a reader sees one or the other.
 */
final class CacheBytes {

    private CacheBytes() {
    }

    /** A growing big-endian buffer: what a cache is written into before it goes to disk in one piece. */
    static final class Writer {
        private byte[] bytes;
        private int length;

        Writer(int capacity) {
            bytes = new byte[capacity];
        }

        private void room(int n) {
            if (length + n > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
        }

        void putByte(int v) {
            room(1);
            bytes[length++] = (byte) v;
        }

        void putInt(int v) {
            room(4);
            ByteBuffer.wrap(bytes, length, 4).putInt(v);
            length += 4;
        }

        void putLong(long v) {
            room(8);
            ByteBuffer.wrap(bytes, length, 8).putLong(v);
            length += 8;
        }

        /** An unsigned LEB128 number: 7 bits a byte, the high bit set on all but the last. */
        void varint(int v) {
            room(5);
            while ((v & ~0x7F) != 0) {
                bytes[length++] = (byte) (v & 0x7F | 0x80);
                v >>>= 7;
            }
            bytes[length++] = (byte) v;
        }

        void string(String s) {
            put(s.getBytes(StandardCharsets.UTF_8), true);
        }

        /** {@code data}, after its length when {@code counted}. */
        void put(byte[] data, boolean counted) {
            if (counted) putInt(data.length);
            room(data.length);
            System.arraycopy(data, 0, bytes, length, data.length);
            length += data.length;
        }

        int length() {
            return length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, length);
        }

        /** Writes what was put, then {@code trailer}, to {@code file} as a new file moved over the old one. */
        void writeTo(Path file, byte[] trailer) throws IOException {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    out.write(bytes, 0, length);
                    out.write(trailer);
                }
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        }

        /** The checksum of what was put so far ({@link CacheBytes#checksum}). */
        byte[] checksum() {
            return CacheBytes.checksum(bytes, 0, length);
        }

        /**
         * Writes what was put and its checksum to {@code file} ({@link #writeTo}); a file that cannot be written is
         * removed, as a cache missing only means the next build makes its content again.
         */
        void writeChecked(Path file) {
            try {
                writeTo(file, checksum());
            } catch (IOException | RuntimeException e) {
                deleteQuietly(file);
            }
        }
    }

    /**
     * The content of the cache file {@code file} without its checksum, when it holds one that matches; null when the
     * file is missing, cannot be read, or is damaged or cut short.
     */
    static ByteBuffer readChecked(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
        int body = bytes.length - CHECKSUM;
        if (body < 0 || !Arrays.equals(checksum(bytes, 0, body), Arrays.copyOfRange(bytes, body, bytes.length))) return null;
        return ByteBuffer.wrap(bytes, 0, body);
    }

    /** Removes a cache file, quietly: what cannot be deleted is still checked before it is used. */
    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Every cache checks what it reads (a key, a version, checksums, hashes) before trusting it.
        }
    }

    /** A count: never negative, never more than the bytes left could hold. */
    static int count(ByteBuffer in) throws IOException {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) throw new IOException("a count larger than the cache");
        return n;
    }

    /** An unsigned LEB128 number as {@link Writer#varint} writes it; never negative. */
    static int varint(ByteBuffer in) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            byte b = in.get();
            value |= (b & 0x7F) << shift;
            if (b >= 0) {
                if (value < 0) throw new IOException("a number out of range");
                return value;
            }
        }
        throw new IOException("a number too long");
    }

    /** A string as its UTF-8 length and bytes. */
    static String string(ByteBuffer in) throws IOException {
        int length = count(in);
        String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    /** Bytes a checksum takes at the end of a cache file ({@link #checksum}). */
    static final int CHECKSUM = 4;

    /**
     * A CRC-32C of {@code bytes}, big-endian: what tells a truncated or damaged cache file from a sound one. Not a
     * digest: nothing is kept secret or signed, and a cache of 10,000 projects (14 MB) took a twentieth of a one-edit
     * rebuild to check and sign with SHA-256 under C1.
     */
    static byte[] checksum(byte[] bytes, int from, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, length);
        return ByteBuffer.allocate(CHECKSUM).putInt((int) crc.getValue()).array();
    }

    static byte[] digest(byte[] bytes, int from, int length) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bytes, from, length);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
