package dev.troupe.engine.audit;

/** Receives audit records. Implementations must be thread-safe and durable before returning. */
@FunctionalInterface
public interface AuditSink {
  /** Appends {@code record}; returns it with its assigned sequence. */
  AuditRecord append(AuditRecord record);

  /** A sink that keeps nothing (tests and tools that do not audit). */
  static AuditSink none() {
    return r -> r;
  }
}
