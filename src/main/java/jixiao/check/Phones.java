package jixiao.check;

import java.util.ArrayList;
import java.util.List;

/**
 * Telephone numbers as people type them, for finding a contact's number in text however it was written:
 * {@code 5776425}, {@code 577 6425}, {@code 0315-5776425}, {@code (0315)5776425}, {@code ０３１５－５７７６４２５},
 * {@code +86 315 5776425}, {@code 138-1234-5678}. A number is the digits of a run of digits (ASCII or full
 * width) with up to three spaces, hyphens, dashes or brackets between them. Two numbers are the same
 * telephone when their digits are, after dropping a country code ({@code +86}, {@code 0086}), or when one
 * is the other with an area code in front ({@code 010} and {@code 020}–{@code 029}, else {@code 0} and three digits). Numbers shorter than
 * {@link #MIN_DIGITS} digits are never compared: they are too easily an ordinary figure. Digits that
 * continue a decimal ({@code 1.5776425}) or a grouped figure ({@code 5,776,425}) are not a telephone.
 */
final class Phones {

    /** Fewer digits than a Chinese local number (seven) are too likely to be a count or an amount. */
    static final int MIN_DIGITS = 7;
    private static final int MAX_SEPARATORS = 3;
    private static final String SEPARATORS = " \u00A0\u3000-\u2010\u2011\u2012\u2013\u2014\uFF0D()\uFF08\uFF09";

    private Phones() {
    }

    /** A number in a text: the characters {@code [start, end)} and its digits (ASCII). */
    record Run(int start, int end, String digits) {
    }

    /** The digits of a number as written (full-width digits as ASCII), everything else dropped. */
    static String digits(String number) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < number.length(); i++) {
            int v = digit(number.charAt(i));
            if (v >= 0) d.append((char) ('0' + v));
        }
        return d.toString();
    }

    /** Every number of a text with at least {@link #MIN_DIGITS} digits, in order. */
    static List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (digit(text.charAt(i)) < 0) {
                i++;
                continue;
            }
            int start = i;
            StringBuilder digits = new StringBuilder();
            int end = i;
            int j = i;
            while (j < n) {
                int v = digit(text.charAt(j));
                if (v >= 0) {
                    digits.append((char) ('0' + v));
                    end = ++j;
                    continue;
                }
                int k = j;
                while (k < n && k - j < MAX_SEPARATORS && SEPARATORS.indexOf(text.charAt(k)) >= 0) k++;
                if (k == j || k >= n || digit(text.charAt(k)) < 0) break;
                j = k;
            }
            boolean partOfFigure = continuesFigure(text, start - 1, -1) || continuesFigure(text, end, 1);
            // An opening bracket or plus sign belongs to the number as typed: (0315) 5776425, +86 …
            int typedStart = start > 0 && "(（+＋".indexOf(text.charAt(start - 1)) >= 0 ? start - 1 : start;
            if (!partOfFigure && digits.length() >= MIN_DIGITS) runs.add(new Run(typedStart, end, digits.toString()));
            i = end;
        }
        return runs;
    }

    /** Whether a decimal point or a thousands separator at {@code at} joins the run to more digits. */
    private static boolean continuesFigure(String text, int at, int direction) {
        if (at < 0 || at >= text.length()) return false;
        if (".,．".indexOf(text.charAt(at)) < 0) return false;
        int beyond = at + direction;
        return beyond >= 0 && beyond < text.length() && digit(text.charAt(beyond)) >= 0;
    }

    /**
     * The forms under which a number may be looked up: its digits without a country code, and, when it
     * starts with an area code, the local number after it. Empty when it is too short to compare.
     */
    static List<String> keys(String digits) {
        String d = withoutCountryCode(digits);
        List<String> keys = new ArrayList<>(3);
        if (d.length() < MIN_DIGITS) return keys;
        keys.add(d);
        if (d.charAt(0) == '0') {
            // Area codes are 010 and 020 to 029, else four digits (0315).
            int area = d.startsWith("01") || d.startsWith("02") ? 3 : 4;
            if (d.length() - area >= MIN_DIGITS) keys.add(d.substring(area));
        }
        return keys;
    }

    /** Whether a number found in text is the telephone {@code contactDigits}. */
    static boolean same(String found, String contactDigits) {
        // Equal, or the same local number with an area code on one side or both.
        List<String> b = keys(contactDigits);
        return keys(found).stream().anyMatch(b::contains);
    }

    /** {@code +86}/{@code 0086} dropped; a landline written internationally ({@code 86 315 …}) gets its trunk 0 back. */
    private static String withoutCountryCode(String digits) {
        String rest;
        if (digits.startsWith("0086")) rest = digits.substring(4);
        else if (digits.startsWith("86") && digits.length() >= 12) rest = digits.substring(2);
        else return digits;
        return rest.startsWith("1") || rest.startsWith("0") ? rest : "0" + rest;
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= '\uFF10' && c <= '\uFF19') return c - '\uFF10';
        return -1;
    }
}
