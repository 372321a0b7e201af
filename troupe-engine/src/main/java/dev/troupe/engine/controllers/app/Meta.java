package dev.troupe.engine.controllers.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Reads and writes the metadata of stored object trees: names, generation, labels, annotations and
 * owner references. Writing methods modify the tree they are given (callers copy shared trees).
 */
final class Meta {
  static final String API_VERSION = "openchoreo.dev/v1alpha1";
  static final String ORGANIZATION = "openchoreo.dev/organization";
  static final String PROJECT = "openchoreo.dev/project";
  static final String COMPONENT = "openchoreo.dev/component";
  static final String ENVIRONMENT = "openchoreo.dev/environment";
  static final String CHANGE_CAUSE = "openchoreo.dev/change-cause";
  static final String LAST_MODIFIED_BY = "openchoreo.dev/last-modified-by";

  private Meta() {}

  static String name(JsonNode tree) {
    return tree.path("metadata").path("name").asText();
  }

  static String namespace(JsonNode tree) {
    return tree.path("metadata").path("namespace").asText("");
  }

  static String uid(JsonNode tree) {
    return tree.path("metadata").path("uid").asText();
  }

  static long generation(JsonNode tree) {
    return tree.path("metadata").path("generation").asLong(0);
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
    return tree.with("metadata");
  }

  static ObjectNode labels(ObjectNode tree) {
    return metadata(tree).with("labels");
  }

  static ObjectNode annotations(ObjectNode tree) {
    return metadata(tree).with("annotations");
  }

  /** The controller owner reference of {@code tree}, if any. */
  static Optional<JsonNode> controller(JsonNode tree) {
    for (JsonNode ref : tree.path("metadata").path("ownerReferences")) {
      if (ref.path("controller").asBoolean(false)) {
        return Optional.of(ref);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code tree} has a controller reference to {@code owner} (by kind, name and uid). */
  static boolean controlledBy(JsonNode tree, JsonNode owner) {
    return controller(tree)
        .filter(
            r ->
                r.path("kind").asText().equals(owner.path("kind").asText())
                    && r.path("name").asText().equals(name(owner))
                    && r.path("uid").asText().equals(uid(owner)))
        .isPresent();
  }

  /** An owner reference to {@code owner}. */
  static ObjectNode ownerReference(JsonNode owner, boolean controller, boolean blockDeletion) {
    ObjectNode ref = JsonNodeFactory.instance.objectNode();
    ref.put("apiVersion", owner.path("apiVersion").asText(API_VERSION));
    ref.put("kind", owner.path("kind").asText());
    ref.put("name", name(owner));
    ref.put("uid", uid(owner));
    ref.put("controller", controller);
    ref.put("blockOwnerDeletion", blockDeletion);
    return ref;
  }

  /**
   * Sets {@code ref} among the owner references of {@code tree}, replacing a reference of the same
   * kind and name (a stale uid) and, for a controller reference, any other controller reference.
   */
  static void putOwnerReference(ObjectNode tree, ObjectNode ref) {
    ArrayNode refs = JsonNodeFactory.instance.arrayNode();
    boolean controller = ref.path("controller").asBoolean(false);
    for (JsonNode r : tree.path("metadata").path("ownerReferences")) {
      boolean same =
          r.path("kind").asText().equals(ref.path("kind").asText())
              && r.path("name").asText().equals(ref.path("name").asText());
      boolean otherController = controller && r.path("controller").asBoolean(false);
      if (!same && !otherController) {
        refs.add(r);
      }
    }
    refs.add(ref);
    metadata(tree).set("ownerReferences", refs);
  }
}
