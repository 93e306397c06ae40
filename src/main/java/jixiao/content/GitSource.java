package jixiao.content;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Content as committed at a git revision, read with the {@code git} command: one
 * {@code git ls-tree} to list the content folder, one long-running {@code git cat-file --batch}
 * for every file. Nothing here writes: not the working tree, not the index, not a ref. Works in
 * any clone, with the content folder anywhere inside it; symbolic links and submodules are not
 * content, as with {@link DirectorySource}.
 *
 * <p>Close it to end the {@code cat-file} process. {@link #read} is synchronized: the loader reads
 * projects on several threads, and the one process answers one request at a time.
 */
public final class GitSource implements ContentSource, AutoCloseable {

    /**
     * Variables that would point git at another repository or index than the content folder's
     * (set, for instance, when jixiao runs inside a git hook). The content folder alone decides.
     */
    private static final List<String> REPOSITORY_VARIABLES = List.of("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE",
            "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR", "GIT_NAMESPACE", "GIT_PREFIX");

    private final Path top;
    private final String revision;
    private final String commit;
    private final String displayRoot;
    /** Path below the content folder → blob id, sorted by path. */
    private final Map<String, String> blobs;

    private Process catFile;
    private OutputStream requests;
    private InputStream answers;

    private GitSource(Path top, String revision, String commit, String displayRoot, Map<String, String> blobs) {
        this.top = top;
        this.revision = revision;
        this.commit = commit;
        this.displayRoot = displayRoot;
        this.blobs = blobs;
    }

    /**
     * The content folder {@code contentDir} (which must exist in the working tree, to find its
     * repository) as it is at {@code revision} (a commit, branch, tag or expression such as
     * {@code HEAD~1}). Errors carry a Chinese message meant for the user.
     */
    public static GitSource open(Path contentDir, String revision) throws IOException {
        if (revision == null || revision.isBlank() || revision.startsWith("-") || revision.indexOf('\0') >= 0) {
            throw new IOException("“" + revision + "”不是有效的 git 版本：请写提交号、分支名、标签或 HEAD~1 这样的表达式。");
        }
        Path dir = contentDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IOException("内容文件夹 " + contentDir + " 不存在：请用 --content 指定内容文件夹。");
        }
        Result where = run(dir, "rev-parse", "--show-toplevel", "--show-prefix");
        if (where.exit != 0) {
            throw new IOException("内容文件夹 " + contentDir + " 不在 git 仓库中，无法读取历史版本" + detail(where) + "。");
        }
        String[] lines = where.stdout.split("\n", -1);
        Path top = Path.of(lines[0].strip());
        String prefix = lines.length > 1 ? lines[1].strip() : "";
        if (prefix.endsWith("/")) prefix = prefix.substring(0, prefix.length() - 1);

        Result resolved = run(top, "rev-parse", "--verify", "--quiet", revision + "^{commit}");
        if (resolved.exit != 0 || resolved.stdout.isBlank()) {
            throw new IOException("无法识别的 git 版本“" + revision + "”：请检查拼写，或用 git log 查看可用的提交。");
        }
        String commit = resolved.stdout.strip();

        List<String> listing = new ArrayList<>(List.of("ls-tree", "-r", "-z", commit));
        if (!prefix.isEmpty()) {
            listing.add("--");
            listing.add(prefix);
        }
        Result tree = run(top, listing.toArray(String[]::new));
        if (tree.exit != 0) {
            throw new IOException("无法列出版本“" + revision + "”中的内容文件夹" + detail(tree) + "。");
        }
        Map<String, String> blobs = new TreeMap<>();
        String base = prefix.isEmpty() ? "" : prefix + "/";
        for (String record : tree.stdout.split("\0")) {
            // <mode> SP <type> SP <object> TAB <path>
            int tab = record.indexOf('\t');
            if (tab < 0) continue;
            String[] meta = record.substring(0, tab).split(" ");
            String path = record.substring(tab + 1);
            if (meta.length != 3 || !meta[1].equals("blob") || meta[0].equals("120000")) continue; // symlinks, submodules
            if (!path.startsWith(base)) continue;
            String relative = path.substring(base.length());
            if (DirectorySource.isHidden(relative)) continue;
            blobs.put(relative, meta[2]);
        }
        Path name = dir.getFileName();
        String root = (name == null ? "content" : name.toString()) + "@" + revision;
        return new GitSource(top, revision, commit, root, blobs);
    }

    /**
     * The files of the content folder's repository that differ from {@code revision}: changed in a
     * commit since, staged or not yet staged ({@code git diff --name-only REV --}), and the untracked
     * files git does not ignore. Absolute real paths, for {@code check --changed-since}. Errors carry a
     * Chinese message meant for the user.
     */
    public static Set<Path> changedSince(Path contentDir, String revision) throws IOException {
        if (revision == null || revision.isBlank() || revision.startsWith("-") || revision.indexOf('\0') >= 0) {
            throw new IOException("“" + revision + "”不是有效的 git 版本：请写提交号、分支名、标签或 HEAD~1 这样的表达式。");
        }
        Path dir = contentDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IOException("内容文件夹 " + contentDir + " 不存在：请用 --content 指定内容文件夹。");
        }
        Result where = run(dir, "rev-parse", "--show-toplevel");
        if (where.exit != 0) {
            throw new IOException("内容文件夹 " + contentDir + " 不在 git 仓库中，无法找出改动的文件" + detail(where) + "。");
        }
        Path top = Path.of(where.stdout.strip()).toRealPath();
        Result resolved = run(top, "rev-parse", "--verify", "--quiet", revision + "^{commit}");
        if (resolved.exit != 0 || resolved.stdout.isBlank()) {
            throw new IOException("无法识别的 git 版本“" + revision + "”：请检查拼写，或用 git log 查看可用的提交。");
        }
        Result diff = run(top, "diff", "--name-only", "-z", "--no-renames", resolved.stdout.strip(), "--");
        Result untracked = run(top, "ls-files", "-z", "--others", "--exclude-standard");
        if (diff.exit != 0 || untracked.exit != 0) {
            throw new IOException("无法列出自版本“" + revision + "”以来改动的文件" + detail(diff.exit != 0 ? diff : untracked) + "。");
        }
        Set<Path> changed = new TreeSet<>();
        for (String listing : List.of(diff.stdout, untracked.stdout)) {
            for (String path : listing.split("\0")) {
                if (!path.isEmpty()) changed.add(top.resolve(path).normalize());
            }
        }
        return Collections.unmodifiableSet(changed);
    }

    /** The revision as the user wrote it. */
    public String revision() {
        return revision;
    }

    /** The commit it resolved to. */
    public String commit() {
        return commit;
    }

    @Override
    public List<String> files() {
        return List.copyOf(blobs.keySet());
    }

    @Override
    public synchronized byte[] read(String path) throws IOException {
        String blob = blobs.get(path);
        if (blob == null) throw new IOException("版本“" + revision + "”中没有文件 " + path);
        if (catFile == null) start();
        requests.write((blob + "\n").getBytes(StandardCharsets.US_ASCII));
        requests.flush();
        String header = readLine();
        // <object> SP <type> SP <size>, or <object> SP missing
        String[] parts = header.split(" ");
        if (parts.length != 3) throw new IOException("git cat-file 无法读取 " + path + "：" + header);
        long size = Long.parseLong(parts[2]);
        // One byte over the limit is enough to report the file as too large without holding it all.
        int keep = (int) Math.min(size, YamlReader.MAX_BYTES + 1L);
        byte[] bytes = answers.readNBytes(keep);
        if (bytes.length < keep) throw new IOException("git cat-file 提前结束：" + path);
        skipFully(size - keep + 1); // the rest of the blob and the LF after it
        return bytes;
    }

    private void start() throws IOException {
        ProcessBuilder pb = builder(top, "cat-file", "--batch");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        catFile = pb.start();
        requests = catFile.getOutputStream();
        answers = new BufferedInputStream(catFile.getInputStream());
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = answers.read()) != '\n') {
            if (b < 0) throw new IOException("git cat-file 意外退出");
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private void skipFully(long n) throws IOException {
        while (n > 0) {
            long skipped = answers.skip(n);
            if (skipped <= 0) {
                if (answers.read() < 0) throw new IOException("git cat-file 提前结束");
                skipped = 1;
            }
            n -= skipped;
        }
    }

    @Override
    public String displayRoot() {
        return displayRoot;
    }

    @Override
    public synchronized void close() throws IOException {
        if (catFile == null) return;
        requests.close(); // cat-file ends at end of input
        try {
            if (!catFile.waitFor(10, TimeUnit.SECONDS)) catFile.destroyForcibly();
        } catch (InterruptedException e) {
            catFile.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            answers.close();
            catFile = null;
        }
    }

    // ---------------------------------------------------------------- running git

    private record Result(int exit, String stdout, String stderr) {
    }

    private static String detail(Result r) {
        String err = r.stderr.strip();
        return err.isEmpty() ? "" : "（git：" + err.lines().findFirst().orElse(err) + "）";
    }

    private static ProcessBuilder builder(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        REPOSITORY_VARIABLES.forEach(env::remove);
        env.put("GIT_OPTIONAL_LOCKS", "0");     // never take the index lock, not even to refresh it
        env.put("GIT_TERMINAL_PROMPT", "0");    // never wait for a password
        env.put("GIT_LITERAL_PATHSPECS", "1");  // a folder named with * or : is just a name
        return pb;
    }

    private static Result run(Path dir, String... args) throws IOException {
        Process process;
        try {
            process = builder(dir, args).start();
        } catch (IOException e) {
            throw new IOException("无法运行 git 命令：请安装 git 并确保它在 PATH 中（" + e.getMessage() + "）。", e);
        }
        process.getOutputStream().close();
        CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> {
            try (InputStream err = process.getErrorStream()) {
                return err.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        byte[] stdout;
        try (InputStream out = process.getInputStream()) {
            stdout = out.readAllBytes();
        }
        try {
            int exit = process.waitFor();
            return new Result(exit, new String(stdout, StandardCharsets.UTF_8), new String(stderr.join(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("git 命令被中断", e);
        }
    }
}
