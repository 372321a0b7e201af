package dev.troupe.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Standard Kubernetes conditions ({@code type, status, reason, message, lastTransitionTime,
 * observedGeneration}, delivery.md §0): {@code lastTransitionTime} changes only when {@code status}
 * changes.
 */
public final class Conditions {
  private Conditions() {}

  /** A condition without a transition time; {@link #merge} supplies it. */
  public static ObjectNode of(
      String type, String status, String reason, String message, long observedGeneration) {
    ObjectNode c = JsonNodeFactory.instance.objectNode();
    c.put("type", type);
    c.put("status", status);
    c.put("reason", reason);
    c.put("message", message == null ? "" : message);
    c.put("observedGeneration", observedGeneration);
    return c;
  }

  /**
   * The desired conditions with their transition times: kept from {@code previous} when the status
   * of that type is unchanged, {@code now} otherwise. Conditions in {@code previous} whose type is
   * not desired are dropped.
   */
  public static ArrayNode merge(JsonNode previous, ArrayNode desired, Instant now) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    String stamp = now.truncatedTo(ChronoUnit.SECONDS).toString();
    for (JsonNode d : desired) {
      ObjectNode c = ((ObjectNode) d).deepCopy();
      JsonNode old = find(previous, c.path("type").asText());
      String when =
          old != null && old.path("status").asText().equals(c.path("status").asText())
              ? old.path("lastTransitionTime").asText(stamp)
              : stamp;
      ObjectNode ordered = JsonNodeFactory.instance.objectNode();
      ordered.set("type", c.get("type"));
      ordered.set("status", c.get("status"));
      ordered.set("reason", c.get("reason"));
      ordered.set("message", c.get("message"));
      ordered.put("lastTransitionTime", when);
      if (c.has("observedGeneration")) {
        ordered.set("observedGeneration", c.get("observedGeneration"));
      }
      out.add(ordered);
    }
    return out;
  }

  /** The condition of {@code type} in a conditions array, or {@code null}. */
  public static JsonNode find(JsonNode conditions, String type) {
    if (conditions == null || !conditions.isArray()) {
      return null;
    }
    for (JsonNode c : conditions) {
      if (type.equals(c.path("type").asText())) {
        return c;
      }
    }
    return null;
  }

  /** Whether {@code object} has condition {@code type} with {@code status} at its generation. */
  public static boolean isCurrent(JsonNode object, String type, String status) {
    JsonNode c = find(object.path("status").path("conditions"), type);
    return c != null
        && status.equals(c.path("status").asText())
        && c.path("observedGeneration").asLong(-1)
            == object.path("metadata").path("generation").asLong(0);
  }
}
