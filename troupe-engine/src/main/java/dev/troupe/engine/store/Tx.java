package dev.troupe.engine.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The rows of one write transaction, as the store semantics ({@link Mutations}, {@link
 * GarbageCollector}) see them: reads see the transaction's own writes; every write gets the next
 * revision and appends one event.
 */
interface Tx {

  Optional<ObjectNode> find(ObjectKey key);

  Optional<ObjectNode> findByUid(String uid);

  boolean exists(String uid);

  /** The objects whose ownerReferences name {@code ownerUid}, sorted by key. */
  List<ObjectKey> dependents(String ownerUid);

  /** Whether a dependent of {@code ownerUid} has {@code blockOwnerDeletion: true}. */
  boolean hasBlockingDependents(String ownerUid);

  /**
   * Writes the object with the next revision as its resourceVersion and appends an ADDED or
   * MODIFIED event. Returns the stored tree (the argument, with resourceVersion set).
   */
  ObjectNode put(ObjectNode object, WatchEvent.Type type);

  /** Removes the object and appends a DELETED event carrying it with the removal's revision. */
  ObjectNode remove(ObjectNode object);
}
