package jixiao.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies content fixtures from src/test/resources into a temp folder that a test may change. */
public final class ContentFixture {

    private ContentFixture() {
    }

    /** The path of a test resource folder or file. */
    public static Path resource(String name) {
        try {
            var url = ContentFixture.class.getResource("/" + name);
            if (url == null) throw new IllegalArgumentException("no test resource " + name);
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the resource folder {@code name} into {@code target} and returns {@code target}. */
    public static Path copy(String name, Path target) {
        copyTree(resource(name), target);
        return target;
    }

    public static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
