package jixiao.claims;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text a pattern is gated by is one that every match contains, or none at all. */
class GatedPatternTest {

    @Test
    void theBuiltInCountPatternsAreGatedByTheWordsOutsideTheirGroups() {
        Vocabulary v = Vocabulary.builtIn();
        assertEquals(List.of("项目", "项目预算", "项目总数"),
                v.projectCounts().stream().map(p -> GatedPattern.requiredText(p.pattern())).toList());
        assertEquals("的共", GatedPattern.requiredText(v.gradedCount().pattern()));
    }

    @Test
    void aQuantifiedCharacterIsNotRequired() {
        assertEquals("ab", GatedPattern.requiredText("abc?"));
        assertEquals("xy", GatedPattern.requiredText("a*xy"));
        assertEquals("cd", GatedPattern.requiredText("ab{0,2}cd"));
        // "At least one" is required, but any quantifier ends the run: conservative, never wrong.
        assertNull(GatedPattern.requiredText("a+"));
    }

    @Test
    void escapesClassesAndWildcardsEndARun() {
        assertEquals("项目", GatedPattern.requiredText("\\d+项目\\s*[个项]"));
        assertEquals("ab", GatedPattern.requiredText("a.ab"));
        assertNull(GatedPattern.requiredText("\\d+[%％]"));
    }

    @Test
    void patternsThatCanMatchWithoutAnyTextAreNotGated() {
        assertNull(GatedPattern.requiredText("项目|预算"), "an alternative at the top level");
        assertNull(GatedPattern.requiredText("(?i)abc"), "an inline flag");
        assertNull(GatedPattern.requiredText("\\Qa|b\\E"), "a quoted text");
        assertNull(GatedPattern.requiredText("(共计)?"));
        for (String longEscape : List.of("\\u4E00项目", "\\x41项目", "\\0101项目", "\\p{IsHan}项目", "(a)\\1项目", "(?<n>a)\\k<n>项目", "\\cA项目")) {
            assertNull(GatedPattern.requiredText(longEscape), longEscape + ": an escape that runs past its letter");
        }
        assertEquals("项目", GatedPattern.requiredText("\\.项目"), "an escaped sign is one character");
        assertTrue(GatedPattern.of(Pattern.compile("abc", Pattern.CASE_INSENSITIVE)).needs().isEmpty());
    }

    @Test
    void aTextWithoutTheGateIsNotSearchedAndOneWithItIs() {
        GatedPattern count = GatedPattern.of(Pattern.compile("(\\d+)个项目"));
        assertNull(count.in("本年度共10个专项"));
        Matcher m = count.in("本年度共10个项目");
        assertNotNull(m);
        assertTrue(m.find());
        assertEquals("10", m.group(1));
    }
    private static final String[] ATOMS = {"a", "b", "项", "目", "\\d", "\\.", ".", "[ab]", "[项x]", "\\s", "1", "%"};
    private static final String[] QUANTIFIERS = {"", "", "", "?", "*", "+", "{0,2}", "{2}", "??", "+?"};

    /** A random pattern of literals, classes, escapes, groups, alternatives, lookaheads and quantifiers. */
    private static String randomPattern(Random random, int depth) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            int kind = random.nextInt(10);
            if (kind < 6 || depth > 2) sb.append(ATOMS[random.nextInt(ATOMS.length)]);
            else if (kind < 8) sb.append('(').append(randomPattern(random, depth + 1)).append(')');
            else if (kind < 9) sb.append("(?:").append(randomPattern(random, depth + 1)).append('|').append(randomPattern(random, depth + 1)).append(')');
            else sb.append("(?=").append(randomPattern(random, depth + 1)).append(')');
            sb.append(QUANTIFIERS[random.nextInt(QUANTIFIERS.length)]);
        }
        if (depth == 0 && random.nextInt(8) == 0) sb.append('|').append(randomPattern(random, 1));
        return sb.toString();
    }

    @Test
    void everyMatchOfARandomPatternHoldsTheTextItIsGatedBy() {
        Random random = new Random(42);
        String alphabet = "ab项目x1.% ";
        int gated = 0;
        int matches = 0;
        for (int t = 0; t < 20_000; t++) {
            String regex = randomPattern(random, 0);
            String required = GatedPattern.requiredText(regex);
            if (required == null) continue;
            gated++;
            Pattern pattern = Pattern.compile(regex);
            for (int s = 0; s < 30; s++) {
                StringBuilder text = new StringBuilder();
                for (int i = random.nextInt(9); i > 0; i--) text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    matches++;
                    assertTrue(m.group().contains(required), regex + " gated by " + required + " matched " + m.group() + " in " + text);
                }
            }
        }
        assertTrue(gated > 2_000 && matches > 10_000, "the random patterns were gated and matched: " + gated + ", " + matches);
    }
}
