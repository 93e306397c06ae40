package jixiao.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Pattern;

/**
 * Writes the tree into a fresh folder beside the target, then swaps it in: the old tree is moved
 * aside, the new one renamed into place, the old one deleted. Readers see the old tree or the new
 * one, never a half-written mix, and a failure before the swap leaves the target untouched.
 * Paths are checked before anything is written: relative, {@code /}-separated, no {@code ..},
 * no empty or hidden segments, nothing that would leave the new folder.
 */
public final class AtomicTreeWriter implements TreeWriter {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    @Override
    public void write(Path target, SortedMap<String, byte[]> files) throws IOException {
        Path dest = target.toAbsolutePath().normalize();
        for (String path : files.keySet()) check(path);
        Path parent = dest.getParent();
        if (parent == null) throw new IOException("输出文件夹不能是根目录：" + target);
        Files.createDirectories(parent);
        if (Files.exists(dest, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("输出位置 " + target + " 已有一个文件，不是文件夹");
        }
        String name = dest.getFileName().toString();
        Path fresh = Files.createTempDirectory(parent, "." + name + ".new-");
        try {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Path file = fresh.resolve(e.getKey()).normalize();
                if (!file.startsWith(fresh)) throw new IOException("路径越出输出文件夹：" + e.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, e.getValue());
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(fresh);
            throw e;
        }
        Path old = null;
        if (Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
            old = Files.createTempDirectory(parent, "." + name + ".old-");
            Files.delete(old);
            move(dest, old);
        }
        try {
            move(fresh, dest);
        } catch (IOException e) {
            if (old != null) move(old, dest);
            deleteTree(fresh);
            throw e;
        }
        if (old != null) deleteTree(old);
    }

    /** A path the writer accepts: relative segments of letters, digits, {@code . _ -}, none of them {@code .} or {@code ..}. */
    static void check(String path) throws IOException {
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) throw new IOException("不安全的输出路径：" + path);
        for (String segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) throw new IOException("不安全的输出路径：" + path);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) throw exc;
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
