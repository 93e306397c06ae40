package jixiao.serve;

import jixiao.diagnostic.Finding;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * What the preview adds to every HTML page it serves, never to the site itself: a script that reloads
 * the page when the site is rebuilt (Server-Sent Events from {@link PreviewServer#EVENTS}), an overlay
 * listing the errors that keep the site from being rebuilt, and a small collapsible panel with the
 * warnings. Every text is escaped.
 */
final class Overlay {

    static final String ERRORS_ID = "jixiao-errors";
    static final String WARNINGS_ID = "jixiao-warnings";
    /** A page is not the place for thousands of warnings; {@code jixiao check} lists them all. */
    static final int MAX_LISTED = 100;

    private static final byte[] BODY_END = "</body>".getBytes(StandardCharsets.US_ASCII);

    private Overlay() {
    }

    /** {@code html} with the preview's additions just before its last {@code </body>} (at the end when it has none). */
    static byte[] inject(byte[] html, Snapshot snapshot) {
        byte[] add = snapshot.overlay();
        int at = lastIndexOf(html, BODY_END);
        if (at < 0) at = html.length;
        byte[] out = Arrays.copyOf(html, html.length + add.length);
        System.arraycopy(add, 0, out, at, add.length);
        System.arraycopy(html, at, out, at + add.length, html.length - at);
        return out;
    }

    /** A page of the preview's own (not found, not built yet, a template error), with the same additions. */
    static byte[] page(String title, String message, Snapshot snapshot) {
        String html = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n</head>\n<body style=\"font-family:sans-serif;margin:2em\">\n<h1>" + escape(title) + "</h1>\n<p>"
                + escape(message).replace("\n", "<br>") + "</p>\n<p><a href=\"/\">回到首页</a></p>\n"
                + new String(snapshot.overlay(), StandardCharsets.UTF_8)
                + "</body>\n</html>\n";
        return html.getBytes(StandardCharsets.UTF_8);
    }

    static String snippet(Snapshot s) {
        StringBuilder b = new StringBuilder(1024);
        List<Finding> errors = s.errors();
        if (s.problem() != null || !errors.isEmpty()) {
            b.append("<section id=\"").append(ERRORS_ID).append("\" role=\"alert\" style=\"position:fixed;top:0;left:0;right:0;")
                    .append("z-index:2147483647;max-height:60vh;overflow:auto;margin:0;padding:12px 16px;background:#fff5f5;")
                    .append("color:#222;border-bottom:4px solid #c00;box-shadow:0 2px 12px rgba(0,0,0,.3);")
                    .append("font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;text-align:left\">\n")
                    .append("<p style=\"margin:0 0 8px;font-weight:bold;color:#c00\">");
            String state = s.files().isEmpty() ? "网站尚未生成" : "网站未更新，下面仍是上次成功生成的页面";
            if (!errors.isEmpty()) b.append("内容有 ").append(errors.size()).append(" 个错误，").append(state).append("。改正后自动刷新。");
            else b.append(state).append("。");
            b.append("</p>\n");
            if (s.problem() != null) {
                b.append("<pre style=\"margin:0 0 8px;white-space:pre-wrap\">").append(escape(s.problem())).append("</pre>\n");
            }
            list(b, errors);
            b.append("</section>\n");
        }
        List<Finding> warnings = s.warnings();
        if (!warnings.isEmpty()) {
            b.append("<details id=\"").append(WARNINGS_ID).append("\" style=\"position:fixed;right:8px;bottom:8px;z-index:2147483646;")
                    .append("max-width:min(48em,90vw);max-height:50vh;overflow:auto;padding:6px 10px;background:#fffbe6;")
                    .append("color:#222;border:1px solid #d9b300;border-radius:4px;")
                    .append("font:13px/1.5 ui-monospace,Menlo,Consolas,monospace;text-align:left\">\n")
                    .append("<summary style=\"cursor:pointer\">").append(warnings.size()).append(" 个警告</summary>\n");
            list(b, warnings);
            b.append("</details>\n");
        }
        b.append("<script>(function(){var s=new EventSource(\"").append(PreviewServer.EVENTS).append("?v=").append(s.version())
                .append("\");s.addEventListener(\"reload\",function(){s.close();location.reload();});})();</script>\n");
        return b.toString();
    }

    /** Each finding as {@code file:line:column severity[code] message}. */
    private static void list(StringBuilder b, List<Finding> findings) {
        b.append("<ol style=\"margin:0;padding-left:2em\">\n");
        for (int i = 0; i < Math.min(findings.size(), MAX_LISTED); i++) {
            Finding f = findings.get(i);
            b.append("<li><code>").append(escape(f.position().toString())).append("</code> ").append(f.severity().label())
                    .append('[').append(escape(f.code())).append("] ").append(escape(f.message())).append("</li>\n");
        }
        b.append("</ol>\n");
        if (findings.size() > MAX_LISTED) {
            b.append("<p style=\"margin:4px 0 0\">……还有 ").append(findings.size() - MAX_LISTED)
                    .append(" 条，运行 jixiao check 查看全部。</p>\n");
        }
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
