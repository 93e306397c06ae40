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
        String unit = Files.readString(out.resolve("public/2021/labor/index.html"));
        assertFalse(unit.contains("本单位本年度没有评价项目"), "a unit whose projects are drafts says they are pending");
        assertTrue(unit.contains("1 个项目尚未定稿，暂未公开"));

        for (Path page : Builds.pages(out.resolve("public"))) {
            String html = Files.readString(page);
            assertFalse(html.contains("290.00"), page + " shows the 被征地农民 form's 290 as a total");
            assertFalse(html.contains("104.83"), page + " shows an average over a total that cannot be computed");
        }
        String form = Files.readString(out.resolve("public/2020/labor/land-acquired-farmers-security.html"));
        assertTrue(form.contains("无法核算（3 项自评得分不是数字"), "the form says why its total cannot be computed");
    }
}
