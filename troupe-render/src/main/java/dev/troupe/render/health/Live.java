package dev.troupe.render.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** Reading live Kubernetes JSON: kinds, groups, numbers and status conditions. */
final class Live {
  private Live() {}

  static String kind(JsonNode o) {
    return o.path("kind").asText("");
  }

  /** The API group of {@code apiVersion} ({@code ""} for core); null when apiVersion is absent. */
  static String group(JsonNode o) {
    JsonNode v = o.get("apiVersion");
    if (v == null || !v.isTextual()) {
      return null;
    }
    String s = v.asText();
    int slash = s.indexOf('/');
    return slash < 0 ? "" : s.substring(0, slash);
  }

  static String name(JsonNode o) {
    return o.path("metadata").path("name").asText("");
  }

  static String namespace(JsonNode o) {
    return o.path("metadata").path("namespace").asText("");
  }

  /** The integer at {@code field} of {@code node}, or {@code fallback} when absent. */
  static long number(JsonNode node, String field, long fallback) {
    JsonNode v = node.get(field);
    return v != null && v.canConvertToLong() ? v.asLong() : fallback;
  }

  /** The condition of {@code type} in a {@code conditions} list. */
  static Optional<JsonNode> condition(JsonNode conditions, String type) {
    if (conditions == null || !conditions.isArray()) {
      return Optional.empty();
    }
    return StreamSupport.stream(conditions.spliterator(), false)
        .filter(c -> type.equals(c.path("type").asText()))
        .findFirst();
  }

  /** Whether the condition of {@code type} exists with {@code status} ("True", "False"). */
  static boolean conditionIs(JsonNode conditions, String type, String status) {
    return condition(conditions, type).map(c -> status.equals(statusOf(c))).orElse(false);
  }

  static String statusOf(JsonNode condition) {
    return condition.path("status").asText("");
  }

  /** {@code <reason>: <message>}, or whichever of the two is present. */
  static String detail(JsonNode condition) {
    String reason = condition.path("reason").asText("");
    String message = condition.path("message").asText("");
    if (reason.isEmpty() || message.isEmpty()) {
      return reason + message;
    }
    return reason + ": " + message;
  }
}
