package jixiao.cli;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jixiao.diagnostic.IoReason;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The VS Code settings that map jixiao's four schemas onto a content folder, for the YAML extension
 * (yaml-language-server): the same mapping as the repository's own {@code .vscode/settings.json},
 * computed for wherever a user keeps content and schemas.
 *
 * <p>A settings file is the user's: one is written only where none exists; an existing one is
 * never changed, and the lines to add are printed instead.
 */
final class EditorSettings {

    private static final ObjectMapper JSONC = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private EditorSettings() {
    }

    /**
     * The {@code yaml.schemas} mapping, paths relative to the workspace folder. unit.yaml sits where
     * project files do, so the project pattern excludes it ({@code !}): otherwise both schemas would
     * apply to it and every unit.yaml would be told it lacks a budget.
     */
    static String yamlSchemas(String schemaDir, String contentDir) {
        String s = schemaDir.isEmpty() || schemaDir.equals(".") ? "."
                : schemaDir.startsWith("/") || schemaDir.startsWith("..") ? schemaDir : "./" + schemaDir;
        String c = contentDir.isEmpty() || contentDir.equals(".") ? "" : contentDir + "/";
        return """
                  "yaml.schemas": {
                    "%1$s/site.schema.json": ["%2$ssite.yaml"],
                    "%1$s/report.schema.json": ["%2$s*/report.yaml"],
                    "%1$s/unit.schema.json": ["%2$s*/*/unit.yaml"],
                    "%1$s/project.schema.json": ["%2$s*/*/*.yaml", "!%2$s*/*/unit.yaml"]
                  }""".formatted(s, c).indent(2).stripTrailing();
    }

    /** A whole settings file holding only the mapping. */
    static String settingsFile(String schemaDir, String contentDir) {
        return "{\n" + yamlSchemas(schemaDir, contentDir) + "\n}\n";
    }

    /**
     * Writes {@code <workspace>/.vscode/settings.json} with the mapping when there is none; says it is
     * up to date when the existing one maps the schemas the same way; else prints what to add.
     */
    static void offer(Path workspace, Path schemaDir, Path contentDir, PrintStream out) {
        String schema = relative(workspace, schemaDir);
        // A schema folder outside the workspace is named by its absolute path, which VS Code takes as it is.
        if (schema.startsWith("..")) schema = schemaDir.toAbsolutePath().normalize().toString().replace('\\', '/');
        String content = relative(workspace, contentDir);
        Path settings = workspace.resolve(".vscode").resolve("settings.json");
        if (content.isEmpty() || content.equals("..") || content.startsWith("../")) {
            // Patterns are matched below the folder VS Code opened; from inside (or beside) the content
            // folder they would have no folder name and give every YAML file the project schema.
            out.println("没有写 .vscode/settings.json：内容文件夹不在当前文件夹之下。请在用 VS Code 打开的文件夹"
                    + "（通常是仓库的根目录）运行 jixiao schema，并用 --content 指明内容文件夹。");
            return;
        }
        String wanted = settingsFile(schema, content);
        if (!Files.exists(settings, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectories(settings.getParent());
                Files.writeString(settings, wanted, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
                out.println("已写入 " + shown(workspace, settings) + "：VS Code 的 YAML 插件会按这些 schema 检查 "
                        + content + " 下的文件。");
            } catch (IOException e) {
                out.println("没有写入 " + shown(workspace, settings) + "（" + IoReason.of(e) + "）：" + whatToAdd(schema, content));
            }
            return;
        }
        // Read once: an unreadable or non-JSON file is left as it is, and the lines to add are printed.
        JsonNode existing = null;
        try {
            existing = JSONC.readTree(Files.readString(settings, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // existing stays null
        }
        JsonNode mapping;
        try {
            mapping = JSONC.readTree(wanted).path("yaml.schemas");
        } catch (IOException e) {
            throw new IllegalStateException("the settings jixiao writes are not JSON", e);
        }
        if (existing != null && existing.path("yaml.schemas").equals(mapping)) {
            out.println("已是最新 " + shown(workspace, settings));
            return;
        }
        boolean hasMapping = existing != null && existing.has("yaml.schemas");
        out.println(shown(workspace, settings) + " 已存在，没有改动它。" + (hasMapping
                ? "其中的 yaml.schemas 与本次的 schema 和内容文件夹不一致；要让 VS Code 按本次的 schema 检查内容文件，请把它换成：\n" + yamlSchemas(schema, content)
                : whatToAdd(schema, content)));
    }

    private static String whatToAdd(String schema, String content) {
        return "要让 VS Code 按 schema 检查内容文件，请把下面几行并入其中：\n" + yamlSchemas(schema, content);
    }

    private static String relative(Path workspace, Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        Path root = workspace.toAbsolutePath().normalize();
        return root.relativize(absolute).toString().replace('\\', '/');
    }

    private static String shown(Path workspace, Path file) {
        return relative(workspace, file).isEmpty() ? file.toString() : relative(workspace, file);
    }
}
