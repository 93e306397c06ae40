package jixiao.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jixiao.diagnostic.Finding;
import jixiao.diagnostic.SourcePosition;
import jixiao.testing.ContentFixture;
import jixiao.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FindingFormatsTest {

    private static final String P = "content/2020/unit-a/p.yaml";
    /** jixiao's version as the SARIF driver carries it; the command passes the real one. */
    private static final String VERSION = "9.9.9-test";

    /** Out of order on purpose: both formats sort. Lines 7 and 10 of p.yaml hold the same text. */
    private static final List<Finding> FINDINGS = List.of(
            Finding.warning("value-comment", new SourcePosition(P, 10, 17),
                    "“target”的值后面的“# 原表如此”被 YAML 当作注释丢弃了：如果它是值的一部分，请给整个值加上双引号。"),
            Finding.warning("value-comment", new SourcePosition(P, 7, 17),
                    "“target”的值后面的“# 原表如此”被 YAML 当作注释丢弃了：如果它是值的一部分，请给整个值加上双引号。"),
            Finding.error("unknown-key", new SourcePosition(P, 1, 1),
                    "未知的键“budjet”，是否应为“budget”？可用的键：budget、contact。"),
            Finding.error("period-mismatch", new SourcePosition("content/2020/report.yaml", 2, 9),
                    "period 为 2019，与年度文件夹 2020 不一致：请改为 2020 或把文件移到对应的年度文件夹。"),
            Finding.info("unverifiable-score", new SourcePosition(P, 6, 15),
                    "没有分值（weight）：得分按表上所写，100% 完成。\r\n第二行"),
            Finding.warning("unexpected-file", SourcePosition.ofFile("content/2020/unit-a/notes,v1:draft.txt"),
                    "不认识的文件，已忽略。"));

    @TempDir
    Path tmp;

    private static Path repo() {
        return ContentFixture.resource("formats/repo");
    }

    /** Compares with {@code src/test/resources/golden/formats/<name>}, byte for byte (see {@link Golden}). */
    private static void assertGolden(String name, String actual) {
        Golden.assertMatches("formats/" + name, actual);
    }

    private static String github(List<Finding> findings, Path repoRoot, Path contentParent) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FindingFormats.github(findings, repoRoot, contentParent, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String sarif(List<Finding> findings, Path repoRoot, Path contentParent) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FindingFormats.sarif(findings, repoRoot, contentParent, VERSION, null, bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String fingerprint(JsonNode result) {
        return result.get("partialFingerprints").get(FindingFormats.FINGERPRINT_KEY).asText();
    }

    // ---------------------------------------------------------------- GitHub

    @Test
    void githubAnnotationsMatchTheGoldenFile() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FindingFormats.github(FINDINGS, repo(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertGolden("github.txt", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void githubListsErrorsThenWarningsThenNoticesSoThatErrorsAreNeverCrowdedOut() {
        List<String> kinds = github(FINDINGS, repo(), repo()).lines().map(l -> l.substring(2, l.indexOf(' '))).toList();
        assertEquals(List.of("error", "error", "warning", "warning", "warning", "notice"), kinds);
    }

    @Test
    void githubStepSummaryMatchesTheGoldenFile() {
        assertGolden("github-summary.md", FindingFormats.githubSummary(FINDINGS, repo(), repo()));
    }

    @Test
    void githubStepSummaryWithoutFindingsIsJustTheCounts() {
        assertEquals("### jixiao check\n\n0 个错误，0 个警告，0 条提示。\n\n", FindingFormats.githubSummary(List.of(), repo(), repo()));
    }

    @Test
    void githubStepSummaryListsAtMost200FindingsAndCountsTheRest() {
        List<Finding> many = java.util.stream.IntStream.rangeClosed(1, 203)
                .mapToObj(i -> Finding.warning("x", new SourcePosition(P, i, 1), "m|" + i)).toList();
        String summary = FindingFormats.githubSummary(many, repo(), repo());
        assertEquals(200, summary.lines().filter(l -> l.startsWith("| content/")).count());
        assertTrue(summary.contains("| content/2020/unit-a/p.yaml:200 | warning | `x` | m\\|200 |\n"), summary);
        assertFalse(summary.contains("p.yaml:201 "), summary);
        assertTrue(summary.endsWith("\n另有 3 处问题未列出，请在本地运行 `jixiao check` 查看全部。\n\n"), summary);
    }

    @Test
    void githubMessageEscapesPercentAndLineBreaks() {
        assertEquals("100%25 完成%0D%0A第二行: a, b", FindingFormats.escapeData("100% 完成\r\n第二行: a, b"));
    }

    @Test
    void githubPropertyAlsoEscapesColonAndComma() {
        assertEquals("notes%2Cv1%3Adraft%25.txt%0A", FindingFormats.escapeProperty("notes,v1:draft%.txt\n"));
    }

    @Test
    void githubPathsAreRelativeToTheRepositoryWhenTheContentFolderIsNotAtItsRoot() {
        Path root = Path.of("/work/repo");
        assertEquals("::error file=site/content/2020/report.yaml,line=2,col=9,title=period-mismatch::m\n",
                github(List.of(Finding.error("period-mismatch", new SourcePosition("content/2020/report.yaml", 2, 9), "m")),
                        root, root.resolve("site")));
    }

    @Test
    void githubWholeFileFindingHasNoLine() {
        Path root = Path.of("/work/repo");
        assertEquals("::notice file=content/site.yaml,title=x::m\n",
                github(List.of(Finding.info("x", SourcePosition.ofFile("content/site.yaml"), "m")), root, root));
    }

    // ---------------------------------------------------------------- Code Climate

    private static String codeClimate(List<Finding> findings, Path repoRoot, Path contentParent) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FindingFormats.codeClimate(findings, repoRoot, contentParent, bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void codeClimateReportMatchesTheGoldenFile() throws IOException {
        assertGolden("codeclimate.json", codeClimate(FINDINGS, repo(), repo()));
    }

    @Test
    void codeClimateFingerprintsAreTheSarifFingerprints() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode issues = mapper.readTree(codeClimate(FINDINGS, repo(), repo()));
        JsonNode results = mapper.readTree(sarif(FINDINGS, repo(), repo())).get("runs").get(0).get("results");
        assertEquals(results.size(), issues.size());
        for (int i = 0; i < issues.size(); i++) {
            assertEquals(fingerprint(results.get(i)), issues.get(i).get("fingerprint").asText());
            assertEquals(results.get(i).get("ruleId").asText(), issues.get(i).get("check_name").asText());
        }
    }

    @Test
    void codeClimatePathsAreRelativeToTheRepositoryAndAWholeFileFindingIsOnLineOne() throws IOException {
        Path root = Path.of("/work/repo");
        JsonNode issue = new ObjectMapper().readTree(codeClimate(
                List.of(Finding.info("x", SourcePosition.ofFile("content/site.yaml"), "m")), root, root.resolve("site"))).get(0);
        assertEquals("site/content/site.yaml", issue.get("location").get("path").asText());
        assertEquals(1, issue.get("location").get("lines").get("begin").asInt());
        assertEquals("info", issue.get("severity").asText());
    }

    @Test
    void codeClimateWithoutFindingsIsAnEmptyArray() throws IOException {
        assertEquals("[ ]\n", codeClimate(List.of(), repo(), repo()));
    }

    // ---------------------------------------------------------------- SARIF

    @Test
    void sarifLogMatchesTheGoldenFile() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FindingFormats.sarif(FINDINGS, repo(), VERSION, bytes);
        assertGolden("sarif.json", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void sarifOfARunThatFailedIsAValidLogWithTheReason() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FindingFormats.sarifFailure(VERSION, "找不到内容文件夹 content：请在项目根目录运行，或用 --content 指定。", bytes);
        assertGolden("sarif-failed.json", bytes.toString(StandardCharsets.UTF_8));
    }

    /** The official SARIF 2.1.0 schema (OASIS, errata 01: the one the log's $schema names), shipped under src/test/resources/sarif. */
    private static final JsonSchema SARIF_SCHEMA = sarifSchema();

    private static JsonSchema sarifSchema() {
        try (InputStream in = FindingFormatsTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            JsonNode schema = new ObjectMapper().readTree(in);
            assertEquals(FindingFormats.SARIF_SCHEMA, schema.get("id").asText(), "the schema the log names");
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema,
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertValidSarif(String log) throws IOException {
        Set<ValidationMessage> errors = SARIF_SCHEMA.validate(new ObjectMapper().readTree(log));
        assertEquals(Set.of(), errors, log);
    }

    @Test
    void sarifLogIsValidAgainstTheOfficialSchema() throws IOException {
        assertValidSarif(sarif(FINDINGS, repo(), repo()));
        ByteArrayOutputStream failed = new ByteArrayOutputStream();
        FindingFormats.sarifFailure(VERSION, "找不到内容文件夹 content。", failed);
        assertValidSarif(failed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void sarifSchemaCheckCatchesAnInvalidLog() throws IOException {
        // The validation above can fail: a level SARIF does not know is refused.
        String valid = sarif(FINDINGS, repo(), repo());
        String log = valid.replace("\"level\": \"note\"", "\"level\": \"notice\"");
        assertNotEquals(valid, log);
        assertFalse(SARIF_SCHEMA.validate(new ObjectMapper().readTree(log)).isEmpty());
    }

    /**
     * A log with one result for every code in the catalog: valid SARIF, and each rule as GitHub code
     * scanning wants it: an id, a short and a full description (at most 1024 characters each), help as
     * text and Markdown, the level, and an absolute helpUri into docs/findings.md at the code's heading.
     */
    @Test
    void sarifRuleOfEveryCodeCarriesItsDescriptionHelpLevelAndHelpUri() throws IOException {
        List<Finding> all = FindingCatalog.builtIn().rules().stream()
                .map(r -> new Finding(r.severity(), r.code(), new SourcePosition(P, 1, 1), "m")).toList();
        String log = sarif(all, repo(), repo());
        assertValidSarif(log);
        JsonNode rules = new ObjectMapper().readTree(log).at("/runs/0/tool/driver/rules");
        assertEquals(all.size(), rules.size());
        String doc = Files.readString(Path.of("docs/findings.md"), StandardCharsets.UTF_8);
        for (JsonNode rule : rules) {
            String code = rule.get("id").asText();
            FindingCatalog.Rule described = FindingCatalog.builtIn().rule(code).orElseThrow();
            assertEquals(described.shortDescription(), rule.at("/shortDescription/text").asText(), code);
            assertEquals(described.fullDescription(), rule.at("/fullDescription/text").asText(), code);
            assertTrue(rule.at("/fullDescription/text").asText().length() <= 1024, code);
            assertFalse(rule.at("/help/text").asText().isBlank(), code);
            assertEquals(FindingReference.helpMarkdown(described), rule.at("/help/markdown").asText(), code);
            assertTrue(rule.at("/help/markdown").asText().startsWith(described.fullDescription()), code);
            assertEquals(switch (described.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "note";
            }, rule.at("/defaultConfiguration/level").asText(), code);
            URI help = URI.create(rule.get("helpUri").asText());
            assertTrue(help.isAbsolute(), code);
            assertEquals("https://github.com/jixiao/jixiao/blob/main/docs/findings.md#" + code, help.toString());
            assertTrue(doc.contains("\n### " + help.getFragment() + "\n"), "docs/findings.md has no heading for " + code);
            assertFalse(rule.has("properties"), "no security-severity: these are not security findings");
        }
    }

    @Test
    void sarifIsTheSameWhateverTheOrderOfTheFindings() throws IOException {
        List<Finding> reversed = new java.util.ArrayList<>(FINDINGS);
        java.util.Collections.reverse(reversed);
        assertEquals(sarif(FINDINGS, repo(), repo()), sarif(reversed, repo(), repo()));
    }

    @Test
    void sarifFingerprintSurvivesLinesInsertedAbove() throws IOException {
        ContentFixture.copy("formats/repo", tmp);
        Path file = tmp.resolve(P);
        Finding before = Finding.warning("value-comment", new SourcePosition(P, 7, 17), "m");
        String original = fingerprint(new ObjectMapper().readTree(sarif(List.of(before), tmp, tmp)).at("/runs/0/results/0"));

        Files.writeString(file, "# 新增的说明\n# 再一行\n" + Files.readString(file));
        Finding after = Finding.warning("value-comment", new SourcePosition(P, 9, 17), "m");
        JsonNode moved = new ObjectMapper().readTree(sarif(List.of(after), tmp, tmp)).at("/runs/0/results/0");

        assertEquals(original, fingerprint(moved));
        assertEquals(9, moved.at("/locations/0/physicalLocation/region/startLine").asInt());
    }

    @Test
    void sarifFingerprintChangesWhenTheLineItPointsAtChanges() throws IOException {
        ContentFixture.copy("formats/repo", tmp);
        Finding finding = Finding.warning("value-comment", new SourcePosition(P, 7, 17), "m");
        String original = fingerprint(new ObjectMapper().readTree(sarif(List.of(finding), tmp, tmp)).at("/runs/0/results/0"));
        Path file = tmp.resolve(P);
        Files.writeString(file, Files.readString(file).replace("target: ≥100% # 原表如此\n        actual: \"72\"", "target: \"≥100%\"\n        actual: \"72\""));
        assertNotEquals(original, fingerprint(new ObjectMapper().readTree(sarif(List.of(finding), tmp, tmp)).at("/runs/0/results/0")));
    }

    @Test
    void sarifTellsApartTheSameFindingOnTwoIdenticalLines() throws IOException {
        JsonNode results = new ObjectMapper().readTree(sarif(FINDINGS, repo(), repo())).at("/runs/0/results");
        List<String> fingerprints = new java.util.ArrayList<>();
        results.forEach(r -> fingerprints.add(fingerprint(r)));
        assertEquals(fingerprints.size(), fingerprints.stream().distinct().count(), fingerprints.toString());
    }

    @Test
    void sarifUriIsRepositoryRelativeAndPercentEncoded() throws IOException {
        Path root = Path.of("/work/repo");
        JsonNode location = new ObjectMapper().readTree(sarif(
                List.of(Finding.error("x", new SourcePosition("内容 1/2020/report.yaml", 2, 9), "m")), root, root.resolve("site")))
                .at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation");
        assertEquals("site/%E5%86%85%E5%AE%B9%201/2020/report.yaml", location.get("uri").asText());
        assertEquals("%SRCROOT%", location.get("uriBaseId").asText());
    }

    @Test
    void sarifFileOutsideTheRepositoryIsAnAbsoluteUriWithoutBase() throws IOException {
        JsonNode location = new ObjectMapper().readTree(sarif(
                List.of(Finding.error("x", new SourcePosition("content/2020/report.yaml", 2, 9), "m")), Path.of("/work/repo"), Path.of("/elsewhere")))
                .at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation");
        assertEquals("file:///elsewhere/content/2020/report.yaml", location.get("uri").asText());
        assertFalse(location.has("uriBaseId"));
    }

    @Test
    void sarifWholeFileFindingHasNoRegion() throws IOException {
        JsonNode physical = new ObjectMapper().readTree(sarif(
                List.of(Finding.error("missing-file", SourcePosition.ofFile("content/site.yaml"), "m")), repo(), repo()))
                .at("/runs/0/results/0/locations/0/physicalLocation");
        assertFalse(physical.has("region"));
    }

    // ---------------------------------------------------------------- repository root

    @Test
    void repoRootIsTheNearestFolderWithGitAboveTheContentFolder() throws IOException {
        Files.createDirectories(tmp.resolve("site/content"));
        Files.writeString(tmp.resolve(".git"), "gitdir: /somewhere/else\n"); // a worktree's .git is a file
        assertEquals(tmp, FindingFormats.repoRoot(tmp.resolve("site/content")));
    }

    @Test
    void repoRootWithoutGitIsTheContentFoldersParent() throws IOException {
        Files.createDirectories(tmp.resolve("site/content"));
        Path root = FindingFormats.repoRoot(tmp.resolve("site/content"));
        assertTrue(root.equals(tmp.resolve("site")) || Files.exists(root.resolve(".git")), root.toString());
    }
}
