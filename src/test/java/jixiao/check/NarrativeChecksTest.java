package jixiao.check;

import jixiao.content.DirectorySource;
import jixiao.diagnostic.Finding;
import jixiao.testing.ContentFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NarrativeChecksTest {

    @TempDir
    Path tmp;

    @Test
    void everyUnresolvableReferenceIsAnErrorAtItsLineAndColumn() throws IOException {
        Path content = ContentFixture.copy("narrative", tmp).resolve("content");
        List<String> lines = Checker.check(new DirectorySource(content)).findings().stream()
                .filter(f -> f.code().endsWith("-reference"))
                .map(Finding::toCompilerLine).toList();
        assertEquals(List.of(
                "content/2020/report.md:5:7: error[unknown-reference]: 引用 {{ unit.executed }} 无效：年度报告 report.md 中没有“本单位”，请改用 {{ report.executed }} 或具体项目编号。",
                "content/2020/unit-a/unit.md:3:38: error[unknown-reference]: 引用 {{ missing-project.executed }} 无效：本年度没有编号为“missing-project”的项目，请检查项目编号（即项目 .yaml 文件名）。",
                "content/2020/unit-a/unit.md:5:4: error[unknown-reference]: 引用 {{ good.exectued }} 无效：没有名为“exectued”的指标，可用的有 planned、received、executed、execution_rate、score、stated_total、grade。",
                "content/2020/unit-a/unit.md:5:26: error[unknown-reference]: 引用 {{ good.projects }} 无效：没有名为“projects”的指标，可用的有 planned、received、executed、execution_rate、score、stated_total、grade。",
                "content/2020/unit-a/unit.md:7:4: error[malformed-reference]: 无法识别的引用“{{ good }}”：引用须写成 {{ 项目编号.指标 }}、{{ unit.指标 }} 或 {{ report.指标 }}，如 {{ report.executed }}；若要原样显示“{{”，请放进反引号 `{{`。"),
                lines);
    }
}
