package jixiao.content;

import jixiao.diagnostic.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class YamlTextTest {

    /** Reads {@code k: <quoted text>} back through the loader's own YAML reader. */
    private static YamlNode.Scalar readBack(String text) {
        List<Finding> problems = new ArrayList<>();
        YamlNode root = new YamlReader().read(("k: " + YamlText.quote(text) + "\n").getBytes(StandardCharsets.UTF_8), "t.yaml", problems::add)
                .orElseThrow(() -> new AssertionError(problems.toString()));
        assertEquals(List.of(), problems);
        return (YamlNode.Scalar) ((YamlNode.Mapping) root).get("k").orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yes", "no", "~", "null", "100.00", "03155776425", "2021-03-31", "a # b", "key: value",
            "- item", "[1, 2]", "{a: 1}", "&anchor", "*alias", "!tag", "%25", "@x", "`x`", "'single'", "\"double\"",
            "back\\slash", "\\n is not a newline", "line\nbreak", "cr\r\nlf", "tab\there", "  leading and trailing  ",
            "nel\u0085ls\u2028ps\u2029", "bom\uFEFF", "bell\u0007del\u007F", "c1\u0080\u009F", "≥100%", "𠀀 beyond the BMP"})
    void quotedTextReadsBackExactlyAsText(String text) {
        YamlNode.Scalar s = readBack(text);
        assertEquals(text, s.text());
        assertEquals(YamlNode.ScalarKind.STRING, s.kind());
    }

    @Test
    void quotingEscapesOnlyWhatYamlNeeds() {
        assertEquals("\"劳动监察 \\\"专项\\\" \\\\ 资金\\n\\u2028\"", YamlText.quote("劳动监察 \"专项\" \\ 资金\n\u2028"));
    }

    @Test
    void amountsAreWrittenWithTheirDecimalsAndNeverWithAnExponent() {
        assertEquals("4.9745", YamlText.amount(new BigDecimal("4.9745")));
        assertEquals("100.00", YamlText.amount(new BigDecimal("100.00")));
        assertEquals("10000000", YamlText.amount(new BigDecimal("1E+7")));
    }
}
