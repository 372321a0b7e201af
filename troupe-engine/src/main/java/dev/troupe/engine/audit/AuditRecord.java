package dev.troupe.engine.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the append-only audit log (delivery.md §3.6, docs/audit.md): who did what, where,
 * when, with what outcome. Secret values never appear in a record.
 *
 * @param sequence the log position, assigned on append (0 for a record not yet appended)
 * @param time when it happened
 * @param actor who acted: a user or automation identity, or {@code system:troupe} for controllers
 * @param action e.g. {@code promotion.approved}, {@code binding.rollback}, {@code api.create}
 * @param organization the organization (namespace); empty for cluster-wide actions
 * @param project the project, or null
 * @param component the component, or null
 * @param environment the environment (for promotions: the target), or null
 * @param target the object acted on as {@code Kind/name}, or null
 * @param outcome {@code success}, {@code denied}, {@code invalid}, {@code conflict}, {@code
 *     failed}, or an action-specific outcome such as {@code Pending} or {@code Applied}
 * @param comment a human comment or message, or null
 * @param details action-specific fields (for promotions: sourceEnvironment, targetEnvironment,
 *     promotion, artifact{name,digest}, sourceRevision, targetRevision), or null
 */
public record AuditRecord(
    long sequence,
    Instant time,
    Actor actor,
    String action,
    String organization,
    String project,
    String component,
    String environment,
    String target,
    String outcome,
    String comment,
    ObjectNode details) {

  /** Who acted. {@code identityKind} is {@code User} or {@code Automation}. */
  public record Actor(String user, String identityKind) {
    public Actor {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(identityKind, "identityKind");
    }

    /** Troupe's own controllers. */
    public static Actor platform() {
      return new Actor("system:troupe", "Automation");
    }
  }

  public AuditRecord {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    organization = organization == null ? "" : organization;
    Objects.requireNonNull(outcome, "outcome");
  }

  /** This record at log position {@code seq}. */
  public AuditRecord withSequence(long seq) {
    return new AuditRecord(
        seq,
        time,
        actor,
        action,
        organization,
        project,
        component,
        environment,
        target,
        outcome,
        comment,
        details);
  }
}
