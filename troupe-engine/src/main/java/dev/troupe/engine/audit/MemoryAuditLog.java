package dev.troupe.engine.audit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** An audit log in memory, for tests and tools that keep no data directory. */
public final class MemoryAuditLog implements AuditLog {
  private final List<AuditRecord> records = new ArrayList<>();
  private final Set<String> keys = new HashSet<>();

  @Override
  public synchronized AuditRecord append(AuditRecord record) {
    AuditRecord r = record.withSequence(records.size() + 1L);
    records.add(r);
    return r;
  }

  @Override
  public synchronized Optional<AuditRecord> appendOnce(String key, AuditRecord record) {
    return keys.add(key) ? Optional.of(append(record)) : Optional.empty();
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
