package dev.troupe.api.kinds.delivery;

import dev.troupe.api.admission.Identity;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.admission.Severity;
import dev.troupe.api.format.Formats;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Validation of the approve and reject actions on a Promotion (model.md §3.26.4, delivery.md §3.4).
 * Decisions are actions, not spec writes; this is the pure rule the server applies before recording
 * a decision in {@code status}.
 */
public final class PromotionDecisions {
  static final String NOT_PENDING = "promotion is not Pending";
  static final String OWN_APPROVAL = "the requester cannot approve their own promotion";

  /** The two decisions. */
  public enum Decision {
    Approve,
    Reject
  }

  /** The outcome of checking a decision. */
  public sealed interface Outcome permits Accepted, Ignored, Refused {
    /** The problems that refuse the decision; empty unless {@link Refused}. */
    default List<Problem> problems() {
      return List.of();
    }
  }

  /** The decision is valid: record it. {@code withdrawal} for a rejection by the requester. */
  public record Accepted(boolean withdrawal) implements Outcome {}

  /** A second approval by the same identity: nothing changes. */
  public record Ignored() implements Outcome {}

  /** The decision is refused with these problems (first one decides the REST code). */
  public record Refused(List<Problem> problems) implements Outcome {
    public Refused {
      problems = List.copyOf(problems);
    }
  }

  private PromotionDecisions() {}

  /**
   * Checks {@code decision} by {@code who} on {@code promotion} at {@code now}.
   *
   * @param holdsApprovePermission whether {@code who} holds the approve permission on the target
   *     environment (decided by the access-control layer)
   */
  public static Outcome check(
      Promotion promotion,
      Identity who,
      Decision decision,
      Instant now,
      boolean holdsApprovePermission) {
    List<Problem> problems = new ArrayList<>();
    if (promotion.phase() != Promotion.Phase.Pending || expired(promotion, now)) {
      problems.add(problem(promotion, Rule.Conflict, NOT_PENDING, null));
    }
    boolean requester = isRequester(promotion, who);
    Promotion.Gate gate =
        promotion.status() == null || promotion.status().gate() == null
            ? new Promotion.Gate(false, false)
            : promotion.status().gate();
    if (decision == Decision.Approve) {
      if (requester) {
        problems.add(problem(promotion, Rule.Forbidden, OWN_APPROVAL, null));
      }
      if (gate.manual() && who.kind() == Identity.Kind.Automation) {
        problems.add(
            problem(
                promotion,
                Rule.Forbidden,
                "manual approval required: automation identities cannot approve promotions into \""
                    + promotion.spec().targetEnvironment()
                    + "\"",
                "a person holding the approve permission must approve"));
      }
      if (!holdsApprovePermission && !requester) {
        problems.add(missingPermission(promotion, "approve"));
      }
    } else if (!requester && !holdsApprovePermission) {
      problems.add(missingPermission(promotion, "reject"));
    }
    if (!problems.isEmpty()) {
      return new Refused(problems);
    }
    if (decision == Decision.Approve && alreadyApproved(promotion, who)) {
      return new Ignored();
    }
    return new Accepted(decision == Decision.Reject && requester);
  }

  /** Whether {@code now} is at or after the Promotion's expiry. */
  static boolean expired(Promotion promotion, Instant now) {
    Instant at = expiresAt(promotion);
    return at != null && !now.isBefore(at);
  }

  /** {@code status.expiresAt}, else creation time + {@code expiresAfter}; null if unknown. */
  static Instant expiresAt(Promotion promotion) {
    try {
      if (promotion.status() != null && promotion.status().expiresAt() != null) {
        return Instant.parse(promotion.status().expiresAt());
      }
      String created =
          promotion.status() != null && promotion.status().requestedAt() != null
              ? promotion.status().requestedAt()
              : promotion.metadata().creationTimestamp();
      if (created == null) {
        return null;
      }
      String ttl =
          Objects.requireNonNullElse(
              promotion.spec().expiresAfter(), Promotion.DEFAULT_EXPIRES_AFTER);
      return Instant.parse(created).plus(Formats.parseDuration(ttl));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean isRequester(Promotion promotion, Identity who) {
    Promotion.RequestedBy by = promotion.spec().requestedBy();
    return by != null && by.user() != null && by.user().equals(who.user());
  }

  private static boolean alreadyApproved(Promotion promotion, Identity who) {
    if (promotion.status() == null) {
      return false;
    }
    return promotion.status().decisionsOrEmpty().stream()
        .anyMatch(d -> who.user().equals(d.user()) && "Approve".equals(d.decision()));
  }

  private static Problem missingPermission(Promotion promotion, String action) {
    return problem(
        promotion,
        Rule.Forbidden,
        "missing the permission to "
            + action
            + " promotions into \""
            + promotion.spec().targetEnvironment()
            + "\"",
        null);
  }

  private static Problem problem(Promotion p, Rule rule, String message, String hint) {
    return new Problem(
        Severity.ERROR,
        rule,
        "Promotion",
        p.apiVersion(),
        p.namespace(),
        p.name(),
        null,
        "",
        message,
        hint,
        List.of());
  }
}
