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
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaCommandTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    /** Where .vscode/settings.json goes: a folder of its own, so the repository's own settings are never touched. */
    @TempDir
    Path workspace;

    private int run(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("schema"));
        all.addAll(List.of(args));
        return Cli.run(all, new Terminal(out, err, workspace));
    }

    private void reset() {
        outBytes.reset();
        errBytes.reset();
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
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

        assertEquals(ExitCode.OK, run("--out", dir.toString()));

        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("project.schema.json", "report.schema.json", "site.schema.json", "unit.schema.json"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        for (String file : SchemaCommand.FILES) {
            assertArrayEquals(SchemaCommand.resource(file), Files.readAllBytes(dir.resolve(file)), file);
        }
        assertTrue(out().replace("\r\n", "\n").startsWith("已写入 " + dir.resolve("site.schema.json") + "\n"
                + "已写入 " + dir.resolve("report.schema.json") + "\n"
                + "已写入 " + dir.resolve("unit.schema.json") + "\n"
                + "已写入 " + dir.resolve("project.schema.json") + "\n"), out());
        assertEquals("", err());
    }

    @Test
    void aFileThatDiffersIsNeverOverwrittenWithoutForceAndNothingIsWritten(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("site.schema.json"), "{\"我改过\": true}");

        assertEquals(ExitCode.USAGE, run("--out=" + tmp));

        assertEquals("{\"我改过\": true}", Files.readString(tmp.resolve("site.schema.json")));
        assertEquals(List.of("site.schema.json"), names(tmp));
        assertEquals("jixiao schema: 没有写入任何文件：" + tmp.resolve("site.schema.json")
                + " 已存在，内容与本版 jixiao 的不同（可能是您改过的，或别的文件）。确认要用本版覆盖，请加 --force；否则用 --out 指定别的目录。\n",
                err().replace("\r\n", "\n"));
        assertEquals("", out());
    }

    @Test
    void forceOverwritesAFileThatDiffers(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("site.schema.json"), "{}");

        assertEquals(ExitCode.OK, run("--out=" + tmp, "--force"));

        assertArrayEquals(SchemaCommand.resource("site.schema.json"), Files.readAllBytes(tmp.resolve("site.schema.json")));
    }

    @Test
    void filesThatAreAlreadyCurrentAreLeftAlone(@TempDir Path tmp) throws IOException {
        assertEquals(ExitCode.OK, run("--out", tmp.toString()));
        Files.setLastModifiedTime(tmp.resolve("unit.schema.json"), java.nio.file.attribute.FileTime.fromMillis(0));
        reset();

        assertEquals(ExitCode.OK, run("--out", tmp.toString()));

        assertEquals(0, Files.getLastModifiedTime(tmp.resolve("unit.schema.json")).toMillis());
        assertTrue(out().contains("已是最新 " + tmp.resolve("unit.schema.json")), out());
    }

    @Test
    void helpPrintsUsage() {
        assertEquals(ExitCode.OK, run("--help"));
        assertTrue(out().startsWith("用法：jixiao schema [-h] [--force] [--content=DIR] [--out=DIR]\n"), out());
    }

    @Test
    void unknownArgumentIsBadUsage() {
        assertEquals(ExitCode.USAGE, run("--output", "x"));
        assertEquals("jixiao schema: 不认识的选项“--output”：是不是要用 --out？用 jixiao schema --help 查看用法。\n", err().replace("\r\n", "\n"));
        assertEquals("", out());
    }

    @Test
    void outWithoutFolderIsBadUsage() {
        assertEquals(ExitCode.USAGE, run("--out"));
        assertEquals("jixiao schema: --out 后面缺少值。用 jixiao schema --help 查看用法。\n", err().replace("\r\n", "\n"));
    }

    @Test
    void emptyOutFolderIsBadUsage() {
        assertEquals(ExitCode.USAGE, run("--out="));
        assertEquals("jixiao schema: --out 的值“”不对：不能为空。用 jixiao schema --help 查看用法。\n", err().replace("\r\n", "\n"));
    }

    @Test
    void outTwiceIsBadUsage(@TempDir Path tmp) {
        assertEquals(ExitCode.USAGE, run("--out", tmp.resolve("a").toString(), "--out", tmp.resolve("b").toString()));
        assertEquals("jixiao schema: --out 只能写一次。用 jixiao schema --help 查看用法。\n", err().replace("\r\n", "\n"));
        assertFalse(Files.exists(tmp.resolve("a")));
    }

    @Test
    void outFolderThatIsAFileIsAnIoError(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("schema"), "not a folder");

        assertEquals(ExitCode.USAGE, run("--out", file.toString()));

        assertEquals("jixiao schema: 无法创建目录 " + file + "：已有同名的文件，它不是目录\n", err().replace("\r\n", "\n"));
        assertEquals("", out());
    }

    @Test
    void schemaFileThatIsAFolderIsAnIoError(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("unit.schema.json"));

        assertEquals(ExitCode.USAGE, run("--out", tmp.toString()));

        assertEquals("jixiao schema: 无法写入 " + tmp.resolve("unit.schema.json") + "：这里已有一个同名的目录，没有写入任何文件\n",
                err().replace("\r\n", "\n"));
        assertEquals("", out());
        assertEquals(List.of("unit.schema.json"), names(tmp));
    }

    @Test
    void aWorkspaceWithoutSettingsGetsTheMappingOfItsOwnLayout() throws IOException {
        assertEquals(ExitCode.OK, run("--out", workspace.resolve("editing/schema").toString(),
                "--content", workspace.resolve("docs/content").toString()));
        assertEquals("""
                {
                  "yaml.schemas": {
                    "./editing/schema/site.schema.json": ["docs/content/site.yaml"],
                    "./editing/schema/report.schema.json": ["docs/content/*/report.yaml"],
                    "./editing/schema/unit.schema.json": ["docs/content/*/*/unit.yaml"],
                    "./editing/schema/project.schema.json": ["docs/content/*/*/*.yaml", "!docs/content/*/*/unit.yaml"]
                  }
                }
                """, Files.readString(workspace.resolve(".vscode/settings.json")));
        assertTrue(out().endsWith("已写入 .vscode/settings.json：VS Code 的 YAML 插件会按这些 schema 检查 docs/content 下的文件。\n"), out());
    }

    @Test
    void theRepositorysOwnSettingsAreWhatTheCommandWritesForItsLayout() throws IOException {
        assertEquals(EditorSettings.settingsFile("schema", "content"), Files.readString(Path.of(".vscode/settings.json")),
                "the repository's .vscode/settings.json maps the schemas as `jixiao schema` would");
    }

    @Test
    void existingSettingsAreNeverChangedAndTheLinesToAddArePrinted() throws IOException {
        Files.createDirectories(workspace.resolve(".vscode"));
        String own = "{\n  // mine\n  \"editor.fontSize\": 15,\n}\n";
        Files.writeString(workspace.resolve(".vscode/settings.json"), own);
        assertEquals(ExitCode.OK, run("--out", workspace.resolve("schema").toString(), "--content", workspace.resolve("content").toString()));
        assertEquals(own, Files.readString(workspace.resolve(".vscode/settings.json")));
        assertTrue(out().endsWith(".vscode/settings.json 已存在，没有改动它。要让 VS Code 按 schema 检查内容文件，请把下面几行并入其中：\n"
                + EditorSettings.yamlSchemas("schema", "content") + "\n"), out());
    }

    @Test
    void settingsThatAlreadyMapTheSchemasAreUpToDate() throws IOException {
        Files.createDirectories(workspace.resolve(".vscode"));
        Files.writeString(workspace.resolve(".vscode/settings.json"), "{\n  \"editor.tabSize\": 2,\n" + EditorSettings.yamlSchemas("schema", "content") + "\n}\n");
        assertEquals(ExitCode.OK, run("--out", workspace.resolve("schema").toString(), "--content", workspace.resolve("content").toString()));
        assertTrue(out().endsWith("已是最新 .vscode/settings.json\n"), out());
    }

    @Test
    void fromInsideTheContentFolderNoSettingsAreWrittenAndTheReasonIsGiven() throws IOException {
        assertEquals(ExitCode.OK, run("--out", workspace.resolve("schema").toString(), "--content", workspace.toString()));
        assertFalse(Files.exists(workspace.resolve(".vscode")));
        assertTrue(out().endsWith("没有写 .vscode/settings.json：内容文件夹不在当前文件夹之下。请在用 VS Code 打开的文件夹"
                + "（通常是仓库的根目录）运行 jixiao schema，并用 --content 指明内容文件夹。\n"), out());
    }
}
