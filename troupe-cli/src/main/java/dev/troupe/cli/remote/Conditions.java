package dev.troupe.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads {@code status.conditions[]} of an object tree. */
final class Conditions {
  private Conditions() {}

  /** The condition of that type, or null. */
  static JsonNode find(JsonNode object, String type) {
    for (JsonNode c : object.path("status").path("conditions")) {
      if (type.equals(c.path("type").asText())) {
        return c;
      }
    }
    return null;
  }

  /** "status reason: message" of a condition, for messages; "absent" when there is none. */
  static String summary(JsonNode condition) {
    if (condition == null) {
      return "absent";
    }
    StringBuilder b = new StringBuilder(condition.path("status").asText("?"));
    String reason = condition.path("reason").asText("");
    if (!reason.isEmpty()) {
      b.append(", reason ").append(reason);
    }
    String message = condition.path("message").asText("");
    if (!message.isEmpty()) {
      b.append(": ").append(message);
    }
    return b.toString();
  }
}
