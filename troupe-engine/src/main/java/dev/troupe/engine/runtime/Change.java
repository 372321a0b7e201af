package dev.troupe.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.store.ObjectKey;

/**
 * One change the {@link ObjectCache} applied: the object before ({@code null} when added) and after
 * ({@code null} when deleted). Trees are shared with the cache and must not be modified.
 */
public record Change(Type type, ObjectNode old, ObjectNode now, long revision) {

  /** What happened to the object. */
  public enum Type {
    ADDED,
    MODIFIED,
    DELETED
  }

  /** The latest known state: {@code now}, or the last state of a deleted object. */
  public ObjectNode object() {
    return now != null ? now : old;
  }

  public ObjectKey key() {
    return ObjectKey.of(object());
  }

  public String kind() {
    return object().path("kind").asText();
  }

  public String namespace() {
    return object().path("metadata").path("namespace").asText("");
  }

  public String name() {
    return object().path("metadata").path("name").asText();
  }

  /** A member of the old and the new tree ({@code MissingNode} when absent). */
  JsonNode before(String... path) {
    return at(old, path);
  }

  JsonNode after(String... path) {
    return at(now, path);
  }

  private static JsonNode at(ObjectNode tree, String... path) {
    JsonNode n =
        tree == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : tree;
    for (String p : path) {
      n = n.path(p);
    }
    return n;
  }
}
