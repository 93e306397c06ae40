package jixiao.build;

import jixiao.check.CheckResult;
import jixiao.check.Checker;
import jixiao.content.DirectorySource;
import jixiao.content.Project;
import jixiao.content.Year;
import jixiao.score.ProjectScore;
import jixiao.testing.ContentFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A model part's hash is what it holds, however it was reached: alone, or remembered from all cores. */
class PartHashTest {

    @Test
    void hashesRememberedOnAllCoresAreThoseOneInstanceMakesAlone(@TempDir Path tmp) throws IOException {
        Path content = ContentFixture.copy("compare/content", tmp.resolve("content"));
        CheckResult result = Checker.check(new DirectorySource(content));
        List<Project> projects = result.content().years().stream().flatMap(Year::projects).toList();
        List<ProjectScore> scores = projects.stream().map(result::score).toList();

        PartHash alone = new PartHash();
        PartHash remembering = new PartHash();
        remembering.rememberAll(projects);
        remembering.rememberAll(scores); // each score holds its project: read from what was remembered
        Set<PartHash.Value> distinct = new HashSet<>();
        for (int i = 0; i < projects.size(); i++) {
            assertEquals(alone.of(projects.get(i)), remembering.of(projects.get(i)), projects.get(i).file());
            assertEquals(alone.of(scores.get(i)), remembering.of(scores.get(i)), projects.get(i).file());
            distinct.add(alone.of(projects.get(i)));
        }
        assertEquals(projects.size(), distinct.size(), "every project hashes differently");
        assertTrue(projects.size() > 5);
    }
}
