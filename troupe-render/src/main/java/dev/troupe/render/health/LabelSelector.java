package dev.troupe.render.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A Kubernetes label selector ({@code matchLabels} and {@code matchExpressions}) applied to a label
 * map. A missing selector selects nothing, as a Deployment without a selector owns no pods.
 */
final class LabelSelector {
  private LabelSelector() {}

  static boolean matches(JsonNode selector, JsonNode labels) {
    if (selector == null || !selector.isObject()) {
      return false;
    }
    Iterator<Map.Entry<String, JsonNode>> wanted = selector.path("matchLabels").fields();
    while (wanted.hasNext()) {
      Map.Entry<String, JsonNode> e = wanted.next();
      if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
        return false;
      }
    }
    for (JsonNode expression : selector.path("matchExpressions")) {
      if (!matchesExpression(expression, labels)) {
        return false;
      }
    }
    return true;
  }

  private static boolean matchesExpression(JsonNode expression, JsonNode labels) {
    String key = expression.path("key").asText();
    JsonNode value = labels.get(key);
    Set<String> values = new HashSet<>();
    expression.path("values").forEach(v -> values.add(v.asText()));
    return switch (expression.path("operator").asText()) {
      case "In" -> value != null && values.contains(value.asText());
      case "NotIn" -> value == null || !values.contains(value.asText());
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      default -> false;
    };
  }
}
