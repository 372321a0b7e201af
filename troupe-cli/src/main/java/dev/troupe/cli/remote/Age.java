package dev.troupe.cli.remote;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Short human ages for tables ({@code 42s}, {@code 3m20s}, {@code 45m}, {@code 2h5m}, {@code 20h},
 * {@code 3d4h}, {@code 45d}, {@code 2y10d}): precise while recent, coarser as they grow.
 */
public final class Age {
  private Age() {}

  /** The age of an RFC 3339 timestamp at {@code now}; {@code <unknown>} when absent or invalid. */
  public static String since(String timestamp, Instant now) {
    if (timestamp == null || timestamp.isEmpty()) {
      return "<unknown>";
    }
    try {
      return format(Duration.between(Instant.parse(timestamp), now));
    } catch (DateTimeParseException e) {
      return "<unknown>";
    }
  }

  public static String format(Duration d) {
    long s = Math.max(0, d.getSeconds());
    long m = s / 60;
    long h = m / 60;
    long days = h / 24;
    if (s < 120) {
      return s + "s";
    }
    if (m < 10) {
      return both(m, "m", s % 60, "s");
    }
    if (h < 3) {
      return m + "m";
    }
    if (h < 8) {
      return both(h, "h", m % 60, "m");
    }
    if (h < 48) {
      return h + "h";
    }
    if (days < 8) {
      return both(days, "d", h % 24, "h");
    }
    if (days < 730) {
      return days + "d";
    }
    return both(days / 365, "y", days % 365, "d");
  }

  private static String both(long a, String ua, long b, String ub) {
    return b == 0 ? a + ua : a + ua + b + ub;
  }
}
