package dev.troupe.engine.gitops;

import dev.troupe.engine.audit.AuditRecord;
import java.util.List;

/**
 * Where the audit trail of a promotion is told in Git (docs/gitops.md "Promotion story in Git"):
 * the Promotion controller passes the trail each time it grows, and a ledger in gitops mode commits
 * it to the repository of the target environment's DataPlane ({@link PromotionLedgerFile}).
 */
@FunctionalInterface
public interface PromotionLedger {
  /**
   * Records {@code trail}: the audit records of one promotion so far, oldest first, all with the
   * same organization, project, component, target environment and target {@code Promotion/<name>}.
   * It may be passed again, and a shorter one after a longer one (after a restart): a ledger writes
   * only what it does not have yet, and never goes back.
   *
   * @throws RuntimeException when the ledger could not be written now (retried later)
   */
  void record(List<AuditRecord> trail);

  /** A ledger that records nothing (no gitops, tests). */
  static PromotionLedger none() {
    return trail -> {};
  }
}
