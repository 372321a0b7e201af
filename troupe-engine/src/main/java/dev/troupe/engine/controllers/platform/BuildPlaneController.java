package dev.troupe.engine.controllers.platform;

import static dev.troupe.engine.controllers.platform.PlatformControllers.BUILDPLANE_CLEANUP;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.platform.BuildPlane;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.runtime.ChangeFilter;
import dev.troupe.engine.runtime.ControllerManager;
import dev.troupe.engine.runtime.ControllerSpec;
import dev.troupe.engine.runtime.Result;
import dev.troupe.engine.runtime.Watch;
import dev.troupe.engine.store.ObjectKey;
import java.util.List;
import java.util.Optional;

/**
 * The BuildPlane controller (delivery.md §1.2, §1.8; model.md §3.3): probes the plane and reports
 * {@code Ready}. The embedded platform creates nothing on build planes (builds use the local
 * executor, §6.7), so the finalizer {@code openchoreo.dev/buildplane-cleanup} has nothing to clean
 * up: it is removed at once on deletion, with no orphan record because nothing was left behind.
 */
final class BuildPlaneController {
  static final String NAME = "platform.buildplane";
  private static final String KIND = "BuildPlane";

  private final ControllerContext ctx;
  private final PlaneProbe probe;
  private final Finalization cleanup;

  BuildPlaneController(ControllerContext ctx, PlaneProbe probe) {
    this.ctx = ctx;
    this.probe = probe;
    this.cleanup =
        new Finalization(ctx, BUILDPLANE_CLEANUP, ctx.settings().buildPlaneCleanupTimeout());
  }

  void register(ControllerManager manager) {
    manager.register(
        new ControllerSpec(
            NAME,
            KIND,
            this::reconcile,
            ctx.settings().workers(),
            List.of(Watch.primary(KIND, ChangeFilter.spec())),
            ctx.settings().resync()));
  }

  Result reconcile(ObjectKey key) {
    Optional<ObjectNode> found = ctx.cache().tree(key);
    Optional<BuildPlane> typed = ctx.cache().get(BuildPlane.class, key.namespace(), key.name());
    if (found.isEmpty() || typed.isEmpty()) {
      return Result.done();
    }
    ObjectNode bp = found.get();
    if (Meta.terminating(bp)) {
      // No CI namespace was ever created by this platform: nothing to delete, nothing orphaned.
      cleanup.release(bp);
      return Result.done();
    }
    bp = cleanup.ensure(bp);
    PlaneProbe.Verdict verdict = probe.buildPlane(typed.get());
    StatusDraft draft =
        StatusDraft.of(bp)
            .condition(StatusDraft.READY, verdict.connected(), verdict.reason(), verdict.message());
    ctx.status().put(bp, draft.build());
    return verdict.recheck().isZero() ? Result.done() : Result.after(verdict.recheck());
  }
}
