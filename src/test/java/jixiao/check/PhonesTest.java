package jixiao.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a contact's telephone is recognised in text: however typed, and never in an ordinary figure. */
class PhonesTest {

    /** The one number in {@code text}, as typed. */
    private static String typed(String text) {
        List<Phones.Run> runs = Phones.runs(text);
        assertEquals(1, runs.size(), text + ": " + runs);
        return text.substring(runs.get(0).start(), runs.get(0).end());
    }

    @ParameterizedTest
    @ValueSource(strings = {"5776425", "577 6425", "577-6425", "0315-5776425", "0315 577 6425", "(0315)5776425",
            "（0315）5776425", "０３１５－５７７６４２５", "+86 315 5776425", "0086-315-5776425", "86 0315 5776425"})
    void aLandlineIsTheContactsHoweverTyped(String number) {
        assertTrue(Phones.same(Phones.runs("电话 " + number + " 。").get(0).digits(), "5776425"), number);
        assertTrue(Phones.same(Phones.runs("电话 " + number + " 。").get(0).digits(), Phones.digits("0315-5776425")), number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "138 1234 5678", "138-1234-5678", "+86 138 1234 5678", "+8613812345678"})
    void aMobileIsTheContactsHoweverTyped(String number) {
        assertTrue(Phones.same(Phones.runs(number).get(0).digits(), "13812345678"), number);
    }

    @Test
    void otherNumbersAreNotTheContacts() {
        for (String other : new String[]{"5776426", "15776425", "57764250", "0316-5776426", "13912345678", "05776425"}) {
            assertFalse(Phones.same(Phones.digits(other), "5776425"), other);
        }
        assertFalse(Phones.same("55776425", Phones.digits("0315-5776425")), "0315 is a four-digit area code, not 031");
    }

    @Test
    void figuresAreNoTelephones() {
        assertEquals(List.of(), Phones.runs("支出 5776425.50 元，合计 5,776,425 元，增长 1.5776425 倍，共 123456 人"));
        assertEquals(List.of(), Phones.runs("2020年度 100 人次"), "short runs");
        assertEquals("5776425", typed("拨打5776425转8001"));
        assertEquals("(0315) 577 6425", typed("咨询电话：(0315) 577 6425；"));
    }

    @Test
    @Timeout(5)
    void longHostileTextIsScannedInLinearTime() {
        String text = "1 ".repeat(500_000) + "-".repeat(500_000) + "9".repeat(500_000);
        assertEquals(2, Phones.runs(text).size());
    }
}
