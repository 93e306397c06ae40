package jixiao.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The {@code jixiao} command line. {@link #run} returns the exit code, so every command is testable in-process. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        var relaunch = Relaunch.command(Arrays.asList(args));
        if (relaunch.isPresent()) {
            try {
                System.exit(Relaunch.run(relaunch.get()));
            } catch (java.io.IOException | InterruptedException e) {
                // Could not start a second JVM: run here, only slower.
            }
        }
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(Arrays.asList(args), out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return Cli.run(args, out, err);
    }
}
