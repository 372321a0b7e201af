package dev.troupe.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.model.Resource;
import dev.troupe.bench.OrgPlan.Component;
import dev.troupe.bench.OrgPlan.Kind;

/**
 * The input objects of a generated organization as trees, as a user would write them in YAML:
 * Projects, Components, ConfigurationGroups and the bindings of each component in each of its
 * environments.
 */
final class ObjectTrees {
  private ObjectTrees() {}

  static ObjectNode project(String name, String namespace) {
    ObjectNode tree = envelope("Project", name, namespace);
    tree.putObject("spec").put("deploymentPipelineRef", "default");
    return tree;
  }

  static ObjectNode component(Component c, String namespace) {
    ObjectNode tree = envelope("Component", c.name(), namespace);
    ObjectNode spec = tree.putObject("spec");
    spec.putObject("owner").put("projectName", c.project());
    spec.put("type", componentType(c.kind()));
    return tree;
  }

  /** The binding of {@code c} in {@code environment}, named {@code <component>-<environment>}. */
  static ObjectNode binding(Component c, String environment, String namespace) {
    ObjectNode tree = envelope(bindingKind(c.kind()), c.name() + "-" + environment, namespace);
    ObjectNode spec = tree.putObject("spec");
    spec.putObject("owner").put("projectName", c.project()).put("componentName", c.name());
    spec.put("environment", environment);
    spec.put("className", "default");
    spec.set("workloadSpec", WorkloadTrees.workload(c));
    if (c.apiClass() != null) {
      ObjectNode api = spec.putObject("apis").putObject(c.role());
      api.put("className", c.apiClass());
      api.put("type", "REST");
      ObjectNode rest = api.putObject("rest");
      rest.putObject("backend").put("port", 8080).put("basePath", "/" + c.role());
      ArrayNode levels = rest.putArray("exposeLevels");
      c.exposeLevels().forEach(levels::add);
    }
    if (c.kind() == Kind.SCHEDULED_TASK) {
      spec.put("schedule", c.variant() % 60 + " " + c.variant() % 24 + " * * *");
      if (c.variant() % 2 == 0) {
        spec.put("timeZone", "Europe/Berlin");
      }
    }
    return tree;
  }

  /**
   * A project's group: a plain and a secret key for every environment, a key with an exact
   * environment beating its group, a file, and a development-only flag.
   */
  static ObjectNode projectGroup(String project, String namespace) {
    ObjectNode tree =
        envelope("ConfigurationGroup", BindingCorpus.projectGroup(project), namespace);
    ObjectNode spec = tree.putObject("spec");
    ArrayNode groups = spec.putArray("environmentGroups");
    group(groups, "non-prod", "development", "staging");
    group(groups, "prod", "production");
    ArrayNode conf = spec.putArray("configurations");
    ArrayNode db = values(conf, "database.url");
    plain(db, "non-prod", "postgres://" + project + "-db.non-prod.svc.cluster.local:5432/app");
    plain(db, "prod", "postgres://" + project + "-db.prod.svc.cluster.local:5432/app");
    ArrayNode level = values(conf, "log.level");
    level.addObject().put("environment", "development").put("value", "debug");
    plain(level, "non-prod", "info");
    plain(level, "prod", "warn");
    ArrayNode token = values(conf, "api.token");
    secret(token, "non-prod", "secret/data/non-prod/" + project + "/api#token");
    secret(token, "prod", "secret/data/prod/" + project + "/api#token");
    ArrayNode props = values(conf, "app.properties");
    plain(props, "non-prod", "cache.ttl=60\nretries=5\n");
    plain(props, "prod", "cache.ttl=600\nretries=3\n");
    values(conf, "feature.flags")
        .addObject()
        .put("environment", "development")
        .put("value", "checkout-v2,new-search");
    return tree;
  }

  /** The organization-wide group that components import whole with {@code envFrom}. */
  static ObjectNode sharedGroup(String namespace) {
    ObjectNode tree = envelope("ConfigurationGroup", BindingCorpus.SHARED_GROUP, namespace);
    ObjectNode spec = tree.putObject("spec");
    group(spec.putArray("environmentGroups"), "all", "development", "staging", "production");
    ArrayNode conf = spec.putArray("configurations");
    plain(
        values(conf, "otel.exporter.endpoint"), "all", "http://otel-collector.observability:4317");
    plain(values(conf, "region"), "all", "eu-west-1");
    secret(values(conf, "registry.token"), "all", "secret/data/shared/registry#token");
    values(conf, "sentry.dsn")
        .addObject()
        .put("environment", "production")
        .put("vaultKey", "secret/data/prod/shared/sentry#dsn");
    return tree;
  }

  private static ObjectNode envelope(String kind, String name, String namespace) {
    ObjectNode tree = WorkloadTrees.NODES.objectNode();
    tree.put("apiVersion", Resource.API_VERSION);
    tree.put("kind", kind);
    tree.putObject("metadata").put("name", name).put("namespace", namespace);
    return tree;
  }

  private static void group(ArrayNode groups, String name, String... environments) {
    ArrayNode envs = groups.addObject().put("name", name).putArray("environments");
    for (String e : environments) {
      envs.add(e);
    }
  }

  private static ArrayNode values(ArrayNode configurations, String key) {
    return configurations.addObject().put("key", key).putArray("values");
  }

  private static void plain(ArrayNode values, String group, String value) {
    values.addObject().put("environmentGroupRef", group).put("value", value);
  }

  private static void secret(ArrayNode values, String group, String vaultKey) {
    values.addObject().put("environmentGroupRef", group).put("vaultKey", vaultKey);
  }

  static String componentType(Kind kind) {
    return switch (kind) {
      case SERVICE -> "Service";
      case WEB_APPLICATION -> "WebApplication";
      case SCHEDULED_TASK -> "ScheduledTask";
    };
  }

  static String bindingKind(Kind kind) {
    return componentType(kind) + "Binding";
  }
}
