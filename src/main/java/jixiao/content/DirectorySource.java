package jixiao.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Content read from a folder on disk. Symbolic links are not followed, so nothing outside the folder is read. */
public final class DirectorySource implements ContentSource {

    private final Path root;

    public DirectorySource(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public List<String> files() throws IOException {
        // The walk does not follow links and hands over each file's attributes, read without following links.
        try (Stream<Path> walk = Files.find(root, Integer.MAX_VALUE, (p, attributes) -> attributes.isRegularFile())) {
            return walk.map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !isHidden(p))
                    .sorted()
                    .toList();
        }
    }

    /** Editors' and git's own files (.git, .DS_Store, .vscode, swap files) are not content. */
    public static boolean isHidden(String relative) {
        if (relative.startsWith(".") || relative.contains("/.")) return true;
        return relative.endsWith("~");
    }

    @Override
    public byte[] read(String path) throws IOException {
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root)) throw new IOException("outside the content folder: " + path);
        try (InputStream in = Files.newInputStream(file)) {
            // One byte over the limit is enough to report the file as too large without reading it all.
            return in.readNBytes(YamlReader.MAX_BYTES + 1);
        }
    }

    @Override
    public String displayRoot() {
        Path name = root.getFileName();
        return name == null ? "content" : name.toString();
    }
}
