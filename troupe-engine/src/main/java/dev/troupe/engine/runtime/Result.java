package dev.troupe.engine.runtime;

import java.time.Duration;

/**
 * What a reconcile asks of the runtime. Errors are not results: a reconcile that throws is retried
 * (a {@link dev.troupe.engine.store.StoreException.Conflict} at once, anything else with
 * exponential back-off); permanent errors are conditions the reconciler writes itself before
 * returning {@link #done()}.
 */
public sealed interface Result {

  /** Converged; nothing more until a watched change. */
  record Done() implements Result {}

  /** Converged for now; reconcile again after {@code delay} (timers such as drift passes). */
  record RequeueAfter(Duration delay) implements Result {}

  static Result done() {
    return new Done();
  }

  static Result after(Duration delay) {
    return new RequeueAfter(delay);
  }
}
