package jixiao.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where a command prints: its report on {@code out}, messages and progress on {@code err}; and the
 * folder it was started in, which an editor opens as its workspace ({@code schema} writes
 * {@code .vscode/settings.json} there); and the environment variables it reads (CI's
 * {@code GITHUB_STEP_SUMMARY}). Tests give a folder and an environment of their own.
 */
record Terminal(PrintStream out, PrintStream err, Path workingFolder, Function<String, String> environment) {

    Terminal(PrintStream out, PrintStream err, Path workingFolder) {
        this(out, err, workingFolder, System::getenv);
    }

    Terminal(PrintStream out, PrintStream err) {
        this(out, err, Path.of(""));
    }

    /** An environment variable's value, or null when it is not set. */
    String env(String name) {
        return environment.apply(name);
    }
}
