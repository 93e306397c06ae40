package jixiao.content;

/**
 * How many digits a number in the content may have: {@value #MAX_INTEGER} before the point and
 * {@value #MAX_FRACTION} after it. The largest real budget (a trillion 元) needs 13 digits and no
 * figure on a form has more than six decimals; a longer number is a typing accident, and left in it
 * would cost seconds of arithmetic per digit-thousand and break the JSON written by a build.
 *
 * <p>The one place for that rule: amounts and weights, scores and stated figures, target and actual
 * values and the numbers of a rules profile are all held to it.
 */
public final class Digits {

    public static final int MAX_INTEGER = 20;
    public static final int MAX_FRACTION = 10;

    /** How the limit reads in a message. */
    public static final String RULE = "数字最多 " + MAX_INTEGER + " 位整数、" + MAX_FRACTION + " 位小数";

    /** The first characters of a too-long number shown in a message; the rest is counted, not printed. */
    private static final int SHOWN = 16;

    private Digits() {
    }

    /**
     * The first number in {@code text} (ASCII or full-width digits, {@code ,} groups, one {@code .} or
     * {@code ．}) with too many digits, or null when every number fits. Linear in the text's length.
     */
    public static TooLong firstTooLong(String text) {
        if (text == null) return null;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int integer = 0;
            while (i < n && (isDigit(text.charAt(i)) || text.charAt(i) == ',' && i + 1 < n && isDigit(text.charAt(i + 1)))) {
                if (isDigit(text.charAt(i))) integer++;
                i++;
            }
            int fraction = 0;
            if (i + 1 < n && (text.charAt(i) == '.' || text.charAt(i) == '．') && isDigit(text.charAt(i + 1))) {
                i++;
                while (i < n && isDigit(text.charAt(i))) {
                    fraction++;
                    i++;
                }
            }
            if (integer > MAX_INTEGER || fraction > MAX_FRACTION) return new TooLong(text.substring(start, i), integer, fraction);
        }
        return null;
    }

    /** Whether every number in {@code text} fits. */
    public static boolean fit(String text) {
        return firstTooLong(text) == null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9' || c >= '０' && c <= '９';
    }

    /** A number with too many digits: what it starts with, and how many digits it has on each side of the point. */
    public record TooLong(String number, int integer, int fraction) {

        /** The start of the number and its length, never the whole of it (it may be a million characters). */
        public String shown() {
            if (number.length() <= SHOWN) return number;
            return number.substring(0, SHOWN) + "…（共 " + number.length() + " 个字符）";
        }

        /**
         * {@code “budget.planned.total”中的数字“2000.1111111111111…（共 10005 个字符）”过长（整数 4 位、小数 10000 位）：
         * 数字最多 20 位整数、10 位小数，请核对后改写。}
         */
        public String message(String where) {
            return "“" + where + "”中的数字“" + shown() + "”过长（整数 " + integer + " 位、小数 " + fraction + " 位）："
                    + RULE + "，请核对后改写。";
        }
    }
}
