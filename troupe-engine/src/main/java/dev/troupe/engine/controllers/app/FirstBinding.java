package dev.troupe.engine.controllers.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.delivery.BindingKinds;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.runtime.ObjectCache;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The first-environment binding of a claim (delivery.md §1.4 steps 4 and 6): which binding it is
 * (existing for the component and root, else named like the claim) and the fields the claim
 * controller writes, each on the occasion the field table names.
 */
final class FirstBinding {
  private FirstBinding() {}

  sealed interface Choice {}

  /** No binding yet: create one with this name. */
  record Create(String name) implements Choice {}

  /** The binding of the component in the first environment. */
  record Existing(ObjectNode binding) implements Choice {}

  /** The binding cannot be managed by this claim ({@code BindingConflict}). */
  record Conflict(String message) implements Choice {}

  static Choice choose(ObjectCache cache, BindingKinds kind, ObjectNode claim, String env) {
    String ns = Meta.namespace(claim);
    String component = claim.path("spec").path("owner").path("componentName").asText();
    Optional<ObjectNode> existing =
        cache
            .byIndex(
                kind.kind(),
                AppIndexes.COMPONENT_ENVIRONMENT,
                ns,
                AppIndexes.componentEnvironmentKey(component, env))
            .stream()
            .sorted((a, b) -> a.name().compareTo(b.name()))
            .map(cache::tree)
            .flatMap(Optional::stream)
            .filter(b -> !Meta.terminating(b))
            .findFirst();
    if (existing.isPresent()) {
      Optional<JsonNode> controller = Meta.controller(existing.get());
      if (controller.isPresent() && !Meta.controlledBy(existing.get(), claim)) {
        return new Conflict(
            kind.kind()
                + " \""
                + Meta.name(existing.get())
                + "\" of component \""
                + component
                + "\" in environment \""
                + env
                + "\" is controlled by "
                + controller.get().path("kind").asText()
                + " \""
                + controller.get().path("name").asText()
                + "\"");
      }
      return new Existing(existing.get());
    }
    String name = Meta.name(claim);
    Optional<ObjectNode> taken = cache.tree(kind.kind(), ns, name);
    if (taken.isEmpty()) {
      return new Create(name);
    }
    String takenBy = taken.get().path("spec").path("owner").path("componentName").asText();
    if (!takenBy.equals(component)) {
      return new Conflict(
          kind.kind() + " \"" + name + "\" belongs to component \"" + takenBy + "\"");
    }
    // The claim's name is used by this component's binding of a former first environment.
    String alternative = ClaimReconciler.alternativeName(component, env);
    return cache.tree(kind.kind(), ns, alternative).isPresent()
        ? new Conflict(kind.kind() + " \"" + alternative + "\" exists for another environment")
        : new Create(alternative);
  }

  /** A new binding with every field of the §1.4 table. */
  static ObjectNode create(
      BindingKinds kind,
      ObjectNode claim,
      String name,
      String env,
      WorkloadSnapshot snapshot,
      ControllerContext ctx) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode b = f.objectNode();
    b.put("apiVersion", Meta.API_VERSION);
    b.put("kind", kind.kind());
    ObjectNode meta = b.putObject("metadata");
    meta.put("name", name);
    meta.put("namespace", Meta.namespace(claim));
    Meta.putOwnerReference(b, Meta.ownerReference(claim, true, true));
    ObjectNode spec = b.putObject("spec");
    spec.set("owner", claim.path("spec").path("owner").deepCopy());
    spec.put("environment", env);
    spec.put("className", claim.path("spec").path("className").asText());
    spec.set("workloadSpec", snapshot.spec().deepCopy());
    spec.put("deployableArtifactRef", snapshot.artifact());
    writeClaimFields(kind, claim, env, b);
    spec.put("releaseState", "Active");
    spec.put("revisionHistoryLimit", ctx.settings().revisionHistoryLimit());
    return b;
  }

  /** Labels, owner, className and the kind's claim-derived fields (created or claim changed). */
  static void writeClaimFields(BindingKinds kind, ObjectNode claim, String env, ObjectNode b) {
    ObjectNode labels = JsonNodeFactory.instance.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = claim.path("metadata").path("labels").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      labels.set(e.getKey(), e.getValue());
    }
    JsonNode owner = claim.path("spec").path("owner");
    labels.put(Meta.ORGANIZATION, Meta.namespace(claim));
    labels.put(Meta.PROJECT, owner.path("projectName").asText());
    labels.put(Meta.COMPONENT, owner.path("componentName").asText());
    labels.put(Meta.ENVIRONMENT, env);
    Meta.metadata(b).set("labels", labels);
    ObjectNode spec = b.with("spec");
    JsonNode claimSpec = claim.path("spec");
    spec.set("owner", owner.deepCopy());
    spec.put("className", claimSpec.path("className").asText());
    switch (kind) {
      case SERVICE -> copy(claimSpec, spec, "apis");
      case WEB_APPLICATION -> copy(claimSpec, spec, "overrides");
      case SCHEDULED_TASK -> {
        copy(claimSpec, spec, "overrides");
        copy(claimSpec, spec, "schedule");
        copy(claimSpec, spec, "timeZone");
      }
    }
  }

  /** {@code workloadSpec} and {@code deployableArtifactRef} (created or new artifact). */
  static void writeArtifactFields(ObjectNode b, WorkloadSnapshot snapshot) {
    ObjectNode spec = b.with("spec");
    spec.set("workloadSpec", snapshot.spec().deepCopy());
    spec.put("deployableArtifactRef", snapshot.artifact());
  }

  /** Copies {@code field}, or removes it from the binding when the claim no longer has it. */
  private static void copy(JsonNode from, ObjectNode to, String field) {
    JsonNode v = from.get(field);
    if (v == null || v.isNull()) {
      to.remove(field);
    } else {
      to.set(field, v.deepCopy());
    }
  }
}
