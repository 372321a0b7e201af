package dev.troupe.engine.controllers.platform;

import static dev.troupe.engine.controllers.platform.PlatformControllers.RELEASE_DRAIN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.runtime.Change;
import dev.troupe.engine.runtime.ChangeFilter;
import dev.troupe.engine.runtime.ControllerManager;
import dev.troupe.engine.runtime.ControllerSpec;
import dev.troupe.engine.runtime.Result;
import dev.troupe.engine.runtime.Watch;
import dev.troupe.engine.store.ObjectKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The DataPlane controller (delivery.md §1.2, §1.8; model.md §3.2): probes the plane through a
 * {@link PlaneProbe} and reports {@code Ready}; the finalizer {@code openchoreo.dev/release-drain}
 * keeps a deleted DataPlane readable while a Release that wrote to it (by {@code
 * status.dataPlane.uid} or {@code status.previousDataPlane.uid}) is being deleted or cleans up
 * after a move, bounded by {@code dataPlaneDrainTimeout}. Deleting a DataPlane does not delete
 * Releases (OpenChoreo #1907: it unregisters a cluster).
 */
final class DataPlaneController {
  static final String NAME = "platform.dataplane";
  private static final String KIND = "DataPlane";
  private static final String RELEASE = "Release";

  private final ControllerContext ctx;
  private final PlaneProbe probe;
  private final Finalization drain;

  DataPlaneController(ControllerContext ctx, PlaneProbe probe) {
    this.ctx = ctx;
    this.probe = probe;
    this.drain = new Finalization(ctx, RELEASE_DRAIN, ctx.settings().dataPlaneDrainTimeout());
  }

  void register(ControllerManager manager) {
    manager.register(
        new ControllerSpec(
            NAME,
            KIND,
            this::reconcile,
            ctx.settings().workers(),
            List.of(
                Watch.primary(KIND, ChangeFilter.spec()),
                Watch.of(
                    RELEASE, ChangeFilter.spec().or(ChangeFilter.status()), this::drainingPlanes)),
            ctx.settings().resync()));
  }

  /** The terminating DataPlanes a Release change may let progress. */
  private List<ObjectKey> drainingPlanes(Change change) {
    Set<ObjectKey> out = new LinkedHashSet<>();
    for (ObjectNode release : new ObjectNode[] {change.old(), change.now()}) {
      if (release == null) {
        continue;
      }
      for (String field : List.of("dataPlane", "previousDataPlane")) {
        String name = Meta.text(release, "status", field, "name");
        if (name != null) {
          ctx.cache()
              .tree(KIND, change.namespace(), name)
              .filter(Meta::terminating)
              .ifPresent(dp -> out.add(ObjectKey.of(dp)));
        }
      }
    }
    return List.copyOf(out);
  }

  Result reconcile(ObjectKey key) {
    Optional<ObjectNode> found = ctx.cache().tree(key);
    Optional<DataPlane> typed = ctx.cache().get(DataPlane.class, key.namespace(), key.name());
    if (found.isEmpty() || typed.isEmpty()) {
      return Result.done();
    }
    if (Meta.terminating(found.get())) {
      ObjectNode deleting = found.get();
      if (!Meta.hasFinalizer(deleting, RELEASE_DRAIN)) {
        return Result.done();
      }
      Finalization.Step step = drain.decide(deleting, () -> draining(deleting));
      return drain.settle(
          deleting, StatusDraft.keeping(deleting), step, "Releases cleaning up on this plane");
    }
    ObjectNode dp = drain.ensure(found.get());
    PlaneProbe.Verdict verdict = probe.dataPlane(typed.get());
    StatusDraft draft =
        StatusDraft.of(dp)
            .condition(StatusDraft.READY, verdict.connected(), verdict.reason(), verdict.message());
    ctx.status().put(dp, draft.build());
    return verdict.recheck().isZero() ? Result.done() : Result.after(verdict.recheck());
  }

  /**
   * Releases that still need this plane: being deleted after writing to it, or cleaning up here
   * after moving to another plane.
   */
  private List<ObjectKey> draining(ObjectNode dp) {
    String uid = Meta.uid(dp);
    List<ObjectKey> out = new ArrayList<>();
    for (ObjectNode r : ctx.store().list(RELEASE, Meta.namespace(dp)).items()) {
      JsonNode status = r.path("status");
      boolean deletingHere =
          Meta.terminating(r) && uid.equals(status.path("dataPlane").path("uid").asText());
      boolean leavingHere = uid.equals(status.path("previousDataPlane").path("uid").asText());
      if (deletingHere || leavingHere) {
        out.add(ObjectKey.of(r));
      }
    }
    return out;
  }
}
