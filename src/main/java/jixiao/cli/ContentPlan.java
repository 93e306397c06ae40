package jixiao.cli;

import jixiao.content.Content;
import jixiao.content.ContentLayout;
import jixiao.content.ContentLoader;
import jixiao.content.DirectorySource;
import jixiao.content.Report;
import jixiao.content.Year;

import jixiao.diagnostic.IoReason;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Files that {@code jixiao new} or {@code jixiao import} adds to a content folder, written all or nothing:
 * every file is planned first, and if any of them exists, lies behind a symbolic link, or would give a
 * project an id already used in its year, nothing is written at all; a write that fails removes what it wrote.
 * Whatever the folder around a new file still lacks to load (site.yaml, the year's report.yaml, the unit's
 * unit.yaml) is planned with it.
 */
final class ContentPlan {

    /** One file to write: its path relative to the content folder, and its text. */
    record Planned(String relative, String text) {
    }

    /** The plan cannot be written; the message lists every reason and says that nothing was written. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final Path content;
    private final String displayRoot;
    private final String command;
    private final PrintStream out;
    /** Why the plan cannot be written, besides files that exist; reported together with them. */
    private final List<String> conflicts = new ArrayList<>();

    /** @param command the command's word ({@code new}, {@code import}), for messages */
    ContentPlan(Path content, String command, PrintStream out) {
        this.content = content;
        this.displayRoot = new DirectorySource(content).displayRoot();
        this.command = command;
        this.out = out;
    }

    String displayRoot() {
        return displayRoot;
    }

    /** Notes a reason the plan cannot be written, reported with the others by {@link #write}. */
    void conflict(String message) {
        conflicts.add(message);
    }

    /** site.yaml, the year's report.yaml and the unit's unit.yaml, for those that do not exist yet. */
    List<Planned> supporting(int year, String unit, String unitName) throws IOException {
        List<Planned> plan = new ArrayList<>();
        if (!exists(ContentLayout.SITE_FILE)) plan.add(new Planned(ContentLayout.SITE_FILE, Skeletons.site(schema(ContentLayout.SITE_FILE, "site"))));
        String report = ContentLayout.reportFile(year);
        if (!exists(report)) plan.add(reportFor(year, report));
        if (unit != null) {
            String file = ContentLayout.unitFile(year, unit);
            if (!exists(file)) {
                plan.add(new Planned(file, Skeletons.unit(schema(file, "unit"), unit, unitName == null ? "请填写单位名称" : unitName)));
            }
        }
        return plan;
    }

    /** A new year's report.yaml: the title and department of the latest earlier year when there is one. */
    private Planned reportFor(int year, String file) throws IOException {
        String title = year + "年度绩效自评报告";
        String department = "";
        Optional<Report> earlier = Optional.empty();
        Content loaded = null;
        if (Files.isDirectory(content)) {
            loaded = ContentLoader.load(new DirectorySource(content)).content();
            earlier = loaded.years().stream()
                    .filter(y -> y.year() < year && exists(ContentLayout.reportFile(y.year())))
                    .max(Comparator.comparingInt(Year::year))
                    .map(Year::report);
        }
        if (earlier.isPresent()) {
            title = YearCopy.retitle(earlier.get().title(), earlier.get().period(), year);
            if (earlier.get().department() != null) department = earlier.get().department();
        } else if (loaded != null && exists(ContentLayout.SITE_FILE) && loaded.site().organisation() != null) {
            department = loaded.site().organisation();
        }
        return new Planned(file, Skeletons.report(schema(file, "report"), year, title, department));
    }

    /**
     * Ids are unique within a year across units: notes a conflict when a planned project id already has a
     * file in another unit of the year (a file at the planned path itself is caught by {@link #write}).
     */
    void checkProjectIds(int year, Map<String, String> planned) throws IOException {
        Path yearDir = content.resolve(String.valueOf(year));
        if (!Files.isDirectory(yearDir, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> units = Files.list(yearDir)) {
            for (Path unitDir : units.sorted().toList()) {
                if (!Files.isDirectory(unitDir, LinkOption.NOFOLLOW_LINKS)) continue;
                for (Map.Entry<String, String> e : planned.entrySet()) {
                    Path existing = unitDir.resolve(e.getKey() + ContentLayout.YAML);
                    String relative = relative(existing);
                    if (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS) || relative.equals(e.getValue())) continue;
                    conflicts.add("项目编号“" + e.getKey() + "”在 " + year + " 年度已被 " + display(relative)
                            + " 使用：同一年度内项目编号必须唯一，请换一个编号。");
                }
            }
        }
    }


    /** Writes every planned file, or none: refuses when any exists, removes what it wrote when a write fails. */
    void write(List<Planned> plan) throws Refused, IOException {
        List<String> problems = new ArrayList<>();
        for (Planned p : plan.stream().sorted(Comparator.comparing(Planned::relative)).toList()) {
            Path path = content.resolve(p.relative);
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                problems.add(display(p.relative) + " 已存在：jixiao " + command + " 从不覆盖已有文件。");
            } else {
                linkOnTheWay(p.relative).ifPresent(link -> problems.add(display(link)
                        + " 是符号链接：jixiao " + command + " 不经符号链接写入，以免写到内容文件夹之外。"));
            }
        }
        problems.addAll(conflicts);
        if (!problems.isEmpty()) throw new Refused(String.join("\n", problems) + "\n未写入任何文件。");

        List<Path> created = new ArrayList<>();
        try {
            for (Planned p : plan.stream().sorted(Comparator.comparing(Planned::relative)).toList()) {
                Path path = content.resolve(p.relative);
                createDirectories(path.getParent(), created);
                // CREATE_NEW: even a file that appeared since the check above is never overwritten. Once it is
                // created it is ours, so a write that fails halfway (a full disk) removes it with the rest.
                try (OutputStream file = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    created.add(path);
                    file.write(p.text.getBytes(StandardCharsets.UTF_8));
                }
                out.print("已创建 " + display(p.relative) + "\n");
            }
        } catch (IOException e) {
            for (int i = created.size() - 1; i >= 0; i--) {
                try {
                    Files.deleteIfExists(created.get(i));
                } catch (IOException left) {
                    e.addSuppressed(left);
                }
            }
            throw e;
        }
    }

    /** A failed write, for a message: where, and why in the system's terms. */
    static String describe(IOException e) {
        String where = e instanceof java.nio.file.FileSystemException fse && fse.getFile() != null ? "写入 " + fse.getFile() + " 时" : "";
        return where + IoReason.of(e);
    }

    /** Creates the missing folders of {@code dir}, recording them (parents first) so a failed run can remove them. */
    private static void createDirectories(Path dir, List<Path> created) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path d = dir; d != null && !Files.exists(d, LinkOption.NOFOLLOW_LINKS); d = d.getParent()) missing.add(0, d);
        for (Path d : missing) {
            Files.createDirectory(d);
            created.add(d);
        }
    }

    /** The first existing symbolic link between the content folder and the file, if any. */
    private Optional<String> linkOnTheWay(String relative) {
        String[] segments = relative.split("/");
        Path p = content;
        for (int i = 0; i < segments.length - 1; i++) {
            p = p.resolve(segments[i]);
            if (Files.isSymbolicLink(p)) return Optional.of(relative(p));
        }
        return Optional.empty();
    }


    boolean exists(String relative) {
        return Files.exists(content.resolve(relative), LinkOption.NOFOLLOW_LINKS);
    }

    private String relative(Path path) {
        return content.relativize(path).toString().replace('\\', '/');
    }

    /** How a file is named in messages, as in findings: {@code content/2021/labor/unit.yaml}. */
    String display(String relative) {
        return displayRoot + "/" + relative;
    }

    /**
     * The schema of {@code kind} as seen from the file, for its {@code # yaml-language-server} line: a
     * relative path, so the line resolves on every checkout. The schema folder is the nearest
     * {@code schema/} holding jixiao's schemas, looking from the content folder's parent upwards to
     * the repository root ({@code content/2021/unit/p.yaml} → {@code ../../../schema/project.schema.json}).
     * Null when there is none: a line to a missing file would make the editor report an error on every
     * new file, and override a mapping in the editor's settings; {@link #schemaNote()} says what to do.
     */
    String schema(String relative, String kind) {
        Path folder = schemaFolder();
        if (!schemaFolderFound) return null;
        Path schema = folder.resolve(kind + ".schema.json");
        return content.resolve(relative).getParent().relativize(schema).toString().replace('\\', '/');
    }

    private Path schemaFolder;
    private boolean schemaFolderFound;

    private Path schemaFolder() {
        if (schemaFolder != null) return schemaFolder;
        Path beside = content.getParent() == null ? content : content.getParent();
        for (Path dir = beside; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("schema").resolve("project.schema.json"))) {
                schemaFolderFound = true;
                return schemaFolder = dir.resolve("schema");
            }
            if (Files.exists(dir.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) break;
        }
        return schemaFolder = beside.resolve("schema");
    }

    /**
     * What to tell the editor when the files' schema lines point at a schema folder that does not exist
     * yet (they resolve once it is written); null when they resolve now or no file got such a line.
     */
    String schemaNote() {
        if (schemaFolder == null || schemaFolderFound) return null;
        Path here = Path.of("").toAbsolutePath();
        String folder = shownFrom(here, schemaFolder);
        String contentFolder = shownFrom(here, content);
        return "注意：没有找到 schema 文件夹，新文件没有写 yaml-language-server 注释行。运行 jixiao schema --out " + folder
                + " --content " + contentFolder + " 生成 schema 和 VS Code 的设置后，编辑器即可按格式检查这些文件。";
    }

    private static String shownFrom(Path here, Path path) {
        String shown = path.startsWith(here) ? here.relativize(path).toString() : path.toString();
        return shown.isEmpty() ? "." : shown;
    }

}
