package io.synthscene.scenes.parse;

import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean" for misspelt keys and names: the known word nearest by edit distance
 * (insertions, deletions, substitutions and swaps of neighbours each count 1), when it is at most
 * 2 away (1 for words under 4 letters), or a known word that merely adds a suffix such as a unit
 * ({@code hfov} → {@code hfov_deg}).
 */
public final class Suggestions {
    private Suggestions() {
    }

    public static Optional<String> closest(String word, Collection<String> known) {
        int limit = word.length() < 4 ? 1 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(word.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best != null && bestDistance <= limit) {
            return Optional.of(best);
        }
        if (word.length() >= 3) {
            for (String candidate : known) {
                if (candidate.startsWith(word + "_")) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** {@code ", did you mean 'xyz'?"} or, with no close word, the list of known words. */
    public static String hint(String word, Collection<String> known) {
        return closest(word, known).map(s -> ", did you mean '" + s + "'?")
                .orElseGet(() -> known.isEmpty() ? "" : "; expected one of: " + String.join(", ", known));
    }

    /** Optimal string alignment distance. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
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
