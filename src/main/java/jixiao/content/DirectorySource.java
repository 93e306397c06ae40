package jixiao.content;

import jixiao.diagnostic.IoReason;
import jixiao.diagnostic.Visible;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * Content read from a folder on disk. Symbolic links are not followed, so nothing outside the folder is
 * read; they, and whatever else is not a plain file or folder, are listed as skipped so the editor is told.
 * A folder that cannot be read stops the walk with the path and the system's reason.
 */
public final class DirectorySource implements ContentSource {

    /** Folder names that would pass for content files: their files would vanish from both editions. */
    private static final List<String> FILE_SUFFIXES = List.of(".yaml", ".yml", ".md");

    /** How the walk sees the disk; a test puts a failing one in its place (as root, chmod 000 stops nothing). */
    interface Disk {
        /** The entries of a folder. */
        List<Path> list(Path folder) throws IOException;

        /** What an entry is, the entry itself and not what a link points to. */
        BasicFileAttributes attributes(Path entry) throws IOException;
    }

    static final Disk REAL = new Disk() {
        @Override
        public List<Path> list(Path folder) throws IOException {
            try (Stream<Path> entries = Files.list(folder)) {
                return entries.toList();
            }
        }

        @Override
        public BasicFileAttributes attributes(Path entry) throws IOException {
            return Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }
    };

    private final Path root;
    /** The root's path as text ending in a separator, which every path the walk meets starts with. */
    private final String rootPrefix;
    private final Disk disk;

    public DirectorySource(Path root) {
        this(root, REAL);
    }

    DirectorySource(Path root, Disk disk) {
        this.root = root.toAbsolutePath().normalize();
        String separator = this.root.getFileSystem().getSeparator();
        this.rootPrefix = this.root.toString().endsWith(separator) ? this.root.toString() : this.root + separator;
        this.disk = disk;
    }

    public Path root() {
        return root;
    }

    @Override
    public List<String> files() throws IOException {
        return listing().files();
    }

    @Override
    public Listing listing() throws IOException {
        List<String> files = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Deque<Path> folders = new ArrayDeque<>();
        folders.push(root);
        while (!folders.isEmpty()) {
            Path folder = folders.pop();
            List<Path> entries;
            try {
                entries = disk.list(folder);
            } catch (NoSuchFileException e) {
                if (folder.equals(root)) throw unreadable(folder, e);
                continue; // removed while the walk was under way: no longer content
            } catch (IOException e) {
                throw unreadable(folder, e);
            } catch (UncheckedIOException e) {
                throw unreadable(folder, e.getCause());
            }
            for (Path entry : entries) {
                String relative = relative(entry);
                if (isHidden(relative)) continue; // never entered: an unreadable .git is not the content's problem
                BasicFileAttributes attributes;
                try {
                    attributes = disk.attributes(entry);
                } catch (NoSuchFileException e) {
                    continue;
                } catch (IOException e) {
                    throw unreadable(entry, e);
                }
                if (attributes.isSymbolicLink()) {
                    skipped.add(new Skipped(relative, Skipped.Kind.LINK));
                } else if (attributes.isDirectory()) {
                    if (FILE_SUFFIXES.stream().anyMatch(relative::endsWith)) {
                        skipped.add(new Skipped(relative, Skipped.Kind.FOLDER_NAMED_LIKE_FILE));
                    } else {
                        folders.push(entry);
                    }
                } else if (attributes.isRegularFile()) {
                    files.add(relative);
                } else {
                    skipped.add(new Skipped(relative, Skipped.Kind.SPECIAL));
                }
            }
        }
        files.sort(Comparator.naturalOrder());
        skipped.sort(Comparator.comparing(Skipped::path));
        return new Listing(files, skipped);
    }

    private String relative(Path entry) {
        // The walk's entries are the root's path, a separator and names: cut the prefix off. Path.relativize
        // compares name by name and was a twentieth of a 10,000-project check's time.
        String path = entry.toString();
        if (path.length() > rootPrefix.length() && path.startsWith(rootPrefix)) return path.substring(rootPrefix.length()).replace('\\', '/');
        return root.relativize(entry).toString().replace('\\', '/');
    }

    /** {@code 无法读取 content/2020/labor：权限不足（Permission denied）。…}: the path as the editor knows it, and the system's reason. */
    private IOException unreadable(Path path, IOException cause) {
        String relative = relative(path);
        String shown = relative.isEmpty() ? displayRoot() : display(relative);
        return new IOException("无法读取 " + Visible.escape(shown) + "：" + IoReason.of(cause) + "。请检查它的权限，或把它移出内容文件夹。", cause);
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
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
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
