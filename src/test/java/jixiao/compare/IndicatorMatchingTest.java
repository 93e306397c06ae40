package jixiao.compare;

import jixiao.content.Indicator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pairing passes documented on {@link Comparer}. */
class IndicatorMatchingTest {

    private static Indicator row(String level, String name, String target, String actual) {
        String[] l = level.split("\\.");
        return new Indicator(l[0], l[1], name, null, target, actual, BigDecimal.TEN, "10", null, null, "indicators." + level);
    }

    private static List<String> kinds(List<Indicator> from, List<Indicator> to) {
        return Comparer.indicators(from, to).stream()
                .map(c -> c.kind() + " " + (c.from() == null ? "-" : c.from().name()) + ">" + (c.to() == null ? "-" : c.to().name()))
                .toList();
    }

    @Test
    void sameNameUnderAnotherLevelIsALevelChange() {
        List<IndicatorChange> c = Comparer.indicators(List.of(row("output.quality", "甲", "≥1", "1")),
                List.of(row("effect.social", "甲", "≥1", "1")));
        assertEquals(List.of(new TextChange(Field.LEVEL, "output.quality", "effect.social")), c.get(0).changes());
        assertEquals(ChangeKind.CHANGED, c.get(0).kind());
    }

    @Test
    void newNameAtTheSamePlaceIsARenameEvenWithNewValues() {
        assertEquals(List.of("RENAMED 甲>乙"),
                kinds(List.of(row("output.quantity", "甲", "≥1", "1")), List.of(row("output.quantity", "乙", "≥2", "2"))));
    }

    @Test
    void sameValuesUnderTheSameLevelAreARenameWhateverThePosition() {
        assertEquals(List.of("ADDED ->丙", "RENAMED 甲>乙"),
                kinds(List.of(row("output.quantity", "甲", "≥5人", "6人")),
                        List.of(row("output.quantity", "丙", "≥1", "1"), row("output.quantity", "乙", "≥5人", "6人"))));
    }

    @Test
    void sameValuesUnderAnotherLevelAreARenameOnlyWhenUnambiguous() {
        assertEquals(List.of("RENAMED 甲>乙"),
                kinds(List.of(row("output.quantity", "甲", "≥5人", "6人")), List.of(row("effect.social", "乙", "≥5人", "6人"))));
        assertEquals(List.of("ADDED ->乙", "ADDED ->丙", "REMOVED 甲>-"),
                kinds(List.of(row("output.quantity", "甲", "是", "是")),
                        List.of(row("effect.social", "乙", "是", "是"), row("effect.social", "丙", "是", "是"))),
                "two new rows say 是/是: which one was 甲 is a guess, so none is taken");
    }

    @Test
    void unrelatedRowElsewhereIsRemovedAndAdded() {
        assertEquals(List.of("ADDED ->乙", "REMOVED 甲>-"),
                kinds(List.of(row("effect.social", "甲", "≥90%", "100%")), List.of(row("output.timeliness", "乙", "≥95%", "96%"))));
    }

    @Test
    void unchangedIndicatorsAreNotListed() {
        assertEquals(List.of(), kinds(List.of(row("output.quantity", "甲", "≥1", "1")), List.of(row("output.quantity", "甲", "≥1", "1"))));
    }
}
