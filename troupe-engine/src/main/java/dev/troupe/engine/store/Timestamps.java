package dev.troupe.engine.store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Metadata timestamps: RFC 3339, second precision, UTC ({@code 2025-01-31T09:00:00Z}). */
final class Timestamps {
  private Timestamps() {}

  static String now(Clock clock) {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
