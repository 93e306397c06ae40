package jixiao.content;

import java.math.BigDecimal;

/**
 * Writes YAML scalars for the files {@code jixiao new} and {@code jixiao import} create. Text is always double-quoted,
 * so no value can be read as a number, a boolean, a date or a comment ({@code yes}, {@code 03155776425},
 * {@code 100.00}, {@code a # b} all stay text); amounts are plain decimals, exactly as the loader reads them.
 */
public final class YamlText {

    private YamlText() {
    }

    /**
     * A double-quoted YAML scalar. Besides {@code \} and {@code "}, everything YAML would fold, drop or
     * refuse inside quotes is escaped: line breaks (including NEL, LS and PS, which YAML 1.1 treats as
     * breaks), tabs, other control characters, a BOM, lone surrogates and the non-characters U+FFFE/U+FFFF.
     */
    public static String quote(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        b.append(c).append(text.charAt(++i));
                    } else if (needsEscape(c)) {
                        b.append(String.format("\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
                || c == '\uFFFE' || c == '\uFFFF' || Character.isSurrogate(c);
    }

    /** An amount as the loader accepts it: plain digits, the decimals as written ({@code 4.9745}, never {@code 4.9745E0}). */
    public static String amount(BigDecimal amount) {
        return amount.toPlainString();
    }
}
