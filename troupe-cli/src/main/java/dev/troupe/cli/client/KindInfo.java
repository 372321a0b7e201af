package dev.troupe.cli.client;

import java.util.List;
import java.util.Locale;

/** One entry of {@code GET /api/v1/kinds}: a kind the server serves and how it is addressed. */
public record KindInfo(String kind, String plural, boolean namespaced, List<String> shortNames) {
  public KindInfo {
    shortNames = shortNames == null ? List.of() : List.copyOf(shortNames);
  }

  /** True when {@code word} names this kind: its kind, plural or a short name, in any case. */
  public boolean matches(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return kind.toLowerCase(Locale.ROOT).equals(w)
        || plural.toLowerCase(Locale.ROOT).equals(w)
        || shortNames.stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).equals(w));
  }
}
