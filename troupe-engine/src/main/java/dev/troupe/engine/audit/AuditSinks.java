package dev.troupe.engine.audit;

import dev.troupe.engine.store.Store;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

/**
 * The audit sink of the controllers working on a store, for the few places that record audit events
 * but are handed only their controller context (the bounded finalizers' {@code cleanup.orphaned},
 * see {@link CleanupAudit}). The {@link dev.troupe.engine.platform.Engine} registers its log for
 * its store when it opens and removes it when it closes; a store without a registration (tests that
 * wire controllers by hand) audits into {@link AuditSink#none()}.
 *
 * <p>A registry rather than a field of the controller context: the context is shared by every
 * controller group, and only this one event of the platform controllers needs the log. Keys are
 * held weakly, so a forgotten store does not stay reachable.
 */
public final class AuditSinks {
  private static final Map<Store, AuditSink> SINKS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private AuditSinks() {}

  /** Makes {@code sink} the audit sink of {@code store}'s controllers. */
  public static void register(Store store, AuditSink sink) {
    SINKS.put(Objects.requireNonNull(store, "store"), Objects.requireNonNull(sink, "sink"));
  }

  /** Removes the registration of {@code store}. */
  public static void unregister(Store store) {
    SINKS.remove(store);
  }

  /** The sink registered for {@code store}, else one that keeps nothing. */
  public static AuditSink of(Store store) {
    AuditSink sink = SINKS.get(store);
    return sink == null ? AuditSink.none() : sink;
  }
}
