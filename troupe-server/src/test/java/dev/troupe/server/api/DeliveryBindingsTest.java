package dev.troupe.server.api;

import static dev.troupe.server.api.DeliveryTestPlatform.ALICE;
import static dev.troupe.server.api.DeliveryTestPlatform.BOB;
import static dev.troupe.server.api.DeliveryTestPlatform.CI_BOT;
import static dev.troupe.server.api.DeliveryTestPlatform.ORG;
import static dev.troupe.server.api.DeliveryTestPlatform.PAT;
import static dev.troupe.server.api.DeliveryTestPlatform.SHOP;
import static dev.troupe.server.api.DeliveryTestPlatform.VAULT;
import static dev.troupe.server.api.DeliveryTestPlatform.VIEWER;
import static dev.troupe.server.api.DeliveryTestPlatform.c;
import static dev.troupe.server.api.DeliveryTestPlatform.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.engine.audit.AuditQuery;
import dev.troupe.engine.audit.AuditRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A component's bindings through the REST API against the real engine: views, revisions, rendered
 * objects now and at a revision, rollback (its codes, gated environments), the release-state verbs
 * and the component summary.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryBindingsTest {
  private DeliveryTestPlatform platform;

  @BeforeAll
  void start(@TempDir Path dir) {
    platform = DeliveryTestPlatform.start(dir);
  }

  @AfterAll
  void stop() {
    platform.close();
  }

  @Test
  void bindingViewsCarryDisplayStatusRevisionArtifactImagesAndEndpoints() {
    platform.service(SHOP, "viewed", "1.0.0");
    JsonNode list = platform.get(VIEWER, c(SHOP, "viewed") + "/bindings").expect(200);
    assertThat(list.path("items")).hasSize(1);
    JsonNode v = list.path("items").get(0);
    assertThat(v.path("name").asText()).isEqualTo("viewed");
    assertThat(v.path("kind").asText()).isEqualTo("ServiceBinding");
    assertThat(v.path("environment").asText()).isEqualTo("development");
    assertThat(v.path("releaseState").asText()).isEqualTo("Active");
    assertThat(v.path("displayStatus").asText()).isEqualTo("Active");
    assertThat(v.at("/ready/status").asText()).isEqualTo("True");
    assertThat(v.at("/ready/reason").asText()).isEqualTo("ResourcesActive");
    assertThat(v.path("currentRevision").asLong()).isEqualTo(1);
    assertThat(v.path("artifact").asText()).startsWith("viewed-");
    assertThat(v.at("/images/main").asText()).isEqualTo("ghcr.io/example/viewed:1.0.0");
    assertThat(v.path("endpoints").isArray()).isTrue();
    assertThat(v.path("blockers").isArray()).isTrue();
    assertThat(v.path("unmanaged").asBoolean(true)).isFalse();
    assertThat(v.at("/object/kind").asText()).isEqualTo("ServiceBinding");

    assertThat(
            platform
                .get(VIEWER, c(SHOP, "viewed") + "/bindings?environment=staging")
                .expect(200)
                .path("items"))
        .isEmpty();
    JsonNode one = platform.get(VIEWER, c(SHOP, "viewed") + "/bindings/development").expect(200);
    assertThat(one.path("name").asText()).isEqualTo("viewed");
    platform
        .get(VIEWER, c(SHOP, "viewed") + "/bindings/production")
        .problem(404, "BINDING_NOT_FOUND");
    platform.get(VIEWER, c(VAULT, "viewed") + "/bindings").problem(404, "COMPONENT_NOT_FOUND");
    platform
        .get(DeliveryTestPlatform.STRANGER, c(SHOP, "viewed") + "/bindings")
        .problem(403, "FORBIDDEN");

    JsonNode status = platform.get(VIEWER, c(SHOP, "viewed") + "/status").expect(200);
    assertThat(status.path("component").asText()).isEqualTo("viewed");
    assertThat(environments(status)).startsWith("development");
  }

  @Test
  void rollbackRestoresThePreviousRevisionAsANewOne() {
    platform.service(SHOP, "rolled", "1.0.0");
    String first =
        platform
            .get(ALICE, c(SHOP, "rolled") + "/bindings/development")
            .json()
            .path("artifact")
            .asText();
    platform.setImage(SHOP, "rolled", "2.0.0");
    JsonNode history =
        platform.get(VIEWER, c(SHOP, "rolled") + "/bindings/development/revisions").expect(200);
    assertThat(history.path("currentRevision").asLong()).isEqualTo(2);
    assertThat(revisionNumbers(history)).containsExactly(2L, 1L);

    // What revision 1 would deploy differs from what runs now.
    JsonNode now =
        platform.get(VIEWER, c(SHOP, "rolled") + "/bindings/development/rendered").expect(200);
    JsonNode then =
        platform
            .get(VIEWER, c(SHOP, "rolled") + "/bindings/development/rendered?revision=1")
            .expect(200);
    assertThat(now.path("environment").asText()).isEqualTo("development");
    assertThat(now.path("revision").asLong()).isEqualTo(2);
    assertThat(then.path("revision").asLong()).isEqualTo(1);
    assertThat(now.path("objects")).isNotEmpty();
    assertThat(then.path("objects")).hasSameSizeAs(now.path("objects"));
    assertThat(now.path("objects").toString())
        .contains("rolled:2.0.0")
        .doesNotContain("rolled:1.0.0");
    assertThat(then.path("objects").toString())
        .contains("rolled:1.0.0")
        .doesNotContain("rolled:2.0.0");
    platform
        .get(VIEWER, c(SHOP, "rolled") + "/bindings/development/rendered?revision=7")
        .problem(404, "REVISION_NOT_FOUND");

    // Not allowed to a viewer; the default target is the revision before the current.
    platform
        .post(VIEWER, c(SHOP, "rolled") + "/bindings/development/rollback", null)
        .problem(403, "FORBIDDEN");
    JsonNode rolled =
        platform
            .post(
                ALICE,
                c(SHOP, "rolled") + "/bindings/development/rollback",
                obj("{'reason':'bad build'}"))
            .expect(200);
    assertThat(rolled.path("revision").asLong()).isEqualTo(3);
    JsonNode binding = rolled.path("binding");
    assertThat(binding.path("artifact").asText()).isEqualTo(first);
    assertThat(binding.at("/images/main").asText()).isEqualTo("ghcr.io/example/rolled:1.0.0");
    assertThat(binding.path("currentRevision").asLong()).isEqualTo(3);
    assertThat(binding.at("/object/metadata/annotations/openchoreo.dev~1last-modified-by").asText())
        .isEqualTo("alice");

    JsonNode after =
        platform.get(VIEWER, c(SHOP, "rolled") + "/bindings/development/revisions").expect(200);
    JsonNode newest = after.path("items").get(0);
    assertThat(newest.path("revision").asLong()).isEqualTo(3);
    assertThat(newest.path("reason").asText()).isEqualTo("Rollback");
    assertThat(newest.at("/cause/rolledBackTo").asLong()).isEqualTo(1);
    assertThat(newest.path("by").asText()).isEqualTo("alice");
    assertThat(newest.path("deployableArtifact").asText()).isEqualTo(first);
    assertThat(revisionNumbers(after)).containsExactly(3L, 2L, 1L);
    List<AuditRecord> audited = audit("binding.rollback", "rolled");
    assertThat(audited).hasSize(1);
    AuditRecord record = audited.get(0);
    assertThat(record.actor()).isEqualTo(new AuditRecord.Actor("alice", "User"));
    assertThat(record.organization()).isEqualTo(ORG);
    assertThat(record.project()).isEqualTo(SHOP);
    assertThat(record.environment()).isEqualTo("development");
    assertThat(record.target()).isEqualTo("ServiceBinding/rolled");
    assertThat(record.outcome()).isEqualTo("success");
    assertThat(record.comment()).isEqualTo("bad build");
    assertThat(record.details().path("fromRevision").asLong()).isEqualTo(2);
    assertThat(record.details().path("toRevision").asLong()).isEqualTo(1);
    assertThat(record.details().path("revision").asLong()).isEqualTo(3);

    platform
        .post(ALICE, c(SHOP, "rolled") + "/bindings/development/rollback", obj("{'toRevision':3}"))
        .problem(409, "ALREADY_AT_REVISION");
    platform
        .post(ALICE, c(SHOP, "rolled") + "/bindings/development/rollback", obj("{'toRevision':42}"))
        .problem(404, "REVISION_NOT_FOUND");
    platform
        .post(
            ALICE, c(SHOP, "rolled") + "/bindings/development/rollback", obj("{'toRevision':'2'}"))
        .problem(400, "INVALID");
    platform
        .post(ALICE, c(SHOP, "rolled") + "/bindings/staging/rollback", null)
        .problem(404, "BINDING_NOT_FOUND");

    // The artifact of revision 2 disappears (here: removed behind the platform's back).
    String second = after.path("items").get(1).path("deployableArtifact").asText();
    platform.store.delete("DeployableArtifact", ORG, second);
    platform
        .post(ALICE, c(SHOP, "rolled") + "/bindings/development/rollback", obj("{'toRevision':2}"))
        .problem(409, "ARTIFACT_NOT_FOUND");
  }

  @Test
  void rollbackInAGatedEnvironmentNeedsAnApproverThereOrAPlatformEngineer() {
    platform.service(VAULT, "guarded", "1.0.0");
    promoteToStagingApproved("guarded");
    platform.setImage(VAULT, "guarded", "2.0.0");
    promoteToStagingApproved("guarded");
    JsonNode staging =
        platform.awaitBinding(
            VAULT, "guarded", "staging", v -> v.path("currentRevision").asLong() == 2);
    assertThat(staging.at("/images/main").asText()).endsWith(":2.0.0");

    String rollback = c(VAULT, "guarded") + "/bindings/staging/rollback";
    JsonNode refused = platform.post(ALICE, rollback, null).problem(403, "FORBIDDEN");
    assertThat(refused.path("detail").asText()).contains("approval gate");
    JsonNode byApprover = platform.post(BOB, rollback, obj("{'toRevision':1}")).expect(200);
    assertThat(byApprover.path("revision").asLong()).isEqualTo(3);
    assertThat(byApprover.at("/binding/images/main").asText()).endsWith(":1.0.0");
    // An automation approver of a non-manual gate may; so may a platform engineer.
    assertThat(
            platform
                .post(CI_BOT, rollback, obj("{'toRevision':2}"))
                .expect(200)
                .path("revision")
                .asLong())
        .isEqualTo(4);
    assertThat(
            platform
                .post(PAT, rollback, obj("{'toRevision':1}"))
                .expect(200)
                .path("revision")
                .asLong())
        .isEqualTo(5);
  }

  @Test
  void suspendResumeAndUndeployAreIdempotent() {
    platform.service(SHOP, "switched", "1.0.0");
    String b = c(SHOP, "switched") + "/bindings/development";
    platform.post(VIEWER, b + "/suspend", null).problem(403, "FORBIDDEN");

    JsonNode suspended =
        platform.post(ALICE, b + "/suspend", obj("{'reason':'night'}")).expect(200);
    assertThat(suspended.path("changed").asBoolean()).isTrue();
    assertThat(suspended.at("/binding/releaseState").asText()).isEqualTo("Suspend");
    assertThat(platform.post(ALICE, b + "/suspend", null).expect(200).path("changed").asBoolean())
        .isFalse();
    // The Release is rendered with no replicas (the embedded data plane reports it Healthy).
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                platform
                    .get(VIEWER, b + "/rendered")
                    .json()
                    .path("objects")
                    .toString()
                    .contains("\"replicas\":0"));

    JsonNode resumed = platform.post(ALICE, b + "/resume", null).expect(200);
    assertThat(resumed.path("changed").asBoolean()).isTrue();
    assertThat(resumed.at("/binding/releaseState").asText()).isEqualTo("Active");
    assertThat(platform.post(ALICE, b + "/resume", null).expect(200).path("changed").asBoolean())
        .isFalse();
    platform.awaitBinding(SHOP, "switched", "development", DeliveryTestPlatform::ready);

    JsonNode undeployed = platform.post(ALICE, b + "/undeploy", null).expect(200);
    assertThat(undeployed.path("changed").asBoolean()).isTrue();
    assertThat(platform.post(ALICE, b + "/undeploy", null).expect(200).path("changed").asBoolean())
        .isFalse();
    platform.awaitBinding(
        SHOP,
        "switched",
        "development",
        v -> v.path("displayStatus").asText().equals("Undeployed"));
    assertThat(platform.get(VIEWER, b + "/rendered").expect(200).path("objects")).isEmpty();
    // Releases state changes record no revision.
    assertThat(platform.get(VIEWER, b + "/revisions").expect(200).path("currentRevision").asLong())
        .isEqualTo(1);
    platform.post(ALICE, b + "/resume", null).expect(200);
    platform.awaitBinding(SHOP, "switched", "development", DeliveryTestPlatform::ready);
    // One record per change; the repeated (unchanged) calls wrote none.
    assertThat(audit("binding.", "switched").stream().map(AuditRecord::action))
        .containsExactly("binding.suspend", "binding.resume", "binding.undeploy", "binding.resume");
    assertThat(audit("binding.suspend", "switched").get(0).comment()).isEqualTo("night");
  }

  private List<AuditRecord> audit(String actionPrefix, String component) {
    return platform
        .server
        .auditLog()
        .query(new AuditQuery(ORG, null, 0, actionPrefix, 1000))
        .stream()
        .filter(r -> component.equals(r.component()))
        .toList();
  }

  private void promoteToStagingApproved(String component) {
    JsonNode requested =
        platform
            .post(
                ALICE,
                c(VAULT, component) + "/promote",
                obj("{'sourceEnv':'development','targetEnv':'staging'}"))
            .expect(202);
    String name = requested.at("/promotion/metadata/name").asText();
    JsonNode approved =
        platform
            .post(BOB, "/api/v1/orgs/default/promotions/" + name + "/approve", null)
            .expect(200);
    assertThat(approved.at("/status/phase").asText()).isIn("Approved", "Applied");
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () ->
                platform
                    .get(BOB, c(VAULT, component) + "/promotions/" + name)
                    .json()
                    .at("/status/phase")
                    .asText()
                    .equals("Applied"));
  }

  private static List<Long> revisionNumbers(JsonNode revisions) {
    List<Long> out = new ArrayList<>();
    revisions.path("items").forEach(e -> out.add(e.path("revision").asLong()));
    return out;
  }

  private static List<String> environments(JsonNode status) {
    List<String> out = new ArrayList<>();
    status.at("/status/environments").forEach(e -> out.add(e.path("environment").asText()));
    return out;
  }
}
