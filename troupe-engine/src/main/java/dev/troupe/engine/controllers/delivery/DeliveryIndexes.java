package dev.troupe.engine.controllers.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.delivery.BindingKinds;
import dev.troupe.api.kinds.delivery.Promotion;
import dev.troupe.engine.runtime.ObjectCache;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The cache indexes of the delivery controllers (delivery.md §1.2 "Index"). Promotions are indexed
 * only while in progress (unreconciled, {@code Pending} or {@code Approved}): terminal ones never
 * change again, so no watch needs to find them.
 */
final class DeliveryIndexes {
  /**
   * In-progress Promotions by what they depend on: {@code target:<component>/<env>} (the binding
   * they write and follow), {@code source:<component>/<env>} (only before the first reconcile,
   * which reads the source binding), {@code project:<p>}, {@code environment:<target>}, {@code
   * component:<c>}.
   */
  static final String PROMOTION_REFS = "delivery.promotionRefs";

  /** Component bindings by {@code <component>/<environment>}. */
  static final String BINDING_COMPONENT_ENVIRONMENT = "delivery.componentEnvironment";

  /** Projects by pipeline name ({@code default} when unset). */
  static final String PROJECT_PIPELINE = "delivery.projectPipeline";

  private DeliveryIndexes() {}

  static void register(ObjectCache cache) {
    cache.addIndex("Promotion", PROMOTION_REFS, DeliveryIndexes::promotionRefs);
    for (BindingKinds k : BindingKinds.values()) {
      cache.addIndex(k.kind(), BINDING_COMPONENT_ENVIRONMENT, DeliveryIndexes::bindingKey);
    }
    cache.addIndex(
        "Project",
        PROJECT_PIPELINE,
        t -> {
          String p = t.path("spec").path("deploymentPipelineRef").asText("");
          return List.of(p.isEmpty() ? "default" : p);
        });
  }

  static String componentEnvironment(String component, String environment) {
    return component + "/" + environment;
  }

  static String target(String component, String environment) {
    return "target:" + componentEnvironment(component, environment);
  }

  static String source(String component, String environment) {
    return "source:" + componentEnvironment(component, environment);
  }

  static String project(String project) {
    return "project:" + project;
  }

  static String environment(String environment) {
    return "environment:" + environment;
  }

  static String component(String component) {
    return "component:" + component;
  }

  private static Collection<String> promotionRefs(ObjectNode t) {
    JsonNode phase = t.path("status").path("phase");
    if (phase.isTextual() && isTerminal(phase.asText())) {
      return List.of();
    }
    JsonNode spec = t.path("spec");
    String component = spec.path("owner").path("componentName").asText("");
    String project = spec.path("owner").path("projectName").asText("");
    String source = spec.path("sourceEnvironment").asText("");
    String target = spec.path("targetEnvironment").asText("");
    List<String> out = new ArrayList<>();
    if (!component.isEmpty()) {
      out.add(component(component));
      out.add(target(component, target));
      if (!phase.isTextual()) {
        out.add(source(component, source));
      }
    }
    if (!project.isEmpty()) {
      out.add(project(project));
    }
    if (!target.isEmpty()) {
      out.add(environment(target));
    }
    return out;
  }

  private static boolean isTerminal(String phase) {
    try {
      return Promotion.Phase.valueOf(phase).terminal();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Collection<String> bindingKey(ObjectNode t) {
    String component = t.path("spec").path("owner").path("componentName").asText("");
    String env = t.path("spec").path("environment").asText("");
    return component.isEmpty() || env.isEmpty()
        ? List.of()
        : List.of(componentEnvironment(component, env));
  }
}
