package jixiao.render;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Re-packs a zip (an XLSX file) so that its bytes depend only on what its entries hold: the
 * entries keep their order and content, and all get the same fixed time, in local DOS time
 * so that the time zone of the machine does not matter, with no extra timestamp fields.
 */
final class FixedZip {

    /** The time of every entry: that of reproducible builds, early enough to be obviously not a real date. */
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);

    private FixedZip() {
    }

    static byte[] repack(byte[] zip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(zip.length + 1024);
        Set<String> seen = new HashSet<>();
        // commons-compress reads what POI's streaming workbook writes (entries with data descriptors and
        // Zip64 fields), which java.util.zip.ZipInputStream rejects.
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(zip), "UTF-8", true, true);
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!seen.add(entry.getName())) throw new IOException("duplicate zip entry " + entry.getName());
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(ENTRY_TIME);
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
