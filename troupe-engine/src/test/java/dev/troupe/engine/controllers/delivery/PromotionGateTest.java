package dev.troupe.engine.controllers.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.kinds.delivery.Promotion;
import dev.troupe.api.kinds.platform.DeploymentPipeline;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate of an edge and which decisions satisfy it (delivery.md §3.4). */
class PromotionGateTest {
  static final Promotion.Gate APPROVAL = PromotionGate.gate(true, false);
  static final Promotion.Gate MANUAL = PromotionGate.gate(true, true);

  static DeploymentPipeline pipeline(DeploymentPipeline.PromotionPath... paths) {
    return new DeploymentPipeline(
        "openchoreo.dev/v1alpha1",
        "DeploymentPipeline",
        null,
        new DeploymentPipeline.Spec(List.of(paths)),
        null);
  }

  static DeploymentPipeline.PromotionPath path(String source, DeploymentPipeline.Target... t) {
    return new DeploymentPipeline.PromotionPath(source, List.of(t));
  }

  static Promotion.Decision approve(String user, String kind) {
    return new Promotion.Decision(user, kind, "Approve", "2025-07-30T11:00:00Z", null);
  }

  @Test
  void flagsOfEveryMatchingEdgeAreOred() {
    DeploymentPipeline p =
        pipeline(
            path("staging", new DeploymentPipeline.Target("production", true, null)),
            path("staging", new DeploymentPipeline.Target("production", null, true)),
            path("development", new DeploymentPipeline.Target("staging", false, false)));
    assertThat(PromotionGate.of(p, "staging", "production")).contains(MANUAL);
    assertThat(PromotionGate.of(p, "development", "staging"))
        .contains(PromotionGate.gate(false, false));
    assertThat(PromotionGate.of(p, "development", "production")).isEmpty();
  }

  @Test
  void manualApprovalImpliesAnApproval() {
    DeploymentPipeline p =
        pipeline(path("development", new DeploymentPipeline.Target("production", null, true)));
    Promotion.Gate gate = PromotionGate.of(p, "development", "production").orElseThrow();
    assertThat(gate.gated()).isTrue();
    assertThat(gate.manual()).isTrue();
    assertThat(PromotionGate.required(gate, null)).isEqualTo(1);
    assertThat(PromotionGate.required(PromotionGate.gate(false, false), null)).isZero();
  }

  @Test
  void theRequesterNeverCounts() {
    var decisions = List.of(approve("alice", "User"));
    assertThat(PromotionGate.satisfying(decisions, "alice", APPROVAL, 1, null)).isEmpty();
    assertThat(PromotionGate.ignoredApprovals(decisions, "alice", APPROVAL))
        .containsExactly("the approval by alice (the requester cannot approve)");
  }

  @Test
  void automationCountsOnlyWithoutAManualGate() {
    var decisions = List.of(approve("ci-bot", "Automation"));
    assertThat(PromotionGate.satisfying(decisions, "alice", APPROVAL, 1, null)).isPresent();
    assertThat(PromotionGate.satisfying(decisions, "alice", MANUAL, 1, null)).isEmpty();
    var unknownKind = List.of(approve("someone", null));
    assertThat(PromotionGate.satisfying(unknownKind, "alice", MANUAL, 1, null)).isEmpty();
  }

  @Test
  void distinctApproversAreCountedAndTheSatisfyingOneIsReturned() {
    var decisions =
        List.of(approve("bob", "User"), approve("bob", "User"), approve("carol", "User"));
    assertThat(PromotionGate.satisfying(decisions, "alice", APPROVAL, 2, null))
        .hasValueSatisfying(d -> assertThat(d.user()).isEqualTo("carol"));
    assertThat(
            PromotionGate.satisfying(
                List.of(approve("bob", "User"), approve("bob", "User")),
                "alice",
                APPROVAL,
                2,
                null))
        .isEmpty();
  }

  @Test
  void decisionsAtOrAfterTheDeadlineDoNotCount() {
    var decisions = List.of(approve("bob", "User"));
    Instant at = Instant.parse("2025-07-30T11:00:00Z");
    assertThat(PromotionGate.satisfying(decisions, "alice", APPROVAL, 1, at)).isEmpty();
    assertThat(PromotionGate.satisfying(decisions, "alice", APPROVAL, 1, at.plusSeconds(1)))
        .isPresent();
    var reject = List.of(new Promotion.Decision("ci-bot", "Automation", "Reject", null, "red"));
    assertThat(PromotionGate.rejection(reject, at)).isPresent();
  }

  @Test
  void aStricterGateIsDetected() {
    Promotion.Gate none = PromotionGate.gate(false, false);
    assertThat(PromotionGate.stricter(APPROVAL, none)).isTrue();
    assertThat(PromotionGate.stricter(MANUAL, APPROVAL)).isTrue();
    assertThat(PromotionGate.stricter(APPROVAL, MANUAL)).isFalse();
    assertThat(PromotionGate.union(APPROVAL, MANUAL)).isEqualTo(MANUAL);
  }
}
