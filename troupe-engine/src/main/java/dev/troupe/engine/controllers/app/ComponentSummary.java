package dev.troupe.engine.controllers.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.runtime.Conditions;

/**
 * One entry of {@code Component.status.environments[]} (delivery.md §8.2), copied from the
 * binding's status: {@code ready}, display status (§8.4), release state, current revision, its
 * artifact and images, and the endpoints.
 */
final class ComponentSummary {
  private ComponentSummary() {}

  static ObjectNode entry(String environment, JsonNode binding) {
    ObjectNode e = JsonNodeFactory.instance.objectNode();
    e.put("environment", environment);
    if (binding == null) {
      e.put("displayStatus", DisplayStatus.NOT_YET_DEPLOYED);
      return e;
    }
    ObjectNode ref = e.putObject("binding");
    ref.put("kind", binding.path("kind").asText());
    ref.put("name", Meta.name(binding));
    JsonNode status = binding.path("status");
    JsonNode c = Conditions.find(status.path("conditions"), "Ready");
    if (c != null) {
      ObjectNode ready = e.putObject("ready");
      ready.set("status", c.path("status"));
      ready.set("reason", c.path("reason"));
      ready.set("message", c.path("message"));
      if (c.has("lastTransitionTime")) {
        ready.set("lastTransitionTime", c.path("lastTransitionTime"));
      }
    }
    e.put("displayStatus", DisplayStatus.of(binding));
    e.put("releaseState", binding.path("spec").path("releaseState").asText("Active"));
    long current = status.path("currentRevision").asLong(0);
    if (current > 0) {
      e.put("currentRevision", current);
      for (JsonNode h : status.path("history")) {
        if (h.path("revision").asLong() == current) {
          if (h.has("deployableArtifact")) {
            e.set("deployableArtifact", h.path("deployableArtifact"));
          }
          if (h.has("images")) {
            e.set("images", h.path("images").deepCopy());
          }
        }
      }
    }
    if (status.path("endpoints").isArray() && !status.path("endpoints").isEmpty()) {
      e.set("endpoints", status.path("endpoints").deepCopy());
    }
    return e;
  }
}
