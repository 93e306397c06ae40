package jixiao.content;

import jixiao.diagnostic.IoReason;
import jixiao.diagnostic.Finding;
import jixiao.diagnostic.SourcePosition;
import jixiao.parallel.Parallel;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Loads a content tree (format v1) into records. Every structural problem is collected as a
 * located finding; loading never stops at the first one, so an editor sees them all at once.
 * What can still be loaded is returned even when there are errors (a build refuses to run on
 * errors, a check reports them).
 */
public final class ContentLoader {

    /** The finding of a file that could not be read; see {@code CheckResult.unreadable()}. */
    public static final String READ_FAILED = "read-failed";
    public static final List<String> MONEY_UNITS = List.of("元", "万元", "亿元");

    private static final Set<String> SITE_KEYS = Set.of("title", "organisation", "base_url", "money_unit", "rules", "public", "publisher");
    private static final Set<String> PUBLISHER_KEYS = Set.of("name", "index_number", "contact", "published", "updated", "licence", "licence_url");
    private static final Set<String> PUBLIC_KEYS = Set.of("show_contacts");
    private static final Set<String> REPORT_KEYS = Set.of("title", "department", "period", "published");
    private static final Set<String> UNIT_KEYS = Set.of("name", "order");
    private static final Set<String> PROJECT_KEYS = Set.of("name", "implementing_unit", "filing_department", "order",
            "money_unit", "status", "budget", "goals", "indicators", "stated", "problems", "contact", "internal");
    private static final Set<String> BUDGET_KEYS = Set.of("planned", "received", "executed");
    private static final Set<String> AMOUNT_KEYS = Set.of("total", "fiscal", "other");
    private static final Set<String> GOAL_KEYS = Set.of("expected", "achieved");
    private static final Set<String> INDICATOR_KEYS = Set.of("name", "definition", "target", "actual", "weight",
            "score", "judgement", "deviation");
    private static final Set<String> STATED_KEYS = Set.of("execution_rate", "completion", "execution_score",
            "execution_row", "total", "grade");
    private static final Set<String> EXECUTION_ROW_KEYS = Set.of("name", "target", "actual");
    private static final Set<String> CONTACT_KEYS = Set.of("name", "phone");

    /** What loading gave: the content (partial when there are errors) and every finding, in report order. */
    public record Result(Content content, List<Finding> findings) {
        public Result {
            findings = findings.stream().sorted(Finding.ORDER).toList();
        }

        public boolean hasErrors() {
            return findings.stream().anyMatch(f -> f.severity() == jixiao.diagnostic.Severity.ERROR);
        }
    }

    private final ContentSource source;
    private final boolean parallel;
    private final YamlMemo memo;
    private final YamlReader yaml = new YamlReader();
    private final SharedStrings names = new SharedStrings();
    private final List<Finding> findings = new ArrayList<>();

    private ContentLoader(ContentSource source, boolean parallel, YamlMemo memo) {
        this.source = source;
        this.parallel = parallel;
        this.memo = memo;
    }

    public static Result load(ContentSource source) throws IOException {
        return load(source, true);
    }

    /**
     * Loads on all cores when {@code parallel} (every project file of the tree at once), else on the
     * calling thread only. The result is the same either way.
     */
    public static Result load(ContentSource source, boolean parallel) throws IOException {
        return load(source, parallel, YamlMemo.NONE);
    }

    /** {@link #load(ContentSource, boolean)}, taking each YAML file's tree from {@code memo} when it holds it. */
    public static Result load(ContentSource source, boolean parallel, YamlMemo memo) throws IOException {
        return new ContentLoader(source, parallel, memo).load();
    }

    /**
     * One project file read again, without reading the rest of the tree: what a preview needs after an
     * editor saved it. {@code project} is empty when the file cannot be read as a project (then
     * {@code findings} say why, as a full load would).
     *
     * @param file          the project file as shown in messages ({@code content/2020/unit/id.yaml})
     * @param narrativeFile its narrative as shown in messages, or null when it has none
     * @param findings      every finding a full load reports in the project file and its narrative
     *                      (not those that compare it with other files, such as duplicate ids)
     */
    public record Reloaded(int year, String unitId, String id, String file, String narrativeFile,
                           Optional<Project> project, List<Finding> findings) {
        public Reloaded {
            findings = findings.stream().sorted(Finding.ORDER).toList();
        }

        /** {@code content} with this project in place of the one it had (or without it), its unit in listing order. */
        public Content applyTo(Content content) {
            List<Year> years = new ArrayList<>();
            for (Year y : content.years()) {
                if (y.year() != year) {
                    years.add(y);
                    continue;
                }
                List<Unit> units = new ArrayList<>();
                for (Unit u : y.units()) {
                    if (!u.id().equals(unitId)) {
                        units.add(u);
                        continue;
                    }
                    List<Project> projects = new ArrayList<>(u.projects().stream().filter(p -> !p.id().equals(id)).toList());
                    project.ifPresent(projects::add);
                    projects.sort(LISTING_ORDER);
                    units.add(new Unit(u.year(), u.id(), u.name(), u.order(), u.narrative(), projects, u.sources()));
                }
                years.add(new Year(y.year(), y.report(), units));
            }
            return new Content(content.site(), years);
        }
    }

    /**
     * Reads one project file (and its narrative) again, as {@link #load} reads it within the tree.
     *
     * @param path          the project file, relative to the content folder: {@code 2020/unit/id.yaml}
     * @param narrativePath its narrative ({@code 2020/unit/id.md}) when that file exists, else null
     * @param site          the site the project belongs to (for the default money unit)
     * @throws IllegalArgumentException when {@code path} is not where a project file can be
     */
    public static Reloaded reloadProject(ContentSource source, Site site, String path, String narrativePath) {
        ContentLayout.ProjectPath at = ContentLayout.projectFile(path)
                .orElseThrow(() -> new IllegalArgumentException("not a project file: " + path));
        ContentLoader loader = new ContentLoader(source, false, YamlMemo.NONE);
        Optional<Project> project = loader.loadProject(new ProjectFile(at.year(), at.unitId(),
                ContentLayout.unitFolder(at.year(), at.unitId()), at.id() + ContentLayout.YAML, narrativePath, site));
        return new Reloaded(at.year(), at.unitId(), at.id(), source.display(path),
                narrativePath == null ? null : source.display(narrativePath), project, loader.findings);
    }

    /** Projects in a unit, as {@link #load} sorts them: by order when they have one (those without come last), then by id. */
    private static final Comparator<Project> LISTING_ORDER = Comparator.comparing((Project p) -> p.order() == null ? 1 : 0)
            .thenComparing(p -> p.order() == null ? 0 : p.order())
            .thenComparing(Project::id);

    private synchronized void report(Finding finding) {
        findings.add(finding);
    }

    private Result load() throws IOException {
        ContentSource.Listing listing = source.listing();
        List<String> files = listing.files();
        for (ContentSource.Skipped skipped : listing.skipped()) skipped(skipped);
        Site site = null;
        Map<String, List<String>> yearFiles = new TreeMap<>();
        for (String file : files) {
            int slash = file.indexOf('/');
            if (slash < 0) {
                if (file.equals(ContentLayout.SITE_FILE)) site = loadSite(file);
                else unexpected(file, "内容文件夹顶层只应有 site.yaml 和年度文件夹");
                continue;
            }
            String year = file.substring(0, slash);
            if (!ContentLayout.isYear(year)) {
                if (!yearFiles.containsKey("!" + year)) {
                    yearFiles.put("!" + year, List.of());
                    report(Finding.error("bad-year-folder", SourcePosition.ofFile(source.display(year)),
                            "“" + year + "”不是年度文件夹：年度文件夹名须为四位数字（如 2020），请改名或移出内容文件夹。"));
                }
                continue;
            }
            yearFiles.computeIfAbsent(year, y -> new ArrayList<>()).add(file.substring(slash + 1));
        }
        if (site == null) {
            if (!files.contains(ContentLayout.SITE_FILE)) {
                report(Finding.error("missing-file", SourcePosition.ofFile(source.display(ContentLayout.SITE_FILE)),
                        "缺少 site.yaml：请在内容文件夹顶层创建它（至少写 title）。"));
            }
            site = defaultSite();
        }
        List<PendingYear> pending = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : yearFiles.entrySet()) {
            if (e.getKey().startsWith("!")) continue;
            pending.add(loadYear(Integer.parseInt(e.getKey()), e.getValue(), site));
        }
        // Project files are independent of each other: read those of every year and unit at once,
        // on all cores, and hand each unit its own in file order.
        List<ProjectFile> projectFiles = new ArrayList<>();
        for (PendingYear y : pending) for (PendingUnit u : y.units()) projectFiles.addAll(u.files());
        List<Optional<Project>> loaded = parallel ? Parallel.map(projectFiles, 8, this::loadProject)
                : projectFiles.stream().map(this::loadProject).toList();
        List<Year> years = new ArrayList<>();
        int next = 0;
        for (PendingYear y : pending) {
            List<Unit> units = new ArrayList<>();
            for (PendingUnit u : y.units()) {
                List<Optional<Project>> mine = loaded.subList(next, next + u.files().size());
                next += u.files().size();
                units.add(u.finish(mine));
            }
            years.add(y.finish(units));
        }
        return new Result(new Content(site, years), findings);
    }

    /** A project file to read, with what reading it needs. */
    private record ProjectFile(int year, String unitId, String prefix, String file, String narrativePath, Site site) {
    }

    /** A unit whose own files are read, waiting for its projects. */
    private record PendingUnit(int year, String unitId, String name, Integer order, Narrative narrative,
                               SourceMap sources, List<ProjectFile> files) {

        Unit finish(List<Optional<Project>> loaded) {
            List<Project> projects = new ArrayList<>(loaded.size());
            for (Optional<Project> p : loaded) p.ifPresent(projects::add);
            projects.sort(Comparator.comparing((Project p) -> p.order() == null ? 1 : 0)
                    .thenComparing(p -> p.order() == null ? 0 : p.order())
                    .thenComparing(Project::id));
            return new Unit(year, unitId, name == null ? unitId : name, order, narrative, projects, sources);
        }
    }

    /** A year whose own files are read, waiting for its units' projects. */
    private final class PendingYear {
        private final int year;
        private final Report report;
        private final List<PendingUnit> units;

        PendingYear(int year, Report report, List<PendingUnit> units) {
            this.year = year;
            this.report = report;
            this.units = units;
        }

        List<PendingUnit> units() {
            return units;
        }

        Year finish(List<Unit> loaded) {
            List<Unit> sorted = new ArrayList<>(loaded);
            checkUniqueProjectIds(sorted);
            sorted.sort(Comparator.comparing((Unit u) -> u.order() == null ? 1 : 0)
                    .thenComparing(u -> u.order() == null ? 0 : u.order())
                    .thenComparing(Unit::id));
            return new Year(year, report, sorted);
        }
    }

    /** An entry of the content folder that was not read: the editor hears what and why, it never just vanishes. */
    private void skipped(ContentSource.Skipped skipped) {
        SourcePosition at = SourcePosition.ofFile(source.display(skipped.path()));
        switch (skipped.kind()) {
            case LINK -> report(Finding.warning("skipped-link", at,
                    "这是符号链接，没有读取：jixiao 不跟随链接，以免读入或公开内容文件夹以外的文件。"
                            + "请把它指向的文件或文件夹本身复制到这里，再删除链接。"));
            case SPECIAL -> report(Finding.warning("skipped-special-file", at,
                    "这不是普通文件（而是命名管道、套接字或设备），没有读取：请删除它，或换成普通文件。"));
            case FOLDER_NAMED_LIKE_FILE -> report(Finding.warning("skipped-folder", at,
                    "这是文件夹，名字却像内容文件，没有读取其中任何文件：请把它改名（去掉扩展名），或换成同名的文件。"));
        }
    }

    private void unexpected(String file, String why) {
        report(Finding.warning("unexpected-file", SourcePosition.ofFile(source.display(file)),
                "不认识的文件，已忽略：" + why + "。请移走或按内容格式改名。"));
    }

    private Site defaultSite() {
        String file = source.display(ContentLayout.SITE_FILE);
        return new Site("预算绩效公开", null, "/", "万元",
                new YamlNode.Scalar("cn-2020", YamlNode.ScalarKind.STRING, true, null, SourcePosition.ofFile(file)),
                false, Publisher.NONE, SourceMap.empty(file));
    }

    /**
     * Parses one YAML file, shown as {@code display}; empty after reporting when it cannot be read. A tree the memo
     * holds for the same bytes is taken as it is; a parse that reported nothing is given to the memo.
     */
    private Optional<YamlNode> parse(String path, String display, Problems problems) {
        try {
            byte[] bytes = source.read(path);
            Optional<YamlNode> known = memo.known(display, bytes);
            if (known.isPresent()) return known;
            boolean[] reported = {false};
            Optional<YamlNode> tree = yaml.read(bytes, display, finding -> {
                reported[0] = true;
                problems.report(finding);
            });
            if (tree.isPresent() && !reported[0]) memo.parsed(display, bytes, tree.get());
            return tree;
        } catch (IOException e) {
            readFailed(path, e, problems);
            return Optional.empty();
        }
    }

    private Narrative narrative(String path, Problems problems) {
        try {
            return YamlReader.decode(source.read(path), source.display(path), problems)
                    .map(text -> new Narrative(text, source.display(path)))
                    .orElse(null);
        } catch (IOException e) {
            readFailed(path, e, problems);
            return null;
        }
    }

    private void readFailed(String path, IOException e, Problems problems) {
        problems.report(Finding.error(READ_FAILED, SourcePosition.ofFile(source.display(path)),
                "无法读取文件：" + IoReason.of(e) + "。请检查文件权限。"));
    }

    private Site loadSite(String path) {
        Fields.FileContext ctx = new Fields.FileContext(source.display(path), this::report, names);
        Site fallback = defaultSite();
        Optional<Fields> maybe = parse(path, ctx.file(), this::report).flatMap(root -> Fields.of(root, "", ctx, SITE_KEYS));
        if (maybe.isEmpty()) return fallback;
        Fields f = maybe.get();
        String title = f.text("title", true, "网站标题");
        String organisation = f.text("organisation", false, "单位名称");
        String baseUrl = Optional.ofNullable(f.text("base_url", false, "链接前缀")).orElse("/");
        String moneyUnit = Optional.ofNullable(f.choice("money_unit", MONEY_UNITS, "金额单位")).orElse("万元");
        YamlNode rules = f.node("rules").orElse(fallback.rules());
        boolean showContacts = false;
        Optional<YamlNode> publicNode = f.node("public");
        if (publicNode.isPresent()) {
            Optional<Fields> pub = Fields.of(publicNode.get(), "public", ctx, PUBLIC_KEYS);
            if (pub.isPresent()) showContacts = Boolean.TRUE.equals(pub.get().bool("show_contacts"));
        }
        Publisher publisher = f.node("publisher").map(n -> loadPublisher(n, ctx)).orElse(Publisher.NONE);
        return new Site(title == null ? fallback.title() : title, organisation, baseUrl, moneyUnit, rules,
                showContacts, publisher, ctx.sourceMap());
    }

    private Publisher loadPublisher(YamlNode node, Fields.FileContext ctx) {
        Optional<Fields> maybe = Fields.of(node, "publisher", ctx, PUBLISHER_KEYS);
        if (maybe.isEmpty()) return Publisher.NONE;
        Fields f = maybe.get();
        Map<Integer, LocalDate> published = new TreeMap<>();
        Optional<YamlNode> dates = f.node("published");
        if (dates.isPresent()) {
            if (dates.get() instanceof YamlNode.Mapping m) {
                for (YamlNode.Entry e : m.entries()) {
                    if (!e.key().matches("[0-9]{4}")) {
                        report(Finding.error("bad-year", e.keyPosition(),
                                "publisher.published 的键“" + e.key() + "”不是四位数字的年度：请写成 2020: 2021-06-30。"));
                        continue;
                    }
                    LocalDate d = date(e.value(), "publisher.published." + e.key());
                    if (d != null) published.put(Integer.parseInt(e.key()), d);
                }
            } else {
                ctx.wrongType(dates.get(), "publisher.published", "键值对（映射），每个年度一行，如 2020: 2021-06-30");
            }
        }
        LocalDate updated = f.node("updated").map(n -> date(n, "publisher.updated")).orElse(null);
        return Publisher.of(f.text("name", false, "发布机构"), f.text("index_number", false, "索引号"),
                f.text("contact", false, "联系方式"), published, updated,
                f.text("licence", false, "数据许可"), f.text("licence_url", false, "许可文本链接"));
    }

    /** A YYYY-MM-DD date, or null after reporting why it is not one. */
    private LocalDate date(YamlNode node, String key) {
        String text = node instanceof YamlNode.Scalar s ? s.text().strip() : "";
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            report(Finding.error("bad-date", node.position(),
                    key + " 的值“" + text + "”不是有效日期：请写成 YYYY-MM-DD，如 2021-03-31。"));
            return null;
        }
    }

    private PendingYear loadYear(int year, List<String> files, Site site) {
        String prefix = ContentLayout.yearFolder(year);
        Report report = null;
        String reportMd = null;
        Map<String, List<String>> unitFiles = new TreeMap<>();
        for (String file : files) {
            int slash = file.indexOf('/');
            if (slash < 0) {
                switch (file) {
                    case ContentLayout.REPORT_FILE -> report = loadReport(year, prefix + file);
                    case ContentLayout.REPORT_NARRATIVE -> reportMd = prefix + file;
                    default -> unexpected(prefix + file, "年度文件夹中只应有 report.yaml、report.md 和单位文件夹；项目文件应放在单位文件夹里");
                }
                continue;
            }
            unitFiles.computeIfAbsent(file.substring(0, slash), u -> new ArrayList<>()).add(file.substring(slash + 1));
        }
        if (report == null) {
            report(Finding.error("missing-file", SourcePosition.ofFile(source.display(ContentLayout.reportFile(year))),
                    "缺少 " + ContentLayout.reportFile(year) + "：每个年度文件夹都需要它（至少写 title）。"));
            report = new Report(year + "年度绩效自评报告", null, year, null, null,
                    SourceMap.empty(source.display(ContentLayout.reportFile(year))));
        }
        if (reportMd != null) {
            report = new Report(report.title(), report.department(), report.period(), report.published(),
                    narrative(reportMd, this::report), report.sources());
        }
        List<PendingUnit> units = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : unitFiles.entrySet()) {
            String unitId = e.getKey();
            if (!ContentLayout.isId(unitId)) {
                report(Finding.error("bad-id", SourcePosition.ofFile(source.display(prefix + unitId)),
                        "单位文件夹名“" + unitId + "”不是合法编号：只能用小写字母、数字和连字符，以字母或数字开头，最长 64 个字符。"));
                continue;
            }
            units.add(loadUnit(year, unitId, e.getValue(), site));
        }
        return new PendingYear(year, report, units);
    }

    private void checkUniqueProjectIds(List<Unit> units) {
        Map<String, Project> seen = new LinkedHashMap<>();
        for (Unit unit : units) {
            for (Project p : unit.projects()) {
                Project first = seen.putIfAbsent(p.id(), p);
                if (first != null) {
                    report(Finding.error("duplicate-project-id", SourcePosition.ofFile(p.file()),
                            "项目编号“" + p.id() + "”在 " + p.year() + " 年度重复（" + first.file()
                                    + " 已使用）：同一年度内项目编号必须唯一，请给其中一个改名。"));
                }
            }
        }
    }

    private Report loadReport(int year, String path) {
        Fields.FileContext ctx = new Fields.FileContext(source.display(path), this::report, names);
        Optional<Fields> maybe = parse(path, ctx.file(), this::report).flatMap(root -> Fields.of(root, "", ctx, REPORT_KEYS));
        if (maybe.isEmpty()) return new Report(year + "年度绩效自评报告", null, year, null, null, ctx.sourceMap());
        Fields f = maybe.get();
        String title = f.text("title", true, "报告标题");
        String department = f.text("department", false, "部门");
        if (!f.has("period")) {
            report(Finding.error("missing-field", f.position(), "缺少必填项“period”（年度）：请写 period: " + year + "。"));
        }
        Integer period = f.integer("period", "四位数字的年度");
        if (period != null && period != year) {
            report(Finding.error("period-mismatch", f.node("period").get().position(),
                    "period 为 " + period + "，与年度文件夹 " + year + " 不一致：请改为 " + year + " 或把文件移到对应的年度文件夹。"));
        }
        LocalDate published = null;
        String date = f.text("published", false, "发布日期");
        if (date != null) {
            try {
                published = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                report(Finding.error("bad-date", f.node("published").get().position(),
                        "published 的值“" + date + "”不是有效日期：请写成 YYYY-MM-DD，如 2021-03-31。"));
            }
        }
        return new Report(title == null ? year + "年度绩效自评报告" : title, department, year, published, null, ctx.sourceMap());
    }

    private PendingUnit loadUnit(int year, String unitId, List<String> files, Site site) {
        String prefix = ContentLayout.unitFolder(year, unitId);
        String name = null;
        Integer order = null;
        Narrative narrative = null;
        SourceMap sources = SourceMap.empty(source.display(ContentLayout.unitFile(year, unitId)));
        List<String> projectFiles = new ArrayList<>();
        Map<String, String> narratives = new TreeMap<>();
        boolean hasUnitYaml = false;
        for (String file : files) {
            String path = prefix + file;
            if (file.contains("/")) {
                unexpected(path, "单位文件夹里不应再有子文件夹");
            } else if (file.equals(ContentLayout.UNIT_FILE)) {
                hasUnitYaml = true;
                Fields.FileContext ctx = new Fields.FileContext(source.display(path), this::report, names);
                Optional<Fields> f = parse(path, ctx.file(), this::report).flatMap(root -> Fields.of(root, "", ctx, UNIT_KEYS));
                if (f.isPresent()) {
                    name = f.get().text("name", true, "单位名称");
                    order = f.get().integer("order", "整数排序号");
                }
                sources = ctx.sourceMap();
            } else if (file.equals(ContentLayout.UNIT_NARRATIVE)) {
                narrative = narrative(path, this::report);
            } else if (ContentLayout.isProjectFileName(file)) {
                projectFiles.add(file);
            } else if (ContentLayout.isProjectNarrativeName(file)) {
                narratives.put(ContentLayout.stem(file), path);
            } else if (file.endsWith(".yml")) {
                report(Finding.error("bad-extension", SourcePosition.ofFile(source.display(path)),
                        "项目文件须以 .yaml 结尾：请把 " + file + " 改名为 " + file.substring(0, file.length() - 4) + ".yaml。"));
            } else {
                unexpected(path, "单位文件夹中只应有 unit.yaml、unit.md 以及项目的 .yaml 和 .md 文件");
            }
        }
        if (!hasUnitYaml) {
            report(Finding.error("missing-file", SourcePosition.ofFile(source.display(ContentLayout.unitFile(year, unitId))),
                    "缺少 " + ContentLayout.unitFile(year, unitId) + "：每个单位文件夹都需要它（至少写 name）。"));
        }
        Set<String> projectFileSet = new HashSet<>(projectFiles);
        for (String stem : narratives.keySet()) {
            if (!projectFileSet.contains(stem + ContentLayout.YAML)) {
                unexpected(narratives.get(stem), "没有同名的项目文件 " + stem + ContentLayout.YAML + " 与这篇说明对应");
            }
        }
        List<ProjectFile> jobs = new ArrayList<>(projectFiles.size());
        for (String file : projectFiles) {
            jobs.add(new ProjectFile(year, unitId, prefix, file, narratives.get(ContentLayout.stem(file)), site));
        }
        return new PendingUnit(year, unitId, name, order, narrative, sources, jobs);
    }

    private Optional<Project> loadProject(ProjectFile job) {
        int year = job.year();
        String unitId = job.unitId();
        String file = job.file();
        String narrativePath = job.narrativePath();
        Site site = job.site();
        String path = job.prefix() + file;
        String id = ContentLayout.stem(file);
        List<Finding> local = new ArrayList<>();
        Problems problems = local::add;
        try {
            if (!ContentLayout.isId(id)) {
                problems.report(Finding.error("bad-id", SourcePosition.ofFile(source.display(path)),
                        "项目文件名“" + id + "”不是合法编号：只能用小写字母、数字和连字符，以字母或数字开头，最长 64 个字符。请改名。"));
                return Optional.empty();
            }
            if (ContentLayout.isReservedProjectId(id)) {
                problems.report(Finding.error("reserved-id", SourcePosition.ofFile(source.display(path)),
                        "“" + id + "”是保留名称，不能用作项目编号：请给项目文件改名。"));
                return Optional.empty();
            }
            Fields.FileContext ctx = new Fields.FileContext(source.display(path), problems, names);
            Optional<Fields> maybe = parse(path, ctx.file(), problems).flatMap(root -> Fields.of(root, "", ctx, PROJECT_KEYS));
            if (maybe.isEmpty()) return Optional.empty();
            Narrative narrative = narrativePath == null ? null : narrative(narrativePath, problems);
            return Optional.of(new ProjectReader(ctx, maybe.get()).read(year, unitId, id, site, narrative));
        } finally {
            synchronized (this) {
                findings.addAll(local);
            }
        }
    }

    /** Reads the keys of one project file. */
    private record ProjectReader(Fields.FileContext ctx, Fields root) {

        Project read(int year, String unitId, String id, Site site, Narrative narrative) {
            String name = root.text("name", true, "项目名称");
            String implementingUnit = root.text("implementing_unit", false, "实施预算单位");
            String filingDepartment = root.text("filing_department", false, "填报部门");
            Integer order = root.integer("order", "整数排序号");
            String moneyUnit = Optional.ofNullable(root.choice("money_unit", MONEY_UNITS, "金额单位")).orElse(site.moneyUnit());
            String statusText = root.choice("status", List.of("final", "draft"), "状态");
            Status status = "draft".equals(statusText) ? Status.DRAFT : Status.FINAL;
            Budget budget = budget();
            List<Goal> goals = goals();
            List<Indicator> indicators = indicators();
            Stated stated = stated();
            String problems = root.text("problems", false, "存在问题及整改措施");
            Contact contact = root.node("contact")
                    .flatMap(n -> Fields.of(n, "contact", ctx, CONTACT_KEYS))
                    .map(c -> new Contact(c.text("name", false, "填报人"), c.text("phone", false, "联系电话")))
                    .orElse(null);
            String internal = root.text("internal", false, "内部备注");
            return new Project(year, unitId, id, name == null ? id : name, implementingUnit, filingDepartment, order,
                    moneyUnit, status, budget, goals, indicators, stated, problems, contact, internal, narrative,
                    ctx.sourceMap());
        }

        private Budget budget() {
            AmountSet empty = new AmountSet(BigDecimal.ZERO, null, null);
            Optional<Fields> b = root.node("budget").flatMap(n -> Fields.of(n, "budget", ctx, BUDGET_KEYS));
            if (root.node("budget").isEmpty()) {
                ctx.problems().report(Finding.error("missing-field", root.position(),
                        "缺少必填项“budget”（预算执行情况：planned、received、executed 三行）：请补上。"));
            }
            if (b.isEmpty()) return new Budget(empty, empty, empty);
            return new Budget(amounts(b.get(), "planned", "预算数"), amounts(b.get(), "received", "到位数"),
                    amounts(b.get(), "executed", "执行数"));
        }

        private AmountSet amounts(Fields budget, String key, String label) {
            Optional<YamlNode> node = budget.node(key);
            if (node.isEmpty()) {
                ctx.problems().report(Finding.error("missing-field", budget.position(),
                        "缺少必填项“budget." + key + "”（" + label + "）：请补上，如 { total: 5, fiscal: 5 }。"));
                return new AmountSet(BigDecimal.ZERO, null, null);
            }
            Optional<Fields> f = Fields.of(node.get(), budget.child(key), ctx, AMOUNT_KEYS);
            if (f.isEmpty()) return new AmountSet(BigDecimal.ZERO, null, null);
            BigDecimal total = f.get().amount("total", true, label + "合计");
            return new AmountSet(total == null ? BigDecimal.ZERO : total,
                    f.get().amount("fiscal", false, "其中：财政资金"), f.get().amount("other", false, "其他资金"));
        }

        private List<Goal> goals() {
            List<Goal> goals = new ArrayList<>();
            List<YamlNode> items = root.sequence("goals").orElse(List.of());
            for (int i = 0; i < items.size(); i++) {
                Fields.of(items.get(i), ctx.names().item("goals", i), ctx, GOAL_KEYS).ifPresent(g -> goals.add(
                        new Goal(g.text("expected", false, "年度预期目标"), g.text("achieved", false, "具体完成情况"))));
            }
            return goals;
        }

        private List<Indicator> indicators() {
            List<Indicator> indicators = new ArrayList<>();
            Optional<Fields> levels1 = root.node("indicators").flatMap(n -> Fields.of(n, "indicators", ctx, null));
            if (levels1.isEmpty()) return indicators;
            for (YamlNode.Entry e1 : levels1.get().entries()) {
                String path1 = ctx.names().child("indicators", e1.key());
                if (e1.value() instanceof YamlNode.Scalar s && s.isNull()) continue;
                Optional<Fields> levels2 = Fields.of(e1.value(), path1, ctx, null);
                if (levels2.isEmpty()) continue;
                for (YamlNode.Entry e2 : levels2.get().entries()) {
                    String path2 = ctx.names().child(path1, e2.key());
                    if (e2.value() instanceof YamlNode.Scalar s && s.isNull()) continue;
                    if (!(e2.value() instanceof YamlNode.Sequence rows)) {
                        ctx.wrongType(e2.value(), path2, "指标列表（每个三级指标以“- name: …”开头）");
                        continue;
                    }
                    for (int i = 0; i < rows.items().size(); i++) {
                        String path = ctx.names().item(path2, i);
                        Optional<Fields> f = Fields.of(rows.items().get(i), path, ctx, INDICATOR_KEYS);
                        if (f.isEmpty()) continue;
                        indicators.add(indicator(f.get(), ctx.names().word(e1.key()), ctx.names().word(e2.key()), path));
                    }
                }
            }
            return indicators;
        }

        private Indicator indicator(Fields f, String level1, String level2, String path) {
            String judgementText = f.choice("judgement", List.of("achieved", "partial", "missed"), "判断");
            return new Indicator(level1, level2,
                    Optional.ofNullable(f.text("name", true, "三级指标名称")).orElse(""),
                    f.text("definition", false, "指标解释"),
                    f.value("target", "预期指标值"),
                    f.value("actual", "实际完成值"),
                    f.weight("weight", "分值"),
                    f.figure("score"),
                    judgementText == null ? null : Judgement.fromKey(judgementText).orElse(null),
                    f.text("deviation", false, "偏差原因分析及改进措施"),
                    path);
        }

        private Stated stated() {
            Optional<Fields> s = root.node("stated").flatMap(n -> Fields.of(n, "stated", ctx, STATED_KEYS));
            if (s.isEmpty()) return Stated.NONE;
            Fields f = s.get();
            ExecutionRow row = f.node("execution_row")
                    .flatMap(n -> Fields.of(n, "stated.execution_row", ctx, EXECUTION_ROW_KEYS))
                    .map(r -> new ExecutionRow(r.text("name", false, "三级指标"), r.value("target", "预期指标值"),
                            r.value("actual", "实际完成值")))
                    .orElse(null);
            return new Stated(f.figure("execution_rate"), f.figure("completion"), f.figure("execution_score"), row,
                    f.figure("total"), f.figure("grade"));
        }
    }
}
