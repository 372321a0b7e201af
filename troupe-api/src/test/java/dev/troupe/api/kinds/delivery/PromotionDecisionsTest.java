package dev.troupe.api.kinds.delivery;

import static dev.troupe.api.kinds.delivery.DeliveryFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.Identity;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.kinds.delivery.PromotionDecisions.Accepted;
import dev.troupe.api.kinds.delivery.PromotionDecisions.Decision;
import dev.troupe.api.kinds.delivery.PromotionDecisions.Ignored;
import dev.troupe.api.kinds.delivery.PromotionDecisions.Outcome;
import dev.troupe.api.kinds.delivery.PromotionDecisions.Refused;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromotionDecisionsTest {
  static final Instant NOW = Instant.parse("2025-07-28T10:00:00Z");
  static final Identity ALICE = Identity.developer("alice@example.com");
  static final Identity BOB = new Identity("bob@example.com", Identity.Kind.User, false, Set.of());
  static final Identity CI =
      new Identity("system:serviceaccount:ci:deployer", Identity.Kind.Automation, false, Set.of());

  static Promotion promotion(String phase, boolean manual, String decisions) {
    return record(
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: Promotion
        metadata: {name: greeter-service-staging-to-production-7k2qd, namespace: default}
        spec:
          owner: {projectName: default, componentName: greeter-service}
          sourceEnvironment: staging
          targetEnvironment: production
          expiresAfter: 72h
          requestedBy: {user: alice@example.com, identityKind: User}
        status:
          phase: %s
          requestedAt: "2025-07-28T09:00:00Z"
          expiresAt: "2025-07-31T09:00:00Z"
          gate: {requiresApproval: true, manualOnly: %s}
          requiredApprovals: 1
          decisions: %s
        """
            .formatted(phase, manual, decisions),
        Promotion.class);
  }

  static Problem only(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Refused.class);
    assertThat(outcome.problems()).hasSize(1);
    return outcome.problems().get(0);
  }

  @Test
  void anEligibleApproverApproves() {
    assertThat(
            PromotionDecisions.check(
                promotion("Pending", false, "[]"), BOB, Decision.Approve, NOW, true))
        .isEqualTo(new Accepted(false));
  }

  @Test
  void row58_requesterApprovesOwnPromotion() {
    Problem p =
        only(
            PromotionDecisions.check(
                promotion("Pending", false, "[]"), ALICE, Decision.Approve, NOW, true));
    assertThat(p.rule()).isEqualTo(Rule.Forbidden);
    assertThat(p.message()).isEqualTo("the requester cannot approve their own promotion");
    assertThat(p.kind()).isEqualTo("Promotion");
    assertThat(p.name()).isEqualTo("greeter-service-staging-to-production-7k2qd");
  }

  @Test
  void row59_automationUnderAManualGate() {
    Problem p =
        only(
            PromotionDecisions.check(
                promotion("Pending", true, "[]"), CI, Decision.Approve, NOW, true));
    assertThat(p.rule()).isEqualTo(Rule.Forbidden);
    assertThat(p.message())
        .isEqualTo(
            "manual approval required: automation identities cannot approve promotions into"
                + " \"production\"");
  }

  @Test
  void automationMayApproveWithoutManualGateAndRejectUnderOne() {
    assertThat(
            PromotionDecisions.check(
                promotion("Pending", false, "[]"), CI, Decision.Approve, NOW, true))
        .isInstanceOf(Accepted.class);
    assertThat(
            PromotionDecisions.check(
                promotion("Pending", true, "[]"), CI, Decision.Reject, NOW, true))
        .isEqualTo(new Accepted(false));
  }

  @Test
  void decisionsOnlyWhilePending() {
    for (String phase : new String[] {"Approved", "Applied", "Rejected", "Expired", "Failed"}) {
      Problem p =
          only(
              PromotionDecisions.check(
                  promotion(phase, false, "[]"), BOB, Decision.Approve, NOW, true));
      assertThat(p.rule()).isEqualTo(Rule.Conflict);
      assertThat(p.message()).isEqualTo("promotion is not Pending");
    }
  }

  @Test
  void decisionsAfterExpiryAreRefused() {
    Problem p =
        only(
            PromotionDecisions.check(
                promotion("Pending", false, "[]"),
                BOB,
                Decision.Reject,
                Instant.parse("2025-07-31T09:00:00Z"),
                true));
    assertThat(p.rule()).isEqualTo(Rule.Conflict);
  }

  @Test
  void theRequesterMayWithdraw() {
    assertThat(
            PromotionDecisions.check(
                promotion("Pending", true, "[]"), ALICE, Decision.Reject, NOW, false))
        .isEqualTo(new Accepted(true));
  }

  @Test
  void deciderNeedsThePermission() {
    Problem approve =
        only(
            PromotionDecisions.check(
                promotion("Pending", false, "[]"), BOB, Decision.Approve, NOW, false));
    assertThat(approve.rule()).isEqualTo(Rule.Forbidden);
    assertThat(approve.message())
        .isEqualTo("missing the permission to approve promotions into \"production\"");
    assertThat(
            only(PromotionDecisions.check(
                    promotion("Pending", false, "[]"), BOB, Decision.Reject, NOW, false))
                .rule())
        .isEqualTo(Rule.Forbidden);
  }

  @Test
  void aSecondApprovalBySameIdentityIsIgnored() {
    String decisions =
        "[{user: bob@example.com, identityKind: User, decision: Approve, time:"
            + " \"2025-07-28T09:30:00Z\"}]";
    assertThat(
            PromotionDecisions.check(
                promotion("Pending", false, decisions), BOB, Decision.Approve, NOW, true))
        .isInstanceOf(Ignored.class);
  }

  @Test
  void expiryFallsBackToRequestTimeAndTtl() {
    Promotion p = promotion("Pending", false, "[]");
    Promotion noExpiresAt =
        new Promotion(
            p.apiVersion(),
            p.kind(),
            p.metadata(),
            p.spec(),
            new Promotion.Status(
                "Pending",
                "2025-07-28T09:00:00Z",
                null,
                p.status().gate(),
                1,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
    assertThat(PromotionDecisions.expiresAt(noExpiresAt))
        .isEqualTo(Instant.parse("2025-07-31T09:00:00Z"));
  }
}
