package dev.troupe.server.api;

import dev.troupe.engine.audit.AuditSink;
import dev.troupe.engine.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The delivery endpoints of delivery.md §9.1 (docs/api.md "Delivery endpoints"): promotions and
 * their decisions, a component's bindings with their revisions and rendered objects, rollback,
 * suspend/resume/undeploy and the component summary. Every decision about who may do what is made
 * in the scope of stored objects ({@link DeliveryLookup}); the Promotion, binding and Release
 * controllers of the engine do the work these endpoints request, and the endpoints that answer
 * "once applied" wait for them on store watches, each for a bounded time.
 */
final class DeliveryEndpoints {
  /** How long the endpoints wait for the controllers. */
  record Waits(Duration apply, Duration decision, Duration rollback) {
    static Waits defaults() {
      return new Waits(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }
  }

  final DeliveryPromotions promotions;
  final DeliveryDecisions decisions;
  final DeliveryBindings bindings;
  final DeliveryRollback rollback;

  /**
   * @param store the object store
   * @param gate admission of the writes made for the caller
   * @param audit receives {@code binding.rollback|suspend|resume|undeploy}
   * @param clock the time of decisions and audit records
   */
  DeliveryEndpoints(Store store, AdmissionGate gate, AuditSink audit, Clock clock) {
    this(store, gate, audit, clock, Waits.defaults());
  }

  DeliveryEndpoints(Store store, AdmissionGate gate, AuditSink audit, Clock clock, Waits waits) {
    Objects.requireNonNull(store, "store");
    DeliveryLookup lookup = new DeliveryLookup(store);
    DeliveryAudit records = new DeliveryAudit(Objects.requireNonNull(audit, "audit"), clock);
    this.promotions = new DeliveryPromotions(store, gate, lookup, waits.apply());
    this.decisions = new DeliveryDecisions(store, promotions, clock, waits.decision());
    this.bindings = new DeliveryBindings(store, gate, lookup, records);
    this.rollback = new DeliveryRollback(store, lookup, records, waits.rollback());
  }
}
