package jixiao.format;

import jixiao.check.CheckResult;
import jixiao.check.Checker;
import jixiao.content.DirectorySource;
import jixiao.testing.Golden;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CheckJsonTest {

    @Test
    void jsonReportIsTheSameWhateverHowManyProjectsAreMadeAtOnce() throws Exception {
        // The projects' parts are made in parallel slices; the bytes must be one generator's.
        CheckResult result = Checker.check(new DirectorySource(Path.of("content")));
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        CheckJson.write(result, whole);
        for (int slice : new int[]{1, 2, 5, 1000}) {
            ByteArrayOutputStream sliced = new ByteArrayOutputStream();
            CheckJson.write(result, sliced, slice);
            assertEquals(whole.toString(StandardCharsets.UTF_8), sliced.toString(StandardCharsets.UTF_8), "slice " + slice);
        }
        Golden.assertMatches("check/content.json", whole.toString(StandardCharsets.UTF_8));
    }
}
