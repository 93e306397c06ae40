package jixiao.render;

import jixiao.testing.Builds;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page built from content/, from the fixture and from the three-year comparison fixture
 * (changes pages, project histories with their trend charts), both editions, passes the Nu Html Checker
 * (validator.nu, the checker behind validator.w3.org/nu) run in-process: no errors. Also the
 * basics the checker does not insist on: the language, the viewport, landmarks, captions, scopes.
 */
class HtmlValidityTest {

    @TempDir
    static Path out;
    static List<Path> pages = new ArrayList<>();

    @BeforeAll
    static void build() {
        Builds.build(Builds.realContent(), out.resolve("real"));
        Builds.build(Builds.fixtureContent(), out.resolve("fixture"));
        Builds.build(Builds.threeYearContent(), out.resolve("three-years"));
        pages.addAll(Builds.pages(out));
        assertTrue(pages.contains(out.resolve("three-years/internal/2021/changes.html")));
    }

    @Test
    void everyPagePassesTheNuHtmlChecker() throws Exception {
        List<String> errors = new ArrayList<>();
        for (Path page : pages) errors.addAll(validate(out.relativize(page).toString(), Files.readAllBytes(page)));
        assertEquals(List.of(), errors);
        assertTrue(pages.size() > 50, "pages checked: " + pages.size());
    }

    /** So that a pass above means something: the same harness reports a page with errors. */
    @Test
    void theCheckerHarnessReportsErrors() throws Exception {
        byte[] bad = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"></head><body><table><tr><td rowspan=\"x\"></td></tr></table></body></html>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<String> errors = validate("bad.html", bad);
        assertTrue(errors.size() >= 2, errors.toString());
    }

    private static final List<String> reported = new ArrayList<>();
    private static SimpleDocumentValidator validator;

    /** The checker's errors for one page. The validator is set up once (loading its schemas takes seconds). */
    private static synchronized List<String> validate(String name, byte[] html) throws Exception {
        if (validator == null) {
            ErrorHandler handler = new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) {
                    reported.add(e.getSystemId() + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    error(e);
                }
            };
            validator = new SimpleDocumentValidator(true, false, false);
            validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", handler);
            validator.setUpValidatorAndParsers(handler, true, false);
        }
        reported.clear();
        InputSource source = new InputSource(new ByteArrayInputStream(html));
        source.setSystemId(name);
        source.setEncoding("UTF-8");
        validator.checkHtmlInputSource(source);
        return List.copyOf(reported);
    }

    @Test
    void everyPageHasLanguageViewportTitleAndLandmarks() {
        for (Path page : pages) {
            String html = Builds.read(page);
            for (String required : List.of("<html lang=\"zh-CN\">", "<meta charset=\"utf-8\">",
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", "<title>",
                    "<header", "<nav", "<main", "<footer")) {
                assertTrue(html.contains(required), page + " lacks " + required);
            }
        }
    }

    /** The site's own tables; a narrative's Markdown table (a plain {@code <table>}) has no way to write a caption. */
    @Test
    void everyTableHasACaptionAndEveryHeaderCellAScope() {
        for (Path page : pages) {
            String html = Builds.read(page);
            assertEquals(count(html, "<table class="), count(html, "<caption"), page + ": tables without a caption");
            assertEquals(0, count(html.replaceAll("<th [^>]*scope=\"[a-z]+\"", "").replace("<thead", ""), "<th"), page + ": th without scope");
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
        return n;
    }
}
