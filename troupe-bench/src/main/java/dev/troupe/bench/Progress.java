package dev.troupe.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a long pass on stderr: a line at most every two seconds, so short passes print
 * nothing and long ones show they are alive.
 */
public final class Progress {
  private static final long EVERY_NANOS = 2_000_000_000L;

  private final PrintStream out;
  private final String label;
  private final int total;
  private final long start = System.nanoTime();
  private long last = start;

  Progress(PrintStream out, String label, int total) {
    this.out = out;
    this.label = label;
    this.total = total;
  }

  /** A progress reporter that prints nothing. */
  public static Progress silent() {
    return new Progress(null, "", 0);
  }

  void tick(int done) {
    if (out == null || (done & 63) != 0) {
      return;
    }
    long now = System.nanoTime();
    if (now - last >= EVERY_NANOS) {
      last = now;
      out.printf(
          Locale.ROOT,
          "  %s: %d/%d bindings rendered (%.1f s)%n",
          label,
          done,
          total,
          (now - start) / 1e9);
    }
  }
}
