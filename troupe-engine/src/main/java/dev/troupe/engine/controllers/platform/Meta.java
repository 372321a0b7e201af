package dev.troupe.engine.controllers.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.store.ObjectKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and edits the metadata of stored object trees. Editing methods return modified copies and
 * never touch the tree passed in (cache trees are shared).
 */
final class Meta {
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

  static String label(JsonNode tree, String key) {
    JsonNode v = tree.path("metadata").path("labels").get(key);
    return v == null || v.isNull() ? null : v.asText();
  }

  static String annotation(JsonNode tree, String key) {
    JsonNode v = tree.path("metadata").path("annotations").get(key);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** A text member at a path, or {@code null} when absent. */
  static String text(JsonNode tree, String... path) {
    JsonNode n = tree;
    for (String p : path) {
      n = n.path(p);
    }
    return n.isValueNode() && !n.isNull() ? n.asText() : null;
  }

  static boolean terminating(JsonNode tree) {
    return !tree.path("metadata").path("deletionTimestamp").asText("").isEmpty();
  }

  /** When deletion was requested, if it was. */
  static Optional<Instant> deletionRequested(JsonNode tree) {
    String at = tree.path("metadata").path("deletionTimestamp").asText("");
    return at.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(at));
  }

  static List<String> finalizers(JsonNode tree) {
    List<String> out = new ArrayList<>();
    tree.path("metadata").path("finalizers").forEach(f -> out.add(f.asText()));
    return out;
  }

  static boolean hasFinalizer(JsonNode tree, String finalizer) {
    return finalizers(tree).contains(finalizer);
  }

  static ObjectNode withFinalizer(ObjectNode tree, String finalizer) {
    ObjectNode copy = tree.deepCopy();
    ObjectNode meta = copy.with("metadata");
    ArrayNode list = meta.withArray("finalizers");
    list.add(finalizer);
    return copy;
  }

  static ObjectNode withoutFinalizer(ObjectNode tree, String finalizer) {
    ObjectNode copy = tree.deepCopy();
    ArrayNode kept = JsonNodeFactory.instance.arrayNode();
    finalizers(tree).stream().filter(f -> !f.equals(finalizer)).forEach(kept::add);
    copy.with("metadata").set("finalizers", kept);
    return copy;
  }

  /** A reference to {@code owner} for {@code metadata.ownerReferences}. */
  static ObjectNode ownerReference(JsonNode owner, boolean controller, boolean blockOwnerDeletion) {
    ObjectNode ref = JsonNodeFactory.instance.objectNode();
    ref.put("apiVersion", owner.path("apiVersion").asText());
    ref.put("kind", owner.path("kind").asText());
    ref.put("name", name(owner));
    ref.put("uid", uid(owner));
    ref.put("controller", controller);
    ref.put("blockOwnerDeletion", blockOwnerDeletion);
    return ref;
  }

  /** Whether {@code tree} has an owner reference with {@code uid}. */
  static boolean ownedBy(JsonNode tree, String uid) {
    for (JsonNode ref : tree.path("metadata").path("ownerReferences")) {
      if (uid.equals(ref.path("uid").asText())) {
        return true;
      }
    }
    return false;
  }

  /** The controller owner reference of {@code tree}, if any. */
  static Optional<JsonNode> controllerRef(JsonNode tree) {
    for (JsonNode ref : tree.path("metadata").path("ownerReferences")) {
      if (ref.path("controller").asBoolean(false)) {
        return Optional.of(ref);
      }
    }
    return Optional.empty();
  }

  /** {@code Kind/name} as used in status lists and messages. */
  static String describe(ObjectKey key) {
    return key.kind() + "/" + key.name();
  }

  /** At most {@code max} descriptions, then how many more. */
  static String describe(List<ObjectKey> keys, int max) {
    List<String> shown = keys.stream().limit(max).map(Meta::describe).toList();
    String text = String.join(", ", shown);
    return keys.size() > max ? text + " and " + (keys.size() - max) + " more" : text;
  }
}
