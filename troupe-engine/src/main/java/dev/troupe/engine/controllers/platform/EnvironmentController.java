package dev.troupe.engine.controllers.platform;

import static dev.troupe.engine.controllers.platform.PlatformControllers.BINDING_ENVIRONMENT_FIELDS;
import static dev.troupe.engine.controllers.platform.PlatformControllers.ENVIRONMENT_CLEANUP;
import static dev.troupe.engine.controllers.platform.PlatformControllers.INDEX_ENVIRONMENT_DATAPLANE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.runtime.Change;
import dev.troupe.engine.runtime.ChangeFilter;
import dev.troupe.engine.runtime.Conditions;
import dev.troupe.engine.runtime.ControllerManager;
import dev.troupe.engine.runtime.ControllerSpec;
import dev.troupe.engine.runtime.Result;
import dev.troupe.engine.runtime.Watch;
import dev.troupe.engine.store.DeleteResult;
import dev.troupe.engine.store.ObjectKey;
import dev.troupe.engine.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Environment controller (delivery.md §1.2, §1.8; model.md §3.4): resolves the DataPlane and
 * reports the effective gateway hosts; {@code Ready} {@code DataPlaneReady}, or {@code
 * DataPlaneNotFound} / {@code DataPlaneNotReady}. The finalizer {@code
 * openchoreo.dev/environment-cleanup} deletes every binding of the environment and waits until no
 * binding and no Release of it remains, bounded by {@code environmentCleanupTimeout}.
 */
final class EnvironmentController {
  static final String NAME = "platform.environment";
  private static final String KIND = "Environment";
  private static final String RELEASE = "Release";

  private final ControllerContext ctx;
  private final Finalization cleanup;

  EnvironmentController(ControllerContext ctx) {
    this.ctx = ctx;
    this.cleanup =
        new Finalization(ctx, ENVIRONMENT_CLEANUP, ctx.settings().environmentCleanupTimeout());
  }

  void register(ControllerManager manager) {
    List<Watch> watches = new ArrayList<>();
    watches.add(Watch.primary(KIND, ChangeFilter.spec()));
    watches.add(
        Watch.of(
            "DataPlane",
            ChangeFilter.spec().or(ChangeFilter.status()),
            c -> ctx.cache().byIndex(KIND, INDEX_ENVIRONMENT_DATAPLANE, c.namespace(), c.name())));
    for (List<String> binding : BINDING_ENVIRONMENT_FIELDS) {
      String field = binding.get(1);
      watches.add(
          Watch.of(binding.get(0), ChangeFilter.spec(), c -> terminatingEnvironment(c, field)));
    }
    watches.add(
        Watch.of(RELEASE, ChangeFilter.spec(), c -> terminatingEnvironment(c, "environmentName")));
    manager.register(
        new ControllerSpec(
            NAME,
            KIND,
            this::reconcile,
            ctx.settings().workers(),
            watches,
            ctx.settings().resync()));
  }

  /** The terminating Environment a binding or Release change may let progress. */
  private List<ObjectKey> terminatingEnvironment(Change change, String field) {
    String env = Meta.text(change.object(), "spec", field);
    if (env == null) {
      return List.of();
    }
    return ctx.cache()
        .tree(KIND, change.namespace(), env)
        .filter(Meta::terminating)
        .map(e -> List.of(ObjectKey.of(e)))
        .orElse(List.of());
  }

  Result reconcile(ObjectKey key) {
    Optional<ObjectNode> found = ctx.cache().tree(key);
    if (found.isEmpty()) {
      return Result.done();
    }
    ObjectNode env = found.get();
    if (!Meta.terminating(env)) {
      env = cleanup.ensure(env);
    }
    StatusDraft draft = readiness(env);
    if (!Meta.terminating(env)) {
      ctx.status().put(env, draft.build());
      return Result.done();
    }
    if (!Meta.hasFinalizer(env, ENVIRONMENT_CLEANUP)) {
      return Result.done();
    }
    Finalization.Step step = cleanup.decide(env, () -> deleteBindings(key));
    return cleanup.settle(env, draft, step, "bindings and Releases of environment " + key.name());
  }

  private StatusDraft readiness(ObjectNode env) {
    StatusDraft draft = StatusDraft.of(env);
    String dpName =
        PlatformControllers.orDefault(Meta.text(env, "spec", "dataPlaneRef"), "default");
    Optional<ObjectNode> dp = ctx.cache().tree("DataPlane", Meta.namespace(env), dpName);
    if (dp.isEmpty()) {
      return draft.condition(
          StatusDraft.READY, false, "DataPlaneNotFound", "DataPlane \"" + dpName + "\" not found");
    }
    draft.set("gateway", gateway(env, dp.get()));
    if (Conditions.isCurrent(dp.get(), StatusDraft.READY, "True")) {
      return draft.condition(
          StatusDraft.READY, true, "DataPlaneReady", "DataPlane \"" + dpName + "\" is ready");
    }
    JsonNode dpReady = Conditions.find(dp.get().path("status").path("conditions"), "Ready");
    String why =
        dpReady == null
            ? "has not been checked yet"
            : "is not ready (" + dpReady.path("reason").asText() + ")";
    return draft.condition(
        StatusDraft.READY, false, "DataPlaneNotReady", "DataPlane \"" + dpName + "\" " + why);
  }

  /** Effective prefix, hosts and port from the DataPlane's gateway (model.md §3.4 status). */
  private static ObjectNode gateway(ObjectNode env, ObjectNode dp) {
    String prefix =
        PlatformControllers.orDefault(
            Meta.text(env, "spec", "gateway", "dnsPrefix"), Meta.name(env));
    JsonNode g = dp.path("spec").path("gateway");
    ObjectNode out = env.objectNode();
    out.put("dnsPrefix", prefix);
    if (g.hasNonNull("publicVirtualHost")) {
      out.put("publicHost", prefix + "." + g.path("publicVirtualHost").asText());
    }
    if (g.hasNonNull("organizationVirtualHost")) {
      out.put("organizationHost", prefix + "." + g.path("organizationVirtualHost").asText());
    }
    out.put("port", g.path("listenerPort").asInt(443));
    return out;
  }

  /**
   * Deletes every binding of the environment (their Releases follow through ownership) and any
   * Release of it that no binding owns any more; returns what still exists.
   */
  private List<ObjectKey> deleteBindings(ObjectKey env) {
    List<ObjectKey> remaining = new ArrayList<>();
    for (List<String> binding : BINDING_ENVIRONMENT_FIELDS) {
      remaining.addAll(deleteWhere(binding.get(0), env, binding.get(1), false));
    }
    remaining.addAll(deleteWhere(RELEASE, env, "environmentName", true));
    return remaining;
  }

  private List<ObjectKey> deleteWhere(
      String kind, ObjectKey env, String field, boolean onlyUnowned) {
    List<ObjectKey> remaining = new ArrayList<>();
    for (ObjectNode tree : ctx.store().list(kind, env.namespace()).items()) {
      if (!env.name().equals(Meta.text(tree, "spec", field))) {
        continue;
      }
      ObjectKey key = ObjectKey.of(tree);
      boolean owned = tree.path("metadata").path("ownerReferences").size() > 0;
      if (!Meta.terminating(tree) && !(onlyUnowned && owned)) {
        try {
          if (ctx.store().delete(kind, key.namespace(), key.name())
              instanceof DeleteResult.Deleted) {
            continue;
          }
        } catch (StoreException.NotFound e) {
          continue;
        }
      }
      remaining.add(key);
    }
    return remaining;
  }
}
