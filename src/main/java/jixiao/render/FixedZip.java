package jixiao.render;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Re-packs a zip (an XLSX file) so that its bytes depend only on what its entries hold: the
 * entries keep their content (unless replaced) and order (but for {@value #CONTENT_TYPES}, first),
 * and all get the same fixed time, in local DOS time so that the time zone of the machine does not
 * matter, with no extra timestamp fields.
 */
final class FixedZip {

    /** The time of every entry: that of reproducible builds, early enough to be obviously not a real date. */
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);
    static final String CONTENT_TYPES = "[Content_Types].xml";

    private FixedZip() {
    }

    static byte[] repack(byte[] zip) throws IOException {
        return repack(zip, Map.of());
    }

    /** Re-packs, with each entry named in {@code edits} holding what its function makes of its own bytes. */
    static byte[] edit(byte[] zip, Map<String, UnaryOperator<byte[]>> edits) throws IOException {
        Map<String, byte[]> entries = read(zip);
        for (Map.Entry<String, UnaryOperator<byte[]>> edit : edits.entrySet()) {
            byte[] content = entries.get(edit.getKey());
            if (content == null) throw new IOException("no zip entry " + edit.getKey() + " to edit");
            entries.put(edit.getKey(), edit.getValue().apply(content));
        }
        return write(entries, zip.length);
    }

    /**
     * Re-packs, with the entries named in {@code replacements} holding the given bytes instead of their own.
     * {@value #CONTENT_TYPES} goes first, as Office writes it, for tools that recognise a file by its start;
     * the other entries keep their order.
     */
    static byte[] repack(byte[] zip, Map<String, byte[]> replacements) throws IOException {
        Map<String, byte[]> entries = read(zip);
        entries.replaceAll((name, content) -> replacements.getOrDefault(name, content));
        return write(entries, zip.length);
    }

    private static Map<String, byte[]> read(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        // commons-compress reads what fastexcel writes (deflated entries with Zip64 data descriptors),
        // which java.util.zip.ZipInputStream rejects.
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(zip), "UTF-8", true, true)) {
            for (ZipArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entries.putIfAbsent(entry.getName(), content) != null) {
                    throw new IOException("duplicate zip entry " + entry.getName());
                }
            }
        }
        return entries;
    }

    private static byte[] write(Map<String, byte[]> entries, int sizeHint) throws IOException {
        List<String> names = new ArrayList<>(entries.keySet());
        if (names.remove(CONTENT_TYPES)) names.add(0, CONTENT_TYPES);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(sizeHint + 1024);
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String name : names) {
                ZipEntry copy = new ZipEntry(name);
                copy.setTimeLocal(ENTRY_TIME);
                out.putNextEntry(copy);
                out.write(entries.get(name));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
