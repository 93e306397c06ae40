package jixiao.render;

import jixiao.testing.Builds;
import jixiao.testing.ContentFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two years where the later one is mostly drafts, as `jixiao new year` leaves it: the 2020 report copied to 2021
 * with two projects final. The public edition lists no draft as deleted, compares like with like, and shows no
 * computed total above the maximum (the 被征地农民 form's 290 of 100).
 */
class DraftsInPublicEditionTest {

    @TempDir
    Path tmp;

    @Test
    void aProjectNotYetFinalIsNeverListedAsDeletedAndNoMeaninglessTotalIsPublished() throws IOException {
        Path content = tmp.resolve("content");
        ContentFixture.copyTree(Builds.realContent(), content);
        assertEquals(0, Builds.run("new", "year", "2021", "--from", "2020", "--content", content.toString()).exit());
        for (String file : List.of("2021/labor-inspection/labor-inspection-fund.yaml", "2021/personnel/archive-room.yaml")) {
            Path p = content.resolve(file);
            Files.writeString(p, Files.readString(p).replace("status: \"draft\"", "status: \"final\""));
        }
        Path out = tmp.resolve("out");
        Builds.build(content, out);

        String changes = Files.readString(out.resolve("public/2021/changes.html"));
        assertFalse(changes.contains("删除项目"), "no draft is listed as deleted");
        assertTrue(changes.contains("20 个项目尚未定稿，暂未公开"), "the drafts are said to be pending");
        assertTrue(changes.contains("<tr><th scope=\"row\">项目数</th><td class=\"num\">2</td><td class=\"num\">2</td>"),
                "the project count compares the published projects of both years");
        assertFalse(changes.contains("8 → 0"), "a unit's drafts are not compared as fallen to 0 (社保局 8 → 0)");
        assertFalse(changes.contains("3992.48万元 → 0万元"), "a unit's totals compare its published projects only");
        assertFalse(changes.matches("(?s).*删除 \\d+ 段.*"), "narratives `new year` did not copy are not deleted paragraphs");
        String year = Files.readString(out.resolve("public/2021/index.html"));
        assertTrue(year.contains("20 个项目尚未定稿，暂未公开"), "the year page says how many projects are pending");
        assertFalse(year.contains(">社保局<"), "a unit whose projects are all drafts is no row of zeros in the 统计表");
        String home = Files.readString(out.resolve("public/index.html"));
        assertTrue(home.contains("2021年度：20 个项目尚未定稿，暂未公开"), "the home page says it beside the year's counts");
        String internal = Files.readString(out.resolve("internal/2021/index.html"));
        String chart = internal.substring(internal.indexOf("chart-rate"), internal.indexOf("</svg>", internal.indexOf("chart-rate")));
        assertFalse(chart.contains("区属企业、学校离休人员等医疗保险补贴资金"), "a draft's empty copy is not plotted as 0.00%");
        String blank = Files.readString(out.resolve("public/2021/personnel/archive-room.html"));
        assertTrue(blank.contains("核算总分无法核算：没有一项指标填写了实际完成值或数字的自评得分"),
                "a final form with nothing filled in is 无法核算, not 0.00 and 差");
        String unit = Files.readString(out.resolve("public/2021/labor/index.html"));
        assertFalse(unit.contains("本单位本年度没有评价项目"), "a unit whose projects are drafts says they are pending");
        assertTrue(unit.contains("1 个项目尚未定稿，暂未公开"));

        for (Path page : Builds.pages(out.resolve("public"))) {
            String html = Files.readString(page);
            assertFalse(html.contains("290.00"), page + " shows the 被征地农民 form's 290 as a total");
            assertFalse(html.contains("104.83"), page + " shows an average over a total that cannot be computed");
        }
        String form = Files.readString(out.resolve("public/2020/labor/land-acquired-farmers-security.html"));
        assertTrue(form.contains("核算总分无法核算：3 项自评得分不是数字"), "the form says why its total cannot be computed");
    }
}
