package dev.troupe.engine.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a delete did: the object is gone, or it waits for its finalizers. */
public sealed interface DeleteResult {

  /** The object as it was stored last. */
  ObjectNode object();

  /** The object was removed; {@code object} carries the revision of the removal. */
  record Deleted(ObjectNode object) implements DeleteResult {}

  /** The object has {@code deletionTimestamp} set and stays until its finalizers are removed. */
  record Terminating(ObjectNode object) implements DeleteResult {}
}
