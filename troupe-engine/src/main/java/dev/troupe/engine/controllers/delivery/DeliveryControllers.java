package dev.troupe.engine.controllers.delivery;

import dev.troupe.api.kinds.delivery.BindingKinds;
import dev.troupe.engine.audit.AuditSink;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.gitops.PromotionLedger;
import dev.troupe.engine.runtime.Change;
import dev.troupe.engine.runtime.ChangeFilter;
import dev.troupe.engine.runtime.ControllerManager;
import dev.troupe.engine.runtime.ControllerSpec;
import dev.troupe.engine.runtime.ObjectCache;
import dev.troupe.engine.runtime.Watch;
import dev.troupe.engine.store.ObjectKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Registers the delivery controllers (delivery.md §1.2): the Promotion controller and its cache
 * indexes ({@link DeliveryIndexes}). The one place that says what the Promotion controller watches
 * and where its audit records go ({@code PromotionAudit}).
 */
public final class DeliveryControllers {
  /** The Promotion controller's name. */
  public static final String PROMOTION = "delivery.promotion";

  private static final String KIND = "Promotion";

  private DeliveryControllers() {}

  /** The delivery controllers without an audit log: promotion records are Events only. */
  public static void register(ControllerManager manager, ControllerContext ctx) {
    register(manager, ctx, new PromotionAudit(ctx.events(), ctx.clock()));
  }

  /**
   * The delivery controllers appending each Promotion state change to {@code audit} (delivery.md
   * §3.6) as well as an Event, and telling each promotion's trail to {@code ledger} (the Git
   * history in gitops mode, {@link PromotionLedger#none()} for none).
   */
  public static void register(
      ControllerManager manager, ControllerContext ctx, AuditSink audit, PromotionLedger ledger) {
    Objects.requireNonNull(audit, "audit");
    register(manager, ctx, new PromotionAudit(ctx.events(), ctx.clock(), audit, ledger));
  }

  private static void register(
      ControllerManager manager, ControllerContext ctx, PromotionAudit audit) {
    ObjectCache cache = ctx.cache();
    DeliveryIndexes.register(cache);
    List<Watch> watches = new ArrayList<>();
    // Decisions arrive as status writes by the server, so the primary watch takes every change.
    watches.add(Watch.primary(KIND, ChangeFilter.any()));
    for (BindingKinds kind : BindingKinds.values()) {
      // Status: the target's recorded revision; spec: a write that supersedes the promotion's.
      watches.add(Watch.of(kind.kind(), ChangeFilter.any(), c -> ofBinding(cache, c)));
    }
    watches.add(
        Watch.of(
            "DeploymentPipeline",
            ChangeFilter.spec(),
            c -> {
              Set<ObjectKey> out = new LinkedHashSet<>();
              for (ObjectKey project :
                  cache.byIndex(
                      "Project", DeliveryIndexes.PROJECT_PIPELINE, c.namespace(), c.name())) {
                out.addAll(refs(cache, c.namespace(), DeliveryIndexes.project(project.name())));
              }
              return out;
            }));
    watches.add(
        Watch.of(
            "Project",
            ChangeFilter.spec(),
            c -> refs(cache, c.namespace(), DeliveryIndexes.project(c.name()))));
    watches.add(
        Watch.of(
            "Environment",
            ChangeFilter.spec(),
            c -> refs(cache, c.namespace(), DeliveryIndexes.environment(c.name()))));
    watches.add(
        Watch.of(
            "Component",
            ChangeFilter.spec(),
            c -> refs(cache, c.namespace(), DeliveryIndexes.component(c.name()))));
    manager.register(
        ControllerSpec.of(
                PROMOTION, KIND, new PromotionReconciler(ctx, audit), watches.toArray(Watch[]::new))
            .withWorkers(ctx.settings().workers())
            .withResync(ctx.settings().resync()));
  }

  private static Collection<ObjectKey> ofBinding(ObjectCache cache, Change c) {
    var owner = c.object().path("spec").path("owner");
    String component = owner.path("componentName").asText("");
    String env = c.object().path("spec").path("environment").asText("");
    if (component.isEmpty() || env.isEmpty()) {
      return List.of();
    }
    Set<ObjectKey> out = new LinkedHashSet<>();
    out.addAll(refs(cache, c.namespace(), DeliveryIndexes.target(component, env)));
    out.addAll(refs(cache, c.namespace(), DeliveryIndexes.source(component, env)));
    return out;
  }

  private static Set<ObjectKey> refs(ObjectCache cache, String namespace, String value) {
    return cache.byIndex(KIND, DeliveryIndexes.PROMOTION_REFS, namespace, value);
  }
}
