package dev.troupe.engine.controllers.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.delivery.Promotion;
import dev.troupe.engine.runtime.EventRecorder;

/**
 * The records of delivery.md §3.6, one per state change of a Promotion, as Events on the Promotion
 * (reasons {@code PromotionRequested}, {@code PromotionApproved}, {@code PromotionRejected}, {@code
 * PromotionWithdrawn}, {@code PromotionExpired}, {@code PromotionApplied}, {@code
 * PromotionFailed}). Each message carries the record's fields that are known (actor, component,
 * path, artifact and digest, revisions, comment).
 *
 * <p>Events are not the audit log §3.6 asks for: they are deleted with the Promotion through their
 * owner reference, de-duplicated by reason and message, and best effort. The append-only log of the
 * access-control part should receive the same records from here once it exists.
 */
final class PromotionAudit {
  static final String REQUESTED = "PromotionRequested";
  static final String APPROVED = "PromotionApproved";
  static final String REJECTED = "PromotionRejected";
  static final String WITHDRAWN = "PromotionWithdrawn";
  static final String EXPIRED = "PromotionExpired";
  static final String APPLIED = "PromotionApplied";
  static final String FAILED = "PromotionFailed";

  private final EventRecorder events;

  PromotionAudit(EventRecorder events) {
    this.events = events;
  }

  void requested(ObjectNode tree, Promotion p) {
    Promotion.RequestedBy by = p.spec().requestedBy();
    events.normal(
        tree,
        REQUESTED,
        "requested by "
            + actor(by == null ? null : by.user(), by == null ? null : by.identityKind())
            + ": "
            + subject(p)
            + (p.spec().reason() == null ? "" : "; reason: " + p.spec().reason()));
  }

  void approved(ObjectNode tree, Promotion p, Promotion.Decision decision) {
    String who =
        decision == null
            ? "automatically (no approval required)"
            : "by " + actor(decision.user(), decision.identityKind()) + comment(decision);
    events.normal(tree, APPROVED, "approved " + who + ": " + subject(p));
  }

  void rejected(ObjectNode tree, Promotion p, Promotion.Decision decision, boolean withdrawn) {
    events.normal(
        tree,
        withdrawn ? WITHDRAWN : REJECTED,
        (withdrawn ? "withdrawn by " : "rejected by ")
            + actor(decision.user(), decision.identityKind())
            + comment(decision)
            + ": "
            + subject(p));
  }

  /** A platform withdrawal (the path, Environment or Component is gone): no decision. */
  void withdrawnByPlatform(ObjectNode tree, Promotion p, String reason, String message) {
    events.warning(tree, REJECTED, "rejected by the platform (" + reason + "): " + message);
  }

  void expired(ObjectNode tree, Promotion p, String expiresAt) {
    events.normal(tree, EXPIRED, "expired at " + expiresAt + " while Pending: " + subject(p));
  }

  void applied(ObjectNode tree, Promotion p, String binding, Long revision, String note) {
    events.normal(
        tree,
        APPLIED,
        "applied to "
            + binding
            + (revision == null ? "" : " at revision " + revision)
            + (note == null ? "" : " (" + note + ")")
            + ": "
            + subject(p));
  }

  void failed(ObjectNode tree, Promotion p, String reason, String message) {
    events.warning(tree, FAILED, "failed (" + reason + "): " + message);
  }

  private static String subject(Promotion p) {
    Promotion.Spec s = p.spec();
    StringBuilder b =
        new StringBuilder("component ")
            .append(s.owner().componentName())
            .append(" of project ")
            .append(s.owner().projectName())
            .append(", ")
            .append(s.sourceEnvironment())
            .append(" → ")
            .append(s.targetEnvironment());
    Promotion.ArtifactSummary a = p.status() == null ? null : p.status().artifact();
    String artifact = a != null && a.name() != null ? a.name() : s.deployableArtifactRef();
    if (artifact != null) {
      b.append(", artifact ").append(artifact);
      if (a != null && a.digest() != null) {
        b.append(" (").append(a.digest()).append(')');
      }
    }
    if (s.sourceRevision() != null) {
      b.append(", source revision ").append(s.sourceRevision());
    }
    return b.toString();
  }

  private static String actor(String user, String kind) {
    return (user == null ? "unknown" : user) + (kind == null ? "" : " (" + kind + ")");
  }

  private static String comment(Promotion.Decision d) {
    return d.comment() == null || d.comment().isBlank()
        ? ""
        : " with comment \"" + d.comment() + "\"";
  }
}
