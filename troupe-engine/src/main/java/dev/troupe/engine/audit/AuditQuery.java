package dev.troupe.engine.audit;

import java.time.Instant;

/**
 * A read of the audit log, oldest first.
 *
 * @param organization only records of this organization; null for all
 * @param since only records at or after this time; null for all
 * @param afterSequence only records with a larger sequence (paging); 0 for all
 * @param actionPrefix only actions starting with this, e.g. {@code promotion.}; null for all
 * @param limit at most this many records (1–1000)
 */
public record AuditQuery(
    String organization, Instant since, long afterSequence, String actionPrefix, int limit) {
  public AuditQuery {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be 1–1000, got " + limit);
    }
  }

  public static AuditQuery all() {
    return new AuditQuery(null, null, 0, null, 1000);
  }
}
