package jixiao.build;

import jixiao.output.Folders;
import jixiao.render.Templates;

import jixiao.content.DirectorySource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The templates and the stylesheet a site is rendered with: the ones built into the jar, or a user's
 * templates folder (compiled at once, with its own {@value #CSS_OVERRIDE} when it has one). The same for
 * {@code build} and {@code serve}. Close it to remove the compiled classes of a user's templates.
 */
public final class Look implements AutoCloseable {

    static final String CSS_RESOURCE = "/jixiao/site/site.css";
    /** A user's templates folder may carry its own stylesheet under this name. */
    static final String CSS_OVERRIDE = "site.css";

    private final Templates templates;
    private final byte[] css;
    /** The temporary folder of a user's compiled templates; null for the built-in ones. */
    private final Path classes;

    private Look(Templates templates, byte[] css, Path classes) {
        this.templates = templates;
        this.css = css;
        this.classes = classes;
    }

    /** The templates precompiled into the jar from site-templates/, and its stylesheet. */
    public static Look builtIn() throws IOException {
        return new Look(Templates.precompiled(), resource(CSS_RESOURCE), null);
    }

    /**
     * A user's templates, every page compiled now (into a temporary folder that {@link #close} removes),
     * and the folder's {@value #CSS_OVERRIDE} or else the built-in stylesheet. Editing the folder afterwards
     * changes nothing in this look: load it again.
     *
     * @param folder null for {@link #builtIn()}
     * @throws IllegalArgumentException when a page template is missing
     * @throws RuntimeException         a template error ({@link Templates#isTemplateError}) when one does not compile
     */
    public static Look of(Path folder) throws IOException {
        if (folder == null) return builtIn();
        Path classes = Files.createTempDirectory("jixiao-templates-");
        try {
            Templates templates = Templates.fromDirectory(folder, classes);
            Path own = folder.resolve(CSS_OVERRIDE);
            byte[] css = Files.isRegularFile(own) ? Files.readAllBytes(own) : resource(CSS_RESOURCE);
            return new Look(templates, css, classes);
        } catch (IOException | RuntimeException e) {
            Folders.deleteQuietly(classes);
            throw e;
        }
    }

    /**
     * What a templates folder holds, as one hash: the path and bytes of every file in it, hidden ones
     * (an editor's swap files) left out. Two folders with the same fingerprint compile to the same look.
     */
    public static String fingerprint(Path folder) throws IOException {
        MessageDigest digest = sha256();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        for (Path file : files) {
            String relative = folder.relativize(file).toString().replace('\\', '/');
            if (DirectorySource.isHidden(relative)) continue;
            byte[] name = relative.getBytes(StandardCharsets.UTF_8);
            byte[] bytes = Files.readAllBytes(file);
            // Lengths first, so that no two different folders give the same stream of bytes.
            digest.update(ByteBuffer.allocate(16).putLong(name.length).putLong(bytes.length).array());
            digest.update(name);
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    public Templates templates() {
        return templates;
    }

    /** The stylesheet, as written to every edition (not to be changed). */
    public byte[] css() {
        return css;
    }

    @Override
    public void close() {
        if (classes != null) Folders.deleteQuietly(classes);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = Look.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("程序包中缺少 " + name);
            return in.readAllBytes();
        }
    }
}
