package jixiao.cli;

import jixiao.testing.Builds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command that writes (build, new, schema) pointed at, inside and around what a user owns:
 * the content folder, a templates folder, the folder it runs in and a {@code .git}. Whatever the
 * command decides, every file that was there before is there after, byte for byte; a refused
 * command changes nothing at all.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WritingCommandsGuardTest {

    @TempDir
    Path tmp;

    /** A user's project: content, own templates, a git repository and notes. */
    private Path project;

    @BeforeEach
    void makeProject() throws IOException {
        project = tmp.resolve("project");
        copy(Builds.realContent(), project.resolve("content"));
        copy(Path.of("site-templates"), project.resolve("templates"));
        Files.createDirectories(project.resolve(".git/refs/heads"));
        Files.writeString(project.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(project.resolve("notes.txt"), "我的笔记\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "content", "content/2020", "content/2020/labor", "templates", "templates/site", ".git", "notes.txt"})
    void buildIntoOrInsideWhatTheUserOwnsIsRefusedAndChangesNothing(String out) {
        SortedMap<String, String> before = hashes(tmp);

        Builds.Run run = Builds.run("build", "--content", project.resolve("content").toString(),
                "--templates", project.resolve("templates").toString(), "--out", project.resolve(out).toString());

        assertEquals(2, run.exit(), run.out() + run.err());
        assertTrue(run.err().startsWith("jixiao build: "), run.err());
        assertEquals(before, hashes(tmp));
    }

    @Test
    void buildIntoAFolderThatContainsTheContentNamesBothFolders() {
        Builds.Run run = Builds.run("build", "--content", project.resolve("content").toString(), "--out", project.toString());

        assertEquals("jixiao build: 输出文件夹 " + project + "（" + project + "）包含内容文件夹 " + project.resolve("content")
                + "：生成网站会替换整个输出文件夹，会把它一起删掉。没有改动任何文件；请用 --out 指定另一个文件夹，例如 output。\n", run.err());
    }

    @Test
    void buildIntoTheContentFolderNamesBothFolders() {
        Path content = project.resolve("content");
        Builds.Run run = Builds.run("build", "--content", content.toString(), "--out", content.resolve("site").toString());

        assertEquals("jixiao build: 输出文件夹 " + content.resolve("site") + " 在内容文件夹 " + content + "（" + content
                + "）里面：生成的文件会混进内容文件夹。没有改动任何文件；请用 --out 指定它外面的文件夹，例如 output。\n", run.err());
    }

    @Test
    void buildThroughALinkToTheProjectIsRefused() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("link"), project);
        SortedMap<String, String> before = hashes(project);

        Builds.Run run = Builds.run("build", "--content", project.resolve("content").toString(), "--out", link.toString());

        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains("包含内容文件夹"), run.err());
        assertEquals(before, hashes(project));
    }

    /** The reproduction: an earlier output, then a user's files copied into it, then {@code build --out .} inside it. */
    @Test
    void buildIntoAnEarlierOutputThatNowHoldsTheUsersFilesRefusesFromInsideIt() throws Exception {
        Path proj = tmp.resolve("proj");
        Files.createDirectories(proj);
        Builds.build(project.resolve("content"), proj);
        copy(project.resolve("content"), proj.resolve("content"));
        Files.writeString(proj.resolve("notes.txt"), "我的笔记\n");
        SortedMap<String, String> before = hashes(tmp);

        ProcessRun run = jixiaoIn(proj, "build", "--content", "content", "--out", ".");

        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains("包含内容文件夹 content"), run.output());
        assertEquals(before, hashes(tmp));

        // Even without its content inside, the folder a command runs in is never replaced.
        ProcessRun fromContent = jixiaoIn(project.resolve("content"), "build", "--content", ".", "--out", "..");
        assertEquals(2, fromContent.exit(), fromContent.output());
        assertEquals(before, hashes(tmp));
    }

    @Test
    void buildIntoAnEarlierOutputWithTheUsersFilesAddedNamesThemAndChangesNothing() throws IOException {
        Path out = tmp.resolve("out");
        Builds.build(project.resolve("content"), out);
        Files.writeString(out.resolve("notes.txt"), "我的笔记\n");
        copy(project.resolve(".git"), out.resolve(".git"));
        SortedMap<String, String> before = hashes(tmp);

        Builds.Run run = Builds.run("build", "--content", project.resolve("content").toString(), "--out", out.toString());

        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains("其中有上次生成时没有写过的内容（"), run.err());
        assertTrue(run.err().contains(".git/") && run.err().contains("notes.txt"), run.err());
        assertEquals(before, hashes(tmp));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020/labor/land-acquired-farmers-security", "2020/labor-inspection/labor-inspection-fund",
            "2020/labor/../../../escape", "2020/.git/x"})
    void newNeverOverwritesOrEscapes(String target) {
        SortedMap<String, String> before = hashes(tmp);

        Builds.Run run = Builds.run("new", "project", target, "--name", "测试", "--content", project.resolve("content").toString());

        assertTrue(run.exit() != 0, run.out() + run.err());
        assertEquals(before, hashes(tmp));
    }

    @Test
    void newYearOverAnExistingYearChangesNothing() {
        SortedMap<String, String> before = hashes(tmp);

        Builds.Run run = Builds.run("new", "year", "2020", "--from", "2020", "--content", project.resolve("content").toString());

        assertTrue(run.exit() != 0, run.out() + run.err());
        assertEquals(before, hashes(tmp));
    }

    @Test
    void newProjectOnlyAddsFiles() {
        SortedMap<String, String> before = hashes(tmp);

        Builds.Run run = Builds.run("new", "project", "2020/labor/brand-new", "--name", "新项目", "--content", project.resolve("content").toString());

        assertEquals(0, run.exit(), run.out() + run.err());
        assertKeptEveryFile(before, hashes(tmp));
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "content", "content/2020", "templates", ".git"})
    void schemaOnlyAddsFilesWhereverItIsPointed(String out) {
        SortedMap<String, String> before = hashes(tmp);

        Builds.Run run = Builds.run("schema", "--out", project.resolve(out).toString());

        assertEquals(0, run.exit(), run.out() + run.err());
        assertKeptEveryFile(before, hashes(tmp));
    }

    @Test
    void schemaOverAUsersOwnFileOfTheSameNameChangesNothing() throws IOException {
        Files.writeString(project.resolve("project.schema.json"), "{\"我的\": 1}\n");
        SortedMap<String, String> before = hashes(tmp);

        Builds.Run run = Builds.run("schema", "--out", project.toString());

        assertEquals(2, run.exit(), run.out() + run.err());
        assertEquals(before, hashes(tmp));
    }

    @ParameterizedTest
    @ValueSource(strings = {"content", "templates", ".git", "."})
    void importOnlyAddsFilesAndASecondImportChangesNothing(String contentFolder) {
        String form = Path.of("src/test/resources/importer/paper-form.docx").toAbsolutePath().toString();
        SortedMap<String, String> before = hashes(tmp);

        Builds.Run first = Builds.run("import", form, "--year", "2019", "--content", project.resolve(contentFolder).toString());

        assertEquals(0, first.exit(), first.out() + first.err());
        assertKeptEveryFile(before, hashes(tmp));
        SortedMap<String, String> imported = hashes(tmp);

        Builds.Run second = Builds.run("import", form, "--year", "2019", "--content", project.resolve(contentFolder).toString());

        assertTrue(second.exit() != 0, second.out() + second.err());
        assertEquals(imported, hashes(tmp));
    }

    private static void assertKeptEveryFile(SortedMap<String, String> before, SortedMap<String, String> after) {
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> file : before.entrySet()) {
            if (!file.getValue().equals(after.get(file.getKey()))) changed.add(file.getKey());
        }
        assertEquals(List.of(), changed, "files that were changed or removed");
    }

    private record ProcessRun(int exit, String output) {
    }

    /** Runs jixiao in its own process in {@code folder}: the folder a command runs in cannot be set in-process. */
    private static ProcessRun jixiaoIn(Path folder, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "jixiao did not finish");
        return new ProcessRun(process.exitValue(), output);
    }

    /** Every file and folder under {@code root} (links not followed), with the SHA-256 of each file's bytes. */
    private static SortedMap<String, String> hashes(Path root) {
        SortedMap<String, String> tree = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String key = root.relativize(p).toString().replace('\\', '/');
                if (Files.isSymbolicLink(p)) tree.put(key, "link to " + Files.readSymbolicLink(p));
                else if (Files.isDirectory(p)) tree.put(key + "/", "folder");
                else tree.put(key, sha256(Files.readAllBytes(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tree;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
