package jixiao.render;

import jixiao.testing.Builds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, "nothing meaningless published", on the real content's public edition: words that explain a figure
 * never sit in a number cell (which does not wrap), and the 被征地农民 form, whose scores include 优 and 良,
 * shows no computed figure that counts a word as 0.
 */
class PublicNotesTest {

    @TempDir
    static Path out;
    static Path year;

    @BeforeAll
    static void build() {
        Builds.build(Builds.realContent(), out);
        year = out.resolve("public/2020");
    }

    static String page(String path) {
        return Builds.read(year.resolve(path));
    }

    /** The text of every {@code td.num} cell, markup of nested elements other than .cell-note and .avg kept out. */
    static void assertNumberCellsHoldNoSentences(String path) {
        Matcher m = Pattern.compile("<td class=\"num\"[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(page(path));
        while (m.find()) {
            String cell = m.group(1).replaceAll("<span class=\"(cell-note|note)\">.*?</span>", "")
                    .replaceAll("<[^>]+>", "").strip();
            assertFalse(cell.contains("；") || cell.contains("，") || cell.length() > 30, path + ": " + cell);
        }
    }

    @Test
    void reasonsAndNotesAreOutsideNumberCells() {
        String form = "labor/land-acquired-farmers-security.html";
        assertNumberCellsHoldNoSentences(form);
        assertNumberCellsHoldNoSentences("index.html");
        assertNumberCellsHoldNoSentences("report.html");
        assertTrue(page(form).contains("<tr class=\"note-row\"><td colspan=\"8\">核算总分无法核算："), "the reason in a row of its own");
        assertTrue(page("index.html").contains("<span class=\"cell-note\">1 个项目无法核算，未计入</span>"));
    }
}
