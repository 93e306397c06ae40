package jixiao.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jixiao.content.YamlReader;
import jixiao.diagnostic.Finding;
import jixiao.diagnostic.Severity;
import jixiao.diagnostic.SourcePosition;
import jixiao.diagnostic.Visible;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Findings in the formats CI systems read, for {@code jixiao check --format github|sarif|codeclimate}:
 * GitHub Actions workflow commands (annotations on the pull request's diff), SARIF 2.1.0
 * (GitHub code scanning and other tools) and Code Climate JSON (GitLab Code Quality).
 *
 * <p>Findings name files relative to the content folder's parent ({@code content/2020/u/p.yaml}).
 * CI wants them relative to the repository root; the two are the same when the content folder sits
 * at the root, and {@link #repoRoot} finds the root otherwise. Output is sorted and byte-for-byte
 * deterministic, with {@code \n} line ends on every platform.
 */
public final class FindingFormats {

    static final String SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    /** Where SARIF viewers link the tool name to. */
    static final String INFORMATION_URI = "https://github.com/jixiao/jixiao";
    /** The partialFingerprints key; the version changes whenever what goes into the hash does. */
    static final String FINGERPRINT_KEY = "jixiaoFinding/v1";
    /** Source lines are read for fingerprints only from files up to this size, like the loader. */
    private static final long MAX_SOURCE_BYTES = YamlReader.MAX_BYTES;

    private FindingFormats() {
    }

    /**
     * The repository root for a content folder: the nearest folder at or above the content folder's
     * parent that holds {@code .git} (a folder, or a file in a worktree or submodule), else the parent itself.
     */
    public static Path repoRoot(Path contentDir) {
        Path parent = contentDir.toAbsolutePath().normalize().getParent();
        if (parent == null) return contentDir.toAbsolutePath().normalize();
        for (Path p = parent; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) return p;
        }
        return parent;
    }

    // ---------------------------------------------------------------- GitHub Actions

    /** GitHub annotations, taking the content folder's parent as the repository root. */
    static void github(List<Finding> findings, Path contentParent, PrintStream out) {
        github(findings, contentParent, contentParent, out);
    }

    /**
     * One workflow command per finding:
     * {@code ::error file=content/2020/u/p.yaml,line=12,col=5,title=<code>::<message>}.
     * Warnings are {@code ::warning}, infos {@code ::notice}; line and col are left out for a
     * finding about a whole file. Errors come first, then warnings, then notices, each sorted by
     * file and line: GitHub shows at most 10 annotations of each kind per step, and the ones it
     * shows are the first it reads.
     */
    public static void github(List<Finding> findings, Path repoRoot, Path contentParent, PrintStream out) {
        Locator locator = new Locator(repoRoot, contentParent);
        StringBuilder b = new StringBuilder();
        for (Finding f : bySeverity(findings)) {
            SourcePosition at = f.position();
            b.append("::").append(switch (f.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "notice";
            });
            b.append(" file=").append(escapeProperty(Visible.escape(locator.path(at.file()))));
            if (at.line() > 0) {
                b.append(",line=").append(at.line());
                if (at.column() > 0) b.append(",col=").append(at.column());
            }
            b.append(",title=").append(escapeProperty(f.code()));
            b.append("::").append(escapeData(f.message())).append('\n');
        }
        out.print(b);
        out.flush();
    }

    /** The most findings listed in the step summary's table; the rest are counted under it. */
    static final int SUMMARY_ROWS = 200;

    /**
     * The Markdown a GitHub Actions step appends to {@code $GITHUB_STEP_SUMMARY}: the findings
     * counted by severity, then a table of them (most severe first, as the annotations), at most
     * {@value #SUMMARY_ROWS} rows.
     */
    public static String githubSummary(List<Finding> findings, Path repoRoot, Path contentParent) {
        Locator locator = new Locator(repoRoot, contentParent);
        List<Finding> sorted = bySeverity(findings);
        StringBuilder b = new StringBuilder("### jixiao check\n\n");
        b.append(count(findings, Severity.ERROR)).append(" 个错误，").append(count(findings, Severity.WARNING))
                .append(" 个警告，").append(count(findings, Severity.INFO)).append(" 条提示。\n");
        if (sorted.isEmpty()) return b.append('\n').toString();
        b.append("\n| 位置 | 级别 | 代码 | 说明 |\n| --- | --- | --- | --- |\n");
        for (Finding f : sorted.subList(0, Math.min(SUMMARY_ROWS, sorted.size()))) {
            SourcePosition at = f.position();
            String where = Visible.escape(locator.path(at.file())) + (at.line() > 0 ? ":" + at.line() : "");
            b.append("| ").append(cell(where)).append(" | ").append(f.severity().label()).append(" | `")
                    .append(f.code()).append("` | ").append(cell(f.message())).append(" |\n");
        }
        if (sorted.size() > SUMMARY_ROWS) {
            b.append("\n另有 ").append(sorted.size() - SUMMARY_ROWS).append(" 处问题未列出，请在本地运行 `jixiao check` 查看全部。\n");
        }
        return b.append('\n').toString();
    }

    /** A table cell's text: a pipe would end the cell, a line break the row, and {@code <} could start HTML. */
    static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("\r\n", "<br>")
                .replace("\r", "<br>").replace("\n", "<br>");
    }

    private static long count(List<Finding> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** Errors, then warnings, then infos; each by file, line and column. */
    static List<Finding> bySeverity(List<Finding> findings) {
        return findings.stream().sorted(Comparator.comparing(Finding::severity).thenComparing(Finding.ORDER)).toList();
    }

    /** A command's message: {@code %}, CR and LF would end or corrupt the command. */
    static String escapeData(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A command's property value: as data, and {@code :} and {@code ,} separate properties. */
    static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }

    // ---------------------------------------------------------------- SARIF

    /** SARIF, taking the content folder's parent as the repository root. */
    static void sarif(List<Finding> findings, Path contentParent, String version, OutputStream out) throws IOException {
        sarif(findings, contentParent, contentParent, version, null, out);
    }

    /**
     * A SARIF log for a run that could not check anything (no content folder, a folder that cannot
     * be read): no results, and {@code executionSuccessful: false} with the Chinese message as a
     * tool-execution notification, so that CI uploads a valid document that says why.
     */
    public static void sarifFailure(String version, String message, OutputStream out) throws IOException {
        write(sarifLog(version, JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.arrayNode(), message), out);
    }

    private static ObjectNode sarifLog(String version, ArrayNode rules, ArrayNode results, String failure) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode log = json.objectNode();
        log.put("$schema", SARIF_SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "jixiao");
        driver.put("version", version);
        driver.put("informationUri", INFORMATION_URI);
        driver.set("rules", rules);
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", failure == null);
        if (failure != null) {
            ObjectNode notification = invocation.putArray("toolExecutionNotifications").addObject();
            notification.put("level", "error");
            notification.putObject("message").put("text", failure);
        }
        run.set("results", results);
        return log;
    }

    /**
     * One SARIF 2.1.0 log with one run. Each result carries a fingerprint built from what the finding
     * is about (code, file, the text of its line, message) and not from the line number, so code
     * scanning keeps recognising a finding when lines are inserted above it. {@code version} is
     * jixiao's, as {@code --version} prints it; {@code failure}, when not null, says in Chinese why
     * the run did not check everything ({@code executionSuccessful: false}).
     */
    public static void sarif(List<Finding> findings, Path repoRoot, Path contentParent, String version, String failure,
                             OutputStream out) throws IOException {
        Locator locator = new Locator(repoRoot, contentParent);
        List<Finding> sorted = sorted(findings);
        JsonNodeFactory json = JsonNodeFactory.instance;

        Map<String, Integer> ruleIndex = new TreeMap<>();
        for (Finding f : sorted) ruleIndex.put(f.code(), 0);
        ArrayNode rules = json.arrayNode();
        int index = 0;
        for (String code : ruleIndex.keySet()) {
            ruleIndex.put(code, index++);
            rules.add(sarifRule(code));
        }

        ArrayNode results = json.arrayNode();
        List<String> fingerprints = fingerprints(sorted, locator);
        for (int i = 0; i < sorted.size(); i++) {
            Finding f = sorted.get(i);
            SourcePosition at = f.position();
            ObjectNode result = results.addObject();
            result.put("ruleId", f.code());
            result.put("ruleIndex", ruleIndex.get(f.code()));
            result.put("level", sarifLevel(f.severity()));
            result.putObject("message").put("text", f.message());
            ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
            ObjectNode artifact = physical.putObject("artifactLocation");
            String path = locator.path(at.file());
            if (locator.insideRepo(at.file())) {
                artifact.put("uri", uri(path));
                artifact.put("uriBaseId", "%SRCROOT%");
            } else {
                artifact.put("uri", locator.absolute(at.file()).toUri().toString());
            }
            if (at.line() > 0) {
                ObjectNode region = physical.putObject("region");
                region.put("startLine", at.line());
                if (at.column() > 0) region.put("startColumn", at.column());
            }
            result.putObject("partialFingerprints").put(FINGERPRINT_KEY, fingerprints.get(i));
        }

        write(sarifLog(version, rules, results, failure), out);
    }

    /**
     * A rule's metadata from the {@link FindingCatalog}: what the code means (short and full, in Chinese),
     * how to fix it (help, as text and Markdown), its level and the address of its entry in docs/findings.md.
     * Each result's message says the specifics. A code the catalog lacks (FindingCatalogTest keeps every
     * code the checks report in it) gets its code as its only description.
     */
    private static ObjectNode sarifRule(String code) {
        ObjectNode rule = JsonNodeFactory.instance.objectNode();
        rule.put("id", code);
        FindingCatalog.Rule described = FindingCatalog.builtIn().rule(code).orElse(null);
        if (described == null) {
            rule.putObject("shortDescription").put("text", code);
            return rule;
        }
        rule.putObject("shortDescription").put("text", described.shortDescription());
        rule.putObject("fullDescription").put("text", described.fullDescription());
        ObjectNode help = rule.putObject("help");
        help.put("text", FindingReference.helpText(described));
        help.put("markdown", FindingReference.helpMarkdown(described));
        rule.put("helpUri", FindingReference.helpUri(code));
        rule.putObject("defaultConfiguration").put("level", sarifLevel(described.severity()));
        return rule;
    }

    private static String sarifLevel(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /**
     * Each finding's fingerprint, in the order given (sorted): a hash of what the finding is about
     * (code, file, the text of its line, message) and not of the line number, so that a finding is
     * recognised when lines are inserted above it. The same finding on two identical lines of one
     * file is told apart by its order, as GitHub's own hashes do.
     */
    private static List<String> fingerprints(List<Finding> sorted, Locator locator) {
        Map<String, Integer> occurrences = new HashMap<>();
        List<String> fingerprints = new ArrayList<>();
        for (Finding f : sorted) {
            SourcePosition at = f.position();
            String hash = sha256(f.code() + "\u0000" + locator.path(at.file()) + "\u0000" + locator.lineText(at) + "\u0000" + f.message());
            int n = occurrences.merge(hash, 1, Integer::sum);
            fingerprints.add(hash + ":" + n);
        }
        return fingerprints;
    }

    /** Pretty JSON with explicit {@code "\n"} and spacing: Jackson's defaults follow the platform's line separator. */
    private static void write(JsonNode document, OutputStream out) throws IOException {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter).withArrayIndenter(indenter);
        ObjectMapper mapper = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        mapper.writer(printer).writeValue(out, document);
        out.write('\n');
        out.flush();
    }

    // ---------------------------------------------------------------- Code Climate

    /**
     * A Code Climate report as GitLab's Code Quality reads it (the merge request's widget): a JSON
     * array of issues with {@code description}, {@code check_name} (the finding's code), the SARIF
     * {@code fingerprint}, {@code severity} ({@code major}, {@code minor}, {@code info}) and
     * {@code location} (the path from the repository root and the line; 1 for a whole-file finding,
     * as GitLab requires a line).
     */
    public static void codeClimate(List<Finding> findings, Path repoRoot, Path contentParent, OutputStream out) throws IOException {
        Locator locator = new Locator(repoRoot, contentParent);
        List<Finding> sorted = sorted(findings);
        List<String> fingerprints = fingerprints(sorted, locator);
        ArrayNode issues = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < sorted.size(); i++) {
            Finding f = sorted.get(i);
            ObjectNode issue = issues.addObject();
            issue.put("description", f.message());
            issue.put("check_name", f.code());
            issue.put("fingerprint", fingerprints.get(i));
            issue.put("severity", switch (f.severity()) {
                case ERROR -> "major";
                case WARNING -> "minor";
                case INFO -> "info";
            });
            ObjectNode location = issue.putObject("location");
            location.put("path", locator.path(f.position().file()));
            location.putObject("lines").put("begin", Math.max(1, f.position().line()));
        }
        write(issues, out);
    }

    private static List<Finding> sorted(List<Finding> findings) {
        return findings.stream().sorted(Finding.ORDER).toList();
    }

    /** A relative URI reference for a path: each segment percent-encoded as RFC 3986 requires. */
    static String uri(String path) {
        StringBuilder b = new StringBuilder();
        for (byte x : path.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Turns finding paths into repository paths, and reads the lines findings point at. */
    private static final class Locator {
        private final Path repoRoot;
        private final Path contentParent;
        private final Map<String, List<String>> lines = new HashMap<>();

        Locator(Path repoRoot, Path contentParent) {
            this.repoRoot = repoRoot.toAbsolutePath().normalize();
            this.contentParent = contentParent.toAbsolutePath().normalize();
        }

        Path absolute(String file) {
            return contentParent.resolve(file).normalize();
        }

        boolean insideRepo(String file) {
            return absolute(file).startsWith(repoRoot);
        }

        /** Relative to the repository root with {@code /}; absolute when the file is outside it. */
        String path(String file) {
            Path p = absolute(file);
            Path shown = p.startsWith(repoRoot) ? repoRoot.relativize(p) : p;
            return shown.toString().replace('\\', '/');
        }

        /** The trimmed text of the finding's line; "" for a whole-file finding or a file that cannot be read. */
        String lineText(SourcePosition at) {
            if (at.line() <= 0) return "";
            List<String> fileLines = lines.computeIfAbsent(at.file(), this::read);
            return at.line() <= fileLines.size() ? fileLines.get(at.line() - 1).strip() : "";
        }

        private List<String> read(String file) {
            Path p = absolute(file);
            try {
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.size(p) > MAX_SOURCE_BYTES) return List.of();
                String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                if (text.startsWith("\uFEFF")) text = text.substring(1);
                return List.of(text.split("\r\n|\n|\r", -1));
            } catch (IOException e) {
                return List.of();
            }
        }
    }
}
