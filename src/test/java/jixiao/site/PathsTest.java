package jixiao.site;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PathsTest {

    @Test
    void linksAreRelativeSoTheSiteWorksFromFileAndUnderAnyBasePath() {
        assertEquals("2020/index.html", Paths.relative("index.html", "2020/index.html"));
        assertEquals("../index.html", Paths.relative("2020/index.html", "index.html"));
        assertEquals("index.html", Paths.relative("2020/u/p.html", "2020/u/index.html"));
        assertEquals("../report.html", Paths.relative("2020/u/p.html", "2020/report.html"));
        assertEquals("../../2021/v/p.html#x", Paths.relative("2020/u/p.html", "2021/v/p.html#x"));
        assertEquals("../../assets/site.css", Paths.relative("2020/u/index.html", Paths.CSS));
        assertEquals("p.html", Paths.relative("2020/u/p.html", "2020/u/p.html"));
    }

    @Test
    void aProjectWithTheIdIndexGetsAFileNameNoOtherIdCanHave() {
        assertEquals("2020/u/index_.html", Paths.project(2020, "u", "index"));
        assertEquals("2020/u/index-2.html", Paths.project(2020, "u", "index-2"));
        assertEquals("2020/u/index.html", Paths.unit(2020, "u"));
    }
}
