package dev.troupe.engine.audit;

import java.util.ArrayList;
import java.util.List;

/** An audit log in memory, for tests and tools that keep no data directory. */
public final class MemoryAuditLog implements AuditLog {
  private final List<AuditRecord> records = new ArrayList<>();

  @Override
  public synchronized AuditRecord append(AuditRecord record) {
    AuditRecord r = record.withSequence(records.size() + 1L);
    records.add(r);
    return r;
  }

  @Override
  public synchronized List<AuditRecord> query(AuditQuery q) {
    List<AuditRecord> out = new ArrayList<>();
    for (AuditRecord r : records) {
      if (out.size() == q.limit()) {
        break;
      }
      if (r.sequence() > q.afterSequence()
          && (q.organization() == null || q.organization().equals(r.organization()))
          && (q.since() == null || !r.time().isBefore(q.since()))
          && (q.actionPrefix() == null || r.action().startsWith(q.actionPrefix()))) {
        out.add(r);
      }
    }
    return out;
  }

  @Override
  public void close() {}
}
