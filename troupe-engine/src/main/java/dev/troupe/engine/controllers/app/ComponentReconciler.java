package dev.troupe.engine.controllers.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.platform.DeploymentPipeline;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.runtime.Conditions;
import dev.troupe.engine.runtime.Reconciler;
import dev.troupe.engine.runtime.Result;
import dev.troupe.engine.store.ObjectKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Component controller (delivery.md §1.2, §1.6, §8.2): a non-controller owner reference to the
 * Project once it exists, {@code Ready}, and {@code status.environments[]} — one entry per pipeline
 * environment in pipeline order (root first, breadth-first, ties by name), copied from the
 * bindings, {@code NotYetDeployed} where there is none.
 */
final class ComponentReconciler implements Reconciler {
  private static final Set<String> RUNTIME_TYPES =
      Set.of("Service", "WebApplication", "ScheduledTask");

  private final ControllerContext ctx;

  ComponentReconciler(ControllerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Result reconcile(ObjectKey key) {
    Optional<ObjectNode> found = ctx.cache().tree(key);
    if (found.isEmpty() || Meta.terminating(found.get())) {
      return Result.done();
    }
    ObjectNode component = found.get();
    long generation = Meta.generation(component);
    String projectName = component.path("spec").path("owner").path("projectName").asText();
    Optional<ObjectNode> project = ctx.cache().tree("Project", key.namespace(), projectName);
    ObjectNode status = JsonNodeFactory.instance.objectNode();
    if (project.isEmpty()) {
      status.put("observedGeneration", generation);
      status
          .putArray("conditions")
          .add(
              Conditions.of(
                  "Ready",
                  "False",
                  "ProjectNotFound",
                  "Project \"" + projectName + "\" not found",
                  generation));
      ctx.status().put(component, status);
      return Result.done();
    }
    component = ensureOwner(component, project.get());
    List<String> order = environments(key.namespace(), project.get(), key.name());
    ArrayNode environments = status.putArray("environments");
    JsonNode firstBinding = null;
    for (String env : order) {
      Optional<ObjectNode> binding = binding(key.namespace(), key.name(), env);
      environments.add(ComponentSummary.entry(env, binding.orElse(null)));
      if (firstBinding == null && binding.isPresent() && env.equals(root(key, project.get()))) {
        firstBinding = binding.get();
      }
    }
    if (environments.isEmpty()) {
      status.remove("environments");
    }
    status.put("observedGeneration", generation);
    status.putArray("conditions").add(ready(component, firstBinding, generation));
    ctx.status().put(component, status);
    return Result.done();
  }

  private ObjectNode ensureOwner(ObjectNode component, ObjectNode project) {
    for (JsonNode ref : component.path("metadata").path("ownerReferences")) {
      if ("Project".equals(ref.path("kind").asText())
          && Meta.name(project).equals(ref.path("name").asText())
          && Meta.uid(project).equals(ref.path("uid").asText())) {
        return component;
      }
    }
    ObjectNode updated = component.deepCopy();
    Meta.putOwnerReference(updated, Meta.ownerReference(project, false, false));
    return ctx.store().update(updated);
  }

  private String root(ObjectKey key, ObjectNode project) {
    return pipeline(key.namespace(), project).flatMap(DeploymentPipeline::root).orElse("");
  }

  private Optional<DeploymentPipeline> pipeline(String ns, ObjectNode project) {
    String name = project.path("spec").path("deploymentPipelineRef").asText("");
    return ctx.cache().get(DeploymentPipeline.class, ns, name.isEmpty() ? "default" : name);
  }

  /** Pipeline order, then environments that only bindings name, by name. */
  private List<String> environments(String ns, ObjectNode project, String component) {
    List<String> order =
        new ArrayList<>(
            pipeline(ns, project).map(DeploymentPipeline::environments).orElse(List.of()));
    Set<String> extra = new TreeSet<>();
    for (String kind : AppIndexes.COMPONENT_BINDING_KINDS) {
      for (ObjectKey k : ctx.cache().byIndex(kind, AppIndexes.COMPONENT, ns, component)) {
        ctx.cache()
            .tree(k)
            .map(b -> AppIndexes.environment(b).asText())
            .filter(env -> !order.contains(env))
            .ifPresent(extra::add);
      }
    }
    order.addAll(extra);
    return order;
  }

  /** The binding of the component in {@code env}: smallest name over the binding kinds. */
  private Optional<ObjectNode> binding(String ns, String component, String env) {
    String value = AppIndexes.componentEnvironmentKey(component, env);
    Optional<ObjectNode> best = Optional.empty();
    for (String kind : AppIndexes.COMPONENT_BINDING_KINDS) {
      for (ObjectKey k : ctx.cache().byIndex(kind, AppIndexes.COMPONENT_ENVIRONMENT, ns, value)) {
        Optional<ObjectNode> t = ctx.cache().tree(k);
        if (t.isPresent()
            && (best.isEmpty() || Meta.name(t.get()).compareTo(Meta.name(best.get())) < 0)) {
          best = t;
        }
      }
    }
    return best;
  }

  /** model.md §3.8: the first-environment binding's {@code Ready}, or why there is none. */
  private ObjectNode ready(ObjectNode component, JsonNode firstBinding, long generation) {
    String type = component.path("spec").path("type").asText();
    if (!RUNTIME_TYPES.contains(type)) {
      return Conditions.of(
          "Ready", "True", "Catalogued", "type " + type + " has no runtime", generation);
    }
    if (firstBinding != null) {
      JsonNode c = Conditions.find(firstBinding.path("status").path("conditions"), "Ready");
      if (c != null) {
        return Conditions.of(
            "Ready",
            "True".equals(c.path("status").asText()) ? "True" : "False",
            c.path("reason").asText(),
            c.path("message").asText(),
            generation);
      }
    }
    String ns = Meta.namespace(component);
    String name = Meta.name(component);
    Optional<ObjectNode> claim = ctx.cache().tree(type, ns, name);
    if (claim.isEmpty()) {
      claim =
          ctx.cache().trees(type, ns).stream()
              .filter(c -> name.equals(c.path("spec").path("owner").path("componentName").asText()))
              .findFirst();
    }
    if (claim.isEmpty()) {
      return Conditions.of(
          "Ready", "False", "ClaimMissing", "no " + type + " claim for this component", generation);
    }
    String workload = claim.get().path("spec").path("workloadName").asText();
    if (ctx.cache().tree("Workload", ns, workload).isEmpty()) {
      return Conditions.of(
          "Ready",
          "False",
          "WorkloadMissing",
          "Workload \"" + workload + "\" not found",
          generation);
    }
    JsonNode claimReady = Conditions.find(claim.get().path("status").path("conditions"), "Ready");
    if (claimReady != null && "False".equals(claimReady.path("status").asText())) {
      return Conditions.of(
          "Ready",
          "False",
          claimReady.path("reason").asText(),
          claimReady.path("message").asText(),
          generation);
    }
    return Conditions.of(
        "Ready",
        "False",
        "ReleasePending",
        "the first environment is not deployed yet",
        generation);
  }
}
