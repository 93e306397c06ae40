package jixiao.render;

import jixiao.site.PagedYear;
import jixiao.testing.Builds;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fixture carries a unique marker in every private field: the contact's name and phone,
 * the internal notes, and a draft project's id, name, narrative, goals, indicators, problems
 * and its unusual budget (7777.77). Every byte of the public edition is searched for each,
 * inside every entry of a zip (summary.xlsx, whose XML parts are compressed) as well, and again with
 * character references resolved (the workbook's XML writes CJK text as {@code &#x…;});
 * the internal edition must contain each, so that the search can fail. The fixture's second year
 * changes the contact and the notes and drops the draft, so the internal changes page shows all of
 * them and the public one must show none.
 */
class PublicEditionPrivacyTest {

    @TempDir
    static Path out;
    static SortedMap<String, byte[]> publicFiles;
    static SortedMap<String, byte[]> internalFiles;

    @BeforeAll
    static void build() {
        Builds.build(Builds.fixtureContent(), out.resolve("whole"));
        // The same content with every year split into pages by unit (report parts, changes parts, data.json.gz),
        // as a year of more than PagedYear.FORMS_PER_PAGE forms is: searched too, as split/….
        String before = System.getProperty(PagedYear.FORMS_PER_PAGE_PROPERTY);
        System.setProperty(PagedYear.FORMS_PER_PAGE_PROPERTY, "1");
        try {
            Builds.build(Builds.fixtureContent(), out.resolve("split"));
        } finally {
            if (before == null) System.clearProperty(PagedYear.FORMS_PER_PAGE_PROPERTY);
            else System.setProperty(PagedYear.FORMS_PER_PAGE_PROPERTY, before);
        }
        publicFiles = both(out, "public");
        internalFiles = both(out, "internal");
        assertTrue(publicFiles.containsKey("split/2020/data.json.gz!"), "the split build's compressed data is searched");
        assertTrue(publicFiles.containsKey("split/2020/report_talent.html"), publicFiles.keySet().toString());
    }

    private static SortedMap<String, byte[]> both(Path out, String edition) {
        SortedMap<String, byte[]> files = unzipped(Builds.tree(out.resolve("whole").resolve(edition)));
        unzipped(Builds.tree(out.resolve("split").resolve(edition))).forEach((path, bytes) -> files.put("split/" + path, bytes));
        return files;
    }

    @Test
    void theWorkbooksAreSearchedInsideTheirZip() {
        assertTrue(publicFiles.containsKey("2020/summary.xlsx!xl/sharedStrings.xml"), publicFiles.keySet().toString());
        assertTrue(publicFiles.containsKey("2020/summary.xlsx!xl/worksheets/sheet1.xml"), publicFiles.keySet().toString());
        assertFalse(filesContaining(internalFiles, "草稿项目QX7ZK4").stream().filter(f -> f.contains(".xlsx!")).toList().isEmpty(),
                "the internal summary.xlsx names the draft");
        assertFalse(filesContaining(internalFiles, "7777.77").stream().filter(f -> f.contains(".xlsx!")).toList().isEmpty(),
                "the internal summary.xlsx has the draft's budget");
        assertTrue(publicFiles.containsKey("2020/report.docx!word/document.xml"), publicFiles.keySet().toString());
        assertFalse(filesContaining(internalFiles, "7777.77").stream().filter(f -> f.contains(".docx!")).toList().isEmpty(),
                "the internal report.docx has the draft's budget");
    }

    /**
     * The files, with every entry of each .xlsx added as {@code file!entry} with its uncompressed bytes (a .gz file's
     * content as {@code file!}), and
     * every file or entry that uses character references ({@code &#x8349;}, as summary.xlsx's XML writes
     * every CJK character) added once more as {@code …#decoded} with them resolved, so that a marker is found
     * however it was encoded.
     */
    static SortedMap<String, byte[]> unzipped(SortedMap<String, byte[]> files) {
        SortedMap<String, byte[]> all = new TreeMap<>(files);
        files.forEach((path, bytes) -> {
            if (path.endsWith(".gz")) {
                try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                    all.put(path + "!", gzip.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return;
            }
            if (!path.endsWith(".xlsx") && !path.endsWith(".docx")) return;
            try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(bytes))) {
                for (ZipArchiveEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    all.put(path + "!" + e.getName(), zip.readAllBytes());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        new TreeMap<>(all).forEach((path, bytes) -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.contains("&")) all.put(path + "#decoded", decodeReferences(text).getBytes(StandardCharsets.UTF_8));
        });
        return all;
    }

    private static final Pattern REFERENCE = Pattern.compile("&(#[xX][0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);");

    /** XML and HTML character references resolved: numeric ones and the five that XML predefines. */
    static String decodeReferences(String text) {
        return REFERENCE.matcher(text).replaceAll(m -> {
            String ref = m.group(1);
            String resolved = switch (ref) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> Character.toString(ref.charAt(1) == 'x' || ref.charAt(1) == 'X'
                        ? Integer.parseInt(ref.substring(2), 16) : Integer.parseInt(ref.substring(1)));
            };
            return Matcher.quoteReplacement(resolved);
        });
    }

    @Test
    void characterReferencesAreResolvedBeforeSearching() {
        assertEquals("草稿 <a> & 7", decodeReferences("&#x8349;&#31295; &lt;a&gt; &amp; &#55;"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "联系人标记QX7ZK1",       // contact name (a final project and the draft)
            "0315-PHONEQX7ZK2",      // contact phone
            "内部备注标记QX7ZK3",     // internal notes of a final project
            "草稿项目QX7ZK4",         // the draft's name
            "draft-qx7zk5",          // the draft's id (file stem, so also its page name)
            "草稿叙述QX7ZK6",         // the draft's narrative
            "草稿指标QX7ZK7",         // the draft's indicator names
            "草稿解释QX7ZK7",         // and definitions
            "草稿目标QX7ZK8",         // the draft's goals
            "草稿问题QX7ZK9",         // the draft's problems
            "草稿内部备注QX7ZK3",     // the draft's internal notes
            "7777.77",               // the draft's budget, so totals leave it out too
    })
    void privateMarkerIsInTheInternalEditionOnly(String marker) {
        assertEquals(List.of(), filesContaining(publicFiles, marker), "public files containing " + marker);
        assertFalse(filesContaining(internalFiles, marker).isEmpty(), "the internal edition should contain " + marker);
    }

    /** Editors' notes in HTML comments (a narrative's, inline and as a block, and the problems') reach no byte of either edition. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"行内注释标记QX7ZKA", "整段注释标记QX7ZKB", "问题注释标记QX7ZKC"})
    void htmlCommentIsInNeitherEdition(String marker) {
        assertEquals(List.of(), filesContaining(publicFiles, marker), "public files containing " + marker);
        assertEquals(List.of(), filesContaining(internalFiles, marker), "internal files containing " + marker);
        // Not even the comment's delimiters; the internal edition has them in the html-comment findings it shows.
        assertEquals(List.of(), filesContaining(publicFiles, "<!--"));
        assertEquals(List.of(), filesContaining(publicFiles, "&lt;!--"));
        assertTrue(filesContaining(internalFiles, "html-comment").contains("2020/inspection/index.html"));
        for (SortedMap<String, byte[]> files : List.of(publicFiles, internalFiles)) {
            String unit = new String(files.get("2020/inspection/index.html"), StandardCharsets.UTF_8);
            assertTrue(unit.contains("等级 优。</p>"), "the text around the comment is there");
            String project = new String(files.get("2020/inspection/inspection-fund.html"), StandardCharsets.UTF_8);
            assertTrue(project.contains("增加检查频次。</li>"), project);
        }
    }

    @Test
    void publicEditionShowsNoFindings() {
        for (String marker : List.of("class=\"findings\"", "class=\"review\"", "score-mismatch", "total-mismatch", "核查问题", "内部版", "\"findings\"")) {
            assertEquals(List.of(), filesContaining(publicFiles, marker), "public files containing " + marker);
            assertFalse(filesContaining(internalFiles, marker).isEmpty(), "the internal edition should contain " + marker);
        }
    }

    @Test
    void publicTotalsLeaveTheDraftOut() {
        String year = new String(publicFiles.get("2020/index.html"), StandardCharsets.UTF_8);
        // 5万元 + 12000元 + 0.1039亿元, without the draft's 7777.77万元.
        assertTrue(year.contains("预算 1045.2万元"), "public report narrative total");
        String internal = new String(internalFiles.get("2020/index.html"), StandardCharsets.UTF_8);
        assertTrue(internal.contains("预算 8822.97万元"), "internal report narrative total includes the draft");
        assertFalse(publicFiles.containsKey("2020/talent/draft-qx7zk5.html"));
        assertTrue(internalFiles.containsKey("2020/talent/draft-qx7zk5.html"));
    }

    /** The changes page and the project history are among the files searched above, with the markers in them internally. */
    @Test
    void theChangesPageAndProjectHistoryAreCoveredByTheSearch() {
        assertTrue(publicFiles.containsKey("2021/changes.html"));
        String internal = new String(internalFiles.get("2021/changes.html"), StandardCharsets.UTF_8);
        for (String marker : List.of("草稿项目QX7ZK4", "draft-qx7zk5", "7777.77", "0315-PHONEQX7ZK2", "内部备注标记QX7ZK3")) {
            assertTrue(internal.contains(marker), "the internal changes page should show " + marker);
        }
        String history = new String(publicFiles.get("2021/personnel/inspection-fund.html"), StandardCharsets.UTF_8);
        assertTrue(history.contains("id=\"history_table\""), "the public project page has a history");
    }

    private static List<String> filesContaining(Map<String, byte[]> files, String marker) {
        byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        files.forEach((path, bytes) -> {
            if (indexOf(bytes, needle) >= 0 || path.contains(marker)) found.add(path);
        });
        return found;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
