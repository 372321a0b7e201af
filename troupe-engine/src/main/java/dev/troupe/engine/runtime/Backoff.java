package dev.troupe.engine.runtime;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off for transient failures (delivery.md §1.1 rule 5): {@code initial} doubled
 * per consecutive failure up to {@code max}, with ±{@code jitter} (a fraction).
 */
public record Backoff(Duration initial, double factor, Duration max, double jitter) {

  /** 1 s, factor 2, at most 5 min, ±20 %. */
  public static final Backoff DEFAULT =
      new Backoff(Duration.ofSeconds(1), 2, Duration.ofMinutes(5), 0.2);

  /** The delay before retry number {@code failures} (1 for the first retry). */
  public Duration delay(int failures) {
    double base = initial.toMillis() * Math.pow(factor, Math.max(0, failures - 1));
    double capped = Math.min(base, max.toMillis());
    double spread = capped * jitter;
    double jittered =
        capped + (spread == 0 ? 0 : ThreadLocalRandom.current().nextDouble(-spread, spread));
    return Duration.ofMillis(Math.max(0, Math.round(jittered)));
  }
}
