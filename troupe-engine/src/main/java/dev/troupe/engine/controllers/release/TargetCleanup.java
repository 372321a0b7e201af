package dev.troupe.engine.controllers.release;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.delivery.Release;
import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.engine.audit.CleanupAudit;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.gitops.Provenance;
import dev.troupe.engine.gitops.ReleaseRef;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cleans up what a Release wrote to one recorded DataPlane (delivery.md §2.6 steps 3–7): the
 * current target on deletion, the previous target after a move (§2.2 step 7). The DataPlane is
 * found by the recorded name and must still have the recorded uid; otherwise its part is orphaned
 * at once (§1.8 rule 2). Orphaning is recorded as a Warning event {@code CleanupOrphaned} naming
 * the objects, as the audit record {@code cleanup.orphaned} ({@link CleanupAudit}), and in the log
 * (§1.8 rule 3).
 */
final class TargetCleanup {
  private static final Logger log = LoggerFactory.getLogger(TargetCleanup.class);
  static final String DATA_PLANE_GONE = "DataPlane gone";
  private static final int MAX_LISTED = 20;

  /** What became of one target. */
  sealed interface Outcome {
    /** Nothing of the Release is left there. */
    record Cleaned(String message) implements Outcome {}

    /** Left in place and recorded. */
    record Orphaned(String reason) implements Outcome {}

    /** Deletion under way. */
    record Pending(List<Release.InventoryEntry> remaining, Duration recheck) implements Outcome {}

    /** Failed for now (redacted message); retried. */
    record Failed(String message, List<Release.InventoryEntry> remaining) implements Outcome {}

    default boolean finished() {
      return this instanceof Cleaned || this instanceof Orphaned;
    }
  }

  private final ControllerContext ctx;
  private final ReleaseAppliers appliers;

  TargetCleanup(ControllerContext ctx, ReleaseAppliers appliers) {
    this.ctx = ctx;
    this.appliers = appliers;
  }

  /**
   * Cleans up {@code target} of the Release {@code tree}, or orphans it when {@code orphanReason}
   * is not null or the DataPlane is gone.
   */
  Outcome clean(
      ObjectNode tree,
      ReleaseRef ref,
      Release.DataPlaneTarget target,
      List<Release.InventoryEntry> inventory,
      List<Release.ResourceStatus> resources,
      Provenance provenance,
      String orphanReason) {
    Optional<DataPlane> dp = dataPlane(tree, target);
    if (dp.isEmpty()) {
      return orphan(tree, target, inventory, DATA_PLANE_GONE);
    }
    if (orphanReason != null || ref == null) {
      return orphan(
          tree, target, inventory, orphanReason != null ? orphanReason : "invalid Release");
    }
    ModeApplier applier = appliers.forMode(target.mode());
    var outcome =
        applier.cleanup(
            new ModeApplier.CleanupRequest(ref, tree, dp.get(), inventory, resources, provenance));
    return switch (outcome) {
      case ModeApplier.CleanupOutcome.Done d -> {
        log.atInfo()
            .addKeyValue("release", ref.organization() + "/" + ref.name())
            .addKeyValue("dataPlane", target.name())
            .addKeyValue("detail", d.message())
            .log("Cleaned up Release on DataPlane");
        yield new Outcome.Cleaned(d.message());
      }
      case ModeApplier.CleanupOutcome.Pending p ->
          new Outcome.Pending(
              p.remaining(), p.recheck() == null ? Duration.ofSeconds(5) : p.recheck());
      case ModeApplier.CleanupOutcome.Failed f -> new Outcome.Failed(f.message(), f.remaining());
    };
  }

  /** The recorded DataPlane, if it still exists with the recorded uid. */
  Optional<DataPlane> dataPlane(ObjectNode tree, Release.DataPlaneTarget target) {
    String ns = tree.path("metadata").path("namespace").asText();
    return ctx.cache()
        .get(DataPlane.class, ns, target.name())
        .filter(d -> d.metadata().uid() != null && d.metadata().uid().equals(target.uid()));
  }

  private Outcome orphan(
      ObjectNode tree,
      Release.DataPlaneTarget target,
      List<Release.InventoryEntry> inventory,
      String reason) {
    String message = orphanMessage(target, inventory, reason);
    CleanupAudit.orphaned(
        ctx.store(), ctx.events(), ctx.clock(), tree, message, "dataplane/" + target.uid());
    log.atWarn()
        .addKeyValue("release", name(tree))
        .addKeyValue("dataPlane", target.name())
        .addKeyValue("dataPlaneUid", target.uid())
        .addKeyValue("mode", target.mode())
        .addKeyValue("reason", reason)
        .addKeyValue("objects", inventory.stream().map(TargetCleanup::display).toList().toString())
        .log("Orphaned Release objects");
    return new Outcome.Orphaned(reason);
  }

  /**
   * {@code orphaned 3 objects on DataPlane default (gitops) (DataPlane gone): Deployment ns/a,
   * ...}; at most {@value #MAX_LISTED} objects are named.
   */
  static String orphanMessage(
      Release.DataPlaneTarget target, List<Release.InventoryEntry> inventory, String reason) {
    StringBuilder b =
        new StringBuilder("orphaned ")
            .append(inventory.size())
            .append(inventory.size() == 1 ? " object" : " objects")
            .append(" on DataPlane ")
            .append(target.name())
            .append(" (")
            .append(target.mode())
            .append(") (")
            .append(reason)
            .append(")");
    for (int i = 0; i < inventory.size() && i < MAX_LISTED; i++) {
      b.append(i == 0 ? ": " : ", ").append(display(inventory.get(i)));
    }
    if (inventory.size() > MAX_LISTED) {
      b.append(", and ").append(inventory.size() - MAX_LISTED).append(" more");
    }
    return b.toString();
  }

  private static String display(Release.InventoryEntry e) {
    String ns = e.namespace() == null || e.namespace().isEmpty() ? "" : e.namespace() + "/";
    return e.kind() + " " + ns + e.name();
  }

  private static String name(ObjectNode tree) {
    return tree.path("metadata").path("namespace").asText()
        + "/"
        + tree.path("metadata").path("name").asText();
  }
}
