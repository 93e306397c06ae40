package jixiao.importer;

import jixiao.score.RulesProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Word and Excel files are untrusted: nothing in them is resolved or fetched, and oversized or broken files fail
 * with a message that names the file and says what to do.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class HostileDocumentTest {

    static final RulesProfile PROFILE = RulesProfile.builtIn(RulesProfile.CN_2020).orElseThrow();

    @TempDir
    Path dir;

    private static final String FORM_TABLE = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目名称</w:t></w:r></w:p></w:tc>"
            + "<w:tc><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:tc></w:tr>"
            + "<w:tr><w:tc><w:p><w:r><w:t>一级指标</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>";

    private static String document(String doctype, String name) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doctype
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + "<w:p><w:r><w:t>部门预算项目绩效自评表</w:t></w:r></w:p>" + FORM_TABLE.formatted(name) + "</w:body></w:document>";
    }

    private Path zip(String name, Map<String, byte[]> entries) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return file;
    }

    @Test
    void aPlainFormIsRead() throws Exception {
        Path file = zip("ok.docx", Map.of("word/document.xml", document("", "就业专项资金").getBytes(StandardCharsets.UTF_8)));
        Importer.Result result = Importer.read(file, "ok.docx", PROFILE, null);
        assertEquals(1, result.forms().size());
        assertEquals("就业专项资金", result.forms().get(0).form().name());
    }

    @Test
    void externalEntitiesAreNeverResolvedOrFetched() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "机密内容", StandardCharsets.UTF_8);
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            server.setSoTimeout(200);
            AtomicInteger connections = new AtomicInteger();
            Thread listener = new Thread(() -> {
                try {
                    while (true) {
                        server.accept().close();
                        connections.incrementAndGet();
                    }
                } catch (IOException e) {
                    // closed or timed out
                }
            });
            listener.start();
            String doctype = "<!DOCTYPE w:document [<!ENTITY file SYSTEM \"" + secret.toUri() + "\">"
                    + "<!ENTITY net SYSTEM \"http://127.0.0.1:" + server.getLocalPort() + "/x\">]>";
            Path file = zip("xxe.docx", Map.of("word/document.xml", document(doctype, "&file;&net;").getBytes(StandardCharsets.UTF_8)));
            ImportException e = assertThrows(ImportException.class, () -> Importer.read(file, "xxe.docx", PROFILE, null));
            assertEquals("xxe.docx：文件已损坏，无法作为 .docx/.xlsx 读取：请用 Word、WPS 或 LibreOffice 打开并另存后再导入。", e.getMessage());
            listener.join(500);
            assertEquals(0, connections.get(), "nothing was fetched");
        }
    }

    @Test
    void entityExpansionIsRefused() throws Exception {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE w:document [<!ENTITY a0 \"哈哈哈哈哈哈哈哈哈哈\">");
        for (int i = 1; i <= 12; i++) doctype.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        doctype.append("]>");
        Path file = zip("laughs.docx", Map.of("word/document.xml", document(doctype.toString(), "&a12;").getBytes(StandardCharsets.UTF_8)));
        ImportException e = assertThrows(ImportException.class, () -> Importer.read(file, "laughs.docx", PROFILE, null));
        assertTrue(e.getMessage().startsWith("laughs.docx：文件已损坏"), e.getMessage());
    }

    @Test
    void aZipBombStopsAtTheCap() throws Exception {
        // 64 MB of spaces compress to about 64 KB; the cap here is 1 MB per part.
        Path file = dir.resolve("bomb.docx");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 64; i++) out.write(spaces);
            out.closeEntry();
        }
        OfficeZip.Limits limits = new OfficeZip.Limits(64L << 20, 100, 1L << 20, 4L << 20);
        ImportException e = assertThrows(ImportException.class, () -> Importer.read(file, "bomb.docx", PROFILE, null, limits));
        assertEquals("bomb.docx：部件 word/document.xml 解压后超过 1 MB（可能是“压缩炸弹”），已停止读取：请确认文件来源，或用 Word、WPS 另存后再导入。",
                e.getMessage());
    }

    @Test
    void tooManyPartsAreRefused() throws Exception {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 20; i++) entries.put("part" + i + ".xml", new byte[0]);
        Path file = zip("many.docx", entries);
        OfficeZip.Limits limits = new OfficeZip.Limits(64L << 20, 10, 1L << 20, 4L << 20);
        ImportException e = assertThrows(ImportException.class, () -> Importer.read(file, "many.docx", PROFILE, null, limits));
        assertEquals("many.docx：文件里的部件超过 10 个，不像正常的 Word/Excel 文档，已拒绝读取：请用 Word、WPS 或 LibreOffice 另存一份再导入。",
                e.getMessage());
    }

    @Test
    void anOversizedFileIsRefusedBeforeReading() throws Exception {
        byte[] noise = new byte[4096];
        new java.util.Random(1).nextBytes(noise);
        Path file = zip("big.docx", Map.of("word/media/noise.bin", noise));
        OfficeZip.Limits limits = new OfficeZip.Limits(1024, 10, 1L << 20, 4L << 20);
        ImportException e = assertThrows(ImportException.class, () -> Importer.read(file, "big.docx", PROFILE, null, limits));
        assertEquals("big.docx：文件有 5 KB，超过了 1 KB 的上限：请把文档拆成几个较小的文件再分别导入。", e.getMessage());
    }

    @Test
    void aTruncatedZipIsBroken() throws Exception {
        Path ok = zip("ok.docx", Map.of("word/document.xml", document("", "就业专项资金").getBytes(StandardCharsets.UTF_8)));
        byte[] bytes = Files.readAllBytes(ok);
        Path cut = dir.resolve("cut.docx");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        ImportException e = assertThrows(ImportException.class, () -> Importer.read(cut, "cut.docx", PROFILE, null));
        assertEquals("cut.docx：文件已损坏，无法作为 .docx/.xlsx 读取：请用 Word、WPS 或 LibreOffice 打开并另存后再导入。", e.getMessage());
    }

    @Test
    void externalRelationshipsOfAWorkbookAreNeverFollowed() throws Exception {
        String workbook = "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                + "<sheet name=\"外部\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"越界\" sheetId=\"2\" r:id=\"rId2\"/>"
                + "<sheet name=\"表\" sheetId=\"3\" r:id=\"rId3\"/></sheets></workbook>";
        String rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"worksheet\" Target=\"file:///etc/passwd\" TargetMode=\"External\"/>"
                + "<Relationship Id=\"rId2\" Type=\"worksheet\" Target=\"../../outside.xml\"/>"
                + "<Relationship Id=\"rId3\" Type=\"worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
        String sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>项目名称</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>雨露计划资金</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>一级指标</t></is></c></row></sheetData></worksheet>";
        Path file = zip("ext.xlsx", Map.of("xl/workbook.xml", workbook.getBytes(StandardCharsets.UTF_8),
                "xl/_rels/workbook.xml.rels", rels.getBytes(StandardCharsets.UTF_8),
                "xl/worksheets/sheet1.xml", sheet.getBytes(StandardCharsets.UTF_8)));
        Importer.Result result = Importer.read(file, "ext.xlsx", PROFILE, null);
        assertEquals(1, result.tables(), "only the sheet inside the package is read");
        assertEquals("雨露计划资金", result.forms().get(0).form().name());
        assertEquals("工作表“表”", result.forms().get(0).form().where());
    }

    @Test
    void deeplyNestedTablesDoNotOverflow() throws Exception {
        String nested = "<w:tbl><w:tr><w:tc><w:p/>".repeat(5_000) + "</w:tc></w:tr></w:tbl>".repeat(5_000);
        String xml = document("", "就业专项资金").replace("</w:body>", nested + "</w:body>");
        Path file = zip("nested.docx", Map.of("word/document.xml", xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, Importer.read(file, "nested.docx", PROFILE, null).forms().size());
    }

    static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }
}
