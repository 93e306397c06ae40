package jixiao.check;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The known key an unknown one was most likely meant to be. */
final class Suggest {

    private Suggest() {
    }

    /**
     * The known key whose label is the unknown key (the editor wrote 产出指标 for output), else the
     * one nearest by edit distance, when it is near enough to be a typo (at most a third of the
     * key's length, and at least one edit).
     */
    static Optional<String> nearest(String unknown, Collection<String> known, Map<String, String> labels) {
        for (String k : known) if (unknown.equals(labels.get(k))) return Optional.of(k);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(unknown.toLowerCase(), k.toLowerCase());
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(1, unknown.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
