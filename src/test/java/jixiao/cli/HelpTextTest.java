package jixiao.cli;

import jixiao.testing.Golden;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every command's help, pinned in a golden file of its own (src/test/resources/golden/help/). */
class HelpTextTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> with(String command, String... more) {
        List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : Arrays.asList(command.split(" ")));
        args.addAll(List.of(more));
        return args;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "check", "build", "serve", "diff", "new", "new project", "new unit", "new year", "import", "schema",
            "help", "completion"})
    void helpOfEveryCommandMatchesItsGoldenFile(String command) {
        Run help = run(with(command, "--help"));
        assertEquals(new Run(ExitCode.OK, help.out(), ""), help);
        Golden.assertMatches("help/" + (command.isEmpty() ? "jixiao" : command.replace(' ', '-')) + ".txt", help.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "check", "build", "serve", "diff", "new", "new project", "new unit", "new year", "import", "schema",
            "help", "completion"})
    void dashHAndTheHelpCommandSayTheSameAsDashDashHelp(String command) {
        Run help = run(with(command, "--help"));
        assertEquals(help, run(with(command, "-h")));
        assertEquals(help, run(with("help " + command)));
    }
}
