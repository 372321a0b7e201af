package dev.troupe.engine.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One persisted change. {@code revision} equals the object's {@code metadata.resourceVersion}; for
 * DELETED it is the revision of the removal and the object is its last state. The object is shared
 * and read-only (see {@link Store#watch}).
 */
public record WatchEvent(Type type, ObjectNode object, long revision) {

  /** The kind of change. */
  public enum Type {
    ADDED,
    MODIFIED,
    DELETED
  }

  public ObjectKey key() {
    return ObjectKey.of(object);
  }
}
