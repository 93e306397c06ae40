package jixiao.cli;

import jixiao.content.ContentLoader;
import jixiao.content.DirectorySource;
import jixiao.importer.ImportException;
import jixiao.importer.Importer;
import jixiao.score.RulesProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code jixiao import FILE… --year 2019 [--content DIR] [--unit ID]}: brings past years' 自评表 in from Word
 * documents and Excel workbooks, as one project file per form. Like {@code new}, it writes all or nothing and
 * never overwrites; a form that could not be read at all stops the whole import (exit 1) so that it can be run
 * again once the document is fixed.
 */
@Command(name = "import", description = {"从 Word/Excel 导入往年自评表。", "读取 Word 文档里的每一张“部门预算项目绩效自评表”（Excel 工作簿则每个工作表一张），",
        "写成 DIR/YEAR/UNIT/ID.yaml，表上的文字和数字按原样保留。",
        "已存在的文件从不覆盖：只要有一个文件已存在，就一个也不写。项目编号和单位编号可事后改名。"},
        footer = {"", "退出码：0 已导入；1 有表读不出、文件已存在或编号重复，未写入任何文件；2 用法错误。"})
final class ImportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "要导入的 .docx 或 .xlsx 文件。")
    List<String> files = new ArrayList<>();

    @Option(names = "--year", paramLabel = "YEAR", required = true, converter = Converters.Year.class, description = "这些表所属的年度（四位数字），必填。")
    int year;

    @Option(names = "--unit", paramLabel = "UNIT", converter = Converters.UnitId.class,
            description = "把所有表放进这个单位；不写时按表上的“填报部门”（没有则按“实施预算单位”）分组。")
    String unit;

    @Option(names = "--content", paramLabel = "DIR", converter = Converters.PathValue.class, description = "内容文件夹（默认 content）。")
    Path contentDir = Path.of("content");

    @Mixin
    HelpOption helpOption;

    private final Terminal terminal;

    ImportCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        PrintStream out = terminal.out();
        PrintStream err = terminal.err();
        Path content = contentDir.toAbsolutePath().normalize();
        RulesProfile profile = profile(content);

        List<Importer.Result> results = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String file : files) {
            try {
                Importer.Result result = Importer.read(Path.of(file), file, profile, unit);
                results.add(result);
                problems.addAll(result.problems().stream().map(p -> file + " " + p).toList());
                if (result.forms().isEmpty() && result.problems().isEmpty()) {
                    problems.add(file + "：没有找到“部门预算项目绩效自评表”（读了 " + result.tables() + " 张表格）："
                            + "表中应有“项目名称”和“一级指标”等栏目。");
                }
            } catch (ImportException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            for (String p : problems) err.print(p + "\n");
            err.print("未写入任何文件。\n");
            return ExitCode.FINDINGS;
        }

        ContentPlan plan = new ContentPlan(content, "import", out);
        List<ContentPlan.Planned> planned = new ArrayList<>();
        Map<String, String> projectFiles = new LinkedHashMap<>();
        Map<String, Importer.Unit> units = new LinkedHashMap<>();
        int y = year;
        try {
            for (Importer.Result result : results) {
                for (Importer.Unit u : result.units()) units.putIfAbsent(u.id(), u);
            }
            for (Importer.Unit u : units.values()) {
                for (ContentPlan.Planned p : plan.supporting(y, u.id(), u.name())) {
                    if (planned.stream().noneMatch(q -> q.relative().equals(p.relative()))) planned.add(withOrder(p, u));
                }
            }
            for (Importer.Result result : results) {
                for (Importer.Form f : result.forms()) {
                    String relative = y + "/" + f.unitId() + "/" + f.id() + ".yaml";
                    if (projectFiles.put(f.id(), relative) != null) {
                        plan.conflict("项目编号“" + f.id() + "”在导入的文件中出现了两次：请用 --unit 分开导入，或先改名。");
                    }
                    if (f.form().year() != null && f.form().year() != y) {
                        out.print("注意：" + f.form().where() + "（" + f.form().name() + "）的表头写的是 " + f.form().year()
                                + " 年度，按 --year 导入到 " + y + " 年度。\n");
                    }
                    planned.add(new ContentPlan.Planned(relative,
                            Skeletons.schemaLine(plan.schema(relative, "project")) + f.yaml()));
                }
            }
            plan.checkProjectIds(y, projectFiles);
            plan.write(planned);
        } catch (ContentPlan.Refused refused) {
            err.print(refused.getMessage() + "\n");
            return ExitCode.FINDINGS;
        } catch (IOException e) {
            err.print("导入失败：" + ContentPlan.describe(e) + "。本次没有留下任何新文件。\n");
            return ExitCode.FINDINGS;
        }
        int forms = results.stream().mapToInt(r -> r.forms().size()).sum();
        int notes = results.stream().mapToInt(Importer.Result::notes).sum();
        out.print("导入了 " + forms + " 张自评表，分属 " + units.size() + " 个单位；" + (notes == 0 ? "所有单元格都已放入。"
                : notes + " 处内容未能放入，已写在各文件开头的注释里，请对照原表核对。") + "\n");
        out.print("下一步：运行 jixiao check 检查导入的表；项目编号（文件名）和单位编号（文件夹名）可以改成更好记的名字。\n");
        String schemaNote = plan.schemaNote();
        if (schemaNote != null) out.print(schemaNote + "\n");
        return ExitCode.OK;
    }

    /** A unit.yaml the import adds takes the unit's order from the document, when it names one. */
    private static ContentPlan.Planned withOrder(ContentPlan.Planned p, Importer.Unit u) {
        if (u.order() == null || !p.relative().endsWith("/" + u.id() + "/unit.yaml")) return p;
        return new ContentPlan.Planned(p.relative(), p.text().replace("# order: 1\n", "order: " + u.order() + "\n"));
    }

    /** The site's rules, so that 一级/二级 captions are read with its labels; cn-2020 when there is no site yet. */
    private static RulesProfile profile(Path content) {
        if (Files.isRegularFile(content.resolve("site.yaml"), LinkOption.NOFOLLOW_LINKS)) {
            try {
                var site = ContentLoader.load(new DirectorySource(content)).content().site();
                if (site != null) return RulesProfile.resolve(site.rules(), f -> { });
            } catch (IOException | RuntimeException e) {
                // A content folder that does not load is no reason not to import: check reports it.
            }
        }
        return RulesProfile.builtIn(RulesProfile.CN_2020).orElseThrow();
    }
}
