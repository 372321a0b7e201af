package dev.troupe.engine.controllers.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.kinds.app.Claim;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.api.kinds.delivery.BindingKinds;
import dev.troupe.api.kinds.delivery.Promotion;
import dev.troupe.api.kinds.delivery.RevisionContent;
import dev.troupe.api.names.K8sNames;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.runtime.ObjectCache;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The binding a Promotion writes in its target environment (delivery.md §3.5): found by (component,
 * environment) within the binding kind, else created as {@code <component>-<target>}. Copies the
 * artifact, workload snapshot, class and APIs; keeps what is environment-specific.
 */
final class TargetBinding {
  static final String PROMOTION = "Promotion";

  private TargetBinding() {}

  /** What writing gave. */
  sealed interface Outcome {}

  /** The binding was written; {@code tree} as stored. */
  record Written(String kind, String name, ObjectNode tree) implements Outcome {}

  /** A permanent failure ({@code ApplyFailed}). */
  record Failure(String message) implements Outcome {}

  /** The binding to find: exactly one, none (the name to create), or a problem. */
  sealed interface Lookup {}

  record Existing(ObjectNode tree) implements Lookup {}

  record Absent(String name) implements Lookup {}

  record Problem(String message) implements Lookup {}

  /** The live (not terminating) bindings of {@code kind} for (component, environment). */
  static List<ObjectNode> of(
      ObjectCache cache, BindingKinds kind, String namespace, String component, String env) {
    return cache
        .byIndex(
            kind.kind(),
            DeliveryIndexes.BINDING_COMPONENT_ENVIRONMENT,
            namespace,
            DeliveryIndexes.componentEnvironment(component, env))
        .stream()
        .sorted(Comparator.comparing(k -> k.name()))
        .map(cache::tree)
        .flatMap(Optional::stream)
        .filter(b -> !Trees.terminating(b))
        .toList();
  }

  /** The target binding of {@code p}, or the name a new one gets. */
  static Lookup lookup(ObjectCache cache, BindingKinds kind, String namespace, Promotion p) {
    String component = p.spec().owner().componentName();
    String target = p.spec().targetEnvironment();
    List<ObjectNode> found = of(cache, kind, namespace, component, target);
    if (found.size() > 1) {
      return new Problem(
          "component \""
              + component
              + "\" has "
              + found.size()
              + " "
              + kind.kind()
              + "s in environment \""
              + target
              + "\": "
              + String.join(", ", found.stream().map(Trees::name).toList()));
    }
    if (found.size() == 1) {
      return new Existing(found.get(0));
    }
    String name = newName(component, target);
    Optional<ObjectNode> taken = cache.tree(kind.kind(), namespace, name);
    if (taken.isPresent()) {
      JsonNode spec = taken.get().path("spec");
      return new Problem(
          kind.kind()
              + " \""
              + name
              + "\" already exists for component \""
              + spec.path("owner").path("componentName").asText()
              + "\" in environment \""
              + spec.path("environment").asText()
              + "\"");
    }
    return new Absent(name);
  }

  /** {@code <component>-<target>}, generated to 63 characters when longer (model.md §3.18.3). */
  static String newName(String component, String target) {
    String name = component + "-" + target;
    return name.length() <= K8sNames.DNS_LABEL_MAX
        ? name
        : K8sNames.generateWithLengthLimit(K8sNames.DNS_LABEL_MAX, component, target);
  }

  /**
   * Writes the target binding of {@code p} with the change cause {@code Promotion} by {@code by}.
   *
   * @param promotion the Promotion's tree (namespace, name)
   * @param artifact the DeployableArtifact's tree (its {@code spec.workload} is copied)
   */
  static Outcome write(
      ControllerContext ctx,
      BindingKinds kind,
      ObjectNode promotion,
      Promotion p,
      ObjectNode artifact,
      String by) {
    String ns = Trees.namespace(promotion);
    Promotion.Source source = p.status() == null ? null : p.status().source();
    if (source == null || source.className() == null) {
      return new Failure("the promotion has no recorded source content (status.source)");
    }
    JsonNode workload = artifact.path("spec").path("workload");
    if (!workload.isObject()) {
      return new Failure(
          "DeployableArtifact \"" + Trees.name(artifact) + "\" has no spec.workload");
    }
    ObjectNode desired;
    boolean create;
    switch (lookup(ctx.cache(), kind, ns, p)) {
      case Problem problem -> {
        return new Failure(problem.message());
      }
      case Existing e -> {
        desired = e.tree().deepCopy();
        create = false;
      }
      case Absent a -> {
        desired = fresh(ctx, kind, ns, a.name(), p, source);
        create = true;
      }
    }
    ObjectNode spec = Trees.object(desired, "spec");
    spec.set("workloadSpec", workload.deepCopy());
    spec.put("deployableArtifactRef", Trees.name(artifact));
    spec.put("className", source.className());
    if (kind == BindingKinds.SERVICE) {
      putOrRemove(spec, "apis", source.apis());
    }
    labels(desired, ns, p);
    if (!Trees.hasController(desired)) {
      claim(ctx.cache(), kind, ns, p.spec().owner().componentName())
          .ifPresent(c -> Trees.addController(desired, c));
    }
    String hash;
    try {
      hash = RevisionContent.contentHash((Binding) Codec.bind(desired, kind.bindingType()));
    } catch (IllegalArgumentException e) {
      return new Failure("the promoted " + kind.kind() + " is invalid: " + e.getMessage());
    }
    ObjectNode cause = JsonNodeFactory.instance.objectNode();
    cause.put("reason", PROMOTION);
    cause.put("ref", "promotion/" + Trees.name(promotion));
    cause.put("by", by);
    cause.put("contentHash", hash);
    Trees.object(Trees.metadata(desired), "annotations").put(Trees.CHANGE_CAUSE, cause.toString());
    ObjectNode stored = create ? ctx.store().create(desired) : ctx.store().update(desired);
    return new Written(kind.kind(), Trees.name(stored), stored);
  }

  /** A new binding with the fields of the §3.5 "new target binding" column, except the copied. */
  private static ObjectNode fresh(
      ControllerContext ctx,
      BindingKinds kind,
      String ns,
      String name,
      Promotion p,
      Promotion.Source source) {
    ObjectNode b = JsonNodeFactory.instance.objectNode();
    b.put("apiVersion", Trees.API_VERSION);
    b.put("kind", kind.kind());
    ObjectNode meta = b.putObject("metadata");
    meta.put("name", name);
    meta.put("namespace", ns);
    Optional<ObjectNode> claim = claim(ctx.cache(), kind, ns, p.spec().owner().componentName());
    ObjectNode labels = meta.putObject("labels");
    claim.ifPresent(
        c ->
            c.path("metadata")
                .path("labels")
                .properties()
                .forEach(e -> labels.set(e.getKey(), e.getValue().deepCopy())));
    ObjectNode spec = b.putObject("spec");
    spec.set("owner", Codec.toTree(p.spec().owner()));
    spec.put("environment", p.spec().targetEnvironment());
    if (kind != BindingKinds.SERVICE) {
      putOrRemove(spec, "overrides", source.overrides());
    }
    if (kind == BindingKinds.SCHEDULED_TASK) {
      putOrRemove(spec, "schedule", source.schedule());
      putOrRemove(spec, "timeZone", source.timeZone());
    }
    spec.put("releaseState", Binding.ACTIVE);
    spec.put("revisionHistoryLimit", ctx.settings().revisionHistoryLimit());
    return b;
  }

  /** The four platform labels, forced; other labels kept. */
  private static void labels(ObjectNode b, String ns, Promotion p) {
    ObjectNode labels = Trees.object(Trees.metadata(b), "labels");
    labels.put(Trees.ORGANIZATION, ns);
    labels.put(Trees.PROJECT, p.spec().owner().projectName());
    labels.put(Trees.COMPONENT, p.spec().owner().componentName());
    labels.put(Trees.ENVIRONMENT, p.spec().targetEnvironment());
  }

  /** The component's claim of the binding kind's claim kind (first by name), as a tree. */
  static Optional<ObjectNode> claim(
      ObjectCache cache, BindingKinds kind, String ns, String component) {
    return cache.list(kind.claimType(), ns).stream()
        .filter(c -> !c.metadata().terminating())
        .filter(c -> c.owner() != null && component.equals(c.owner().componentName()))
        .map(Claim::name)
        .findFirst()
        .flatMap(n -> cache.tree(kind.claimType().getSimpleName(), ns, n));
  }

  private static void putOrRemove(ObjectNode spec, String field, Object value) {
    if (value == null) {
      spec.remove(field);
    } else {
      spec.set(field, Codec.toTree(value));
    }
  }
}
