package dev.troupe.render.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.app.WorkloadTemplate;
import dev.troupe.render.Cell;
import dev.troupe.render.Trees;
import dev.troupe.render.merge.MergeSchema;
import dev.troupe.render.merge.StrategicMerge;

/**
 * The Kubernetes Service of a binding (rendering.md §4.2): the overlay ({@code type: ClusterIP},
 * selector {@code L(b)}, endpoint ports), merged onto the class's {@code serviceTemplate}, minus
 * the fields Kubernetes rejects on a ClusterIP Service.
 */
final class ServiceSpecs {
  private ServiceSpecs() {}

  /** The Service spec; {@code template} is a private copy that the merge may reuse. */
  static ObjectNode merged(ObjectNode template, WorkloadTemplate workload, Cell cell) {
    ObjectNode overlay = Trees.object();
    overlay.put("type", "ClusterIP");
    overlay.set("selector", cell.labels());
    ArrayNode ports = Trees.array();
    for (ObjectNode p : PodOverlay.endpointPorts(workload).values()) {
      ObjectNode sp = Trees.object();
      sp.put("name", p.get("name").asText());
      sp.put("protocol", p.get("protocol").asText());
      sp.put("port", p.get("containerPort").asInt());
      sp.put("targetPort", p.get("containerPort").asInt());
      ports.add(sp);
    }
    Trees.putIfPresent(overlay, "ports", ports);
    ObjectNode spec =
        (ObjectNode) StrategicMerge.mergeOwned(template, overlay, MergeSchema.SERVICE_SPEC);
    spec.remove("healthCheckNodePort");
    spec.remove("loadBalancerSourceRanges");
    spec.remove("loadBalancerClass");
    spec.remove("allocateLoadBalancerNodePorts");
    if (!spec.has("externalIPs")) {
      spec.remove("externalTrafficPolicy");
    }
    if (spec.get("ports") instanceof ArrayNode merged) {
      merged.forEach(p -> ((ObjectNode) p).remove("nodePort"));
    }
    return spec;
  }

  /** Whether the merged spec has ports (a Service is rendered only then). */
  static boolean hasPorts(ObjectNode spec) {
    return spec.get("ports") instanceof ArrayNode a && !a.isEmpty();
  }

  /**
   * The target port of backend port {@code port}: the Service's {@code targetPort}, else the port.
   */
  static JsonNode targetPort(ObjectNode mergedSpec, int port) {
    if (mergedSpec.get("ports") instanceof ArrayNode ports) {
      for (JsonNode p : ports) {
        if (p.path("port").asInt(-1) == port && p.has("targetPort")) {
          return p.get("targetPort").deepCopy();
        }
      }
    }
    return IntNode.valueOf(port);
  }
}
