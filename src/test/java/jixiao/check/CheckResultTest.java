package jixiao.check;

import jixiao.content.DirectorySource;
import jixiao.diagnostic.Finding;
import jixiao.testing.Builds;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a check result answers about its findings. */
class CheckResultTest {

    @Test
    void theFindingsOfAFileAreThoseAmongAllThatNameIt() throws IOException {
        CheckResult result = Checker.check(new DirectorySource(Builds.fixtureContent()));
        Set<String> files = new TreeSet<>();
        for (Finding f : result.findings()) files.add(f.position().file());
        assertTrue(files.size() > 3, "the fixture has findings in several files: " + files);
        // Every file with findings (the first and last in report order among them), and names between, before and after them.
        files.add("");
        files.add("content/2020/a-file-without-findings.yaml");
        files.add("~after every file");
        for (String file : files) {
            List<Finding> expected = result.findings().stream().filter(f -> f.position().file().equals(file)).toList();
            assertEquals(expected, result.in(file), file);
        }
    }
}
