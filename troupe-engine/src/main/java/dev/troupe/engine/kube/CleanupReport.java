package dev.troupe.engine.kube;

import java.util.List;

/**
 * The result of one cleanup pass (delivery.md §2.6 step 4).
 *
 * @param deleted objects gone now (deleted in this pass, or already absent)
 * @param remaining objects that still exist: deletion requested but not finished (finalizers), or
 *     failed; the controller waits for them and calls cleanup again with this list
 * @param failure the first redacted error, or null
 * @param unreachable true when the DataPlane could not be reached at all
 */
public record CleanupReport(
    List<InventoryEntry> deleted,
    List<InventoryEntry> remaining,
    String failure,
    boolean unreachable) {

  public CleanupReport {
    deleted = List.copyOf(deleted);
    remaining = List.copyOf(remaining);
  }

  /** True when nothing of the Release is left on the DataPlane: the finalizer can go. */
  public boolean done() {
    return remaining.isEmpty() && failure == null && !unreachable;
  }
}
