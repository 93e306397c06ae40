package jixiao.render;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A link or image target, classified the way a browser will read it. The destination comes
 * from commonmark with entities and backslash escapes already decoded, so
 * {@code jav&#x09;ascript:} arrives here as {@code jav<TAB>ascript:}; we then apply the
 * WHATWG URL parser's own clean-up (drop tabs and newlines anywhere, trim C0 controls and
 * spaces, treat {@code \} as {@code /}) before looking at the scheme, so what we allow is
 * what the browser would follow.
 *
 * @param url the cleaned-up target to write into the page (meaningless when {@code UNSAFE})
 */
record SafeUrl(Kind kind, String url) {

    enum Kind {
        /** http, https, or {@code //host}: leaves the site. */
        EXTERNAL,
        /** A path, query or fragment on this site. */
        LOCAL,
        MAIL,
        /** Any other scheme ({@code javascript:}, {@code data:}, {@code file:} …) or control characters. */
        UNSAFE
    }

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

    static SafeUrl of(String destination) {
        String s = destination.replaceAll("[\\t\\n\\r]", "");
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) <= ' ') start++;
        while (end > start && s.charAt(end - 1) <= ' ') end--;
        s = s.substring(start, end).replace('\\', '/');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < ' ' || c == 0x7f) return new SafeUrl(Kind.UNSAFE, "");
        }
        if (s.startsWith("//")) return new SafeUrl(Kind.EXTERNAL, s);
        Matcher m = SCHEME.matcher(s);
        if (!m.find()) return new SafeUrl(Kind.LOCAL, s);
        return switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "http", "https" -> new SafeUrl(Kind.EXTERNAL, s);
            case "mailto" -> new SafeUrl(Kind.MAIL, s);
            default -> new SafeUrl(Kind.UNSAFE, "");
        };
    }
}
