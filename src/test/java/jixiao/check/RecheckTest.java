package jixiao.check;

import jixiao.content.ContentLoader;
import jixiao.content.DirectorySource;
import jixiao.diagnostic.Finding;
import jixiao.testing.ContentFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One project file checked again alone ({@link Checker#recheck}, what {@code serve} does on a save) gives what a
 * whole check of the same files gives, also when the edit changes findings in the year's report.md or its unit's
 * unit.md: the prose there states the project's figures and lists its name (src/test/resources/claims).
 */
class RecheckTest {

    @TempDir
    Path tmp;
    Path content;
    DirectorySource source;
    CheckResult before;

    @BeforeEach
    void check() throws IOException {
        content = ContentFixture.copy("claims", tmp).resolve("content");
        source = new DirectorySource(content);
        before = Checker.check(source);
    }

    /**
     * Serve re-read all 10,000 projects on each save (issue 14): unit.md's 支出率为88.2% finding lists the unit's
     * project names, so renaming one changed a finding outside the project's files, which recheck declined.
     */
    @Test
    void aRenameThatChangesTheNamesListedInAUnitsProseFindingIsCheckedAlone() throws IOException {
        edit("2020/unit-a/employment-fund.yaml", "name: 就业专项资金", "name: 就业专项资金（改）");
        CheckResult after = assertRecheckIsAWholeCheck("2020/unit-a/employment-fund.yaml");
        assertNotEquals(proseIn(before, "unit-a/unit.md"), proseIn(after, "unit-a/unit.md"));
    }

    @Test
    void anAmountThatTheUnitsProseTotalsIsCheckedAlone() throws IOException {
        // 实际支出150万元 against 140 becomes right, 支出率为88.2% stays wrong with other figures.
        edit("2020/unit-a/entrepreneurship.yaml", "executed: { total: 10, fiscal: 10 }", "executed: { total: 20, fiscal: 20 }");
        CheckResult after = assertRecheckIsAWholeCheck("2020/unit-a/entrepreneurship.yaml");
        assertNotEquals(proseIn(before, "unit-a/unit.md"), proseIn(after, "unit-a/unit.md"));
    }

    @Test
    void aScoreAndGradeThatTheUnitsProseStatesIsCheckedAlone() throws IOException {
        // 评价总得分90分 under its heading, 评价等级全部为优 and 评优率100% all become true.
        edit("2020/unit-a/entrepreneurship.yaml", "  total: 85\n  grade: 良", "  total: 90\n  grade: 优");
        CheckResult after = assertRecheckIsAWholeCheck("2020/unit-a/entrepreneurship.yaml");
        assertNotEquals(proseIn(before, "unit-a/unit.md"), proseIn(after, "unit-a/unit.md"));
    }

    @Test
    void anAmountThatTheYearsReportStatesIsCheckedAlone() throws IOException {
        // report.md's 区级创业扶持及引进人才经费25万元 becomes right.
        edit("2020/unit-a/entrepreneurship.yaml", "planned:  { total: 20, fiscal: 20 }", "planned:  { total: 25, fiscal: 25 }");
        CheckResult after = assertRecheckIsAWholeCheck("2020/unit-a/entrepreneurship.yaml");
        assertNotEquals(proseIn(before, "report.md"), proseIn(after, "report.md"));
    }

    @Test
    void aProjectsOwnNarrativeIsCheckedAlone() throws IOException {
        Files.writeString(content.resolve("2020/unit-b/land.md"), "本项目预算2000万元。\n");
        before = Checker.check(source);
        edit("2020/unit-b/land.md", "2000万元", "2500万元");
        CheckResult after = assertRecheckIsAWholeCheck("2020/unit-b/land.yaml");
        assertEquals(1, proseIn(after, "unit-b/land.md").size());
    }

    private CheckResult assertRecheckIsAWholeCheck(String file) throws IOException {
        String narrative = file.replace(".yaml", ".md");
        ContentLoader.Reloaded reloaded = ContentLoader.reloadProject(source, before.content().site(), file,
                Files.exists(content.resolve(narrative)) ? narrative : null);
        Optional<CheckResult> rechecked = Checker.recheck(before, reloaded, source);
        assertTrue(rechecked.isPresent(), "checked alone");
        CheckResult whole = Checker.check(source);
        assertEquals(lines(whole.findings()), lines(rechecked.get().findings()));
        assertEquals(whole.scores(), rechecked.get().scores());
        return rechecked.get();
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = content.resolve(file);
        String text = Files.readString(path);
        assertTrue(text.contains(from), file + " should contain " + from);
        Files.writeString(path, text.replace(from, to));
    }

    private static List<String> proseIn(CheckResult r, String file) {
        return lines(r.findings().stream().filter(f -> f.code().equals(ProseClaimChecks.CODE) && f.position().file().endsWith("/2020/" + file)).toList());
    }

    private static List<String> lines(List<Finding> findings) {
        return findings.stream().map(Finding::toCompilerLine).toList();
    }
}
