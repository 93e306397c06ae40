package jixiao.cli;

import jixiao.parallel.Parallel;
import jixiao.testing.BuildEach;
import jixiao.testing.Builds;
import jixiao.testing.ContentFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuildCommandTest {

    @TempDir
    Path tmp;

    private Path fixtureCopy() {
        return ContentFixture.copy("site/fixture/content", tmp.resolve("content"));
    }

    /** Makes the fixture fail the check with one error (an unknown status). */
    private static void breakContent(Path content) throws IOException {
        Path p = content.resolve("2020/inspection/index.yaml");
        Files.writeString(p, Files.readString(p).replace("order: 2", "order: 2\nstatus: done"));
    }

    @Test
    void writesBothEditionsAndEndsWithAOneLineSummary() {
        Builds.Run run = Builds.build(Builds.fixtureContent(), tmp.resolve("out"));
        assertTrue(Files.isRegularFile(tmp.resolve("out/internal/index.html")));
        assertTrue(Files.isRegularFile(tmp.resolve("out/public/index.html")));
        String[] lines = run.out().split("\n");
        assertTrue(lines[lines.length - 1].matches(
                "读取了 \\d+ 个文件，生成了 35 个页面（内部版 18 个，公开版 17 个，共 \\d+ 个文件）到 .*：0 个错误，16 个警告，5 条提示；用时 \\d+\\.\\d\\d 秒。"),
                lines[lines.length - 1]);
        assertEquals("", run.err(), "no progress line: the test harness is not a terminal");
    }

    @Test
    void anIncrementalBuildThatTakesFindingsFromItsCacheCountsTheFilesAsAFullBuildDoes() throws IOException {
        // The fixture's forms hold findings placed inside YAML values (a file read again for each); a rebuild that
        // takes those findings from its cache reads fewer times, but reads the same files.
        Path content = fixtureCopy();
        Path out = tmp.resolve("out");
        String full = lastLine(Builds.run("build", "--content", content.toString(), "--out", out.toString()));
        lastLine(Builds.run("build", "--incremental", "--content", content.toString(), "--out", out.toString()));
        String cached = lastLine(Builds.run("build", "--incremental", "--content", content.toString(), "--out", out.toString()));
        long files;
        try (var walk = Files.walk(content)) {
            files = walk.filter(Files::isRegularFile).count();
        }
        assertTrue(full.startsWith("读取了 " + files + " 个文件，"), full);
        assertTrue(cached.startsWith("读取了 " + files + " 个文件，"), cached);
    }

    private static String lastLine(Builds.Run run) {
        assertEquals(0, run.exit(), run.out() + run.err());
        String[] lines = run.out().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void aReportWithoutDepartmentLeavesTheFormsFilingDepartmentEmpty() throws IOException {
        // Neither report.yaml's department nor a project's filing_department is required; a form
        // falls back from one to the other, and to nothing (this crashed the build once).
        Path content = fixtureCopy();
        Path report = content.resolve("2021/report.yaml");
        Files.writeString(report, Files.readString(report).replace("department: 测试局\n", ""));
        Builds.build(content, tmp.resolve("out"));
        String page = Files.readString(tmp.resolve("out/public/2021/talent/employment.html"));
        assertTrue(page.contains("<span>填报部门：</span>"), "an empty 填报部门");
    }

    @Test
    void quietPrintsNothingWhenTheBuildSucceeds() {
        Builds.Run run = Builds.build(Builds.fixtureContent(), tmp.resolve("out"), "--quiet");
        assertEquals("", run.out(), "neither the warnings nor the summary");
        assertEquals("", run.err());
        assertTrue(Files.isRegularFile(tmp.resolve("out/public/2020/summary.xlsx")));
    }

    @Test
    void quietStillPrintsTheErrorsThatStopTheBuildAndOnlyThem() throws IOException {
        Path content = fixtureCopy();
        breakContent(content);
        Builds.Run run = Builds.run("build", "--quiet", "--content", content.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(1, run.exit());
        assertTrue(run.out().startsWith("content/2020/inspection/index.yaml:"), run.out());
        assertTrue(run.out().contains(": error["), run.out());
        assertFalse(run.out().contains(": warning["), run.out());
        assertFalse(run.out().contains("检查了"), run.out());
        assertTrue(run.err().contains("内容有错误，未生成网站"), run.err());
    }

    @Test
    void quietWithStrictPrintsTheWarningsThatStopTheBuild() {
        Builds.Run run = Builds.run("build", "--quiet", "--strict", "--content", Builds.fixtureContent().toString(),
                "--out", tmp.resolve("out").toString());
        assertEquals(1, run.exit());
        assertTrue(run.out().contains(": warning["), run.out());
        assertFalse(run.out().contains(": info["), run.out());
    }

    @Test
    void printsTheFindingsAsCheckDoesBeforeTheSummary() {
        Path content = Builds.fixtureContent();
        Builds.Run check = Builds.run("check", "--content", content.toString());
        Builds.Run build = Builds.build(content, tmp.resolve("out"));
        String findings = check.out().substring(0, check.out().lastIndexOf("检查了"));
        assertTrue(build.out().startsWith(findings), build.out());
    }

    @Test
    void refusesToBuildOnErrorsPrintingExactlyWhatCheckPrints() throws IOException {
        Path content = fixtureCopy();
        breakContent(content);
        Builds.Run check = Builds.run("check", "--content", content.toString());
        Builds.Run build = Builds.run("build", "--content", content.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(1, build.exit());
        assertEquals(check.out(), build.out());
        assertTrue(build.err().contains("内容有错误，未生成网站"), build.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void strictRefusesOnWarnings() {
        Builds.Run build = Builds.run("build", "--strict", "--content", Builds.fixtureContent().toString(),
                "--out", tmp.resolve("out").toString());
        assertEquals(1, build.exit());
        assertTrue(build.err().contains("内容有警告（--strict）"), build.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void aFailedBuildLeavesThePreviousOutputByteForByte() throws IOException {
        Path content = fixtureCopy();
        Path out = tmp.resolve("out");
        Builds.build(content, out);
        Files.writeString(out.resolve("stray.txt"), "left by someone");
        SortedMap<String, byte[]> before = Builds.tree(out);

        breakContent(content);
        assertEquals(1, Builds.run("build", "--content", content.toString(), "--out", out.toString()).exit());

        assertSameTree(before, Builds.tree(out));
        assertNoTemporaryFolders();
    }

    @Test
    void aNewBuildReplacesTheWholeOldTree() throws IOException {
        Path out = tmp.resolve("out");
        Builds.build(Builds.fixtureContent(), out);
        Files.writeString(out.resolve("public/index.html"), "edited by hand");
        Files.delete(out.resolve("internal/index.html"));
        Builds.build(Builds.fixtureContent(), out);
        assertTrue(Files.exists(out.resolve("internal/index.html")));
        assertFalse(Builds.read(out.resolve("public/index.html")).contains("edited by hand"));
        assertNoTemporaryFolders();
    }

    /**
     * The same content gives the same bytes on all cores and on one thread, in this JVM and in
     * another. Another JVM matters because hash orders of immutable collections (Map.of, Set.of)
     * are salted per process; a second build in this JVM catches state left by the first. One
     * child JVM builds every content on all cores; this JVM builds each on one thread, after its
     * first build on all cores.
     */
    @Test
    void buildsAreByteIdenticalAcrossRunsProcessesAndThreadCounts() throws Exception {
        List<Path> contents = List.of(Builds.realContent(), Builds.fixtureContent(), Builds.threeYearContent());
        List<String> childArgs = new ArrayList<>();
        for (Path content : contents) {
            childArgs.add(content.toString());
            childArgs.add(tmp.resolve("jvm-" + name(content)).toString());
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BuildEach.class.getName()));
        command.addAll(childArgs);
        Path log = tmp.resolve("jvm.log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();

        for (Path content : contents) {
            Builds.build(content, tmp.resolve("all-" + name(content)));
            String before = System.getProperty(Parallel.THREADS);
            System.setProperty(Parallel.THREADS, "1");
            try {
                Builds.build(content, tmp.resolve("one-" + name(content)));
            } finally {
                if (before == null) System.clearProperty(Parallel.THREADS);
                else System.setProperty(Parallel.THREADS, before);
            }
        }
        assertEquals(0, child.waitFor(), () -> Builds.read(log));

        for (Path content : contents) {
            Map<String, byte[]> all = Builds.tree(tmp.resolve("all-" + name(content)));
            assertSameTree(all, Builds.tree(tmp.resolve("one-" + name(content))));
            assertSameTree(all, Builds.tree(tmp.resolve("jvm-" + name(content))));
        }
    }

    /** The fixtures' content folders are all called content; what tells them apart is their parent. */
    private static String name(Path content) {
        return content.getParent().getFileName().toString();
    }

    @Test
    void everyFileButTheCsvHasLfLineEndings() {
        Builds.build(Builds.fixtureContent(), tmp.resolve("out"));
        Builds.tree(tmp.resolve("out")).forEach((path, bytes) -> {
            if (path.endsWith(".xlsx") || path.endsWith(".docx")) return; // a zip
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (path.endsWith(".csv")) {
                assertTrue(text.startsWith("\uFEFF"), path + " starts with a BOM");
                assertEquals(text.split("\n", -1).length - 1, text.split("\r\n", -1).length - 1, path + " uses CRLF only");
            } else {
                assertFalse(text.contains("\r"), path + " has a CR");
            }
        });
    }

    @Test
    void rendersWithTheUsersOwnTemplates() throws IOException {
        Path templates = tmp.resolve("templates");
        ContentFixture.copyTree(Path.of("site-templates").toAbsolutePath(), templates);
        Path layout = templates.resolve("layout.jte");
        Files.writeString(layout, Files.readString(layout).replace("<main id=\"main\" class=\"wrap\">",
                "<main id=\"main\" class=\"wrap\"><p class=\"own\">OWN-TEMPLATE-MARKER ${frame.editionLabel()}</p>"));
        Files.writeString(templates.resolve("site.css"), "body { color: black; } /* OWN-CSS */\n");
        Builds.build(Builds.fixtureContent(), tmp.resolve("out"), "--templates", templates.toString());
        String home = Builds.read(tmp.resolve("out/public/index.html"));
        assertTrue(home.contains("<p class=\"own\">OWN-TEMPLATE-MARKER 公开版</p>"), home);
        assertTrue(Builds.read(tmp.resolve("out/internal/assets/site.css")).contains("OWN-CSS"));
    }

    @Test
    void aBrokenUserTemplateIsReportedWithoutTouchingTheOutput() throws IOException {
        Path out = tmp.resolve("out");
        Builds.build(Builds.fixtureContent(), out);
        SortedMap<String, byte[]> before = Builds.tree(out);
        Path templates = tmp.resolve("templates");
        ContentFixture.copyTree(Path.of("site-templates").toAbsolutePath(), templates);
        Files.writeString(templates.resolve("home.jte"), "@param jixiao.render.Pages.Home page\n${page.noSuchField()}\n");
        Builds.Run run = Builds.run("build", "--content", Builds.fixtureContent().toString(), "--out", out.toString(),
                "--templates", templates.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("模板出错") && run.err().contains("home.jte"), run.err());
        assertSameTree(before, Builds.tree(out));
    }

    private void assertNoTemporaryFolders() throws IOException {
        try (Stream<Path> list = Files.list(tmp)) {
            assertEquals(0, list.filter(p -> p.getFileName().toString().startsWith(".out.")).count(), "temporary folders left");
        }
    }

    static void assertSameTree(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
    }
}
