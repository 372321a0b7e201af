package dev.troupe.engine.controllers.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Reads and writes the metadata of stored object trees. Writing methods modify the tree they are
 * given (callers copy shared cache trees first).
 */
final class Trees {
  static final String API_VERSION = "openchoreo.dev/v1alpha1";
  static final String ORGANIZATION = "openchoreo.dev/organization";
  static final String PROJECT = "openchoreo.dev/project";
  static final String COMPONENT = "openchoreo.dev/component";
  static final String ENVIRONMENT = "openchoreo.dev/environment";
  static final String CHANGE_CAUSE = "openchoreo.dev/change-cause";

  private Trees() {}

  static String name(JsonNode tree) {
    return tree.path("metadata").path("name").asText();
  }

  static String namespace(JsonNode tree) {
    return tree.path("metadata").path("namespace").asText("");
  }

  static long generation(JsonNode tree) {
    return tree.path("metadata").path("generation").asLong(0);
  }

  static long resourceVersion(JsonNode tree) {
    try {
      return Long.parseLong(tree.path("metadata").path("resourceVersion").asText("0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static boolean terminating(JsonNode tree) {
    JsonNode d = tree.path("metadata").path("deletionTimestamp");
    return d.isTextual() && !d.asText().isEmpty();
  }

  static Optional<String> annotation(JsonNode tree, String key) {
    JsonNode v = tree.path("metadata").path("annotations").path(key);
    return v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
  }

  static ObjectNode metadata(ObjectNode tree) {
    return object(tree, "metadata");
  }

  /** The object member {@code field} of {@code tree}, created when absent. */
  static ObjectNode object(ObjectNode tree, String field) {
    return tree.get(field) instanceof ObjectNode o ? o : tree.putObject(field);
  }

  static boolean hasController(JsonNode tree) {
    for (JsonNode ref : tree.path("metadata").path("ownerReferences")) {
      if (ref.path("controller").asBoolean(false)) {
        return true;
      }
    }
    return false;
  }

  /** Appends a controller reference to {@code owner} ({@code blockOwnerDeletion: true}). */
  static void addController(ObjectNode tree, JsonNode owner) {
    ObjectNode ref = JsonNodeFactory.instance.objectNode();
    ref.put("apiVersion", owner.path("apiVersion").asText(API_VERSION));
    ref.put("kind", owner.path("kind").asText());
    ref.put("name", name(owner));
    ref.put("uid", owner.path("metadata").path("uid").asText());
    ref.put("controller", true);
    ref.put("blockOwnerDeletion", true);
    ArrayNode refs = JsonNodeFactory.instance.arrayNode();
    for (JsonNode r : tree.path("metadata").path("ownerReferences")) {
      boolean same =
          r.path("kind").asText().equals(ref.path("kind").asText())
              && r.path("name").asText().equals(ref.path("name").asText());
      if (!same) {
        refs.add(r);
      }
    }
    refs.add(ref);
    metadata(tree).set("ownerReferences", refs);
  }

  /** The instant as stored: UTC, whole seconds. */
  static String stamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** A stored time, or null when absent or unreadable. */
  static Instant instant(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
