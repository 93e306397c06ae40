package jixiao.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownSafetyTest {

    private static final Pattern URL_ATTRIBUTE = Pattern.compile("\\s(href|src)=\"([^\"]*)\"");

    private final Markdown markdown = new Markdown(1);

    @Test
    void rawHtmlBlockIsEscaped() {
        String html = render("<div onclick=\"steal()\">\n内容\n</div>\n");

        assertEquals("<p>&lt;div onclick=&quot;steal()&quot;&gt;\n内容\n&lt;/div&gt;</p>\n", html);
    }

    @Test
    void scriptBlockIsEscaped() {
        String html = render("<script>alert(1)</script>\n");

        assertEquals("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n", html);
    }

    @Test
    void inlineImgWithOnerrorIsEscaped() {
        String html = render("图 <img src=x onerror=alert(1)> 后");

        assertEquals("<p>图 &lt;img src=x onerror=alert(1)&gt; 后</p>\n", html);
    }

    @Test
    void htmlCommentsAreLeftOutAndCdataIsEscaped() {
        String html = render("<!-- 注释 -->\n\n<![CDATA[x]]>\n");

        assertEquals("<p>&lt;![CDATA[x]]&gt;</p>\n", html);
    }

    @Test
    void htmlCommentsAreEditorsNotesAndReachNoPage() {
        assertEquals("<p>资金用于办案。</p>\n", render("资金用于办案。<!-- 备注：待核 -->\n"));
        assertEquals("<p>前文后文</p>\n", render("前文<!-- 跨\n两行 -->后文\n"));
        assertEquals("<p>正文</p>\n<p>之后照常</p>\n", render("正文\n\n<!--\n多行备注\n-->\n\n之后照常\n"));
        assertEquals("<p>之后照常</p>\n", render("<!-- 备注 --> 之后照常\n"));
        assertEquals("<p>正文</p>\n", render("正文\n\n<!-- 没有结束的备注\n\n以后的都不发布\n"), "as in a browser");
        assertEquals("<p><code>&lt;!-- 代码 --&gt;</code> 照写</p>\n", render("`<!-- 代码 -->` 照写\n"), "code is not a comment");
        assertEquals("<p>行内 &lt;!-- 没有结束 照写</p>\n", render("行内 <!-- 没有结束 照写\n"), "not a comment in CommonMark");
    }

    @Test
    void resolverTextIsEscapedAndNotParsed() {
        String html = markdown.toHtml("值：{{ report.score }}",
                r -> "<b onclick=\"x\">*强调*</b> & [链接](javascript:alert(1)) `code`");

        assertEquals("<p>值：&lt;b onclick=&quot;x&quot;&gt;*强调*&lt;/b&gt; &amp; [链接](javascript:alert(1)) `code`</p>\n", html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[点此](javascript:alert(1))",
            "[点此](JavaScript:alert(1))",
            "[点此](<  javascript:alert(1)>)",
            "[点此](jav&#x09;ascript:alert(1))",
            "[点此](jav&#10;ascript:alert(1))",
            "[点此](&#106;avascript:alert(1))",
            "[点此](javascript&colon;alert(1))",
            "[点此](<&#1;javascript:alert(1)>)",
            "[点此](vbscript:msgbox(1))",
            "[点此](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "[点此](file:///etc/passwd)",
            "[点此](ftp://example.com/x)",
            "[点此][ref]\n\n[ref]: javascript:alert(1)",
            "<javascript:alert(1)>",
            "[点此](java\\\nscript:alert(1))",
    })
    void unsafeLinkIsNeutralised(String source) {
        String html = render(source);

        assertOnlySafeUrls(html);
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<a"), html);
    }

    @Test
    void unsafeLinkKeepsItsText() {
        assertEquals("<p>点此 查看</p>\n", render("[点此](javascript:alert(1)) 查看"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "![图](javascript:alert(1))",
            "![图](data:image/png;base64,iVBORw0KGgo=)",
            "![图](file:///etc/passwd)",
            "![图](mailto:a@example.com)",
    })
    void unsafeImageBecomesItsAltText(String source) {
        assertEquals("<p>图</p>\n", render(source));
    }

    @Test
    void externalLinkGetsRelNoopener() {
        assertEquals("<p><a href=\"https://www.mof.gov.cn/zhengwuxinxi/\" rel=\"noopener noreferrer\">财政部</a></p>\n",
                render("[财政部](https://www.mof.gov.cn/zhengwuxinxi/)"));
    }

    @Test
    void protocolRelativeLinkIsTreatedAsExternal() {
        assertEquals("<p><a href=\"//example.com/x\" rel=\"noopener noreferrer\">外站</a></p>\n", render("[外站](//example.com/x)"));
    }

    @Test
    void localFragmentAndMailLinksStayWithoutRel() {
        String html = render("[附表](../2019/index.html#biao) [上文](#yi) [邮件](mailto:rsj@example.gov.cn)");

        assertEquals("<p><a href=\"../2019/index.html#biao\">附表</a> <a href=\"#yi\">上文</a> "
                + "<a href=\"mailto:rsj@example.gov.cn\">邮件</a></p>\n", html);
    }

    @Test
    void externalImageIsNotLoadedButLinked() {
        String html = render("![执行率图](https://example.com/chart.png \"2020\")");

        assertEquals("<p><a href=\"https://example.com/chart.png\" title=\"2020\" rel=\"noopener noreferrer\">执行率图</a></p>\n", html);
    }

    @Test
    void externalImageWithoutAltTextIsLinkedByItsAddress() {
        assertEquals("<p><a href=\"//cdn.example.com/a.png\" rel=\"noopener noreferrer\">//cdn.example.com/a.png</a></p>\n",
                render("![](//cdn.example.com/a.png)"));
    }

    @Test
    void externalImageInsideALinkBecomesText() {
        assertEquals("<p><a href=\"#top\">返回 图标</a></p>\n", render("[返回 ![图标](https://example.com/i.png)](#top)"));
    }

    @Test
    void relativeImageIsKept() {
        assertEquals("<p><img src=\"images/chart.png\" alt=\"执行率 图\" title=\"图一\" /></p>\n",
                render("![执行率 *图*](images/chart.png \"图一\")"));
    }

    @Test
    void imageAltTextIsEscaped() {
        assertEquals("<p><img src=\"a.png\" alt=\"引号&quot;与&amp;和&lt;\" /></p>\n", render("![引号\"与&和<](a.png)"));
    }

    private String render(String source) {
        String html = markdown.toHtml(source, r -> "");
        assertOnlySafeUrls(html);
        return html;
    }

    /** Every href and src in the output is http(s), mailto, or has no scheme at all. */
    private static void assertOnlySafeUrls(String html) {
        Matcher m = URL_ATTRIBUTE.matcher(html);
        while (m.find()) {
            String url = m.group(2).replace("&amp;", "&").toLowerCase(Locale.ROOT);
            boolean allowed = url.startsWith("http://") || url.startsWith("https://") || url.startsWith("mailto:")
                    || url.matches("[^:]*") || url.matches("[^:]*[/?#].*");
            assertTrue(allowed, "unsafe " + m.group(1) + " in " + html);
            assertFalse(url.chars().anyMatch(c -> c <= ' ' || c == 0x7f), "control character in " + html);
        }
    }
}
