package jixiao.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code java -jar jixiao.jar build} runs as fast as {@code ./jixiao build}: the JVM's options (C1 only,
 * the parallel collector, a small young generation; see jvm.options) cannot be set from inside a
 * running JVM, and without them a 10,000-project build took 2.5 times as long. So when the jar is
 * started without them, for a command that reads the whole content, it starts itself again with
 * them and passes on what the child says and its exit code. The user's own JVM options come after
 * jvm.options', so they win.
 *
 * <p>Not relaunched: quick commands (new, schema, help), where a second JVM would cost more than it
 * saves; serve, which runs long enough for the default compiler to pay and must stop with its
 * terminal; a JVM started with {@value #LAUNCHED} (by ./jixiao, or by a relaunch); and
 * {@code JIXIAO_RELAUNCH=0}.
 */
final class Relaunch {

    /** Set on a JVM that already runs with jvm.options. */
    static final String LAUNCHED = "jixiao.launched";
    private static final Set<String> HEAVY_COMMANDS = Set.of("check", "build", "diff");
    private static final String OPTIONS_RESOURCE = "/jixiao/jvm.options";

    private Relaunch() {
    }

    /** The command line that runs {@code args} again with jvm.options, if this JVM should hand over to it. */
    static Optional<List<String>> command(List<String> args) {
        // Cheapest test first: quick commands should not even load the management classes asked for below.
        if (args.isEmpty() || !HEAVY_COMMANDS.contains(args.get(0)) || args.contains("-h") || args.contains("--help")) {
            return Optional.empty();
        }
        if (System.getProperty(LAUNCHED) != null || "0".equals(System.getenv("JIXIAO_RELAUNCH"))) return Optional.empty();
        Optional<String> java = ProcessHandle.current().info().command();
        Path jar = jar();
        if (java.isEmpty() || jar == null) return Optional.empty();
        return command(args, java.get(), jar, options(), ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /**
     * The command line for {@code args}: {@code java}, jvm.options' {@code options}, this JVM's own
     * {@code userOptions} (after them, so that they win), the mark, the jar and the arguments; empty
     * for a command that is not worth a second JVM.
     */
    static Optional<List<String>> command(List<String> args, String java, Path jar, List<String> options, List<String> userOptions) {
        if (args.isEmpty() || !HEAVY_COMMANDS.contains(args.get(0)) || options.isEmpty()) return Optional.empty();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(options);
        command.addAll(userOptions);
        command.add("-D" + LAUNCHED + "=true");
        command.add("-cp");
        command.add(jar.toString());
        command.add(Main.class.getName());
        command.addAll(args);
        return Optional.of(command);
    }

    /** Runs {@code command} with this process's standard streams; its exit code. */
    static int run(List<String> command) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(command).inheritIO().start();
        // If this JVM is stopped (Ctrl-C, a CI time-out), the child stops with it.
        Thread stop = new Thread(child::destroy, "jixiao-relaunch-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        int code = child.waitFor();
        Runtime.getRuntime().removeShutdownHook(stop);
        return code;
    }

    /** The jar this class was loaded from; null when run from classes (tests, an IDE). */
    private static Path jar() {
        try {
            Path location = Path.of(Relaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) && location.toString().endsWith(".jar") ? location : null;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }

    /** jvm.options as shipped in the jar: one option a line, # starts a comment. */
    static List<String> options() {
        try (InputStream in = Relaunch.class.getResourceAsStream(OPTIONS_RESOURCE)) {
            if (in == null) return List.of();
            List<String> options = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int comment = line.indexOf('#');
                String option = (comment < 0 ? line : line.substring(0, comment)).strip();
                if (!option.isEmpty()) options.add(option);
            }
            return options;
        } catch (IOException e) {
            return List.of();
        }
    }
}
