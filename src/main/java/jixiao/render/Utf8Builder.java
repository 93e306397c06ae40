package jixiao.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Text appended as UTF-8 bytes, for the XML of report.docx: the bytes {@code String.getBytes(UTF_8)} gives for the
 * same text, made as it is appended. A StringBuilder holding the document's Chinese text is UTF-16, so each
 * ASCII tag appended to it was widened, the whole copied into a String and then encoded: together more than half
 * of the time of writing report.docx (JFR, 10,000 projects).
 */
final class Utf8Builder {

    private byte[] bytes;
    private int size;

    Utf8Builder(int capacity) {
        bytes = new byte[capacity];
    }

    /** Appends {@code text} as it is (markup, or text already escaped). */
    Utf8Builder append(String text) {
        int length = text.length();
        room(length);
        byte[] b = bytes;
        int n = size;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                b[n++] = (byte) c;
            } else {
                size = n;
                n = encode(text, i, length);
                break;
            }
        }
        size = n;
        return this;
    }

    Utf8Builder append(int number) {
        return markup(Integer.toString(number));
    }

    /**
     * Appends markup that is ASCII (tags, attribute names, style ids, numbers) in one copy: its bytes are its
     * characters. Looking at each character as {@link #append(String)} does took a tenth of a build's CPU in
     * report.docx (JFR, 10,000 projects, C1-compiled {@code charAt}); text from content always goes through
     * {@link #append(String)}.
     */
    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) keeps each char's low byte: the char itself for ASCII
    Utf8Builder markup(String ascii) {
        assert ascii.chars().allMatch(c -> c < 0x80) : "not ASCII: " + ascii;
        int length = ascii.length();
        room(length);
        ascii.getBytes(0, length, bytes, size);
        size += length;
        return this;
    }

    Utf8Builder markup(int number) {
        return markup(Integer.toString(number));
    }

    /**
     * Appends {@code text} from {@code from} on, any character, and returns the size after it. As
     * {@code String.getBytes(UTF_8)} does, a surrogate without its other half becomes {@code ?}.
     */
    private int encode(String text, int from, int length) {
        room(3 * (length - from));
        byte[] b = bytes;
        int n = size;
        for (int i = from; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                b[n++] = (byte) c;
            } else if (c < 0x800) {
                b[n++] = (byte) (0xC0 | c >> 6);
                b[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                b[n++] = (byte) (0xF0 | cp >> 18);
                b[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[n++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                b[n++] = '?';
            } else {
                b[n++] = (byte) (0xE0 | c >> 12);
                b[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return n;
    }

    /** Room for {@code chars} more characters of ASCII (three times as many bytes are made room for when they are not). */
    private void room(int chars) {
        if (bytes.length - size < chars) bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, size + chars));
    }

    int size() {
        return size;
    }

    /** Writes what was appended so far to {@code out} in one block and starts again empty. */
    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
        size = 0;
    }

    @Override
    public String toString() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }
}
