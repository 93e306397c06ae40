package jixiao.testing;

import jixiao.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Runs {@code jixiao build} in-process and reads what it wrote. */
public final class Builds {

    private Builds() {
    }

    public record Run(int exit, String out, String err) {
    }

    public static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Builds {@code content} into {@code out}, failing the test with the command's output unless it succeeds. */
    public static Run build(Path content, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("build", "--content", content.toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        Run run = run(args.toArray(String[]::new));
        if (run.exit() != 0) throw new AssertionError("build failed (" + run.exit() + "):\n" + run.out() + run.err());
        return run;
    }

    /** The real content of this checkout. */
    public static Path realContent() {
        return Path.of("content").toAbsolutePath();
    }

    /** The site fixture: two years, a draft, a project that moves units, three money units, private markers. */
    public static Path fixtureContent() {
        return ContentFixture.resource("site/fixture/content");
    }

    /**
     * Three years (2019–2021) of the comparison fixture: projects added, removed, moved between units
     * and renamed, a unit added, removed and renamed, indicators and narratives changed, a draft,
     * contacts and internal notes that change.
     */
    public static Path threeYearContent() {
        return ContentFixture.resource("compare/content");
    }

    /** Every regular file under {@code root}, by relative path with {@code /}, with its bytes. */
    public static SortedMap<String, byte[]> tree(Path root) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    public static List<Path> pages(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
