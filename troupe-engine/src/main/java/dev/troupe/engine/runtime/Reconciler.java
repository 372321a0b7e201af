package dev.troupe.engine.runtime;

import dev.troupe.engine.store.ObjectKey;

/**
 * Converges one object of a controller's primary kind to its desired state (delivery.md §1.1):
 * level-triggered, idempotent, writing only what differs. Never called for one key by two workers
 * at once.
 */
@FunctionalInterface
public interface Reconciler {
  Result reconcile(ObjectKey key) throws Exception;
}
