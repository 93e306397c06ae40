package jixiao.score;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ValueParserTest {

    /** Cases from {@code score/values.txt}, each named by its line number and text. */
    static Stream<Arguments> values() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (InputStream in = ValueParserTest.class.getResourceAsStream("/score/values.txt")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cells = line.split("\\|", -1);
                String text = cells[0].strip();
                if (cells.length != 5) throw new IllegalStateException("values.txt:" + (i + 1) + ": five cells expected");
                cases.add(Arguments.of("values.txt:" + (i + 1), text, cells[1].strip(), cells[2].strip(), cells[3].strip(), cells[4].strip()));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("values")
    void readsTheNumberComparatorAndUnitOutOfAValue(String where, String text, String kind, String relation, String number, String unit) {
        ParsedValue v = ValueParser.parse(text);
        assertEquals(text, v.text(), where + ": text is kept as typed");
        assertEquals(ParsedValue.Kind.valueOf(kind), v.kind(), where + ": kind");
        assertEquals(Relation.valueOf(relation), v.relation(), where + ": relation");
        assertEquals(number.isEmpty() ? null : number, v.number() == null ? null : v.number().toPlainString(), where + ": number");
        assertEquals(unit.isEmpty() ? null : unit, v.unit(), where + ": unit");
    }

    @Test
    void aMissingOrBlankValueIsEmpty() {
        assertEquals(ParsedValue.Kind.EMPTY, ValueParser.parse(null).kind());
        assertEquals(ParsedValue.Kind.EMPTY, ValueParser.parse("  ").kind());
    }

    @Test
    @Timeout(5)
    void aNumberWithMoreDigitsThanAllowedIsNoFigure() {
        // The loader reports such a value; read on its own it must not become a BigDecimal of a million digits.
        assertEquals(ParsedValue.Kind.QUALITATIVE, ValueParser.parse("≥" + "9".repeat(1_000_000) + "%").kind());
        assertEquals(ParsedValue.Kind.QUALITATIVE, ValueParser.parse("≥95.00000000001%").kind());
        assertEquals(ParsedValue.Kind.NUMBER, ValueParser.parse("≥95.0000000001%").kind(), "ten decimals are allowed");
        assertEquals(Optional.empty(), ValueParser.figure("9".repeat(21)));
        assertEquals(Optional.of(new BigDecimal("9".repeat(20))), ValueParser.figure("9".repeat(20)));
    }

    @Test
    void theTextKeepsExactlyTheCharactersTyped() {
        assertEquals("＞＝９５％", ValueParser.parse("＞＝９５％").text());
        assertEquals("100.00", ValueParser.parse("100.00").text());
        assertEquals(2, ValueParser.parse("100.00").number().scale());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "日常检查企业数（家）|家",
            "结案率（%）|%",
            "满意度（％）|%",
            "办结业务数(件)|件",
            "补贴标准（元/月/人）|元/月/人",
            "享受补贴人数（人） |人",
    })
    void theUnitOfAnIndicatorIsInParenthesesAtTheEndOfItsName(String name, String unit) {
        assertEquals(Optional.of(unit), ValueParser.unitOfName(name));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"宣传活动", "指标（2020年）", "（%）规模以上企业劳动合同签订率", "符合“雨露计划”条件人数"})
    void aNameWithoutATrailingUnitHasNone(String name) {
        assertEquals(Optional.empty(), ValueParser.unitOfName(name));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {"95|95", "12.5|12.5", "99%|99", "100.00%|100.00", "９５|95", " 10 |10"})
    void aStatedFigureIsAPlainNumberWithItsDecimals(String text, String expected) {
        assertEquals(new BigDecimal(expected), ValueParser.figure(text).orElseThrow());
        assertEquals(new BigDecimal(expected).scale(), ValueParser.figure(text).orElseThrow().scale());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"优", "良", "约95", "≥90", "95分", "9 5"})
    void aStatedFigureThatIsNotAPlainNumberIsNotRead(String text) {
        assertEquals(Optional.empty(), ValueParser.figure(text));
        assertNull(ValueParser.figure(null).orElse(null));
    }
}
