package dev.troupe.api.schema;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" candidates (model.md §4.1): a candidate within Damerau–Levenshtein distance 2 of
 * the input (case-insensitive) or equal ignoring case; smallest distance first, ties in candidate
 * order.
 */
public final class Suggestions {
  private Suggestions() {}

  public static Optional<String> closest(String input, Collection<String> candidates) {
    String in = input.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      if (candidate.equals(input)) {
        continue;
      }
      int d = distance(in, candidate.toLowerCase(Locale.ROOT));
      if (d <= 2 && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code did you mean "<x>"?} for the closest candidate, or null. */
  public static String hint(String input, Collection<String> candidates) {
    return closest(input, candidates).map(c -> "did you mean \"" + c + "\"?").orElse(null);
  }

  /** Optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions). */
  static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 2) {
      return 3;
    }
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
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
