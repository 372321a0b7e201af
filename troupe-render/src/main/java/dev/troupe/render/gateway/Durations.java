package dev.troupe.render.gateway;

/** Go-style durations for CORS {@code maxAge} (rendering.md §5.6 rule C). */
final class Durations {
  private Durations() {}

  /**
   * {@code <h>h<m>m<s>s} from 3600 seconds, {@code <m>m<s>s} from 60 seconds, else {@code <s>s}:
   * 86400 → {@code 24h0m0s}, 90 → {@code 1m30s}, 30 → {@code 30s}.
   */
  static String goStyle(long seconds) {
    long h = seconds / 3600;
    long m = seconds % 3600 / 60;
    long s = seconds % 60;
    if (seconds >= 3600) {
      return h + "h" + m + "m" + s + "s";
    }
    if (seconds >= 60) {
      return m + "m" + s + "s";
    }
    return s + "s";
  }
}
