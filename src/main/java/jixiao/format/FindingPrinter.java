package jixiao.format;

import jixiao.diagnostic.Finding;
import jixiao.diagnostic.Visible;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints findings the way compilers do: the located line, then the source line with a caret
 * under the column, so an editor sees the problem without opening the file.
 */
public final class FindingPrinter {

    /** The most characters of a source line shown under a finding. */
    private static final int WINDOW = 120;

    private final Path base;
    private final Map<String, List<String>> lines = new HashMap<>();

    /** @param base the folder that finding paths are relative to (the content folder's parent) */
    public FindingPrinter(Path base) {
        this.base = base;
    }

    public void print(Finding finding, PrintStream out) {
        out.println(finding.toCompilerLine());
        int line = finding.position().line();
        if (line < 1) return;
        List<String> source = lines.computeIfAbsent(finding.position().file(), this::read);
        if (line > source.size()) return;
        String text = source.get(line - 1);
        String number = String.valueOf(line);
        String gutter = " ".repeat(number.length());
        int column = Math.min(Math.max(finding.position().column(), 1), text.length() + 1);
        // A long line is cut to a window around the column: a pasted million characters would fill the terminal.
        int from = 0;
        int to = text.length();
        if (text.length() > WINDOW) {
            from = Math.max(0, column - 1 - WINDOW / 2);
            to = Math.min(text.length(), from + WINDOW);
            if (from > 0 && Character.isLowSurrogate(text.charAt(from))) from--;
            if (to < text.length() && Character.isLowSurrogate(text.charAt(to))) to++;
        }
        String cut = from > 0 ? "…" : "";
        // The line as the message shows its text: a U+202E in it would turn the rest of the excerpt around.
        out.println(" " + number + " | " + Visible.escape(cut + text.substring(from, to) + (to < text.length() ? "…" : "")));
        out.println(" " + gutter + " | " + caretPadding(Visible.escape(cut + text.substring(from, column - 1))) + "^");
    }

    /** Padding under the text before the caret: tabs stay tabs and wide (CJK) characters take two cells. */
    private static String caretPadding(String before) {
        StringBuilder pad = new StringBuilder();
        before.codePoints().forEach(cp -> {
            if (cp == '\t') pad.append('\t');
            else pad.append(isWide(cp) ? "  " : " ");
        });
        return pad.toString();
    }

    public static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    private List<String> read(String file) {
        try {
            String text = new String(Files.readAllBytes(base.resolve(file)), StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            return List.of(text.split("\r\n|\n|\r", -1));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
