package dev.troupe.engine.audit;

import java.util.Optional;

/** Receives audit records. Implementations must be thread-safe and durable before returning. */
@FunctionalInterface
public interface AuditSink {
  /** Appends {@code record}; returns it with its assigned sequence. */
  AuditRecord append(AuditRecord record);

  /**
   * Appends {@code record} unless a record with the same {@code key} was appended before (by this
   * process or an earlier one), so that a writer that cannot know whether its last append happened
   * (it died, or is retrying) can append again: at least once, deduplicated. The key is not part of
   * the record. The default appends every time; the logs of this package deduplicate.
   *
   * @param key identifies the event the record is about, e.g. {@code promotion:<uid>:approved}
   * @return the appended record, or empty when one with this key exists already
   */
  default Optional<AuditRecord> appendOnce(String key, AuditRecord record) {
    return Optional.of(append(record));
  }

  /** A sink that keeps nothing (tests and tools that do not audit). */
  static AuditSink none() {
    return r -> r;
  }
}
