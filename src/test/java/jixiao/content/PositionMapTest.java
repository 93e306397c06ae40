package jixiao.content;

import jixiao.diagnostic.SourcePosition;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PositionMapTest {

    private static final String FILE = "content/2020/u/p.yaml";

    @Test
    void behavesAsTheMapItReplaces() {
        PositionMap.Builder builder = new PositionMap.Builder(FILE, new SharedStrings());
        Map<String, SourcePosition> expected = new HashMap<>();
        for (int i = 0; i < 500; i++) { // grows several times
            SourcePosition p = new SourcePosition(FILE, i + 1, i % 7 + 1);
            builder.putIfAbsent("indicators.output.quantity[" + i + "]", p);
            expected.putIfAbsent("indicators.output.quantity[" + i + "]", p);
        }
        builder.putIfAbsent("indicators.output.quantity[3]", new SourcePosition(FILE, 99, 99));
        Map<String, SourcePosition> built = builder.build();
        assertEquals(expected, built, "first position of a path wins");
        assertEquals(built, expected);
        assertEquals(expected.hashCode(), built.hashCode());
        assertEquals(new SourcePosition(FILE, 4, 4), built.get("indicators.output.quantity[3]"));
        assertNull(built.get("indicators.output.quantity[500]"));
        assertNull(built.get(42));
        assertFalse(built.containsKey("nope"));
        assertTrue(built.containsKey("indicators.output.quantity[499]"));
    }

    @Test
    void filesWithTheSamePathsKeepTheirOwnPositions() {
        SharedStrings names = new SharedStrings();
        Map<String, SourcePosition> first = null;
        for (String file : new String[] {"content/2020/u/a.yaml", "content/2020/u/b.yaml"}) {
            PositionMap.Builder builder = new PositionMap.Builder(file, names);
            int shift = file.endsWith("a.yaml") ? 0 : 10;
            for (int i = 0; i < 100; i++) builder.putIfAbsent("goals[" + i + "]", new SourcePosition(file, i + 1 + shift, 3));
            Map<String, SourcePosition> built = builder.build();
            for (int i = 0; i < 100; i++) assertEquals(new SourcePosition(file, i + 1 + shift, 3), built.get("goals[" + i + "]"));
            if (first == null) first = built;
        }
        assertEquals(new SourcePosition("content/2020/u/a.yaml", 1, 3), first.get("goals[0]"), "the first file's positions are its own");
    }

    @Test
    void findsEveryKeyAmongEqualHashCodes() {
        PositionMap.Builder builder = new PositionMap.Builder(FILE, new SharedStrings());
        java.util.List<String> same = java.util.List.of("AaAa", "BBBB", "AaBB", "BBAa"); // one hash code
        for (int i = 0; i < same.size(); i++) builder.putIfAbsent(same.get(i), new SourcePosition(FILE, i + 1, 1));
        builder.putIfAbsent("other", new SourcePosition(FILE, 9, 9));
        Map<String, SourcePosition> built = builder.build();
        for (int i = 0; i < same.size(); i++) assertEquals(new SourcePosition(FILE, i + 1, 1), built.get(same.get(i)));
        assertNull(built.get("BBBBAa"));
        assertEquals(5, built.size());
    }

    @Test
    void isImmutableInsideASourceMap() {
        PositionMap.Builder builder = new PositionMap.Builder(FILE, new SharedStrings());
        builder.putIfAbsent("name", new SourcePosition(FILE, 1, 7));
        SourceMap map = new SourceMap(FILE, builder.build());
        assertThrows(UnsupportedOperationException.class, () -> map.positions().put("x", new SourcePosition(FILE, 1, 1)));
        assertThrows(UnsupportedOperationException.class, () -> map.positions().remove("name"));
        assertThrows(UnsupportedOperationException.class, () -> map.positions().entrySet().iterator().remove());
        assertEquals("content/2020/u/p.yaml:1:7", map.at("name.first").toString());
    }

    @Test
    void keepsAPositionInAnotherFileAsWritten() {
        PositionMap.Builder builder = new PositionMap.Builder(FILE, new SharedStrings());
        builder.putIfAbsent("a", new SourcePosition(FILE, 1, 1));
        builder.putIfAbsent("b", new SourcePosition("content/site.yaml", 2, 3));
        builder.putIfAbsent("a", new SourcePosition(FILE, 5, 5));
        Map<String, SourcePosition> built = builder.build();
        assertEquals(Map.of("a", new SourcePosition(FILE, 1, 1), "b", new SourcePosition("content/site.yaml", 2, 3)), built);
    }

    @Test
    void anEmptyFileHasNoPositions() {
        assertSame(Map.of(), new PositionMap.Builder(FILE, new SharedStrings()).build());
    }

    @Test
    void keepsLinesAndColumnsTooLargeToPackExactly() {
        PositionMap.Builder builder = new PositionMap.Builder(FILE, new SharedStrings());
        builder.putIfAbsent("a", new SourcePosition(FILE, 3, 4095));
        builder.putIfAbsent("b", new SourcePosition(FILE, 1_048_575, 1));
        assertEquals(Map.of("a", new SourcePosition(FILE, 3, 4095), "b", new SourcePosition(FILE, 1_048_575, 1)), builder.build());
        builder.putIfAbsent("c", new SourcePosition(FILE, 2, 4096));
        builder.putIfAbsent("d", new SourcePosition(FILE, 1_048_576, 7));
        builder.putIfAbsent("e", new SourcePosition(FILE, 0, 0));
        assertEquals(Map.of("a", new SourcePosition(FILE, 3, 4095), "b", new SourcePosition(FILE, 1_048_575, 1),
                "c", new SourcePosition(FILE, 2, 4096), "d", new SourcePosition(FILE, 1_048_576, 7),
                "e", new SourcePosition(FILE, 0, 0)), builder.build());
    }
}
