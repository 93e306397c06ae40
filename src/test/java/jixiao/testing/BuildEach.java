package jixiao.testing;

import jixiao.cli.Main;

import java.util.List;

/**
 * Builds each content folder into the output folder after it ({@code CONTENT OUT CONTENT OUT …})
 * in this one process: the determinism test starts one JVM for all its contents, since starting
 * a JVM per build cost more than the builds.
 */
public final class BuildEach {

    private BuildEach() {
    }

    public static void main(String[] args) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            int exit = Main.run(List.of("build", "--quiet", "--content", args[i], "--out", args[i + 1]), System.out, System.err);
            if (exit != 0) System.exit(exit);
        }
    }
}
