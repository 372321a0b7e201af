package dev.troupe.engine.store;

import java.util.Optional;

/** A running watch. Closing it stops delivery; a watch that fell too far behind ends with Gone. */
public interface Subscription extends AutoCloseable {

  /** The revision of the last event examined (delivered or filtered out). */
  long lastRevision();

  /** Whether the watch has ended (closed, store closed, or failed). */
  boolean isClosed();

  /** Why the watch ended on its own, if it did. */
  Optional<StoreException> failure();

  /**
   * Stops the watch. An event being delivered at that moment completes; no further event follows.
   */
  @Override
  void close();
}
