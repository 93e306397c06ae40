package jixiao.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A .docx or .xlsx file opened as untrusted input: the file's size, its number of entries and the bytes
 * each entry unpacks to are capped (counted while reading, never trusted from the headers, so a zip bomb
 * stops at the cap), and old binary Office files (.doc/.xls, OLE2) and anything that is not a zip are
 * refused with a message that says what to do. Only entries asked for by name are read; nothing a part
 * links to is ever followed.
 */
final class OfficeZip implements AutoCloseable {

    /** Caps; generous for a report of thousands of forms, small enough to stop a bomb early. */
    record Limits(long fileBytes, int entries, long entryBytes, long totalBytes) {
        static final Limits DEFAULT = new Limits(64L << 20, 5_000, 128L << 20, 512L << 20);
    }

    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private final ZipFile zip;
    private final String display;
    private final Limits limits;
    private long read;

    private OfficeZip(ZipFile zip, String display, Limits limits) {
        this.zip = zip;
        this.display = display;
        this.limits = limits;
    }

    static OfficeZip open(Path file, String display, Limits limits) throws ImportException {
        try {
            if (!Files.isRegularFile(file)) throw new ImportException(display + "：找不到这个文件，请检查路径。");
            long size = Files.size(file);
            if (size > limits.fileBytes()) {
                throw new ImportException(display + "：文件有 " + size(size) + "，超过了 " + size(limits.fileBytes())
                        + " 的上限：请把文档拆成几个较小的文件再分别导入。");
            }
            byte[] head = new byte[8];
            int n;
            try (InputStream in = Files.newInputStream(file)) {
                n = in.readNBytes(head, 0, 8);
            }
            if (n == 8 && java.util.Arrays.equals(head, OLE2)) {
                throw new ImportException(display + "：这是旧版 Word/Excel 的二进制格式（.doc 或 .xls），无法直接读取："
                        + "请用 Word、WPS 或 LibreOffice 打开，另存为 .docx 或 .xlsx 后再导入。");
            }
            if (n < 4 || head[0] != 'P' || head[1] != 'K') {
                throw new ImportException(display + "：不是 .docx 或 .xlsx 文件（文件开头不是 zip 格式），可能已损坏或只是改了扩展名："
                        + "请用 Word、WPS 或 LibreOffice 打开并另存为 .docx 或 .xlsx 后再导入。");
            }
            ZipFile zip = new ZipFile(file.toFile());
            int entries = 0;
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); e.nextElement()) {
                if (++entries > limits.entries()) {
                    zip.close();
                    throw new ImportException(display + "：文件里的部件超过 " + limits.entries() + " 个，不像正常的 Word/Excel 文档，已拒绝读取："
                            + "请用 Word、WPS 或 LibreOffice 另存一份再导入。");
                }
            }
            return new OfficeZip(zip, display, limits);
        } catch (ZipException e) {
            throw broken(display);
        } catch (IOException e) {
            throw new ImportException(display + "：无法读取（" + e.getMessage() + "）。");
        }
    }

    /** A size as messages give it: whole MB, or KB below one MB. */
    private static String size(long bytes) {
        return bytes >= 1L << 20 ? (bytes >> 20) + " MB" : ((bytes + 1023) >> 10) + " KB";
    }

    static ImportException broken(String display) {
        return new ImportException(display + "：文件已损坏，无法作为 .docx/.xlsx 读取：请用 Word、WPS 或 LibreOffice 打开并另存后再导入。");
    }

    boolean has(String name) {
        return zip.getEntry(name) != null;
    }

    /** The entry's bytes, or null when there is none; refuses an entry or a file that unpacks beyond the caps. */
    byte[] read(String name) throws ImportException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null || entry.isDirectory()) return null;
        try (InputStream in = zip.getInputStream(entry)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long entryBytes = 0;
            for (int k; (k = in.read(buffer)) > 0; ) {
                entryBytes += k;
                read += k;
                if (entryBytes > limits.entryBytes() || read > limits.totalBytes()) {
                    throw new ImportException(display + "：部件 " + name + " 解压后超过 " + size(limits.entryBytes())
                            + "（可能是“压缩炸弹”），已停止读取：请确认文件来源，或用 Word、WPS 另存后再导入。");
                }
                out.write(buffer, 0, k);
            }
            return out.toByteArray();
        } catch (ZipException e) {
            throw broken(display);
        } catch (IOException e) {
            throw new ImportException(display + "：读取部件 " + name + " 失败（" + e.getMessage() + "）：文件可能已损坏。");
        }
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            // Read-only; nothing to lose.
        }
    }
}
