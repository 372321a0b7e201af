package dev.troupe.engine.controllers.platform;

import static dev.troupe.engine.controllers.platform.PlatformControllers.NAMESPACE;
import static dev.troupe.engine.controllers.platform.PlatformControllers.NAMESPACE_FINALIZER;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.audit.CleanupAudit;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.runtime.Change;
import dev.troupe.engine.runtime.ChangeFilter;
import dev.troupe.engine.runtime.ControllerManager;
import dev.troupe.engine.runtime.ControllerSpec;
import dev.troupe.engine.runtime.Result;
import dev.troupe.engine.runtime.Watch;
import dev.troupe.engine.store.ObjectKey;
import dev.troupe.engine.store.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The namespace lifecycle of the embedded store, modelled on Kubernetes' namespace controller:
 * every Namespace carries the finalizer {@value PlatformControllers#NAMESPACE_FINALIZER}; once it
 * is terminating, every object in it (Troupe kinds and Events) is deleted, objects with finalizers
 * are awaited (their own controllers' bounds apply), and the finalizer is removed when the
 * namespace is empty. As a last resort, after twice the largest cleanup bound, the remaining
 * objects' finalizers are stripped and the orphaning recorded, so that a finalizer nobody serves
 * cannot hold a namespace forever (delivery.md §1.8 "every step is bounded").
 */
final class NamespaceController {
  private static final Logger log = LoggerFactory.getLogger(NamespaceController.class);
  static final String NAME = "platform.namespace";

  private final ControllerContext ctx;
  private final NamespaceContents contents;
  private final Duration bound;

  NamespaceController(ControllerContext ctx) {
    this.ctx = ctx;
    this.contents = new NamespaceContents(ctx.store());
    var s = ctx.settings();
    this.bound =
        Stream.of(
                s.releaseCleanupTimeout(),
                s.environmentCleanupTimeout(),
                s.dataPlaneDrainTimeout(),
                s.buildPlaneCleanupTimeout(),
                s.organizationCleanupTimeout())
            .max(Duration::compareTo)
            .orElseThrow()
            .multipliedBy(2);
  }

  void register(ControllerManager manager) {
    List<Watch> watches = new ArrayList<>();
    watches.add(Watch.primary(NAMESPACE, ChangeFilter.spec()));
    watches.add(
        Watch.of(
            "Organization",
            ChangeFilter.spec(),
            c ->
                c.type() == Change.Type.DELETED
                    ? List.of(new ObjectKey(NAMESPACE, "", c.name()))
                    : List.of()));
    for (String kind : NamespaceContents.TROUPE_KINDS) {
      watches.add(Watch.of(kind, ChangeFilter.spec(), this::terminatingNamespaceOf));
    }
    manager.register(
        new ControllerSpec(
            NAME,
            NAMESPACE,
            this::reconcile,
            ctx.settings().workers(),
            watches,
            ctx.settings().resync()));
  }

  private List<ObjectKey> terminatingNamespaceOf(Change change) {
    if (change.type() != Change.Type.DELETED) {
      return List.of();
    }
    return ctx.cache()
        .tree(NAMESPACE, "", change.namespace())
        .filter(Meta::terminating)
        .map(ns -> List.of(ObjectKey.of(ns)))
        .orElse(List.of());
  }

  Result reconcile(ObjectKey key) {
    Optional<ObjectNode> found = ctx.store().find(NAMESPACE, "", key.name());
    if (found.isEmpty()) {
      return Result.done();
    }
    ObjectNode ns = found.get();
    if (!Meta.terminating(ns)) {
      if (!Meta.hasFinalizer(ns, NAMESPACE_FINALIZER)) {
        ctx.store().update(Meta.withFinalizer(ns, NAMESPACE_FINALIZER));
      }
      return Result.done();
    }
    if (!Meta.hasFinalizer(ns, NAMESPACE_FINALIZER)) {
      return Result.done();
    }
    String name = key.name();
    List<ObjectKey> remaining = contents.deleteAll(name, true);
    if (!remaining.isEmpty()) {
      Duration elapsed =
          Duration.between(
              Meta.deletionRequested(ns).orElse(ctx.clock().instant()), ctx.clock().instant());
      Duration left = bound.minus(elapsed);
      if (left.isPositive()) {
        return Result.after(left.plusMillis(50));
      }
      List<ObjectKey> held = contents.releaseAll(name);
      String message =
          "objects in namespace "
              + name
              + " still held by finalizers after "
              + bound
              + " were released without cleanup: "
              + Meta.describe(held, 20);
      CleanupAudit.orphaned(ctx.store(), ctx.events(), ctx.clock(), ns, message);
      log.warn("Released finalizers in terminating namespace {}: {}", name, held);
      remaining = contents.deleteAll(name, true);
      if (!remaining.isEmpty()) {
        throw new IllegalStateException(
            "namespace " + name + " still holds " + Meta.describe(remaining, 20));
      }
    }
    contents.deleteEvents(name);
    try {
      ctx.store().update(Meta.withoutFinalizer(ns, NAMESPACE_FINALIZER));
    } catch (StoreException.NotFound e) {
      // gone meanwhile
    }
    return Result.done();
  }
}
