package dev.troupe.render.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.app.Container;
import dev.troupe.api.kinds.app.Endpoint;
import dev.troupe.api.kinds.app.WorkloadTemplate;
import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.render.Cell;
import dev.troupe.render.Trees;
import dev.troupe.render.config.ConfigPlan;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The pod-template overlay of a binding (rendering.md §4.1): containers (main first, then the
 * others in document order) with image, command, args, env, envFrom, ports (main, Deployments only)
 * and mounts; pod labels, the configuration hash, volumes and the image-pull secret.
 */
final class PodOverlay {
  private PodOverlay() {}

  /** The endpoint ports of the main container: first occurrence of each (port, protocol). */
  static Map<String, ObjectNode> endpointPorts(WorkloadTemplate workload) {
    Map<String, ObjectNode> ports = new LinkedHashMap<>();
    for (Endpoint e : workload.endpointsOrEmpty().values()) {
      String protocol = "UDP".equals(e.type()) ? "UDP" : "TCP";
      String name = "ep-" + e.port() + "-" + protocol.toLowerCase(java.util.Locale.ROOT);
      ports.computeIfAbsent(
          name,
          n -> {
            ObjectNode p = Trees.object();
            p.put("name", n);
            p.put("containerPort", e.port());
            p.put("protocol", protocol);
            return p;
          });
    }
    return ports;
  }

  /**
   * The pod template overlay: {@code {metadata: {labels, annotations?}, spec: {containers,
   * volumes?, imagePullSecrets?}}}.
   */
  static ObjectNode template(
      WorkloadTemplate workload,
      ConfigPlan config,
      ArrayNode connectionEnv,
      Cell cell,
      DataPlane dataPlane,
      boolean withPorts,
      String restartPolicy) {
    ObjectNode template = Trees.object();
    ObjectNode metadata = template.putObject("metadata");
    metadata.set("labels", cell.labels());
    config
        .configHash()
        .ifPresent(h -> metadata.putObject("annotations").put("openchoreo.dev/config-hash", h));
    ObjectNode spec = template.putObject("spec");
    if (restartPolicy != null) {
      spec.put("restartPolicy", restartPolicy);
    }
    ArrayNode containers = spec.putArray("containers");
    String main = workload.mainContainerName();
    containers.add(
        container(main, workload.mainContainer(), config, connectionEnv, workload, withPorts));
    workload
        .containersOrEmpty()
        .forEach(
            (key, c) -> {
              if (!key.equals(main)) {
                containers.add(container(key, c, config, null, workload, false));
              }
            });
    Trees.putIfPresent(spec, "volumes", config.volumes());
    String pullSecret =
        dataPlane.spec().registry() == null ? null : dataPlane.spec().registry().secretRef();
    if (pullSecret != null && !pullSecret.isEmpty()) {
      spec.putArray("imagePullSecrets").addObject().put("name", pullSecret);
    }
    return template;
  }

  private static ObjectNode container(
      String key,
      Container c,
      ConfigPlan config,
      ArrayNode connectionEnv,
      WorkloadTemplate workload,
      boolean withPorts) {
    ObjectNode out = Trees.object();
    out.put("name", key);
    Trees.putIfPresent(out, "image", c.image());
    Trees.putIfPresent(out, "command", strings(c.command()));
    Trees.putIfPresent(out, "args", strings(c.args()));
    Trees.putIfPresent(out, "env", env(config.env(key), connectionEnv));
    Trees.putIfPresent(out, "envFrom", config.envFrom(key));
    if (withPorts) {
      ArrayNode ports = Trees.array();
      endpointPorts(workload).values().forEach(ports::add);
      Trees.putIfPresent(out, "ports", ports);
    }
    Trees.putIfPresent(out, "volumeMounts", config.volumeMounts(key));
    return out;
  }

  /**
   * Own env and expansions, then connection variables; the first occurrence of a name wins. The
   * items of {@code own} (a private copy from the {@link ConfigPlan}) are moved, not copied; the
   * connection variables are shared by the plan, so they are copied.
   */
  static ArrayNode env(ArrayNode own, ArrayNode connectionEnv) {
    ArrayNode out = Trees.array();
    Set<String> seen = new HashSet<>();
    if (own != null) {
      for (JsonNode item : own) {
        if (seen.add(item.path("name").asText())) {
          out.add(item);
        }
      }
    }
    if (connectionEnv != null) {
      for (JsonNode item : connectionEnv) {
        if (seen.add(item.path("name").asText())) {
          out.add(item.deepCopy());
        }
      }
    }
    return out;
  }

  private static ArrayNode strings(java.util.List<String> values) {
    ArrayNode a = Trees.array();
    if (values != null) {
      values.forEach(a::add);
    }
    return a;
  }
}
