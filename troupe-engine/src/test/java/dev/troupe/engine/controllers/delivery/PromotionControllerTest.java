package dev.troupe.engine.controllers.delivery;

import static dev.troupe.engine.controllers.delivery.DeliveryFixture.ALICE;
import static dev.troupe.engine.controllers.delivery.DeliveryFixture.BOB;
import static dev.troupe.engine.controllers.delivery.DeliveryFixture.CI_BOT;
import static dev.troupe.engine.controllers.delivery.DeliveryFixture.NS;
import static dev.troupe.engine.controllers.delivery.DeliveryFixture.PLATFORM;
import static dev.troupe.engine.controllers.delivery.DeliveryFixture.ready;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.kinds.delivery.Promotion;
import dev.troupe.api.kinds.delivery.PromotionDecisions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Promotion controller on the full delivery chain (delivery.md §3.3–§3.6): claim → first
 * binding → Release (embedded gitops) → Promotion → target binding → its recorded revision.
 */
class PromotionControllerTest {
  static final String TO_STAGING = "greeter-development-to-staging-a1b2c";
  static final String TO_PRODUCTION = "greeter-staging-to-production-d3e4f";

  @TempDir Path dir;
  DeliveryFixture f;

  @AfterEach
  void stop() {
    if (f != null) {
      f.close();
    }
  }

  private DeliveryFixture started() {
    f = new DeliveryFixture(dir).start(true);
    return f;
  }

  /** Promotes development → staging and waits until staging runs it Ready. */
  private ObjectNode toStaging(String name) {
    f.promote(ALICE, name, "development", "staging", "");
    ObjectNode p = f.awaitPhase(name, "Applied");
    f.awaitReady("greeter-staging");
    return p;
  }

  /** Requests staging → production as alice; the promotion waits for an approval. */
  private ObjectNode requestProduction(String name) {
    f.promote(ALICE, name, "staging", "production", "  reason: release 1.0\n");
    f.awaitIdle();
    assertThat(f.phase(name)).isEqualTo("Pending");
    return f.promotion(name);
  }

  /** A new image in the Workload reaches development (a new artifact), Ready. */
  private String newImage(String tag) {
    f.edit(
        ALICE,
        "Workload",
        "greeter",
        w ->
            ((ObjectNode) w.path("spec").path("containers").path("main"))
                .put("image", "ghcr.io/example/greeter:" + tag));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                f.binding("greeter")
                    .path("spec")
                    .path("workloadSpec")
                    .toString()
                    .contains("greeter:" + tag));
    f.awaitReady("greeter");
    return f.binding("greeter").path("spec").path("deployableArtifactRef").asText();
  }

  @Test
  void developmentToStagingAppliesAtOnce() {
    started();
    ObjectNode dev = f.binding("greeter");
    String artifact = dev.path("spec").path("deployableArtifactRef").asText();
    ObjectNode a = f.store.get("DeployableArtifact", NS, artifact);

    ObjectNode p = toStaging(TO_STAGING);

    JsonNode s = p.path("status");
    assertThat(s.path("gate").path("requiresApproval").asBoolean()).isFalse();
    assertThat(s.path("requiredApprovals").asInt()).isZero();
    assertThat(s.path("artifact").path("name").asText()).isEqualTo(artifact);
    assertThat(s.path("artifact").path("digest").asText())
        .isEqualTo(a.path("spec").path("digest").asText());
    assertThat(s.path("artifact").path("images").path("main").asText())
        .isEqualTo("ghcr.io/example/greeter:1.0.0");
    assertThat(s.path("source").path("className").asText()).isEqualTo("default");
    assertThat(s.path("targetBinding").path("kind").asText()).isEqualTo("ServiceBinding");
    assertThat(s.path("targetBinding").path("name").asText()).isEqualTo("greeter-staging");
    assertThat(s.path("targetRevision").asLong()).isEqualTo(1);
    Instant requested = Instant.parse(s.path("requestedAt").asText());
    assertThat(Instant.parse(s.path("expiresAt").asText()))
        .isEqualTo(requested.plus(Duration.ofHours(72)));
    assertThat(s.path("approvedAt").isTextual()).isTrue();
    assertThat(s.path("appliedAt").isTextual()).isTrue();
    assertThat(ready(p).path("status").asText()).isEqualTo("True");
    assertThat(ready(p).path("reason").asText()).isEqualTo("Applied");

    ObjectNode staging = f.binding("greeter-staging");
    JsonNode spec = staging.path("spec");
    assertThat(spec.path("environment").asText()).isEqualTo("staging");
    assertThat(spec.path("deployableArtifactRef").asText()).isEqualTo(artifact);
    assertThat(spec.path("workloadSpec")).isEqualTo(a.path("spec").path("workload"));
    assertThat(spec.path("className").asText()).isEqualTo("default");
    assertThat(spec.path("releaseState").asText()).isEqualTo("Active");
    JsonNode labels = staging.path("metadata").path("labels");
    assertThat(labels.path("openchoreo.dev/environment").asText()).isEqualTo("staging");
    assertThat(labels.path("openchoreo.dev/component").asText()).isEqualTo("greeter");
    assertThat(labels.path("team").asText()).as("claim labels").isEqualTo("greeters");
    JsonNode owner = staging.path("metadata").path("ownerReferences").get(0);
    assertThat(owner.path("kind").asText()).isEqualTo("Service");
    assertThat(owner.path("name").asText()).isEqualTo("greeter");
    assertThat(owner.path("uid").asText())
        .isEqualTo(f.store.get("Service", NS, "greeter").path("metadata").path("uid").asText());
    assertThat(owner.path("controller").asBoolean()).isTrue();

    JsonNode revision = staging.path("status").path("history").get(0);
    assertThat(staging.path("status").path("currentRevision").asLong()).isEqualTo(1);
    assertThat(revision.path("reason").asText()).isEqualTo("Promotion");
    assertThat(revision.path("cause").path("promotion").asText()).isEqualTo(TO_STAGING);
    assertThat(revision.path("by").asText()).isEqualTo("alice@example.com");
    assertThat(revision.path("deployableArtifact").asText()).isEqualTo(artifact);
    assertThat(f.store.get("Release", NS, "greeter-staging").path("spec").toString())
        .contains("ghcr.io/example/greeter:1.0.0");

    assertThat(f.events(TO_STAGING))
        .containsExactly("PromotionRequested", "PromotionApproved", "PromotionApplied");
  }

  @Test
  void productionWaitsForAnApproverOtherThanTheRequesterAndKeepsItsSettings() {
    started();
    toStaging(TO_STAGING);
    ObjectNode p = requestProduction(TO_PRODUCTION);
    JsonNode s = p.path("status");
    assertThat(s.path("gate").path("requiresApproval").asBoolean()).isTrue();
    assertThat(s.path("gate").path("manualOnly").asBoolean()).isFalse();
    assertThat(s.path("requiredApprovals").asInt()).isEqualTo(1);
    assertThat(s.path("targetBinding").path("name").asText()).isEqualTo("greeter-production");
    assertThat(ready(p).path("reason").asText()).isEqualTo("AwaitingApproval");
    assertThat(f.store.find("ServiceBinding", NS, "greeter-production")).isEmpty();

    // The server refuses the requester's own approval; even if recorded, it does not count.
    Promotion typed = Codec.bind(p, Promotion.class);
    assertThat(
            PromotionDecisions.check(
                typed, ALICE, PromotionDecisions.Decision.Approve, Instant.now(), true))
        .isInstanceOf(PromotionDecisions.Refused.class);
    f.decide(TO_PRODUCTION, ALICE, "Approve", "self-approval");
    f.awaitIdle();
    assertThat(f.phase(TO_PRODUCTION)).isEqualTo("Pending");
    assertThat(ready(f.promotion(TO_PRODUCTION)).path("message").asText())
        .contains("not counted")
        .contains("alice@example.com (the requester cannot approve)");
    assertThat(f.store.find("ServiceBinding", NS, "greeter-production")).isEmpty();

    assertThat(
            PromotionDecisions.check(
                typed, BOB, PromotionDecisions.Decision.Approve, Instant.now(), true))
        .isInstanceOf(PromotionDecisions.Accepted.class);
    f.decide(TO_PRODUCTION, BOB, "Approve", "LGTM");
    p = f.awaitPhase(TO_PRODUCTION, "Applied");
    String first = p.path("status").path("artifact").path("name").asText();
    ObjectNode production = f.binding("greeter-production");
    assertThat(production.path("spec").path("deployableArtifactRef").asText()).isEqualTo(first);
    JsonNode entry = production.path("status").path("history").get(0);
    assertThat(entry.path("reason").asText()).isEqualTo("Promotion");
    assertThat(entry.path("by").asText()).as("the approver").isEqualTo("bob@example.com");
    assertThat(p.path("status").path("targetRevision").asLong()).isEqualTo(1);
    assertThat(f.events(TO_PRODUCTION))
        .containsExactly("PromotionRequested", "PromotionApproved", "PromotionApplied");
    f.awaitReady("greeter-production");

    // Environment-specific settings of production, then a second release through the pipeline.
    f.edit(
        PLATFORM,
        "ServiceBinding",
        "greeter-production",
        b -> {
          // Admission refuses a Promotion change cause from anyone but the platform, even
          // unchanged.
          ((ObjectNode) b.path("metadata").path("annotations"))
              .remove("openchoreo.dev/change-cause");
          ((ObjectNode) b.path("spec"))
              .put("releaseState", "Suspend")
              .put("revisionHistoryLimit", 5);
        });
    String second = newImage("1.1.0");
    assertThat(second).isNotEqualTo(first);
    toStaging("greeter-development-to-staging-g5h6i");
    requestProduction("greeter-staging-to-production-j7k8l");
    f.decide("greeter-staging-to-production-j7k8l", BOB, "Approve", null);
    p = f.awaitPhase("greeter-staging-to-production-j7k8l", "Applied");

    production = f.binding("greeter-production");
    assertThat(production.path("spec").path("deployableArtifactRef").asText()).isEqualTo(second);
    assertThat(production.path("spec").path("workloadSpec").toString())
        .contains("ghcr.io/example/greeter:1.1.0");
    assertThat(production.path("spec").path("releaseState").asText()).isEqualTo("Suspend");
    assertThat(production.path("spec").path("revisionHistoryLimit").asInt()).isEqualTo(5);
    assertThat(p.path("status").path("targetRevision").asLong()).isEqualTo(2);
    assertThat(production.path("status").path("currentRevision").asLong()).isEqualTo(2);
    assertThat(
            production
                .path("status")
                .path("history")
                .get(1)
                .path("cause")
                .path("promotion")
                .asText())
        .isEqualTo("greeter-staging-to-production-j7k8l");
    // The first promotion is terminal and kept as it was.
    assertThat(f.phase(TO_PRODUCTION)).isEqualTo("Applied");
  }

  @Test
  void automationCannotApproveAManualGate() {
    started();
    toStaging(TO_STAGING);
    requestProduction(TO_PRODUCTION);
    f.edit(
        PLATFORM,
        "DeploymentPipeline",
        "default",
        pl ->
            ((ObjectNode)
                    pl.path("spec")
                        .path("promotionPaths")
                        .get(1)
                        .path("targetEnvironmentRefs")
                        .get(0))
                .put("isManualApprovalRequired", true));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                f.promotion(TO_PRODUCTION)
                    .path("status")
                    .path("gate")
                    .path("manualOnly")
                    .asBoolean());

    Promotion typed = Codec.bind(f.promotion(TO_PRODUCTION), Promotion.class);
    assertThat(
            PromotionDecisions.check(
                typed, CI_BOT, PromotionDecisions.Decision.Approve, Instant.now(), true))
        .isInstanceOf(PromotionDecisions.Refused.class);
    f.decide(TO_PRODUCTION, CI_BOT, "Approve", "tests passed");
    f.awaitIdle();
    assertThat(f.phase(TO_PRODUCTION)).isEqualTo("Pending");
    assertThat(ready(f.promotion(TO_PRODUCTION)).path("message").asText())
        .contains("ci-bot (manual approval required: not a User)");
    assertThat(f.store.find("ServiceBinding", NS, "greeter-production")).isEmpty();

    f.decide(TO_PRODUCTION, BOB, "Approve", null);
    f.awaitPhase(TO_PRODUCTION, "Applied");
    assertThat(f.binding("greeter-production").path("spec").path("deployableArtifactRef").asText())
        .isEqualTo(
            f.binding("greeter-staging").path("spec").path("deployableArtifactRef").asText());
  }

  @Test
  void rejectionLeavesTheTargetBindingUntouched() {
    started();
    toStaging(TO_STAGING);
    requestProduction(TO_PRODUCTION);
    f.decide(TO_PRODUCTION, BOB, "Approve", null);
    f.awaitPhase(TO_PRODUCTION, "Applied");
    f.awaitIdle();
    ObjectNode before = f.binding("greeter-production");

    newImage("2.0.0");
    toStaging("greeter-development-to-staging-m9n0p");
    String rejected = "greeter-staging-to-production-q1r2s";
    requestProduction(rejected);
    f.decide(rejected, BOB, "Reject", "not during the freeze");
    ObjectNode p = f.awaitPhase(rejected, "Rejected");
    f.awaitIdle();

    assertThat(ready(p).path("reason").asText()).isEqualTo("Rejected");
    assertThat(ready(p).path("message").asText())
        .isEqualTo("rejected by bob@example.com: not during the freeze");
    assertThat(p.path("status").has("appliedAt")).isFalse();
    ObjectNode after = f.binding("greeter-production");
    assertThat(after.path("spec")).isEqualTo(before.path("spec"));
    assertThat(after.path("metadata").path("generation"))
        .isEqualTo(before.path("metadata").path("generation"));
    assertThat(f.events(rejected)).containsExactly("PromotionRequested", "PromotionRejected");

    // Terminal: a later approval changes nothing.
    f.decide(rejected, BOB, "Approve", null);
    f.awaitIdle();
    assertThat(f.phase(rejected)).isEqualTo("Rejected");
  }

  @Test
  void withdrawalByTheRequesterRejects() {
    started();
    toStaging(TO_STAGING);
    requestProduction(TO_PRODUCTION);
    f.decide(TO_PRODUCTION, ALICE, "Reject", "wrong build");
    ObjectNode p = f.awaitPhase(TO_PRODUCTION, "Rejected");
    assertThat(ready(p).path("reason").asText()).isEqualTo("Withdrawn");
    assertThat(f.events(TO_PRODUCTION)).contains("PromotionWithdrawn");
  }

  @Test
  void pendingPromotionExpires() {
    started();
    toStaging(TO_STAGING);
    f.promote(ALICE, TO_PRODUCTION, "staging", "production", "  expiresAfter: 3s\n");
    ObjectNode p = f.awaitPhase(TO_PRODUCTION, "Pending");
    Instant requested = Instant.parse(p.path("status").path("requestedAt").asText());
    assertThat(Instant.parse(p.path("status").path("expiresAt").asText()))
        .isEqualTo(requested.plusSeconds(3));

    p = f.awaitPhase(TO_PRODUCTION, "Expired");
    assertThat(ready(p).path("reason").asText()).isEqualTo("Expired");
    assertThat(f.events(TO_PRODUCTION)).containsExactly("PromotionRequested", "PromotionExpired");
    f.decide(TO_PRODUCTION, BOB, "Approve", null);
    f.awaitIdle();
    assertThat(f.phase(TO_PRODUCTION)).isEqualTo("Expired");
    assertThat(f.store.find("ServiceBinding", NS, "greeter-production")).isEmpty();
  }

  @Test
  void removingThePathRejectsAPendingPromotion() {
    started();
    toStaging(TO_STAGING);
    requestProduction(TO_PRODUCTION);
    f.edit(
        PLATFORM,
        "DeploymentPipeline",
        "default",
        pl ->
            ((com.fasterxml.jackson.databind.node.ArrayNode) pl.path("spec").path("promotionPaths"))
                .remove(1));
    ObjectNode p = f.awaitPhase(TO_PRODUCTION, "Rejected");
    assertThat(ready(p).path("reason").asText()).isEqualTo("PathRemoved");
    assertThat(ready(p).path("message").asText())
        .contains("no promotion path from \"staging\" to \"production\"")
        .contains("allowed targets from \"staging\": none");
    assertThat(p.path("status").has("decisions")).isFalse();
  }

  @Test
  void aPathNotInThePipelineIsRefusedAtAdmissionAndRejectedByTheController() {
    started();
    String promotion =
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: Promotion
        metadata: {name: greeter-development-to-production-t3u4v, namespace: default}
        spec:
          owner: {projectName: default, componentName: greeter}
          sourceEnvironment: development
          targetEnvironment: production
        """;
    AdmissionResult refused = f.admission(ALICE, promotion);
    assertThat(refused.errors())
        .anySatisfy(
            e -> {
              assertThat(e.rule()).isEqualTo(Rule.InvalidPromotionPath);
              assertThat(e.message()).contains("allowed targets from \"development\": staging");
            });

    // Written past admission (e.g. restored from a backup): the controller rejects it.
    ObjectNode tree =
        (ObjectNode)
            Codec.JSON.valueToTree(
                dev.troupe.api.codec.DocumentReader.readYaml("p.yaml", promotion).get(0).tree());
    ObjectNode spec = (ObjectNode) tree.path("spec");
    ObjectNode dev = f.binding("greeter");
    spec.put("sourceRevision", dev.path("status").path("currentRevision").asLong());
    spec.put("deployableArtifactRef", dev.path("spec").path("deployableArtifactRef").asText());
    spec.putObject("requestedBy").put("user", "alice@example.com").put("identityKind", "User");
    f.store.create(tree);
    ObjectNode p = f.awaitPhase("greeter-development-to-production-t3u4v", "Rejected");
    assertThat(ready(p).path("reason").asText()).isEqualTo("PathRemoved");
    assertThat(ready(p).path("message").asText())
        .contains("allowed targets from \"development\": staging");
    assertThat(f.store.find("ServiceBinding", NS, "greeter-production")).isEmpty();
  }

  @Test
  void anApprovedPromotionFailsWhenItsGateBecameStricter() {
    f = new DeliveryFixture(dir).start(false);
    f.promote(ALICE, TO_STAGING, "development", "staging", "");
    f.awaitIdle(); // the Ownership controller has added the Component reference
    // Approved before the controller stopped: no gate then.
    ObjectNode p = f.promotion(TO_STAGING);
    ObjectNode status = p.putObject("status");
    status.put("phase", "Approved");
    status.put("requestedAt", Instant.now().toString());
    status.putObject("gate").put("requiresApproval", false).put("manualOnly", false);
    status.put("requiredApprovals", 0);
    f.store.updateStatus(p);
    f.edit(
        PLATFORM,
        "DeploymentPipeline",
        "default",
        pl ->
            ((ObjectNode)
                    pl.path("spec")
                        .path("promotionPaths")
                        .get(0)
                        .path("targetEnvironmentRefs")
                        .get(0))
                .put("requiresApproval", true));

    f.startPromotions();
    p = f.awaitPhase(TO_STAGING, "Failed");
    assertThat(ready(p).path("reason").asText()).isEqualTo("GateChanged");
    assertThat(ready(p).path("message").asText())
        .contains("development → staging now requires an approval");
    assertThat(f.store.find("ServiceBinding", NS, "greeter-staging")).isEmpty();
    assertThat(f.events(TO_STAGING)).containsExactly("PromotionFailed");
  }
}
