package jixiao.content;

import jixiao.diagnostic.Finding;
import jixiao.testing.ContentFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentLoaderTest {

    @TempDir
    Path tmp;

    private ContentLoader.Result loadBase() throws IOException {
        return ContentLoader.load(new DirectorySource(ContentFixture.copy("loader/base", tmp).resolve("content")));
    }

    /** Loads the base tree with one more project file, {@code loader/projects/<name>.yaml}, as 2020/unit-a/case.yaml. */
    private List<String> findingsWithProject(String name) throws IOException {
        ContentFixture.copy("loader/base", tmp);
        Files.copy(ContentFixture.resource("loader/projects/" + name + ".yaml"), tmp.resolve("content/2020/unit-a/case.yaml"));
        return ContentLoader.load(new DirectorySource(tmp.resolve("content"))).findings().stream()
                .map(Finding::toCompilerLine).toList();
    }

    @Test
    void validTreeLoadsWithoutFindings() throws IOException {
        ContentLoader.Result result = loadBase();
        assertEquals(List.of(), result.findings());
        Project p = result.content().years().get(0).units().get(0).projects().get(0);
        assertEquals("good", p.id());
        assertEquals(new BigDecimal("4.9745"), p.budget().executed().total());
        assertEquals("100.00", p.indicators().get(0).actual(), "text keeps the characters typed");
        assertEquals("03155776425", p.contact().phone());
        assertEquals("99%", p.stated().executionRate());
        assertEquals("99.95", p.stated().total());
        assertEquals("万元", p.moneyUnit(), "money unit defaults from site.yaml");
    }

    @Test
    void everyValueKeepsItsPosition() throws IOException {
        Project p = loadBase().content().years().get(0).projects().findFirst().orElseThrow();
        assertEquals("content/2020/unit-a/good.yaml:16:10", p.sources().at("stated.total").toString());
        assertEquals("content/2020/unit-a/good.yaml:5:22", p.sources().at("budget.executed.total").toString());
        assertEquals("content/2020/unit-a/good.yaml:12:17", p.sources().at("indicators.output.quantity[0].weight").toString());
        assertEquals("content/2020/unit-a/good.yaml:8:5", p.sources().keyAt("indicators.output.quantity").toString());
    }

    @Test
    void unknownKeySuggestsTheNearestKnownKey() throws IOException {
        assertEquals(List.of(
                "content/2020/unit-a/case.yaml:1:1: error[missing-field]: 缺少必填项“budget”（预算执行情况：planned、received、executed 三行）：请补上。",
                "content/2020/unit-a/case.yaml:2:1: error[unknown-key]: 未知的键“budjet”，是否应为“budget”？可用的键：budget、contact、filing_department、goals、implementing_unit、indicators、internal、money_unit、name、order、problems、stated、status。"),
                findingsWithProject("unknown-key"));
    }

    @Test
    void thePublisherBlockIsReadWithItsDatesByYearAndBadDatesAreLocated() throws IOException {
        ContentFixture.copy("loader/base", tmp);
        Files.copy(ContentFixture.resource("loader/publisher/site.yaml"), tmp.resolve("content/site.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ContentLoader.Result result = ContentLoader.load(new DirectorySource(tmp.resolve("content")));
        Publisher p = result.content().site().publisher();
        assertEquals("测试局办公室", p.name());
        assertEquals("000000000/2021-00001", p.indexNumber());
        assertEquals("电话 0000-1234567", p.contact());
        assertEquals(java.util.Map.of(2020, java.time.LocalDate.of(2021, 4, 30)), p.published());
        assertEquals(java.util.Optional.of(java.time.LocalDate.of(2021, 4, 30)), p.lastUpdated(p.published().values()));
        assertEquals(java.util.Optional.of(java.time.LocalDate.of(2019, 1, 2)), p.publishedIn(2019, java.time.LocalDate.of(2019, 1, 2)));
        assertEquals(List.of(
                        "content/site.yaml:9:11: error[bad-date]: publisher.published.2021 的值“2021-13-01”不是有效日期：请写成 YYYY-MM-DD，如 2021-03-31。",
                        "content/site.yaml:10:5: error[bad-year]: publisher.published 的键“二〇二二”不是四位数字的年度：请写成 2020: 2021-06-30。"),
                result.findings().stream().map(Finding::toCompilerLine).filter(l -> l.startsWith("content/site.yaml")).toList());
    }

    @Test
    void wrongTypeNamesThePathAndTheExpectedType() throws IOException {
        assertEquals(List.of("content/2020/unit-a/case.yaml:3:12: error[wrong-type]: “budget.planned”应为键值对（映射），实际是数字：请按内容格式修改。"),
                findingsWithProject("wrong-type"));
    }

    @Test
    void missingRequiredNameIsAnError() throws IOException {
        assertEquals(List.of("content/2020/unit-a/case.yaml:1:1: error[missing-field]: 缺少必填项“name”（项目名称）：请补上。"),
                findingsWithProject("missing-field"));
    }

    @Test
    void negativeAmountIsAnError() throws IOException {
        assertEquals(List.of("content/2020/unit-a/case.yaml:5:22: error[negative-amount]: “budget.executed.total”为负数（-1）：金额不能为负，请填写实际金额。"),
                findingsWithProject("negative-amount"));
    }

    @Test
    void amountWithItsUnitIsAnError() throws IOException {
        assertEquals(List.of("content/2020/unit-a/case.yaml:3:22: error[bad-amount]: “budget.planned.total”不是有效金额（5万元）：请写成普通数字，如 4.9745 或 \"4.9745\"，不要用科学计数法、下划线、千位分隔符或单位。"),
                findingsWithProject("bad-amount"));
    }

    @Test
    void exponentAmountIsReadAsTheEditorReadsItAndThePlainFormAskedFor() throws IOException {
        assertEquals(List.of("content/2020/unit-a/case.yaml:3:22: warning[amount-not-plain]: “budget.planned.total”写成了 1e3，已按 1000 读取：请直接写 1000，审核的人才能一眼看出金额。"),
                findingsWithProject("amount-not-plain"));
    }

    @Test
    void statusOutsideItsWordsIsAnError() throws IOException {
        assertEquals(List.of("content/2020/unit-a/case.yaml:2:9: error[bad-value]: “status”的值“done”无效：状态只能是 final、draft。"),
                findingsWithProject("bad-value"));
    }

    @Test
    void duplicateKeyNamesBothLines() throws IOException {
        assertEquals(List.of("content/2020/unit-a/case.yaml:6:1: error[duplicate-key]: 键“name”重复（第 1 行已写过）：请删除或合并其中一个。"),
                findingsWithProject("duplicate-key"));
    }

    @Test
    void syntaxErrorIsLocated() throws IOException {
        assertEquals(List.of("content/2020/unit-a/case.yaml:3:12: error[yaml-syntax]: 花括号没有成对：从这里开始的“{”缺少对应的“}”，或元素之间缺少逗号。"),
                findingsWithProject("yaml-syntax"));
    }

    @Test
    void plainValueThatLostTextToACommentIsAWarning() throws IOException {
        assertEquals(List.of("content/2020/unit-a/case.yaml:7:15: warning[value-comment]: “goals[0].expected”的值后面的“#2”被 YAML 当作注释丢弃了：如果它是值的一部分，请给整个值加上双引号。"),
                findingsWithProject("value-comment"));
    }

    @Test
    void aliasIsRefused() throws IOException {
        assertEquals(List.of("content/2020/unit-a/case.yaml:6:11: error[yaml-alias]: 不支持 YAML 别名（*a）：请直接写出要重复的值。"),
                findingsWithProject("yaml-alias"));
    }

    @Test
    void invalidUtf8IsLocatedAtTheFirstBadByte() throws IOException {
        assertEquals(List.of("content/2020/unit-a/case.yaml:1:9: error[invalid-utf8]: 文件不是有效的 UTF-8 编码：请用 UTF-8 重新保存（例如在编辑器中选择“以 UTF-8 编码保存”）。"),
                findingsWithProject("invalid-utf8"));
    }

    @Test
    void badIdsAndReservedIdsAreErrors() throws IOException {
        ContentFixture.copy("loader/base", tmp);
        Path unit = tmp.resolve("content/2020/unit-a");
        Files.copy(unit.resolve("good.yaml"), unit.resolve("Bad_Id.yaml"));
        Files.copy(unit.resolve("good.yaml"), unit.resolve("report.yaml"));
        Files.createDirectories(tmp.resolve("content/2020/单位"));
        Files.writeString(tmp.resolve("content/2020/单位/unit.yaml"), "name: 乙\n");
        List<String> lines = ContentLoader.load(new DirectorySource(tmp.resolve("content"))).findings().stream()
                .map(Finding::toCompilerLine).toList();
        assertEquals(List.of(
                "content/2020/unit-a/Bad_Id.yaml: error[bad-id]: 项目文件名“Bad_Id”不是合法编号：只能用小写字母、数字和连字符，以字母或数字开头，最长 64 个字符。请改名。",
                "content/2020/unit-a/report.yaml: error[reserved-id]: “report”是保留名称，不能用作项目编号：请给项目文件改名。",
                "content/2020/单位: error[bad-id]: 单位文件夹名“单位”不是合法编号：只能用小写字母、数字和连字符，以字母或数字开头，最长 64 个字符。"),
                lines);
    }

    @Test
    void projectIdsAreUniqueAcrossUnitsOfAYear() throws IOException {
        ContentFixture.copy("loader/base", tmp);
        Path other = Files.createDirectories(tmp.resolve("content/2020/unit-b"));
        Files.writeString(other.resolve("unit.yaml"), "name: 乙单位\n");
        Files.copy(tmp.resolve("content/2020/unit-a/good.yaml"), other.resolve("good.yaml"));
        List<String> lines = ContentLoader.load(new DirectorySource(tmp.resolve("content"))).findings().stream()
                .map(Finding::toCompilerLine).toList();
        assertEquals(List.of("content/2020/unit-b/good.yaml: error[duplicate-project-id]: 项目编号“good”在 2020 年度重复（content/2020/unit-a/good.yaml 已使用）：同一年度内项目编号必须唯一，请给其中一个改名。"),
                lines);
    }

    @Test
    void brokenReferencesBetweenFilesAreErrors() throws IOException {
        ContentFixture.copy("loader/base", tmp);
        Files.delete(tmp.resolve("content/2020/unit-a/unit.yaml"));
        Files.writeString(tmp.resolve("content/2020/report.yaml"), "title: 报告\nperiod: 2019\n");
        Files.createDirectories(tmp.resolve("content/20x1"));
        Files.writeString(tmp.resolve("content/20x1/report.yaml"), "title: x\n");
        Files.writeString(tmp.resolve("content/2020/unit-a/orphan.md"), "说明\n");
        List<String> lines = ContentLoader.load(new DirectorySource(tmp.resolve("content"))).findings().stream()
                .map(Finding::toCompilerLine).toList();
        assertEquals(List.of(
                "content/2020/report.yaml:2:9: error[period-mismatch]: period 为 2019，与年度文件夹 2020 不一致：请改为 2020 或把文件移到对应的年度文件夹。",
                "content/2020/unit-a/orphan.md: warning[unexpected-file]: 不认识的文件，已忽略：没有同名的项目文件 orphan.yaml 与这篇说明对应。请移走或按内容格式改名。",
                "content/2020/unit-a/unit.yaml: error[missing-file]: 缺少 2020/unit-a/unit.yaml：每个单位文件夹都需要它（至少写 name）。",
                "content/20x1: error[bad-year-folder]: “20x1”不是年度文件夹：年度文件夹名须为四位数字（如 2020），请改名或移出内容文件夹。"),
                lines);
    }

    @Test
    void theRealContentLoadsWithoutStructuralErrors() throws IOException {
        ContentLoader.Result result = ContentLoader.load(new DirectorySource(Path.of("content")));
        assertFalse(result.hasErrors(), () -> String.join("\n", result.findings().stream().map(Finding::toCompilerLine).toList()));
        assertEquals(22, result.content().year(2020).orElseThrow().projects().count());
        assertEquals(6, result.content().year(2020).orElseThrow().units().size());
        assertTrue(result.content().year(2020).orElseThrow().report().narrative().markdown().contains("基本情况"));
    }
}
