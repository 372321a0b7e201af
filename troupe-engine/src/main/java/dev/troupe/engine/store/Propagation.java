package dev.troupe.engine.store;

/** How a delete treats the dependents of the deleted object (model.md §2.9). */
public enum Propagation {
  /** The owner goes first; the garbage collector then deletes its dependents. The default. */
  BACKGROUND,
  /**
   * The owner stays, with {@code deletionTimestamp} and the finalizer {@code foregroundDeletion},
   * until every dependent with {@code blockOwnerDeletion: true} is gone.
   */
  FOREGROUND,
  /** Dependents lose their ownerReference to the owner and stay. */
  ORPHAN
}
