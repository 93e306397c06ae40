package jixiao.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Writes one build of a site so that readers see either the previous output or the new one,
 * never a half-written mix, and so that nothing jixiao did not write is ever deleted. Files go
 * into a fresh folder beside the target ({@code .output.tmp-…}); {@link #commit()} renames the old
 * target aside, renames the new folder into its place and deletes from the old one exactly the
 * files the previous build listed in its marker. Until then, and if anything fails, the previous
 * output stays exactly as it was.
 *
 * <pre>{@code
 * try (SiteWriter site = SiteWriter.begin(Path.of("output"))) {
 *     pages.parallelStream().forEach(p -> site.write(p.path(), p.html()));
 *     site.commit();
 * }   // an exception before commit() leaves output/ untouched
 * }</pre>
 *
 * <p>The whole target folder is the unit of swapping, so editions written together
 * ({@code internal/…}, {@code public/…}) are replaced together. Writes may come from any
 * number of threads; the tree does not depend on their order.
 *
 * <p>Guards, since a mistyped {@code --out} must never cost a user their files:
 * <ul>
 * <li>a target that is not empty must hold the {@value #MARKER} file every committed site gets, and
 *     nothing that file does not list (its {@link Manifest}): a {@code .git}, notes or a content folder
 *     found there stop the build, at {@link #begin} and again just before the swap;</li>
 * <li>one build per target at a time ({@link TargetLock}); a second is refused;</li>
 * <li>folders left beside the target by a killed build are removed only when they carry jixiao's
 *     marks ({@value #PARTIAL} in a temporary folder, a manifest in an old one).</li>
 * </ul>
 */
public final class SiteWriter implements AutoCloseable {

    /** Marks a folder as jixiao's output, so that it may be replaced. */
    public static final String MARKER = ".jixiao-site";

    /** Marks a temporary folder as a build in progress, so that one a killed build left may be removed. */
    static final String PARTIAL = ".jixiao-partial";
    /** How many paths a refusal names: enough to recognise, few enough to read. */
    private static final int NAMED_IN_REFUSAL = 5;
    private static final String TEMP = ".tmp-";
    private static final String OLD = ".old-";
    private enum State { OPEN, COMMITTED, ABORTED }

    private enum Claim { FILE, FOLDER }

    private final Path target;
    private final Path temp;
    private final TargetLock targetLock;
    /** The previous output, when it could not be removed whole because something not listed appeared in it during the build. */
    private Path keptAside;
    /** Paths claimed so far: a file, or a folder some file needs. Makes duplicates and file/folder clashes errors. */
    private final Map<String, Claim> claimed = new ConcurrentHashMap<>();
    private final Set<Path> madeFolders = ConcurrentHashMap.newKeySet();
    /** Writes share it; commit and abort take it alone, so they never run beside a write. */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private State state = State.OPEN;
    private volatile RuntimeException firstFailure;

    private SiteWriter(Path target, Path temp, TargetLock targetLock) {
        this.target = target;
        this.temp = temp;
        this.targetLock = targetLock;
    }

    /**
     * Starts a build of {@code target}: takes its lock, checks that it may be replaced, removes
     * what earlier builds that were killed left beside it, and creates the temporary folder.
     *
     * @throws OutputRefused if {@code target} is a file system root, not a folder, a folder with
     *                       anything a previous build did not write, or another build is writing it
     * @throws IOException   if the temporary folder cannot be made
     */
    public static SiteWriter begin(Path target) throws IOException {
        Path absolute = OutputPaths.targetOf(target);
        Path parent = absolute.getParent();
        if (parent == null) throw new OutputRefused("不能把网站写到文件系统的根目录 " + absolute + "：请用 --out 指定一个专用的文件夹，例如 output。");
        Files.createDirectories(parent);
        TargetLock lock = TargetLock.acquire(absolute);
        try {
            // Checked under the lock only: a walk of the whole previous output, once (and again at commit).
            checkReplaceable(absolute);
            removeLeftovers(absolute);
            Path temp = createFresh(absolute, TEMP);
            Files.write(temp.resolve(PARTIAL), new byte[0], StandardOpenOption.CREATE_NEW);
            return new SiteWriter(absolute, temp, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Writes one file of the site.
     *
     * @param relativePath where in the site, with {@code /} between folders ({@code 2020/index.html})
     * @throws IllegalArgumentException if the path is not a plain relative path (it names the
     *                                  path), or was already written, or clashes with a folder
     * @throws UncheckedIOException     if the file cannot be written; unchecked so that pages can
     *                                  be written from a parallel stream
     */
    public void write(String relativePath, byte[] bytes) {
        writeFile(relativePath, file -> Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    /** Writes a file that is too large to hold in memory: {@code body} writes it into the stream given. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes one file of the site as {@code body} produces it, through a buffer; as {@link #write(String, byte[])}
     * otherwise (same checks, same exceptions; an {@link UncheckedIOException} from {@code body} fails the build too).
     */
    public void write(String relativePath, Body body) {
        writeFile(relativePath, file -> {
            // 8 KB, not 64: every file of a build comes through here (20,000 at 10,000 projects), and a 64 KB buffer
            // each was 1.3 GB of allocation, a tenth of a build's (JFR). A page rendered in memory (a project page is
            // 12-30 KB) goes past the buffer in one write; a streamed file makes a write per 8 KB, cheap next to rendering.
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 8 * 1024)) {
                body.writeTo(out);
            }
        });
    }

    /**
     * Carries the previous output's file at {@code relativePath} into the new tree unchanged, when it is still
     * as {@code expected} (a build recorded its stamp): a hard link, or a copy where the file system links
     * nothing. The previous output is not touched, and no file is ever written in place (the old tree shares
     * it until the swap), so a link is safe. Claims the path only when it returns true.
     *
     * @return false when the previous file is missing or not as expected: the caller writes the file instead
     * @throws UncheckedIOException if neither a link nor a copy can be made
     */
    public boolean carry(String relativePath, FileStamp expected) {
        String path = checkPath(relativePath);
        Path previous = target.resolve(path).normalize();
        if (!previous.startsWith(target) || !expected.equals(FileStamp.of(previous))) return false;
        writeFile(path, file -> {
            try {
                Files.createLink(file, previous);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(previous, file, StandardCopyOption.COPY_ATTRIBUTES);
            }
        });
        return true;
    }

    /** Writes the file at a path inside the temporary folder. */
    @FunctionalInterface
    private interface FileWrite {
        void to(Path file) throws IOException;
    }

    /** Claims {@code relativePath} and writes it, under the read lock; any failure is kept so that commit refuses. */
    private void writeFile(String relativePath, FileWrite write) {
        lock.readLock().lock();
        try {
            write.to(claimFile(relativePath));
        } catch (IOException e) {
            throw failed(new UncheckedIOException("cannot write " + relativePath + " in " + target + ": " + e, e));
        } catch (RuntimeException e) {
            throw failed(e);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** {@link #write(String, byte[])} for text, as UTF-8. */
    public void write(String relativePath, String utf8) {
        write(relativePath, utf8.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Puts the new site in place of the old one. If a write failed, nothing is swapped: the
     * build is discarded and this throws.
     *
     * @throws IllegalStateException if a write failed, or the writer is already committed or aborted
     * @throws OutputRefused         if something jixiao did not write appeared in the target during the build
     * @throws IOException           if the swap fails; the previous output is then put back
     */
    public void commit() throws IOException {
        lock.writeLock().lock();
        try {
            if (state != State.OPEN) throw new IllegalStateException("site " + target + " is already " + state.name().toLowerCase());
            if (firstFailure != null) {
                discard();
                throw new IllegalStateException("not committing " + target + ": a write failed", firstFailure);
            }
            try {
                Files.write(temp.resolve(MARKER), Manifest.text(writtenFiles()), StandardOpenOption.CREATE_NEW);
                Files.delete(temp.resolve(PARTIAL));
                checkReplaceable(target);
                swap();
            } catch (IOException | RuntimeException e) {
                discard();
                throw e;
            }
            state = State.COMMITTED;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Discards this build; the previous output stays as it was. Does nothing after commit. */
    public void abort() {
        lock.writeLock().lock();
        try {
            if (state == State.OPEN) discard();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Aborts unless committed, so that an exception during a build leaves the previous output alone; lets the next build in. */
    @Override
    public void close() {
        try {
            abort();
        } finally {
            targetLock.close();
        }
    }

    /**
     * Where the previous output was left after a commit, because files that no build wrote appeared
     * in it while this one ran (they are kept, never deleted); null when it was removed as usual.
     */
    public Path keptAside() {
        return keptAside;
    }

    private List<String> writtenFiles() {
        return claimed.entrySet().stream().filter(e -> e.getValue() == Claim.FILE).map(Map.Entry::getKey).toList();
    }

    private void swap() throws IOException {
        Path aside = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            aside = unusedName(target, OLD);
            Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (aside != null) {
                try {
                    Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException restore) {
                    e.addSuppressed(new IOException("the previous output is left in " + aside, restore));
                }
            }
            throw e;
        }
        if (aside != null && !deleteOldOutput(aside)) keptAside = aside;
    }

    private void discard() {
        state = State.ABORTED;
        // What cannot be deleted now is removed by the next begin().
        Folders.deleteQuietly(temp);
    }

    /** Checks and claims a path for a write, with its folders made; where the file goes. Under the read lock. */
    private Path claimFile(String relativePath) throws IOException {
        if (state != State.OPEN) throw new IllegalStateException("site " + target + " is already " + state.name().toLowerCase());
        String path = checkPath(relativePath);
        claim(path);
        Path file = temp.resolve(path).normalize();
        if (!file.startsWith(temp)) throw new IllegalArgumentException("unsafe output path \"" + path + "\": leaves the site");
        makeFolder(file.getParent());
        return file;
    }

    private RuntimeException failed(RuntimeException e) {
        if (firstFailure == null) firstFailure = e;
        return e;
    }

    private void claim(String path) {
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            String folder = path.substring(0, slash);
            if (claimed.putIfAbsent(folder, Claim.FOLDER) == Claim.FILE) {
                throw new IllegalArgumentException("output path \"" + path + "\" needs \"" + folder + "\" as a folder, but it is a file");
            }
        }
        Claim was = claimed.putIfAbsent(path, Claim.FILE);
        if (was == Claim.FILE) throw new IllegalArgumentException("output path \"" + path + "\" is written twice");
        if (was == Claim.FOLDER) throw new IllegalArgumentException("output path \"" + path + "\" is a folder of other files");
    }

    private void makeFolder(Path folder) throws IOException {
        // createDirectories copes with other threads creating the same folder; the set saves
        // the system calls for the other 99,999 files of a large site.
        if (madeFolders.contains(folder)) return;
        Files.createDirectories(folder);
        madeFolders.add(folder);
    }

    /**
     * The path if it is a plain relative path inside the site, else an exception that names it.
     * Paths are checked, not cleaned up: {@code a/../b} is a bug in the caller, not a request.
     */
    static String checkPath(String path) {
        if (path == null) throw new IllegalArgumentException("output path is null");
        String problem = problem(path);
        if (problem != null) throw new IllegalArgumentException("unsafe output path \"" + printable(path) + "\": " + problem);
        return path;
    }

    private static String problem(String path) {
        if (path.isEmpty()) return "empty";
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == 0) return "contains NUL";
            if (c == '\\') return "contains a backslash (use /)";
            if (c < 0x20 || c == 0x7f) return "contains a control character";
            // "C:x" is drive-relative and "a:b" a data stream on Windows.
            if (c == ':') return "contains ':'";
        }
        if (path.startsWith("/")) return "absolute (must be relative to the site)";
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) return "has an empty segment";
            if (segment.equals(".") || segment.equals("..")) return "has a \"" + segment + "\" segment";
        }
        if (path.equals(MARKER) || path.equals(PARTIAL)) return "reserved for jixiao's marker file";
        return null;
    }

    private static String printable(String path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.toString();
    }

    /**
     * Refuses a target that exists and is not a folder, or holds anything the previous build did not
     * write (everything, if it has no marker). An empty folder, or none, may be written.
     */
    private static void checkReplaceable(Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) return;
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputRefused("不能把网站写到 " + target + "：这里已有一个同名的文件（或链接），它不是文件夹；请用 --out 指定别的文件夹。");
        }
        Manifest manifest = Manifest.read(target);
        if (manifest == null) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
                if (entries.iterator().hasNext()) {
                    throw new OutputRefused("不能把网站写到 " + target + "：这个文件夹不是空的，也没有 jixiao 的 " + MARKER
                            + " 标记，不是 jixiao 生成的；生成网站会替换整个文件夹。请用 --out 指定一个空的或新的文件夹，或先把它清空。");
                }
            }
            return;
        }
        List<String> unexpected = manifest.unexpected(target, NAMED_IN_REFUSAL);
        if (!unexpected.isEmpty()) {
            throw new OutputRefused("不能替换 " + target + "：其中有上次生成时没有写过的内容（" + String.join("、", unexpected)
                    + (unexpected.size() == NAMED_IN_REFUSAL ? " 等" : "") + "），生成网站会替换整个文件夹。没有改动任何文件；"
                    + "请把这些内容移出这个文件夹，或用 --out 指定别的文件夹。");
        }
    }

    /** Deletes what the previous build wrote from its folder, now beside the new one; whether the folder is gone. */
    private static boolean deleteOldOutput(Path old) {
        try {
            Manifest manifest = Manifest.read(old);
            if (manifest != null) return manifest.deleteListedFrom(old);
            // No marker: the target was an empty folder when the build began; delete it only if it still is.
            Files.delete(old);
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /**
     * Deletes what killed builds left beside the target, and only what carries jixiao's marks:
     * temporary folders with {@value #PARTIAL} always, old outputs (by their manifest) only while the
     * target exists (if a build died between its two renames, the old output is all there is, and
     * is left for a person to restore).
     */
    private static void removeLeftovers(Path target) throws IOException {
        String name = "." + target.getFileName();
        boolean targetExists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent(), name + ".*")) {
            for (Path sibling : siblings) {
                String file = sibling.getFileName().toString();
                if (!Files.isDirectory(sibling, LinkOption.NOFOLLOW_LINKS)) continue;
                boolean temp = file.startsWith(name + TEMP);
                if (temp && Files.isRegularFile(sibling.resolve(PARTIAL), LinkOption.NOFOLLOW_LINKS)) {
                    Folders.deleteQuietly(sibling);
                } else if (temp || targetExists && file.startsWith(name + OLD)) {
                    // A temporary folder without the partial mark died between marking and swapping: its manifest is complete.
                    deleteOldOutput(sibling);
                }
            }
        }
    }

    private static Path createFresh(Path target, String kind) throws IOException {
        while (true) {
            try {
                return Files.createDirectory(unusedName(target, kind));
            } catch (FileAlreadyExistsException e) {
                // Another build picked the same name; pick again.
            }
        }
    }

    private static Path unusedName(Path target, String kind) {
        String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        return target.resolveSibling("." + target.getFileName() + kind + suffix);
    }

}
