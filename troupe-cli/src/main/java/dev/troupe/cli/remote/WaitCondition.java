package dev.troupe.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What {@code wait --for} waits for: a condition with a status ({@code condition=Ready}, {@code
 * condition=Ready=False}; {@code ready} is short for {@code condition=Ready=True}) or deletion
 * ({@code delete}).
 *
 * @param type the condition type, or null for deletion
 * @param status the wanted status ({@code True}, {@code False}, {@code Unknown})
 */
record WaitCondition(String type, String status) {
  static WaitCondition parse(String value) {
    String v = value.strip();
    if (v.equalsIgnoreCase("delete")) {
      return new WaitCondition(null, null);
    }
    if (v.equalsIgnoreCase("ready")) {
      return new WaitCondition("Ready", "True");
    }
    if (v.regionMatches(true, 0, "condition=", 0, "condition=".length())) {
      String rest = v.substring("condition=".length());
      int eq = rest.indexOf('=');
      String type = eq < 0 ? rest : rest.substring(0, eq);
      String status = eq < 0 ? "True" : rest.substring(eq + 1);
      if (!type.isEmpty() && !status.isEmpty()) {
        return new WaitCondition(type, normalizeStatus(status));
      }
    }
    throw new UsageError(
        "--for="
            + value
            + ": expected condition=TYPE[=STATUS] (e.g. condition=Ready, condition=Ready=False),"
            + " ready, or delete");
  }

  boolean forDelete() {
    return type == null;
  }

  boolean isMet(JsonNode object) {
    JsonNode c = Conditions.find(object, type);
    return c != null && status.equalsIgnoreCase(c.path("status").asText());
  }

  String describe() {
    return forDelete() ? "deletion" : "condition " + type + "=" + status;
  }

  private static String normalizeStatus(String s) {
    return switch (s.toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> "True";
      case "false" -> "False";
      case "unknown" -> "Unknown";
      default -> s;
    };
  }
}
