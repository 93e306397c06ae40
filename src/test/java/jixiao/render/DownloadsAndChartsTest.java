package jixiao.render;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DownloadsAndChartsTest {

    @Test
    void csvFieldsAreQuotedOnlyWhenTheyMustBe() {
        assertEquals("劳动监察专项资金", SummaryCsv.field("劳动监察专项资金"));
        assertEquals("\"a,b\"", SummaryCsv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", SummaryCsv.field("say \"hi\""));
        assertEquals("\"two\nlines\"", SummaryCsv.field("two\nlines"));
    }

    @Test
    void csvTextThatExcelWouldTakeForAFormulaIsKeptAsText() {
        assertEquals("'=SUM(A1)", SummaryCsv.text("=SUM(A1)"));
        assertEquals("'@cmd", SummaryCsv.text("@cmd"));
        assertEquals("'+1+1", SummaryCsv.text("+1+1"));
        assertEquals("'-2+3", SummaryCsv.text("-2+3"));
        assertEquals("'\t=1+1", SummaryCsv.text("\t=1+1"));
        assertEquals("'\r=1+1", SummaryCsv.text("\r=1+1"));
        assertEquals("正常", SummaryCsv.text("正常"));
    }

    @Test
    void chartTextIsEscapedAndTheChartIsLabelledForScreenReaders() {
        Svg svg = Charts.bars("c", "标题<b>", "说明 & 描述", List.of(
                new Charts.Bar("<script>alert(1)</script>", new BigDecimal("0.5"), "50.00%"),
                new Charts.Bar("\"引号\"", null, "—")), BigDecimal.ONE);
        String markup = svg.markup();
        assertFalse(markup.contains("<script>"), markup);
        assertTrue(markup.contains("&lt;script&gt;"), markup);
        assertTrue(markup.contains("<title id=\"c-title\">标题&lt;b&gt;</title>"), markup);
        assertTrue(markup.contains("<desc id=\"c-desc\">说明 &amp; 描述</desc>"), markup);
        assertTrue(markup.contains("role=\"img\" aria-labelledby=\"c-title c-desc\""), markup);
        assertTrue(markup.contains("&quot;引号&quot;"), markup);
        assertTrue(markup.contains(">50.00%</text>"), markup);
    }

    @Test
    void barsAreScaledToTheLargerOfFullAndTheLargestValue() {
        String half = Charts.bars("c", "t", "d", List.of(new Charts.Bar("a", new BigDecimal("0.5"), "50%")), BigDecimal.ONE).markup();
        assertTrue(half.contains("width=\"160\""), half);   // half of the 320 px plot
        String over = Charts.bars("c", "t", "d", List.of(new Charts.Bar("a", new BigDecimal("2"), "200%"),
                new Charts.Bar("b", BigDecimal.ONE, "100%")), BigDecimal.ONE).markup();
        assertTrue(over.contains("width=\"320\"") && over.contains("width=\"160\""), over);
    }

    @Test
    void aLongValueTextStaysInsideTheChart() {
        String markup = Charts.bars("c", "t", "d", List.of(new Charts.Bar("优", new BigDecimal("19"), "19 个（核算 20 个）"),
                new Charts.Bar("良", new BigDecimal("3"), "3 个（核算 1 个）")), null).markup();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<text class=\"value\" x=\"(\\d+)\"[^>]*>([^<]*)</text>").matcher(markup);
        int seen = 0;
        while (m.find()) {
            seen++;
            assertTrue(Integer.parseInt(m.group(1)) + Charts.textWidth(m.group(2)) <= 640, m.group());
        }
        assertTrue(seen == 2, markup);
    }
}
