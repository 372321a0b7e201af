package dev.troupe.engine.controllers.release;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.delivery.Release;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.gitops.Provenance;
import dev.troupe.engine.gitops.ReleaseRef;
import dev.troupe.engine.runtime.Conditions;
import dev.troupe.engine.runtime.Result;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Release deletion (delivery.md §2.6, finalizer {@code openchoreo.dev/dataplane-cleanup}): cleans
 * up the recorded DataPlane and, after an unfinished move, the previous one, each with its own
 * inventory, never looking up the Environment (§1.8 rule 2). The annotation {@code
 * openchoreo.dev/cleanup-policy: Orphan}, a DataPlane that is gone, or the cleanup timeout (counted
 * from {@code deletionTimestamp}) orphan instead. The finalizer goes once every target is cleaned
 * or orphaned.
 */
final class ReleaseDeletion {
  static final String CLEANUP_POLICY = "openchoreo.dev/cleanup-policy";

  private final ControllerContext ctx;
  private final TargetCleanup cleanup;

  ReleaseDeletion(ControllerContext ctx, TargetCleanup cleanup) {
    this.ctx = ctx;
    this.cleanup = cleanup;
  }

  Result reconcile(ObjectNode tree, Release release) {
    if (!ReleaseFinalizer.present(tree)) {
      return Result.done();
    }
    ReleaseStatus status = ReleaseStatus.of(tree);
    Release.DataPlaneTarget current = status.dataPlane();
    Release.DataPlaneTarget previous = status.previousDataPlane();
    if (current == null && previous == null) {
      // Nothing was ever written to a DataPlane (§2.2 step 6).
      ReleaseFinalizer.remove(ctx.store(), tree);
      return Result.done();
    }
    String orphanReason = orphanReason(tree, release);
    ReleaseRef ref = DesiredObjects.decode(release).ref();
    Provenance provenance = Provenance.fromAnnotations(release.metadata().annotationsOrEmpty());

    List<TargetCleanup.Outcome> outcomes = new ArrayList<>();
    if (current != null) {
      var o =
          cleanup.clean(
              tree, ref, current, status.inventory(), status.resources(), provenance, orphanReason);
      outcomes.add(o);
      record(status, o, false);
    }
    if (previous != null) {
      var o =
          cleanup.clean(
              tree,
              ref,
              previous,
              status.previousInventory(),
              status.resources(),
              provenance,
              orphanReason);
      outcomes.add(o);
      record(status, o, true);
    }

    if (outcomes.stream().allMatch(TargetCleanup.Outcome::finished)) {
      boolean orphaned =
          outcomes.stream().anyMatch(o -> o instanceof TargetCleanup.Outcome.Orphaned);
      if (ReleaseFinalizer.othersPresent(tree)) {
        // The object outlives this finalizer: say what happened while it still exists.
        tree =
            writeFinalizing(
                tree,
                status,
                orphaned ? "CleanupOrphaned" : "CleanupComplete",
                orphaned ? "objects were left on the DataPlane" : "DataPlane cleanup finished");
      }
      ReleaseFinalizer.remove(ctx.store(), tree);
      return Result.done();
    }

    String failure = null;
    Duration recheck = null;
    for (TargetCleanup.Outcome o : outcomes) {
      if (o instanceof TargetCleanup.Outcome.Failed f && failure == null) {
        failure = f.message();
      }
      if (o instanceof TargetCleanup.Outcome.Pending p) {
        recheck = recheck == null || p.recheck().compareTo(recheck) < 0 ? p.recheck() : recheck;
      }
    }
    writeFinalizing(
        tree,
        status,
        failure != null ? "CleanupFailed" : "CleanupInProgress",
        failure != null ? failure : "deleting the Release's objects on the DataPlane");
    Duration untilDeadline = Duration.between(ctx.clock().instant(), deadline(tree));
    if (failure != null) {
      return Result.after(clamp(retryDelay(tree), untilDeadline));
    }
    return Result.after(clamp(recheck, untilDeadline));
  }

  /** Why everything is orphaned at once, or null: the annotation, or the cleanup timeout. */
  private String orphanReason(ObjectNode tree, Release release) {
    if ("Orphan".equals(release.metadata().annotationsOrEmpty().get(CLEANUP_POLICY))) {
      return CLEANUP_POLICY + ": Orphan";
    }
    if (!ctx.clock().instant().isBefore(deadline(tree))) {
      return "cleanup timed out after " + ctx.settings().releaseCleanupTimeout();
    }
    return null;
  }

  private Instant deadline(ObjectNode tree) {
    return deletedAt(tree).plus(ctx.settings().releaseCleanupTimeout());
  }

  private Instant deletedAt(ObjectNode tree) {
    String at = tree.path("metadata").path("deletionTimestamp").asText("");
    try {
      return Instant.parse(at);
    } catch (DateTimeParseException e) {
      return ctx.clock().instant();
    }
  }

  /**
   * Grows with the time already spent (a quarter of it, 1 s to 5 min), so a DataPlane that stays
   * unreachable is asked less and less often until the bound orphans.
   */
  private Duration retryDelay(ObjectNode tree) {
    Duration spent = Duration.between(deletedAt(tree), ctx.clock().instant());
    Duration d = spent.dividedBy(4);
    if (d.compareTo(Duration.ofSeconds(1)) < 0) {
      return Duration.ofSeconds(1);
    }
    return d.compareTo(Duration.ofMinutes(5)) > 0 ? Duration.ofMinutes(5) : d;
  }

  private static Duration clamp(Duration wanted, Duration untilDeadline) {
    Duration atDeadline = untilDeadline.isNegative() ? Duration.ZERO : untilDeadline;
    Duration d = wanted == null ? Duration.ofSeconds(5) : wanted;
    return d.compareTo(atDeadline) <= 0 ? d : atDeadline.plusMillis(100);
  }

  /** Keeps the status in step with what is left on each target. */
  private static void record(ReleaseStatus status, TargetCleanup.Outcome o, boolean previous) {
    List<Release.InventoryEntry> left =
        switch (o) {
          case TargetCleanup.Outcome.Pending p -> p.remaining();
          case TargetCleanup.Outcome.Failed f -> f.remaining();
          default -> null;
        };
    if (left != null) {
      if (previous) {
        status.previousInventory(left);
      } else {
        status.inventory(left);
      }
    }
  }

  private ObjectNode writeFinalizing(
      ObjectNode tree, ReleaseStatus status, String reason, String message) {
    long generation = ReleaseReconciler.generation(tree);
    List<ObjectNode> conditions = new ArrayList<>(status.conditionsExcept("Finalizing"));
    conditions.add(Conditions.of("Finalizing", "True", reason, message, generation));
    status.conditions(conditions);
    return ctx.status().write(tree, status.tree());
  }
}
