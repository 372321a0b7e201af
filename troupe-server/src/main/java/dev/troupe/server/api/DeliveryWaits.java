package dev.troupe.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.store.Store;
import dev.troupe.engine.store.StoreException;
import dev.troupe.engine.store.Subscription;
import dev.troupe.engine.store.WatchEvent;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Waits for a controller to move an object, on a store watch rather than by polling: the endpoints
 * that answer "once applied" (promote, rollback, a decision) block their request's virtual thread
 * here for a bounded time.
 */
final class DeliveryWaits {
  private DeliveryWaits() {}

  /**
   * The object once {@code done} holds for it, or its latest state when {@code timeout} passes
   * first (empty if it was deleted).
   */
  static Optional<ObjectNode> until(
      Store store,
      String kind,
      String namespace,
      String name,
      Predicate<ObjectNode> done,
      Duration timeout) {
    // The revision is taken before the read: every change after the read is replayed to the watch.
    long from = store.currentRevision();
    Optional<ObjectNode> now = store.find(kind, namespace, name);
    if (now.isEmpty() || done.test(now.get())) {
      return now;
    }
    CompletableFuture<ObjectNode> reached = new CompletableFuture<>();
    try (Subscription ignored =
        store.watch(
            kind,
            namespace,
            from,
            (WatchEvent e) -> {
              if (!name.equals(e.key().name())) {
                return;
              }
              if (e.type() == WatchEvent.Type.DELETED || done.test(e.object())) {
                reached.complete(e.type() == WatchEvent.Type.DELETED ? null : e.object());
              }
            },
            reached::completeExceptionally)) {
      ObjectNode r = reached.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return Optional.ofNullable(r);
    } catch (TimeoutException e) {
      return store.find(kind, namespace, name);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StoreException se) {
        throw se;
      }
      throw new IllegalStateException("waiting for " + kind + " " + name + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return store.find(kind, namespace, name);
    }
  }
}
