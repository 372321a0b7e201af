package dev.troupe.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.bench.OrgPlan.Component;
import dev.troupe.bench.OrgPlan.Kind;
import dev.troupe.bench.OrgPlan.Link;
import java.util.Locale;

/**
 * The {@code workloadSpec} of a planned component, as a tree: a main container (image, env with
 * literals and configuration-group references, envFrom, a file mount, sometimes a sidecar), the
 * endpoints of its kind, its connections and egress. Which optional parts appear depends only on
 * the component's {@code variant}, so every environment gets the same workload.
 */
final class WorkloadTrees {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private WorkloadTrees() {}

  static ObjectNode workload(Component c) {
    ObjectNode spec = NODES.objectNode();
    ObjectNode containers = spec.putObject("containers");
    containers.set("main", main(c));
    if (c.variant() % 10 == 0) {
      ObjectNode sidecar = containers.putObject("log-shipper");
      sidecar.put("image", "fluent/fluent-bit:3.1.4");
      env(sidecar.putArray("env"), "FLUENT_LOG_LEVEL", "warn");
    }
    endpoints(c, spec);
    if (!c.links().isEmpty()) {
      ObjectNode connections = spec.putObject("connections");
      c.links().forEach(l -> connections.set(l.name(), connection(l)));
    }
    if (c.variant() % 3 == 0) {
      ArrayNode egress = spec.putArray("egress");
      egress.addObject().put("host", "api.stripe.com").put("port", 443);
      if (c.variant() % 2 == 0) {
        egress.addObject().put("cidr", "10.40.0.0/16").put("port", 5432);
      }
    }
    return spec;
  }

  private static ObjectNode main(Component c) {
    ObjectNode main = NODES.objectNode();
    main.put(
        "image",
        "registry.acme.example.com/"
            + c.project()
            + "/"
            + c.role()
            + ":1."
            + c.variant() % 17
            + "."
            + c.variant() % 5);
    if (c.kind() == Kind.SCHEDULED_TASK) {
      main.putArray("command").add("/app/" + c.role());
      main.putArray("args").add("--batch-size").add(String.valueOf(100 + c.variant()));
    } else if (c.variant() % 2 == 0) {
      main.putArray("args").add("--port").add(c.kind() == Kind.SERVICE ? "8080" : "3000");
    }
    ArrayNode env = main.putArray("env");
    env(env, "LOG_LEVEL", "info");
    env(env, "SERVICE_NAME", c.name());
    groupEnv(env, "DATABASE_URL", BindingCorpus.projectGroup(c.project()), "database.url");
    groupEnv(env, "APP_LOG_LEVEL", BindingCorpus.projectGroup(c.project()), "log.level");
    if (c.variant() % 2 == 1) {
      groupEnv(env, "API_TOKEN", BindingCorpus.projectGroup(c.project()), "api.token");
    }
    if (c.variant() % 5 < 2) {
      main.putArray("envFrom")
          .addObject()
          .putObject("configurationGroupRef")
          .put("name", BindingCorpus.SHARED_GROUP);
    }
    if (c.variant() % 7 == 0) {
      ObjectNode mount = main.putArray("fileMounts").addObject();
      mount.put("mountPath", "/etc/" + c.role() + "/app.properties");
      mount
          .putObject("valueFrom")
          .putObject("configurationGroupRef")
          .put("name", BindingCorpus.projectGroup(c.project()))
          .put("key", "app.properties");
    }
    return main;
  }

  private static void endpoints(Component c, ObjectNode spec) {
    if (c.kind() == Kind.SCHEDULED_TASK) {
      return;
    }
    ObjectNode endpoints = spec.putObject("endpoints");
    if (c.kind() == Kind.WEB_APPLICATION) {
      endpoints.putObject("web").put("type", "HTTP").put("port", 3000);
      return;
    }
    endpoints.putObject("http").put("type", "REST").put("port", 8080);
    if (c.grpc()) {
      endpoints.putObject("grpc").put("type", "gRPC").put("port", 9090);
    }
  }

  private static ObjectNode connection(Link l) {
    ObjectNode conn = NODES.objectNode();
    conn.put("type", "api");
    ObjectNode params = conn.putObject("params");
    if (l.crossProject()) {
      params.put("projectName", l.target().project());
    }
    params.put("componentName", l.target().name());
    params.put("endpoint", l.endpoint());
    ArrayNode env = conn.putObject("inject").putArray("env");
    String var = l.name().toUpperCase(Locale.ROOT).replace('-', '_');
    if (l.endpoint().equals("grpc")) {
      env.addObject().put("name", var + "_ADDR").put("value", "{{ .host }}:{{ .port }}");
    } else {
      env.addObject().put("name", var + "_URL").put("value", "{{ .url }}");
    }
    return conn;
  }

  private static void env(ArrayNode env, String key, String value) {
    env.addObject().put("key", key).put("value", value);
  }

  private static void groupEnv(ArrayNode env, String key, String group, String groupKey) {
    env.addObject()
        .put("key", key)
        .putObject("valueFrom")
        .putObject("configurationGroupRef")
        .put("name", group)
        .put("key", groupKey);
  }
}
