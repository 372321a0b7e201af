package dev.troupe.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.audit.AuditRecord;
import dev.troupe.engine.audit.AuditSink;
import dev.troupe.server.auth.Principal;
import java.time.Clock;

/**
 * The audit records of the binding verbs (delivery.md §3.6, §5): {@code binding.rollback}, {@code
 * binding.suspend}, {@code binding.resume}, {@code binding.undeploy}, one per change that was
 * written, with the caller as actor and the stored binding's organization, project, component and
 * environment.
 */
final class DeliveryAudit {
  private final AuditSink sink;
  private final Clock clock;

  DeliveryAudit(AuditSink sink, Clock clock) {
    this.sink = sink;
    this.clock = clock;
  }

  /**
   * Appends {@code binding.<verb>} for a change of {@code binding}.
   *
   * @param comment the caller's reason, or null
   * @param details what changed (revisions, states)
   */
  void binding(
      Principal p,
      String verb,
      DeliveryLookup.StoredComponent c,
      ObjectNode binding,
      String comment,
      ObjectNode details) {
    sink.append(
        new AuditRecord(
            0,
            clock.instant(),
            new AuditRecord.Actor(p.name(), identityKind(p)),
            "binding." + verb,
            c.org(),
            c.project(),
            c.name(),
            DeliveryLookup.environment(binding),
            binding.path("kind").asText() + "/" + DeliveryLookup.name(binding),
            "success",
            comment,
            details));
  }

  static String identityKind(Principal p) {
    return p.kind() == Principal.Kind.AUTOMATION ? "Automation" : "User";
  }
}
