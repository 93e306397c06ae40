package jixiao.render;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MarkdownStructureTest {

    @Test
    void headingsAreShiftedByTheOffsetAndHaveNoIds() {
        String html = new Markdown(1).toHtml("# 一\n\n## 二\n\n三\n---\n", r -> "");

        assertEquals("<h2>一</h2>\n<h3>二</h3>\n<h3>三</h3>\n", html);
    }

    @Test
    void shiftedHeadingsStopAtH6() {
        String html = new Markdown(2).toHtml("#### 四\n##### 五\n###### 六\n", r -> "");

        assertEquals("<h6>四</h6>\n<h6>五</h6>\n<h6>六</h6>\n", html);
    }

    @Test
    void headingOffsetOutsideZeroToFiveIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Markdown(6));

        assertEquals("heading offset must be 0 to 5: 6", e.getMessage());
    }

    @Test
    void tableIsWrappedInAFocusableNamedRegionAndHeaderCellsHaveColumnScope() {
        String html = new Markdown(0).toHtml("| 项目 | 得分 |\n| --- | --: |\n| 甲 | {{ p.score }} |\n", r -> "9.5");

        assertEquals("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"表格\">\n<table>\n<thead>\n<tr>\n"
                + "<th scope=\"col\">项目</th>\n<th align=\"right\" scope=\"col\">得分</th>\n"
                + "</tr>\n</thead>\n<tbody>\n<tr>\n<td>甲</td>\n<td align=\"right\">9.5</td>\n</tr>\n</tbody>\n</table>\n</div>\n", html);
    }

    @Test
    void nonAsciiLocalPathsArePercentEncoded() {
        String html = new Markdown(0).toHtml("[附件](附件/说明 1.pdf)", r -> "");

        // The space makes this text, not a link; with <…> it is a link and is encoded.
        assertEquals("<p>[附件](附件/说明 1.pdf)</p>\n", html);
        assertEquals("<p><a href=\"%E9%99%84%E4%BB%B6/%E8%AF%B4%E6%98%8E%201.pdf\">附件</a></p>\n",
                new Markdown(0).toHtml("[附件](<附件/说明 1.pdf>)", r -> ""));
    }

    @Test
    void nullFromTheResolverNamesTheReference() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> new Markdown(0).toHtml("甲\n乙 {{ p1.score }}", "content/2020/u/p1.md", r -> null));

        assertEquals("no text for {{ p1.score }} at content/2020/u/p1.md:2:3", e.getMessage());
    }

    @Test
    void oneInstanceRendersTheSameFromManyThreads() throws Exception {
        Markdown markdown = new Markdown(1);
        String source = MarkdownGoldenTest.resource("golden/markdown/narrative.md");
        String expected = markdown.toHtml(source, r -> r.scope() + "/" + r.figure());

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = IntStream.range(0, 200)
                    .mapToObj(i -> pool.submit(() -> markdown.toHtml(source, r -> r.scope() + "/" + r.figure())))
                    .toList();
            for (Future<String> result : results) assertEquals(expected, result.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
