package dev.troupe.engine.audit;

import java.util.List;

/**
 * The append-only audit log: records can be appended and read, never changed or removed. It
 * outlives the objects it mentions.
 */
public interface AuditLog extends AuditSink, AutoCloseable {
  /** Records matching {@code q}, oldest first. */
  List<AuditRecord> query(AuditQuery q);

  @Override
  void close();
}
