package dev.troupe.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.engine.controllers.app.DisplayStatus;
import dev.troupe.engine.runtime.Conditions;
import java.util.List;

/**
 * The response shapes of the delivery endpoints. A BindingView is what a client needs about a
 * component in one environment, derived from the stored binding only: {@code {name, kind,
 * environment, releaseState, displayStatus, ready:{status, reason, message}, currentRevision,
 * artifact, images, endpoints, blockers, unmanaged, object}}. A {@code Ready} condition observed at
 * an older generation is reported as {@code Unknown} (delivery.md §1.1 rule 3), its reason and
 * message kept for detail; the display status is the engine's ({@link DisplayStatus}).
 */
final class DeliveryViews {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private DeliveryViews() {}

  static ObjectNode binding(ObjectNode b) {
    ObjectNode v = F.objectNode();
    JsonNode spec = b.path("spec");
    JsonNode status = b.path("status");
    v.put("name", b.path("metadata").path("name").asText());
    v.put("kind", b.path("kind").asText());
    v.put("environment", spec.path("environment").asText(""));
    v.put("releaseState", spec.path("releaseState").asText(Binding.ACTIVE));
    v.put("displayStatus", DisplayStatus.of(b));
    v.set("ready", ready(b));
    if (status.path("currentRevision").isIntegralNumber()) {
      v.put("currentRevision", status.path("currentRevision").asLong());
    } else {
      v.putNull("currentRevision");
    }
    String artifact = spec.path("deployableArtifactRef").asText("");
    if (artifact.isEmpty()) {
      v.putNull("artifact");
    } else {
      v.put("artifact", artifact);
    }
    ObjectNode images = v.putObject("images");
    spec.path("workloadSpec")
        .path("containers")
        .properties()
        .forEach(c -> images.put(c.getKey(), c.getValue().path("image").asText("")));
    v.set("endpoints", array(status.path("endpoints")));
    v.set("blockers", array(status.path("blockers")));
    v.put("unmanaged", false);
    v.set("object", b);
    return v;
  }

  /** {@code {items:[BindingView]}}. */
  static ObjectNode bindings(List<ObjectNode> bindings) {
    ObjectNode out = F.objectNode();
    ArrayNode items = out.putArray("items");
    bindings.forEach(b -> items.add(binding(b)));
    return out;
  }

  /** {@code {items:[...]}} of objects as stored. */
  static ObjectNode items(List<ObjectNode> objects) {
    ObjectNode out = F.objectNode();
    out.putArray("items").addAll(objects);
    return out;
  }

  private static ObjectNode ready(ObjectNode b) {
    ObjectNode r = F.objectNode();
    JsonNode c = Conditions.find(b.path("status").path("conditions"), "Ready");
    if (c == null) {
      r.put("status", "Unknown");
      r.put("reason", "Reconciling");
      r.put("message", "the binding has not been reconciled yet");
      return r;
    }
    boolean stale =
        c.path("observedGeneration").asLong(-1) != b.path("metadata").path("generation").asLong(0);
    r.put("status", stale ? "Unknown" : c.path("status").asText("Unknown"));
    r.put("reason", c.path("reason").asText(""));
    r.put(
        "message",
        stale
            ? "reconciling generation "
                + b.path("metadata").path("generation").asLong(0)
                + " (last observed: "
                + c.path("message").asText("")
                + ")"
            : c.path("message").asText(""));
    return r;
  }

  private static ArrayNode array(JsonNode n) {
    return n.isArray() ? ((ArrayNode) n).deepCopy() : F.arrayNode();
  }
}
