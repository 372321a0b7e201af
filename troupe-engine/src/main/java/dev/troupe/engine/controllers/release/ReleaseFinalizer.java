package dev.troupe.engine.controllers.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.store.Store;

/** The finalizer {@code openchoreo.dev/dataplane-cleanup} of Releases (delivery.md §2.6). */
final class ReleaseFinalizer {
  static final String NAME = "openchoreo.dev/dataplane-cleanup";

  private ReleaseFinalizer() {}

  static boolean present(ObjectNode tree) {
    for (JsonNode f : tree.path("metadata").path("finalizers")) {
      if (NAME.equals(f.asText())) {
        return true;
      }
    }
    return false;
  }

  /** Whether finalizers other than this one remain on the object. */
  static boolean othersPresent(ObjectNode tree) {
    for (JsonNode f : tree.path("metadata").path("finalizers")) {
      if (!NAME.equals(f.asText())) {
        return true;
      }
    }
    return false;
  }

  /** Adds the finalizer when missing (delivery.md §2.2 step 2); returns the current object. */
  static ObjectNode ensure(Store store, ObjectNode tree) {
    if (present(tree)) {
      return tree;
    }
    // A shallow copy: only the metadata changes (the tree is shared with the cache).
    ObjectNode next = tree.objectNode();
    next.setAll(tree);
    ObjectNode metadata = ((ObjectNode) tree.get("metadata")).deepCopy();
    metadata.withArray("finalizers").add(NAME);
    next.set("metadata", metadata);
    return store.update(next);
  }

  /** Removes the finalizer; the store deletes a terminating object once its last one is gone. */
  static void remove(Store store, ObjectNode tree) {
    if (!present(tree)) {
      return;
    }
    ObjectNode next = tree.deepCopy();
    ArrayNode kept = next.arrayNode();
    for (JsonNode f : tree.path("metadata").path("finalizers")) {
      if (!NAME.equals(f.asText())) {
        kept.add(f);
      }
    }
    ((ObjectNode) next.get("metadata")).set("finalizers", kept);
    store.update(next);
  }
}
