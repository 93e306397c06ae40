package jixiao.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an output folder really is, and whether it overlaps a folder the user owns. A build replaces
 * its whole output folder, so an output folder that holds the content, the templates or the folder
 * the command runs in would take them with it, and one inside the content would be read back as
 * content. Paths are compared after resolving links, so {@code --out ./link-to-project} is caught too.
 */
public final class OutputPaths {

    private OutputPaths() {
    }

    /**
     * {@code path} made absolute and normalised, with the links in its longest existing part resolved
     * (the rest, not yet created, is appended as written).
     */
    public static Path real(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) existing = existing.getParent();
        if (existing == null) return absolute;
        return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
    }

    /**
     * Where a build of {@code target} writes: its folder {@linkplain #real resolved}, its own name kept
     * as written, so that a target that is a link is refused as "not a folder" instead of followed.
     */
    public static Path targetOf(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        return absolute.getParent() == null ? absolute : real(absolute.getParent()).resolve(absolute.getFileName());
    }

    /**
     * A refusal, in Chinese, if the output folder {@code out} contains the content folder, the
     * templates folder (may be null) or the current folder, or lies inside the content or templates
     * folder; null if it may be written. The current folder may hold the output: that is the usual
     * {@code ./output}.
     */
    public static String overlap(Path out, Path content, Path templates) throws IOException {
        Map<String, Path> owned = new LinkedHashMap<>();
        owned.put("内容文件夹", content);
        if (templates != null) owned.put("模板文件夹", templates);
        owned.put(CURRENT_FOLDER, Path.of(""));
        Path realOut = real(out);
        for (Map.Entry<String, Path> folder : owned.entrySet()) {
            Path realOwned = real(folder.getValue());
            String shown = folder.getKey().equals(CURRENT_FOLDER) ? realOwned.toString() : folder.getValue().toString();
            if (realOwned.startsWith(realOut)) {
                return "输出文件夹 " + out + "（" + realOut + "）包含" + folder.getKey() + " " + shown
                        + "：生成网站会替换整个输出文件夹，会把它一起删掉。没有改动任何文件；请用 --out 指定另一个文件夹，例如 output。";
            }
            if (!folder.getKey().equals(CURRENT_FOLDER) && realOut.startsWith(realOwned)) {
                return "输出文件夹 " + out + " 在" + folder.getKey() + " " + shown + "（" + realOwned
                        + "）里面：生成的文件会混进" + folder.getKey() + "。没有改动任何文件；请用 --out 指定它外面的文件夹，例如 output。";
            }
        }
        return null;
    }

    private static final String CURRENT_FOLDER = "当前目录";
}
