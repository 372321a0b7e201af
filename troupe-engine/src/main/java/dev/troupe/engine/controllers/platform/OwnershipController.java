package dev.troupe.engine.controllers.platform;

import static dev.troupe.engine.controllers.platform.PlatformControllers.COMPONENT_CHILDREN;
import static dev.troupe.engine.controllers.platform.PlatformControllers.INDEX_OWNER_COMPONENT;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.runtime.ChangeFilter;
import dev.troupe.engine.runtime.ControllerManager;
import dev.troupe.engine.runtime.ControllerSpec;
import dev.troupe.engine.runtime.Result;
import dev.troupe.engine.runtime.Watch;
import dev.troupe.engine.store.ObjectKey;
import dev.troupe.engine.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Ownership controller (delivery.md §1.6): gives every Workload, claim, Build,
 * DeployableArtifact and Promotion a non-controller ownerReference to the Component named by its
 * {@code spec.owner.componentName} as soon as that Component exists, so that deleting a Component
 * collects them. Keyed by Component: a change of a child or of the Component reconciles the
 * Component, which then completes the references of all its children (index {@value
 * PlatformControllers#INDEX_OWNER_COMPONENT}).
 */
final class OwnershipController {
  static final String NAME = "platform.ownership";
  private static final String COMPONENT = "Component";

  private final ControllerContext ctx;

  OwnershipController(ControllerContext ctx) {
    this.ctx = ctx;
  }

  void register(ControllerManager manager) {
    List<Watch> watches = new ArrayList<>();
    watches.add(Watch.primary(COMPONENT, ChangeFilter.spec()));
    for (String kind : COMPONENT_CHILDREN) {
      watches.add(
          Watch.of(
              kind,
              ChangeFilter.spec(),
              c ->
                  c.now() == null
                      ? List.of()
                      : PlatformControllers.ownerComponent(c.now()).stream()
                          .map(name -> new ObjectKey(COMPONENT, c.namespace(), name))
                          .toList()));
    }
    manager.register(
        new ControllerSpec(
            NAME,
            COMPONENT,
            this::reconcile,
            ctx.settings().workers(),
            watches,
            ctx.settings().resync()));
  }

  Result reconcile(ObjectKey key) {
    Optional<ObjectNode> component = ctx.cache().tree(key);
    if (component.isEmpty() || Meta.uid(component.get()).isEmpty()) {
      return Result.done();
    }
    String uid = Meta.uid(component.get());
    for (String kind : COMPONENT_CHILDREN) {
      for (ObjectKey child :
          ctx.cache().byIndex(kind, INDEX_OWNER_COMPONENT, key.namespace(), key.name())) {
        Optional<ObjectNode> cached = ctx.cache().tree(child);
        if (cached.isPresent()
            && !Meta.ownedBy(cached.get(), uid)
            && !Meta.terminating(cached.get())) {
          adopt(child, component.get());
        }
      }
    }
    return Result.done();
  }

  private void adopt(ObjectKey child, ObjectNode component) {
    ObjectNode current;
    try {
      current = ctx.store().get(child.kind(), child.namespace(), child.name());
    } catch (StoreException.NotFound e) {
      return;
    }
    if (Meta.ownedBy(current, Meta.uid(component)) || Meta.terminating(current)) {
      return;
    }
    ObjectNode next = current.deepCopy();
    next.with("metadata")
        .withArray("ownerReferences")
        .add(Meta.ownerReference(component, false, false));
    ctx.store().update(next);
  }
}
