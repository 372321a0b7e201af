package dev.troupe.engine.controllers.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.runtime.ObjectCache;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The cache field indexes of the application controllers (delivery.md §1.2 "Index"): each maps an
 * object to the values it is found under within its namespace.
 */
final class AppIndexes {
  static final List<String> CLAIM_KINDS = List.of("Service", "WebApplication", "ScheduledTask");
  static final List<String> COMPONENT_BINDING_KINDS =
      List.of("ServiceBinding", "WebApplicationBinding", "ScheduledTaskBinding");
  static final List<String> BINDING_KINDS =
      List.of("ServiceBinding", "WebApplicationBinding", "ScheduledTaskBinding", "APIBinding");

  /** Claims by {@code spec.workloadName}. */
  static final String WORKLOAD = "app.workloadName";

  /** Claims, APIs and Components by {@code spec.owner.projectName}. */
  static final String PROJECT = "app.projectName";

  /** Projects by pipeline name ({@code default} when unset). */
  static final String PIPELINE = "app.deploymentPipeline";

  /** Environments by {@code spec.dataPlaneRef} ({@code default} when unset). */
  static final String DATA_PLANE = "app.dataPlaneRef";

  /** Bindings by {@code <component>/<environment>}. */
  static final String COMPONENT_ENVIRONMENT = "app.componentEnvironment";

  /** Bindings by {@code spec.owner.componentName}. */
  static final String COMPONENT = "app.component";

  /** Bindings by environment. */
  static final String ENVIRONMENT = "app.environment";

  /** Component bindings by {@code spec.className}. */
  static final String CLASS = "app.className";

  /**
   * ServiceBindings by {@code spec.apis[*].className}; APIBindings by {@code spec.apiClassName}.
   */
  static final String API_CLASS = "app.apiClassName";

  /** Component bindings by the ConfigurationGroups their {@code workloadSpec} references. */
  static final String CONFIGURATION_GROUP = "app.configurationGroup";

  /** Component bindings by {@code spec.deployableArtifactRef}. */
  static final String ARTIFACT = "app.deployableArtifactRef";

  /** APIBindings by {@code spec.apiName}. */
  static final String API = "app.apiName";

  private AppIndexes() {}

  static void register(ObjectCache cache) {
    for (String kind : CLAIM_KINDS) {
      cache.addIndex(kind, WORKLOAD, t -> text(t.path("spec").path("workloadName")));
    }
    for (String kind : List.of("Service", "WebApplication", "ScheduledTask", "API", "Component")) {
      cache.addIndex(kind, PROJECT, t -> text(t.path("spec").path("owner").path("projectName")));
    }
    cache.addIndex("Project", PIPELINE, AppIndexes::pipeline);
    cache.addIndex("Environment", DATA_PLANE, AppIndexes::dataPlane);
    for (String kind : BINDING_KINDS) {
      cache.addIndex(kind, COMPONENT_ENVIRONMENT, AppIndexes::componentEnvironment);
      cache.addIndex(kind, ENVIRONMENT, t -> text(environment(t)));
      cache.addIndex(
          kind, COMPONENT, t -> text(t.path("spec").path("owner").path("componentName")));
    }
    for (String kind : COMPONENT_BINDING_KINDS) {
      cache.addIndex(kind, CLASS, t -> text(t.path("spec").path("className")));
      cache.addIndex(kind, CONFIGURATION_GROUP, AppIndexes::configurationGroups);
      cache.addIndex(kind, ARTIFACT, t -> text(t.path("spec").path("deployableArtifactRef")));
    }
    cache.addIndex("ServiceBinding", API_CLASS, AppIndexes::apiClasses);
    cache.addIndex("APIBinding", API_CLASS, t -> text(t.path("spec").path("apiClassName")));
    cache.addIndex("APIBinding", API, t -> text(t.path("spec").path("apiName")));
  }

  /** The environment of a binding tree of any kind. */
  static JsonNode environment(JsonNode binding) {
    JsonNode spec = binding.path("spec");
    return spec.has("environmentName") ? spec.path("environmentName") : spec.path("environment");
  }

  static String componentEnvironmentKey(String component, String environment) {
    return component + "/" + environment;
  }

  private static Collection<String> componentEnvironment(ObjectNode t) {
    String component = t.path("spec").path("owner").path("componentName").asText("");
    String env = environment(t).asText("");
    return component.isEmpty() || env.isEmpty()
        ? List.of()
        : List.of(componentEnvironmentKey(component, env));
  }

  private static Collection<String> pipeline(ObjectNode t) {
    String p = t.path("spec").path("deploymentPipelineRef").asText("");
    return List.of(p.isEmpty() ? "default" : p);
  }

  private static Collection<String> dataPlane(ObjectNode t) {
    String p = t.path("spec").path("dataPlaneRef").asText("");
    return List.of(p.isEmpty() ? "default" : p);
  }

  private static Collection<String> apiClasses(ObjectNode t) {
    Set<String> out = new LinkedHashSet<>();
    t.path("spec").path("apis").forEach(api -> out.addAll(text(api.path("className"))));
    return out;
  }

  /** Every {@code configurationGroupRef.name} under {@code spec.workloadSpec.containers}. */
  static Collection<String> configurationGroups(ObjectNode t) {
    Set<String> out = new LinkedHashSet<>();
    collectGroups(t.path("spec").path("workloadSpec").path("containers"), out);
    return out;
  }

  private static void collectGroups(JsonNode node, Set<String> out) {
    if (node.isObject()) {
      JsonNode ref = node.get("configurationGroupRef");
      if (ref != null) {
        out.addAll(text(ref.path("name")));
      }
      node.forEach(child -> collectGroups(child, out));
    } else if (node.isArray()) {
      node.forEach(child -> collectGroups(child, out));
    }
  }

  private static Collection<String> text(JsonNode n) {
    return n.isTextual() && !n.asText().isEmpty() ? List.of(n.asText()) : List.of();
  }
}
