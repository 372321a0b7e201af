package dev.troupe.engine.controllers.delivery;

import dev.troupe.api.kinds.delivery.Promotion;
import dev.troupe.api.kinds.platform.DeploymentPipeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The approval gate of a promotion path and whether recorded decisions satisfy it (delivery.md
 * §3.4). Pure functions: who may write a decision is checked by the server (its permission check
 * and {@link dev.troupe.api.kinds.delivery.PromotionDecisions}); the controller counts only the
 * approvals that the rules allow, so a decision that slipped past the server still cannot open a
 * gate.
 */
final class PromotionGate {
  static final String APPROVE = "Approve";
  static final String REJECT = "Reject";
  static final String USER = "User";

  private PromotionGate() {}

  /** The gate of {@code source → target}, flags OR-ed over every matching edge; empty if none. */
  static Optional<Promotion.Gate> of(DeploymentPipeline pipeline, String source, String target) {
    boolean found = false;
    boolean requires = false;
    boolean manual = false;
    for (DeploymentPipeline.PromotionPath path : pipeline.pathsOrEmpty()) {
      if (source == null || !source.equals(path.sourceEnvironmentRef())) {
        continue;
      }
      for (DeploymentPipeline.Target t : path.targetsOrEmpty()) {
        if (target != null && target.equals(t.name())) {
          found = true;
          requires |= Boolean.TRUE.equals(t.requiresApproval());
          manual |= Boolean.TRUE.equals(t.isManualApprovalRequired());
        }
      }
    }
    return found ? Optional.of(gate(requires || manual, manual)) : Optional.empty();
  }

  static Promotion.Gate gate(boolean requiresApproval, boolean manual) {
    return new Promotion.Gate(requiresApproval, manual);
  }

  /** The stricter of two gates (a flag set in either is set). */
  static Promotion.Gate union(Promotion.Gate a, Promotion.Gate b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    boolean manual = a.manual() || b.manual();
    return gate(a.gated() || b.gated(), manual);
  }

  /** Whether {@code stricter} demands something {@code recorded} did not. */
  static boolean stricter(Promotion.Gate stricter, Promotion.Gate recorded) {
    Promotion.Gate r = recorded == null ? gate(false, false) : recorded;
    return (stricter.gated() && !r.gated()) || (stricter.manual() && !r.manual());
  }

  /** Approvals a gate needs: 0 without a gate, else at least one. */
  static int required(Promotion.Gate gate, Integer recorded) {
    if (gate == null || !gate.gated()) {
      return 0;
    }
    return Math.max(1, recorded == null ? 1 : recorded);
  }

  /**
   * The approval that satisfies {@code gate}: the decision at which the number of distinct eligible
   * approvers reaches {@code required}. Eligible: an {@code Approve} made before {@code deadline}
   * (null: no deadline) by someone other than the requester, of kind {@code User} under a manual
   * gate.
   */
  static Optional<Promotion.Decision> satisfying(
      List<Promotion.Decision> decisions,
      String requester,
      Promotion.Gate gate,
      int required,
      Instant deadline) {
    Set<String> approvers = new LinkedHashSet<>();
    for (Promotion.Decision d : decisions) {
      if (eligibleApproval(d, requester, gate, deadline)
          && approvers.add(d.user())
          && approvers.size() >= required) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** The first {@code Reject} made before {@code deadline}; rejecting is always allowed. */
  static Optional<Promotion.Decision> rejection(
      List<Promotion.Decision> decisions, Instant deadline) {
    return decisions.stream()
        .filter(d -> REJECT.equals(d.decision()) && beforeDeadline(d, deadline))
        .findFirst();
  }

  /** Why each recorded approval does not count, e.g. for a Pending promotion's message. */
  static List<String> ignoredApprovals(
      List<Promotion.Decision> decisions, String requester, Promotion.Gate gate) {
    List<String> out = new ArrayList<>();
    for (Promotion.Decision d : decisions) {
      if (!APPROVE.equals(d.decision())) {
        continue;
      }
      if (d.user() == null || d.user().isEmpty()) {
        out.add("an approval without a user");
      } else if (d.user().equals(requester)) {
        out.add("the approval by " + d.user() + " (the requester cannot approve)");
      } else if (gate.manual() && !USER.equals(d.identityKind())) {
        out.add("the approval by " + d.user() + " (manual approval required: not a User)");
      }
    }
    return out;
  }

  private static boolean eligibleApproval(
      Promotion.Decision d, String requester, Promotion.Gate gate, Instant deadline) {
    return APPROVE.equals(d.decision())
        && d.user() != null
        && !d.user().isEmpty()
        && !d.user().equals(requester)
        && (!gate.manual() || USER.equals(d.identityKind()))
        && beforeDeadline(d, deadline);
  }

  /** A decision without a readable time was accepted by the server, so it counts. */
  private static boolean beforeDeadline(Promotion.Decision d, Instant deadline) {
    Instant at = Trees.instant(d.time());
    return deadline == null || at == null || at.isBefore(deadline);
  }
}
