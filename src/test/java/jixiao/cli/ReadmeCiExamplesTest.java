package jixiao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jixiao.testing.ContentFixture;
import jixiao.testing.GitRepo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The GitHub Actions and GitLab CI examples in README.md, run as CI would run them. Each block is parsed
 * as YAML (a broken block fails here), and every {@code run:} / {@code script:} line is run by bash
 * with {@code -eo pipefail} (as both CI systems do) in a throw-away git repository made from a fixture
 * content tree, where {@code origin/main} is an earlier commit (so {@code --changed-since origin/main}
 * compares a pull request with its base) and {@code GITHUB_STEP_SUMMARY} names a temp file.
 *
 * <p>{@code ./jixiao} in that repository is a two-line script that starts {@link Main} on the test
 * classpath: the checkout's own {@code ./jixiao} would first build target/jixiao.jar with Maven, which
 * a test cannot do. Steps that use an action ({@code actions/checkout}, {@code actions/setup-java},
 * {@code actions/upload-pages-artifact}, {@code actions/deploy-pages}) and GitLab's {@code image} and
 * {@code artifacts} are GitHub's and GitLab's own and cannot run here; the test checks what they are
 * given instead: the full history for {@code --changed-since}, and that the folders and files they
 * upload exist after the steps before them.
 */
class ReadmeCiExamplesTest {

    private static final Path README = Path.of("README.md");
    private static final YAMLMapper YAML = new YAMLMapper();
    /** A line jixiao's github format prints: {@code ::error file=…}. */
    private static final Pattern ANNOTATION = Pattern.compile("^::(error|warning|notice) (?:file=([^,:]+))?.*$");
    /** The project file the pull request breaks, and the key it adds (an unknown-key error). */
    private static final String CHANGED = "content/2021/talent/employment.yaml";

    @TempDir
    Path tmp;

    private GitRepo repo;
    private Path summary;

    @BeforeEach
    void pullRequestAgainstMain() throws IOException {
        assumeTrue(GitRepo.gitAvailable(), "git is not installed");
        repo = GitRepo.init(tmp.resolve("repo"));
        ContentFixture.copyTree(ContentFixture.resource("site/fixture/content"), repo.dir().resolve("content"));
        Path jixiao = repo.dir().resolve("jixiao");
        Files.writeString(jixiao, "#!/bin/sh\n# The test's stand-in for the checkout's ./jixiao: Main on the test classpath.\n"
                + "exec \"$JIXIAO_TEST_JAVA\" -cp \"$JIXIAO_TEST_CLASSPATH\" jixiao.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(jixiao, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(repo.dir().resolve(".gitignore"), "output/\npublic/\ngl-code-quality-report.json\n");
        repo.commitAll("main");
        repo.git("update-ref", "refs/remotes/origin/main", "HEAD");
        Path changed = repo.dir().resolve(CHANGED);
        Files.writeString(changed, Files.readString(changed) + "budjet: 1\n");
        repo.git("checkout", "-q", "-b", "pull-request");
        repo.commitAll("a pull request that breaks one file");
        summary = Files.writeString(tmp.resolve("step-summary.md"), "");
    }

    private void fixThePullRequest() throws IOException {
        Path changed = repo.dir().resolve(CHANGED);
        Files.writeString(changed, Files.readString(changed).replace("budjet: 1\n", ""));
        repo.commitAll("fixed");
    }

    // ---------------------------------------------------------------- GitHub Actions

    @Test
    void githubWorkflowChecksTheChangedFilesErrorsFirstAndFailsTheJob() throws Exception {
        List<String> steps = githubRunSteps();
        StepRun check = runUntilOneFails(steps).get(0);

        assertEquals(ExitCode.FINDINGS, check.exit(), check.command() + "\n" + check.err());
        List<String> annotations = check.out().lines().toList();
        List<String> kinds = new ArrayList<>();
        for (String line : annotations) {
            Matcher m = ANNOTATION.matcher(line);
            assertTrue(m.matches(), "not an annotation: " + line);
            kinds.add(m.group(1));
            // Only the changed file is annotated; the rest is counted in one notice without a file.
            if (m.group(2) != null) assertEquals(CHANGED, m.group(2), line);
        }
        assertTrue(annotations.get(0).startsWith("::error file=" + CHANGED + ",line=") && annotations.get(0).contains("title=unknown-key::"),
                annotations.get(0));
        assertEquals(kinds.stream().sorted((a, b) -> rank(a) - rank(b)).toList(), kinds, "errors, then warnings, then notices");
        assertTrue(kinds.contains("warning"), check.out());
        assertTrue(check.out().contains("::notice title=changed-since::其余 "), check.out());

        String written = Files.readString(summary, StandardCharsets.UTF_8);
        assertTrue(written.startsWith("### jixiao check\n"), written);
        assertTrue(written.contains("| " + CHANGED + ":"), written);
        assertTrue(written.contains("`unknown-key`"), written);
    }

    @Test
    void githubWorkflowOnAFixedBranchPassesAndBuildsThePagesArtifact() throws Exception {
        fixThePullRequest();
        List<StepRun> runs = runUntilOneFails(githubRunSteps());

        assertEquals(githubRunSteps().size(), runs.size(), "every run step ran");
        for (StepRun run : runs) assertEquals(ExitCode.OK, run.exit(), run.command() + "\n" + run.out() + run.err());
        // upload-pages-artifact uploads `with.path`; it must be the public edition the build wrote.
        String path = githubStep("actions/upload-pages-artifact").path("with").path("path").asText();
        assertEquals("output/public", path);
        assertTrue(Files.isRegularFile(repo.dir().resolve(path).resolve("index.html")), path);
        assertTrue(Files.isDirectory(repo.dir().resolve("output/internal")), "the internal edition stays beside it, not uploaded");
    }

    @Test
    void githubWorkflowChecksOutTheHistoryThatChangedSinceNeeds() throws Exception {
        JsonNode checkout = githubStep("actions/checkout");
        assertEquals(0, checkout.path("with").path("fetch-depth").asInt(-1), "--changed-since origin/main needs fetch-depth: 0");
        assertTrue(githubRunSteps().stream().anyMatch(s -> s.contains("--changed-since origin/main")));
        assertEquals("17", githubStep("actions/setup-java").path("with").path("java-version").asText());
    }

    @Test
    void githubWorkflowDeploysFromItsOwnJobInThePagesEnvironmentAfterTheBuild() throws IOException {
        // actions/deploy-pages refuses a job without the github-pages environment ("Missing environment"); a job
        // of its own keeps pull requests, which only check and build, out of that environment's branch rules.
        JsonNode deploy = null;
        String deployName = null;
        for (Iterator<Map.Entry<String, JsonNode>> jobs = github().path("jobs").fields(); jobs.hasNext(); ) {
            Map.Entry<String, JsonNode> job = jobs.next();
            for (JsonNode step : job.getValue().path("steps")) {
                if (step.path("uses").asText().startsWith("actions/deploy-pages")) {
                    deploy = job.getValue();
                    deployName = job.getKey();
                }
            }
        }
        assertTrue(deploy != null, "no job deploys the pages");
        JsonNode environment = deploy.path("environment");
        assertEquals("github-pages", environment.isTextual() ? environment.asText() : environment.path("name").asText(), deployName);
        assertEquals("write", deploy.path("permissions").path("pages").asText(), deployName);
        assertEquals("write", deploy.path("permissions").path("id-token").asText(), deployName);
        String uploader = null;
        for (Iterator<Map.Entry<String, JsonNode>> jobs = github().path("jobs").fields(); jobs.hasNext(); ) {
            Map.Entry<String, JsonNode> job = jobs.next();
            for (JsonNode step : job.getValue().path("steps")) {
                if (step.path("uses").asText().startsWith("actions/upload-pages-artifact")) uploader = job.getKey();
            }
        }
        assertTrue(uploader != null && !uploader.equals(deployName), "the artefact is uploaded by the build job");
        JsonNode needs = deploy.path("needs");
        assertTrue(needs.asText().equals(uploader) || needs.toString().contains("\"" + uploader + "\""), "deploy needs " + uploader);
    }

    // ---------------------------------------------------------------- GitLab CI

    @Test
    void gitlabCheckJobWritesACodeQualityReportGitLabAccepts() throws Exception {
        JsonNode check = gitlab().get("check");
        String report = check.path("artifacts").path("reports").path("codequality").asText();
        assertEquals("gl-code-quality-report.json", report);
        assertEquals("always", check.path("artifacts").path("when").asText(), "the report is uploaded when the job fails too");

        List<StepRun> runs = runUntilOneFails(scriptOf(check));
        assertEquals(ExitCode.FINDINGS, runs.get(runs.size() - 1).exit(), "errors fail the job");
        assertCodeQualityReport(repo.dir().resolve(report), true);

        fixThePullRequest();
        for (StepRun run : runUntilOneFails(scriptOf(check))) assertEquals(ExitCode.OK, run.exit(), run.command() + run.err());
        assertCodeQualityReport(repo.dir().resolve(report), false);
    }

    @Test
    void gitlabPagesJobPublishesThePublicEditionAsPublic() throws Exception {
        fixThePullRequest();
        JsonNode pages = gitlab().get("pages");
        for (StepRun run : runUntilOneFails(scriptOf(pages))) assertEquals(ExitCode.OK, run.exit(), run.command() + run.out() + run.err());
        assertEquals("public", pages.path("artifacts").path("paths").get(0).asText());
        assertTrue(Files.isRegularFile(repo.dir().resolve("public/index.html")), "mv output/public public found the public edition");
        assertFalse(Files.exists(repo.dir().resolve("output/public")));
        assertTrue(Files.isDirectory(repo.dir().resolve("output/internal")), "only the public edition is published");
    }

    /** GitLab's Code Quality widget needs these fields on every issue (and drops a report that lacks them). */
    private static void assertCodeQualityReport(Path file, boolean withError) throws IOException {
        JsonNode issues = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        assertTrue(issues.isArray() && !issues.isEmpty(), issues.toString());
        boolean major = false;
        for (JsonNode issue : issues) {
            for (String field : List.of("description", "check_name", "fingerprint", "severity")) {
                assertTrue(issue.path(field).isTextual() && !issue.path(field).asText().isEmpty(), field + " in " + issue);
            }
            assertTrue(List.of("info", "minor", "major", "critical", "blocker").contains(issue.get("severity").asText()), issue.toString());
            assertTrue(issue.path("location").path("path").asText().startsWith("content/"), issue.toString());
            assertTrue(issue.path("location").path("lines").path("begin").asInt(0) >= 1, issue.toString());
            major |= issue.get("severity").asText().equals("major") && issue.get("check_name").asText().equals("unknown-key");
        }
        assertEquals(withError, major, "the unknown-key error as a major issue");
    }

    // ---------------------------------------------------------------- the README's blocks

    /** The first ```yaml block after the line that names {@code caption}, parsed. */
    private static JsonNode readmeBlock(String caption) throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int at = readme.indexOf(caption);
        assertTrue(at >= 0, "README.md no longer names " + caption);
        int start = readme.indexOf("```yaml\n", at);
        int end = readme.indexOf("\n```", start + 8);
        assertTrue(start >= 0 && end > start, "no yaml block after " + caption);
        try {
            return YAML.readTree(readme.substring(start + 8, end + 1));
        } catch (IOException e) {
            throw new AssertionError("README.md's example for " + caption + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static JsonNode github() throws IOException {
        return readmeBlock("(`.github/workflows/site.yml`)");
    }

    private static JsonNode gitlab() throws IOException {
        return readmeBlock("(`.gitlab-ci.yml`)");
    }

    /** Every step of every job of the workflow, in order. */
    private static List<JsonNode> githubSteps() throws IOException {
        List<JsonNode> steps = new ArrayList<>();
        for (Iterator<JsonNode> jobs = github().path("jobs").elements(); jobs.hasNext(); ) {
            jobs.next().path("steps").forEach(steps::add);
        }
        assertFalse(steps.isEmpty(), "the workflow has no steps");
        return steps;
    }

    private static List<String> githubRunSteps() throws IOException {
        List<String> runs = new ArrayList<>();
        for (JsonNode step : githubSteps()) {
            if (step.has("run")) runs.add(step.get("run").asText());
            else assertTrue(step.has("uses"), "a step that neither runs nor uses an action: " + step);
        }
        return runs;
    }

    private static JsonNode githubStep(String action) throws IOException {
        return githubSteps().stream().filter(s -> s.path("uses").asText().startsWith(action + "@")).findFirst()
                .orElseThrow(() -> new AssertionError("the workflow no longer uses " + action));
    }

    private static List<String> scriptOf(JsonNode job) {
        List<String> lines = new ArrayList<>();
        job.path("script").forEach(l -> lines.add(l.asText()));
        assertFalse(lines.isEmpty(), "a job without script: " + job);
        return lines;
    }

    // ---------------------------------------------------------------- running them

    private record StepRun(String command, int exit, String out, String err) {
    }

    /** Runs the steps in order as CI does, stopping after the first that fails. Every step is a jixiao command or a plain shell one. */
    private List<StepRun> runUntilOneFails(List<String> steps) throws IOException, InterruptedException {
        List<StepRun> runs = new ArrayList<>();
        for (String step : steps) {
            assertTrue(step.contains("./jixiao ") || step.startsWith("mv "), "a step this test does not expect: " + step);
            StepRun run = bash(step);
            runs.add(run);
            if (run.exit() != 0) break;
        }
        return runs;
    }

    private StepRun bash(String command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", command)
                .directory(repo.dir().toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("GIT_") || k.startsWith("GITHUB_") || k.startsWith("JIXIAO_"));
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", repo.dir().resolve(".no-global-config").toString());
        env.put("HOME", repo.dir().toString());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());
        env.put("JIXIAO_RELAUNCH", "0");
        env.put("JIXIAO_TEST_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        env.put("JIXIAO_TEST_CLASSPATH", System.getProperty("java.class.path"));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), command + " did not finish");
        return new StepRun(command, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static int rank(String kind) {
        return switch (kind) {
            case "error" -> 0;
            case "warning" -> 1;
            default -> 2;
        };
    }
}
