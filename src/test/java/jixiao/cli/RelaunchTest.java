package jixiao.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RelaunchTest {

    private static final Path JAR = Path.of("/opt/jixiao/jixiao.jar");

    @Test
    void theOptionsShippedInTheJarAreJvmOptionsLessItsComments() throws Exception {
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("jvm.options"))) {
            String option = line.replaceAll("#.*", "").strip();
            if (!option.isEmpty()) expected.add(option);
        }

        assertEquals(expected, Relaunch.options());
        assertEquals("-XX:TieredStopAtLevel=1", Relaunch.options().get(0));
    }

    @Test
    void aBuildStartsItselfAgainWithTheOptionsThenTheUsersOwnThenTheMark() {
        Optional<List<String>> command = Relaunch.command(List.of("build", "--out", "site"), "/usr/bin/java", JAR,
                List.of("-XX:TieredStopAtLevel=1", "-Xmn128m"), List.of("-Xmx2g", "-Djixiao.threads=1"));

        assertEquals(Optional.of(List.of("/usr/bin/java", "-XX:TieredStopAtLevel=1", "-Xmn128m", "-Xmx2g", "-Djixiao.threads=1",
                "-Djixiao.launched=true", "-cp", JAR.toString(), "jixiao.cli.Main", "build", "--out", "site")), command);
    }

    @Test
    void quickAndLongRunningCommandsRunWhereTheyAre() {
        for (List<String> args : List.of(List.of("serve"), List.of("new", "year", "2021"), List.of("schema"), List.of("--help"), List.<String>of())) {
            assertEquals(Optional.empty(), Relaunch.command(args, "/usr/bin/java", JAR, List.of("-Xmn128m"), List.of()), args.toString());
        }
    }

    @Test
    void withoutOptionsInTheJarNothingIsRelaunched() {
        assertEquals(Optional.empty(), Relaunch.command(List.of("check"), "/usr/bin/java", JAR, List.of(), List.of()));
    }
}
