package dev.troupe.engine.controllers.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.names.K8sNames;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.runtime.Conditions;
import dev.troupe.engine.runtime.Reconciler;
import dev.troupe.engine.runtime.Result;
import dev.troupe.engine.store.ObjectKey;
import java.util.Optional;

/**
 * The API claim controller (delivery.md §1.4, model.md §3.13): the APIBinding of the API's {@code
 * environmentName}, named like the API, controller-owned by it, written only when the API's
 * generation changed since the last write ({@code status.observedGeneration} records that write);
 * {@code releaseState} is never written after creation.
 */
final class ApiClaimReconciler implements Reconciler {
  static final String BINDING_KIND = "APIBinding";

  private final ControllerContext ctx;

  ApiClaimReconciler(ControllerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Result reconcile(ObjectKey key) {
    Optional<ObjectNode> found = ctx.cache().tree(key);
    if (found.isEmpty() || Meta.terminating(found.get())) {
      return Result.done();
    }
    ObjectNode api = found.get();
    String env = api.path("spec").path("environmentName").asText();
    long generation = Meta.generation(api);
    long pushed = api.path("status").path("observedGeneration").asLong(0);
    Optional<ObjectNode> envTree = ctx.cache().tree("Environment", key.namespace(), env);
    if (envTree.isEmpty() || Meta.terminating(envTree.get())) {
      String reason = envTree.isEmpty() ? "EnvironmentNotFound" : "EnvironmentDeleting";
      String message =
          "Environment \"" + env + "\"" + (envTree.isEmpty() ? " not found" : " is being deleted");
      return status(
          api, pushed, null, Conditions.of("Ready", "False", reason, message, generation));
    }
    Optional<ObjectNode> existing = find(key.namespace(), Meta.name(api), env);
    ObjectNode binding;
    if (existing.isEmpty()) {
      String name = Meta.name(api);
      Optional<ObjectNode> taken = ctx.cache().tree(BINDING_KIND, key.namespace(), name);
      if (taken.isPresent()) {
        name = K8sNames.generateWithLengthLimit(63, Meta.name(api), env);
        if (ctx.cache().tree(BINDING_KIND, key.namespace(), name).isPresent()) {
          return conflict(api, pushed, name);
        }
      }
      binding = ctx.store().create(desired(api, name, null));
      pushed = generation;
    } else {
      binding = existing.get();
      boolean foreign = Meta.controller(binding).isPresent() && !Meta.controlledBy(binding, api);
      if (foreign) {
        return conflict(api, pushed, Meta.name(binding));
      }
      if (generation != pushed || !Meta.controlledBy(binding, api)) {
        ObjectNode next = desired(api, Meta.name(binding), binding);
        if (!next.equals(binding)) {
          binding = ctx.store().update(next);
        }
        pushed = generation;
      }
    }
    ObjectNode ready = ClaimReconciler.ready(binding, generation);
    return status(api, pushed, binding, ready);
  }

  private Optional<ObjectNode> find(String ns, String apiName, String env) {
    return ctx.cache().byIndex(BINDING_KIND, AppIndexes.API, ns, apiName).stream()
        .sorted((a, b) -> a.name().compareTo(b.name()))
        .map(ctx.cache()::tree)
        .flatMap(Optional::stream)
        .filter(b -> env.equals(b.path("spec").path("environmentName").asText()))
        .findFirst();
  }

  /**
   * The APIBinding for {@code api}: created from scratch, or {@code current} with its fields set.
   */
  private ObjectNode desired(ObjectNode api, String name, ObjectNode current) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    JsonNode spec = api.path("spec");
    JsonNode owner = spec.path("owner");
    ObjectNode b;
    if (current == null) {
      b = f.objectNode();
      b.put("apiVersion", Meta.API_VERSION);
      b.put("kind", BINDING_KIND);
      ObjectNode meta = b.putObject("metadata");
      meta.put("name", name);
      meta.put("namespace", Meta.namespace(api));
    } else {
      b = current.deepCopy();
    }
    ObjectNode labels = Meta.labels(b);
    labels.put(Meta.ORGANIZATION, Meta.namespace(api));
    labels.put(Meta.PROJECT, owner.path("projectName").asText());
    labels.put(Meta.COMPONENT, owner.path("componentName").asText());
    labels.put(Meta.ENVIRONMENT, spec.path("environmentName").asText());
    if (!Meta.controlledBy(b, api)) {
      Meta.putOwnerReference(b, Meta.ownerReference(api, true, true));
    }
    ObjectNode s = b.with("spec");
    s.put("apiName", Meta.name(api));
    s.put("apiClassName", spec.path("className").asText());
    s.put("environmentName", spec.path("environmentName").asText());
    s.set("owner", owner.deepCopy());
    ObjectNode apiSpec = f.objectNode();
    apiSpec.put("type", spec.path("type").asText());
    if (spec.has("rest")) {
      apiSpec.set("rest", spec.path("rest").deepCopy());
    }
    s.set("apiSpec", apiSpec);
    if (current == null) {
      s.put("releaseState", "Active");
      s.put("revisionHistoryLimit", ctx.settings().revisionHistoryLimit());
    }
    return b;
  }

  private Result conflict(ObjectNode api, long pushed, String name) {
    String message = "APIBinding \"" + name + "\" is controlled by another owner";
    return status(
        api,
        pushed,
        null,
        Conditions.of("Ready", "False", "BindingConflict", message, Meta.generation(api)));
  }

  private Result status(ObjectNode api, long pushed, ObjectNode binding, ObjectNode ready) {
    ObjectNode s = JsonNodeFactory.instance.objectNode();
    if (binding != null) {
      address(binding).ifPresent(a -> s.put("address", a));
      s.put("binding", Meta.name(binding));
    }
    if (pushed > 0) {
      s.put("observedGeneration", pushed);
    }
    s.putArray("conditions").add(ready);
    ctx.status().put(api, s);
    return Result.done();
  }

  /** The URI at the highest exposure level: Public, else Organization. */
  private static Optional<String> address(JsonNode binding) {
    for (JsonNode e : binding.path("status").path("endpoints")) {
      for (String level : new String[] {"public", "organization"}) {
        JsonNode uri = e.path(level).path("uri");
        if (uri.isTextual()) {
          return Optional.of(uri.asText());
        }
      }
    }
    return Optional.empty();
  }
}
