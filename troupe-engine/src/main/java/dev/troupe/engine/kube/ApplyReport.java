package dev.troupe.engine.kube;

import java.util.List;

/**
 * The result of one apply pass: one {@link ResourceResult} per desired object in spec order, the
 * new {@code status.inventory}, the {@code Applied} condition, the objects pruned in this pass, and
 * problems met while pruning (redacted; the entries stay in the inventory and are retried).
 */
public record ApplyReport(
    List<ResourceResult> resources,
    List<InventoryEntry> inventory,
    AppliedOutcome outcome,
    List<InventoryEntry> pruned,
    List<String> pruneProblems) {

  public ApplyReport {
    resources = List.copyOf(resources);
    inventory = List.copyOf(inventory);
    pruned = List.copyOf(pruned);
    pruneProblems = List.copyOf(pruneProblems);
  }
}
