package jixiao.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class SchemaCommandTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private int run(String... args) {
        return SchemaCommand.run(List.of(args), out, err);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheFourSchemasByteForByteIntoTheOutFolder(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("a/b");

        assertEquals(SchemaCommand.EXIT_OK, run("--out", dir.toString()));

        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("project.schema.json", "report.schema.json", "site.schema.json", "unit.schema.json"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        for (String file : SchemaCommand.FILES) {
            assertArrayEquals(SchemaCommand.resource(file), Files.readAllBytes(dir.resolve(file)), file);
        }
        assertEquals("已写入 " + dir.resolve("site.schema.json") + "\n"
                + "已写入 " + dir.resolve("report.schema.json") + "\n"
                + "已写入 " + dir.resolve("unit.schema.json") + "\n"
                + "已写入 " + dir.resolve("project.schema.json") + "\n", out().replace("\r\n", "\n"));
        assertEquals("", err());
    }

    @Test
    void acceptsOutWithEqualsSignAndOverwritesStaleFiles(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("site.schema.json"), "{}");

        assertEquals(SchemaCommand.EXIT_OK, run("--out=" + tmp));

        assertArrayEquals(SchemaCommand.resource("site.schema.json"), Files.readAllBytes(tmp.resolve("site.schema.json")));
    }

    @Test
    void helpPrintsUsage() {
        assertEquals(SchemaCommand.EXIT_OK, run("--help"));
        assertEquals(SchemaCommand.USAGE + "\n", out().replace("\r\n", "\n"));
    }

    @Test
    void unknownArgumentIsBadUsage() {
        assertEquals(SchemaCommand.EXIT_USAGE, run("--output", "x"));
        assertEquals("jixiao schema: 不认识的参数：--output\n" + SchemaCommand.USAGE + "\n", err().replace("\r\n", "\n"));
        assertEquals("", out());
    }

    @Test
    void outWithoutFolderIsBadUsage() {
        assertEquals(SchemaCommand.EXIT_USAGE, run("--out"));
        assertEquals("jixiao schema: --out 后面缺少目录\n" + SchemaCommand.USAGE + "\n", err().replace("\r\n", "\n"));
    }

    @Test
    void emptyOutFolderIsBadUsage() {
        assertEquals(SchemaCommand.EXIT_USAGE, run("--out="));
        assertEquals("jixiao schema: --out 的目录不能为空\n" + SchemaCommand.USAGE + "\n", err().replace("\r\n", "\n"));
    }

    @Test
    void outTwiceIsBadUsage(@TempDir Path tmp) {
        assertEquals(SchemaCommand.EXIT_USAGE, run("--out", tmp.resolve("a").toString(), "--out", tmp.resolve("b").toString()));
        assertEquals("jixiao schema: --out 只能写一次\n" + SchemaCommand.USAGE + "\n", err().replace("\r\n", "\n"));
        assertFalse(Files.exists(tmp.resolve("a")));
    }

    @Test
    void outFolderThatIsAFileIsAnIoError(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("schema"), "not a folder");

        assertEquals(SchemaCommand.EXIT_IO_ERROR, run("--out", file.toString()));

        assertEquals("jixiao schema: 无法创建目录 " + file + "：已有同名的文件，它不是目录\n", err().replace("\r\n", "\n"));
        assertEquals("", out());
    }

    @Test
    void schemaFileThatIsAFolderIsAnIoError(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("unit.schema.json"));

        assertEquals(SchemaCommand.EXIT_IO_ERROR, run("--out", tmp.toString()));

        assertEquals("jixiao schema: 无法写入 " + tmp.resolve("unit.schema.json") + "：这里已有一个同名的目录\n", err().replace("\r\n", "\n"));
        assertEquals("已写入 " + tmp.resolve("site.schema.json") + "\n" + "已写入 " + tmp.resolve("report.schema.json") + "\n",
                out().replace("\r\n", "\n"));
    }
}
