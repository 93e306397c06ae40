package jixiao.render;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Pieces deflated on their own join into one deflate stream, and their sums into those of the whole. */
class DeflatedTest {

    private static int crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return (int) crc.getValue();
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] p : parts) all.writeBytes(p);
        return all.toByteArray();
    }

    /** Texts like a form's XML (repetitive) and random bytes, of many lengths, the empty one among them. */
    private static List<byte[]> samples() {
        Random random = new Random(20261203);
        List<byte[]> parts = new ArrayList<>();
        parts.add(new byte[0]);
        for (int n : new int[]{1, 3, 17, 1000, 70_000, 300_000}) {
            byte[] noise = new byte[n];
            random.nextBytes(noise);
            parts.add(noise);
            parts.add("<w:tc><w:p><w:r><w:t>绩效</w:t></w:r></w:p></w:tc>".repeat(n / 40 + 1).getBytes(StandardCharsets.UTF_8));
        }
        return parts;
    }

    @Test
    void theSumsOfJoinedPiecesAreThoseOfTheWhole() {
        List<byte[]> parts = samples();
        for (int i = 0; i < parts.size(); i++) {
            for (int j = 0; j < parts.size(); j++) {
                byte[] a = parts.get(i);
                byte[] b = parts.get(j);
                Deflated.Sums joined = new Deflated.Sums(crc(a), a.length).then(new Deflated.Sums(crc(b), b.length));
                byte[] whole = concat(List.of(a, b));
                assertEquals(new Deflated.Sums(crc(whole), whole.length), joined, a.length + " then " + b.length);
            }
        }
    }

    @Test
    void piecesDeflatedOnTheirOwnInflateAsOneStreamToTheWhole() throws IOException, DataFormatException {
        List<byte[]> parts = samples();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        Deflated.Sums sums = Deflated.Sums.NONE;
        for (int i = 0; i < parts.size(); i++) {
            // Each piece alone, as an incremental build may take one from its cache and make the next.
            ByteArrayOutputStream alone = new ByteArrayOutputStream();
            Deflated.Piece piece = new Deflated.Piece(alone);
            piece.write(parts.get(i), 0, parts.get(i).length);
            sums = sums.then(i == parts.size() - 1 ? piece.last() : piece.end());
            stream.writeBytes(alone.toByteArray());
        }
        byte[] whole = concat(parts);
        Inflater inflater = new Inflater(true);
        inflater.setInput(stream.toByteArray());
        byte[] inflated = new byte[whole.length + 1];
        int n = 0;
        while (!inflater.finished()) {
            int got = inflater.inflate(inflated, n, inflated.length - n);
            if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
            n += got;
        }
        assertEquals(true, inflater.finished(), "the last piece ends the stream");
        assertArrayEquals(whole, Arrays.copyOf(inflated, n));
        assertEquals(new Deflated.Sums(crc(whole), whole.length), sums);
    }

    @Test
    void aZipWrittenInPiecesReadsBackWithItsChecksums() throws IOException {
        byte[] first = "<?xml version=\"1.0\"?><w:document>".getBytes(StandardCharsets.UTF_8);
        byte[] forms = "<w:p>部门预算项目绩效自评表</w:p>".repeat(5000).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DeflatedZip zip = new DeflatedZip(bytes);
        zip.entry("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8));
        var data = zip.begin("word/document.xml");
        Deflated.Piece start = new Deflated.Piece(data);
        start.write(first, 0, first.length);
        Deflated.Sums sums = start.end();
        Deflated.Piece rest = new Deflated.Piece(data);
        rest.write(forms, 0, forms.length);
        zip.end(sums.then(rest.last()));
        zip.finish();

        // ZipInputStream checks each entry's CRC-32 and size against its data descriptor.
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            ZipEntry types = in.getNextEntry();
            assertEquals("[Content_Types].xml", types.getName());
            assertEquals("<Types/>", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            ZipEntry document = in.getNextEntry();
            assertEquals("word/document.xml", document.getName());
            assertArrayEquals(concat(List.of(first, forms)), in.readAllBytes());
            assertEquals(FixedZip.ENTRY_TIME, document.getTimeLocal());
            assertNull(in.getNextEntry());
        }
        // And the central directory agrees (a reader that starts from the end, as Word does).
        java.nio.file.Path file = java.nio.file.Files.createTempFile("pieces", ".zip");
        try {
            java.nio.file.Files.write(file, bytes.toByteArray());
            try (java.util.zip.ZipFile read = new java.util.zip.ZipFile(file.toFile())) {
                ZipEntry document = read.getEntry("word/document.xml");
                assertEquals(first.length + forms.length, document.getSize());
                assertEquals(Integer.toUnsignedLong(crc(concat(List.of(first, forms)))), document.getCrc());
                assertArrayEquals(concat(List.of(first, forms)), read.getInputStream(document).readAllBytes());
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
