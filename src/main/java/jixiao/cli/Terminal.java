package jixiao.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Where a command prints: its report on {@code out}, messages and progress on {@code err}; and the
 * folder it was started in, which an editor opens as its workspace ({@code schema} writes
 * {@code .vscode/settings.json} there). Tests give a folder of their own.
 */
record Terminal(PrintStream out, PrintStream err, Path workingFolder) {

    Terminal(PrintStream out, PrintStream err) {
        this(out, err, Path.of(""));
    }
}
