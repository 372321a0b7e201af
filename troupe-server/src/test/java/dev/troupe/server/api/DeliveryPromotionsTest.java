package dev.troupe.server.api;

import static dev.troupe.server.api.DeliveryTestPlatform.ALICE;
import static dev.troupe.server.api.DeliveryTestPlatform.BOB;
import static dev.troupe.server.api.DeliveryTestPlatform.CI_BOT;
import static dev.troupe.server.api.DeliveryTestPlatform.DAVE;
import static dev.troupe.server.api.DeliveryTestPlatform.OTHER_DEV;
import static dev.troupe.server.api.DeliveryTestPlatform.SHOP;
import static dev.troupe.server.api.DeliveryTestPlatform.STRANGER;
import static dev.troupe.server.api.DeliveryTestPlatform.VAULT;
import static dev.troupe.server.api.DeliveryTestPlatform.VIEWER;
import static dev.troupe.server.api.DeliveryTestPlatform.c;
import static dev.troupe.server.api.DeliveryTestPlatform.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.engine.audit.AuditQuery;
import dev.troupe.engine.audit.AuditRecord;
import dev.troupe.server.api.DeliveryTestPlatform.Response;
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
 * Promotions through the REST API against the real engine: promote without a gate (applied, 200),
 * behind gates (202, then decided), four eyes, manual gates, withdrawal, expiry, the §3.2 error
 * codes, and the lists. Each test works on its own component, so they do not interfere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryPromotionsTest {
  private DeliveryTestPlatform platform;

  @BeforeAll
  void start(@TempDir Path dir) {
    platform = DeliveryTestPlatform.start(dir);
  }

  @AfterAll
  void stop() {
    platform.close();
  }

  private Response promote(
      dev.troupe.server.auth.Principal who, String project, String component, String body) {
    return platform.post(who, c(project, component) + "/promote", obj(body));
  }

  @Test
  void promotingWithoutAGateAppliesAndAnswers200WithTheTargetBinding() {
    platform.service(SHOP, "plain", "1.0.0");
    Response r = promote(ALICE, SHOP, "plain", "{'sourceEnv':'development','targetEnv':'staging'}");
    JsonNode body = r.expect(200);
    JsonNode promotion = body.path("promotion");
    String name = promotion.at("/metadata/name").asText();
    assertThat(name).matches("plain-development-to-staging-[a-z0-9]{5}");
    assertThat(r.headers().firstValue("Location"))
        .hasValue(c(SHOP, "plain") + "/promotions/" + name);
    assertThat(promotion.at("/status/phase").asText()).isEqualTo("Applied");
    assertThat(promotion.at("/spec/requestedBy/user").asText()).isEqualTo("alice");
    assertThat(promotion.at("/spec/owner/projectName").asText()).isEqualTo(SHOP);
    assertThat(promotion.at("/metadata/labels/openchoreo.dev~1environment").asText())
        .isEqualTo("staging");
    assertThat(promotion.at("/metadata/labels/openchoreo.dev~1component").asText())
        .isEqualTo("plain");
    JsonNode target = body.path("items").get(0);
    assertThat(target.path("environment").asText()).isEqualTo("staging");
    assertThat(target.path("artifact").asText())
        .isEqualTo(promotion.at("/spec/deployableArtifactRef").asText());
    assertThat(target.path("images").path("main").asText()).endsWith("plain:1.0.0");
    assertThat(target.path("unmanaged").asBoolean(true)).isFalse();

    JsonNode revisions =
        platform.get(ALICE, c(SHOP, "plain") + "/bindings/staging/revisions").expect(200);
    assertThat(revisions.at("/items/0/reason").asText()).isEqualTo("Promotion");
    assertThat(revisions.at("/items/0/cause/promotion").asText()).isEqualTo(name);

    JsonNode read = platform.get(VIEWER, c(SHOP, "plain") + "/promotions/" + name).expect(200);
    assertThat(read.at("/metadata/name").asText()).isEqualTo(name);
    JsonNode list = platform.get(VIEWER, c(SHOP, "plain") + "/promotions").expect(200);
    assertThat(list.path("items")).hasSize(1);

    // The request's api.post record names what the server resolved, not the path.
    AuditRecord request =
        platform.server.auditLog().query(AuditQuery.all()).stream()
            .filter(a -> a.action().equals("api.post"))
            .filter(a -> ("Promotion/" + name).equals(a.target()))
            .findFirst()
            .orElseThrow();
    assertThat(request.actor().user()).isEqualTo("alice");
    assertThat(request.project()).isEqualTo(SHOP);
    assertThat(request.component()).isEqualTo("plain");
    assertThat(request.environment()).isEqualTo("staging");
    assertThat(request.outcome()).isEqualTo("success");
  }

  @Test
  void aGatedPromotionWaitsUntilAnotherIdentityApprovesThenApplies() {
    platform.service(VAULT, "gated", "1.0.0");
    Response r =
        promote(
            ALICE,
            VAULT,
            "gated",
            "{'sourceEnv':'development','targetEnv':'staging','reason':'release 1'}");
    JsonNode promotion = r.expect(202).path("promotion");
    String name = promotion.at("/metadata/name").asText();
    assertThat(promotion.at("/status/phase").asText()).isEqualTo("Pending");
    assertThat(promotion.at("/spec/reason").asText()).isEqualTo("release 1");
    assertThat(r.headers().firstValue("Location")).isPresent();
    assertThat(platform.get(ALICE, c(VAULT, "gated") + "/bindings/staging").status())
        .isEqualTo(404);

    // The inbox shows it to approvers.
    JsonNode inbox =
        platform
            .get(BOB, "/api/v1/orgs/default/promotions?phase=Pending&targetEnvironment=staging")
            .expect(200);
    assertThat(names(inbox)).contains(name);
    assertThat(
            names(
                platform
                    .get(BOB, "/api/v1/orgs/default/promotions?phase=Applied&component=gated")
                    .expect(200)))
        .doesNotContain(name);

    // Four eyes: the requester cannot approve, whatever route.
    JsonNode own =
        platform
            .post(ALICE, c(VAULT, "gated") + "/promotions/" + name + "/approve", null)
            .problem(403, "APPROVAL_NOT_ALLOWED");
    assertThat(own.path("detail").asText())
        .isEqualTo("the requester cannot approve their own promotion");
    assertThat(own.path("title").asText()).isEqualTo("Approval not allowed");
    assertThat(own.path("type").asText())
        .isEqualTo("https://troupe.dev/problems/approval-not-allowed");
    // Another developer holds no approve permission.
    platform
        .post(DAVE, "/api/v1/orgs/default/promotions/" + name + "/approve", null)
        .problem(403, "FORBIDDEN");
    platform
        .post(VIEWER, "/api/v1/orgs/default/promotions/" + name + "/approve", null)
        .problem(403, "FORBIDDEN");

    JsonNode approved =
        platform
            .post(
                BOB,
                "/api/v1/orgs/default/promotions/" + name + "/approve",
                obj("{'comment':'ok'}"))
            .expect(200);
    JsonNode decision = approved.at("/status/decisions/0");
    assertThat(decision.path("user").asText()).isEqualTo("bob");
    assertThat(decision.path("identityKind").asText()).isEqualTo("User");
    assertThat(decision.path("decision").asText()).isEqualTo("Approve");
    assertThat(decision.path("comment").asText()).isEqualTo("ok");
    assertThat(decision.path("time").asText()).isNotEmpty();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                platform
                    .get(BOB, c(VAULT, "gated") + "/promotions/" + name)
                    .json()
                    .at("/status/phase")
                    .asText()
                    .equals("Applied"));
    JsonNode staging =
        platform.awaitBinding(
            VAULT, "gated", "staging", v -> v.path("currentRevision").asLong() > 0);
    assertThat(staging.path("artifact").asText())
        .isEqualTo(promotion.at("/spec/deployableArtifactRef").asText());
    // Decided once: no further decision.
    platform
        .post(BOB, "/api/v1/orgs/default/promotions/" + name + "/reject", null)
        .problem(409, "PROMOTION_NOT_PENDING");
  }

  @Test
  void automationCannotApproveAManualGateButCanRejectIt() {
    platform.service(VAULT, "manual", "1.0.0");
    JsonNode promotion =
        promote(ALICE, VAULT, "manual", "{'sourceEnv':'development','targetEnv':'production'}")
            .expect(202)
            .path("promotion");
    String name = promotion.at("/metadata/name").asText();
    String path = c(VAULT, "manual") + "/promotions/" + name;
    JsonNode refused =
        platform.post(CI_BOT, path + "/approve", null).problem(403, "APPROVAL_NOT_ALLOWED");
    assertThat(refused.path("detail").asText()).startsWith("manual approval required");

    JsonNode rejected =
        platform.post(CI_BOT, path + "/reject", obj("{'comment':'tests failed'}")).expect(200);
    assertThat(rejected.at("/status/phase").asText()).isEqualTo("Rejected");
    assertThat(rejected.at("/status/decisions/0/identityKind").asText()).isEqualTo("Automation");
    assertThat(rejected.at("/status/decisions/0/decision").asText()).isEqualTo("Reject");
    assertThat(platform.get(ALICE, c(VAULT, "manual") + "/bindings/production").status())
        .isEqualTo(404);
  }

  @Test
  void onlyTheRequesterMayWithdraw() {
    platform.service(VAULT, "withdrawn", "1.0.0");
    String name =
        promote(ALICE, VAULT, "withdrawn", "{'sourceEnv':'development','targetEnv':'staging'}")
            .expect(202)
            .at("/promotion/metadata/name")
            .asText();
    platform
        .post(BOB, "/api/v1/orgs/default/promotions/" + name + "/withdraw", null)
        .problem(403, "FORBIDDEN");
    JsonNode withdrawn =
        platform
            .post(ALICE, c(VAULT, "withdrawn") + "/promotions/" + name + "/withdraw", null)
            .expect(200);
    assertThat(withdrawn.at("/status/phase").asText()).isEqualTo("Rejected");
    assertThat(withdrawn.at("/status/conditions/0/reason").asText()).isEqualTo("Withdrawn");
    assertThat(withdrawn.at("/status/decisions/0/user").asText()).isEqualTo("alice");
    // A withdrawn request no longer blocks a new one.
    promote(ALICE, VAULT, "withdrawn", "{'sourceEnv':'development','targetEnv':'staging'}")
        .expect(202);
  }

  @Test
  void aDecisionAfterExpiryIsRefused() {
    platform.service(VAULT, "expiring", "1.0.0");
    String name =
        promote(
                ALICE,
                VAULT,
                "expiring",
                "{'sourceEnv':'development','targetEnv':'staging','expiresAfter':'2s'}")
            .expect(202)
            .at("/promotion/metadata/name")
            .asText();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                platform
                    .get(BOB, c(VAULT, "expiring") + "/promotions/" + name)
                    .json()
                    .at("/status/phase")
                    .asText()
                    .equals("Expired"));
    JsonNode refused =
        platform
            .post(BOB, "/api/v1/orgs/default/promotions/" + name + "/approve", null)
            .problem(409, "PROMOTION_NOT_PENDING");
    assertThat(refused.path("detail").asText()).contains(name).contains("Expired");
  }

  @Test
  void requestsAreCheckedInTheOrderOfTheSpecWithItsCodes() {
    platform.service(SHOP, "checked", "1.0.0");
    String base = "{'sourceEnv':'development','targetEnv':'staging'}";
    // Path: the detail lists the allowed targets.
    JsonNode path =
        promote(ALICE, SHOP, "checked", "{'sourceEnv':'development','targetEnv':'production'}")
            .problem(400, "INVALID_PROMOTION_PATH");
    assertThat(path.path("detail").asText())
        .contains("allowed targets from \"development\": staging");
    // No source binding in staging yet.
    promote(ALICE, SHOP, "checked", "{'sourceEnv':'staging','targetEnv':'production'}")
        .problem(404, "BINDING_NOT_FOUND");
    promote(ALICE, SHOP, "nothing", base).problem(404, "COMPONENT_NOT_FOUND");
    promote(ALICE, "ghost", "checked", base).problem(404, "PROJECT_NOT_FOUND");
    promote(ALICE, VAULT, "checked", base).problem(404, "COMPONENT_NOT_FOUND");
    // Request bodies.
    promote(ALICE, SHOP, "checked", "{'sourceEnv':'development'}").problem(400, "INVALID");
    promote(ALICE, SHOP, "checked", "{'sourceEnv':'development','target':'staging'}")
        .problem(400, "INVALID");
    promote(
            ALICE,
            SHOP,
            "checked",
            "{'sourceEnv':'development','targetEnv':'staging','expiresAfter':'9999h'}")
        .problem(400, "INVALID");
    // Permissions: in the stored project and the target environment.
    promote(VIEWER, SHOP, "checked", base).problem(403, "FORBIDDEN");
    promote(OTHER_DEV, SHOP, "checked", base).problem(403, "FORBIDDEN");
    promote(STRANGER, SHOP, "checked", base).problem(403, "FORBIDDEN");
  }

  @Test
  void aSourceThatIsNotReadyIsRefusedUnlessAllowed() {
    // A connection to a component that does not exist keeps the binding ConnectionsPending.
    platform.apply(
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: Component
        metadata: {name: unready, namespace: default}
        spec: {owner: {projectName: shop}, type: Service}
        ---
        apiVersion: openchoreo.dev/v1alpha1
        kind: Workload
        metadata: {name: unready, namespace: default}
        spec:
          owner: {projectName: shop, componentName: unready}
          containers:
            main: {image: "ghcr.io/example/unready:1.0.0"}
          connections:
            ghost:
              type: api
              params: {componentName: ghost, endpoint: http}
              inject:
                env:
                  - {name: GHOST_URL, value: "{{ .url }}"}
        ---
        apiVersion: openchoreo.dev/v1alpha1
        kind: Service
        metadata: {name: unready, namespace: default}
        spec:
          owner: {projectName: shop, componentName: unready}
          workloadName: unready
          className: standard-service
        """);
    JsonNode source =
        platform.awaitBinding(
            SHOP,
            "unready",
            "development",
            v ->
                v.path("currentRevision").asLong() == 1
                    && v.at("/ready/status").asText().equals("False"));
    assertThat(source.path("displayStatus").asText()).isEqualTo("Blocked");
    String base = "{'sourceEnv':'development','targetEnv':'staging'}";
    JsonNode refused = promote(ALICE, SHOP, "unready", base).problem(409, "SOURCE_NOT_READY");
    assertThat(refused.path("detail").asText()).contains("is not Ready");
    JsonNode created =
        platform
            .post(
                ALICE,
                c(SHOP, "unready") + "/promotions",
                obj("{'sourceEnv':'development','targetEnv':'staging','allowUnreadySource':true}"))
            .expect(201);
    assertThat(created.at("/spec/allowUnreadySource").asBoolean()).isTrue();
    assertThat(created.at("/spec/sourceRevision").asLong()).isEqualTo(1);
    assertThat(created.at("/spec/deployableArtifactRef").asText())
        .isEqualTo(source.path("artifact").asText());
  }

  @Test
  void aSecondRequestToTheSameTargetIsRefusedWhileTheFirstIsPending() {
    platform.service(VAULT, "twice", "1.0.0");
    String first =
        promote(ALICE, VAULT, "twice", "{'sourceEnv':'development','targetEnv':'staging'}")
            .expect(202)
            .at("/promotion/metadata/name")
            .asText();
    JsonNode second =
        promote(DAVE, VAULT, "twice", "{'sourceEnv':'development','targetEnv':'staging'}")
            .problem(409, "PROMOTION_IN_PROGRESS");
    assertThat(second.path("detail").asText()).contains(first);
  }

  @Test
  void environmentsAndPipelinesThatDoNotExistHaveTheirCodes() {
    platform.apply(
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: DeploymentPipeline
        metadata: {name: to-qa, namespace: default}
        spec:
          promotionPaths:
            - sourceEnvironmentRef: development
              targetEnvironmentRefs: [{name: qa}]
        ---
        apiVersion: openchoreo.dev/v1alpha1
        kind: Project
        metadata: {name: qa-project, namespace: default}
        spec: {deploymentPipelineRef: to-qa}
        ---
        apiVersion: openchoreo.dev/v1alpha1
        kind: Project
        metadata: {name: no-pipeline, namespace: default}
        spec: {deploymentPipelineRef: missing}
        ---
        apiVersion: openchoreo.dev/v1alpha1
        kind: Component
        metadata: {name: qa-svc, namespace: default}
        spec: {owner: {projectName: qa-project}, type: Service}
        ---
        apiVersion: openchoreo.dev/v1alpha1
        kind: Component
        metadata: {name: np-svc, namespace: default}
        spec: {owner: {projectName: no-pipeline}, type: Service}
        ---
        apiVersion: openchoreo.dev/v1alpha1
        kind: Component
        metadata: {name: proxy, namespace: default}
        spec: {owner: {projectName: shop}, type: APIProxy}
        """);
    promote(ALICE, "qa-project", "qa-svc", "{'sourceEnv':'development','targetEnv':'qa'}")
        .problem(404, "ENVIRONMENT_NOT_FOUND");
    promote(ALICE, "no-pipeline", "np-svc", "{'sourceEnv':'development','targetEnv':'staging'}")
        .problem(404, "DEPLOYMENT_PIPELINE_NOT_FOUND");
    promote(ALICE, SHOP, "proxy", "{'sourceEnv':'development','targetEnv':'staging'}")
        .problem(400, "UNSUPPORTED_COMPONENT_TYPE");
  }

  @Test
  void unknownPromotionsAre404AndTheInboxChecksItsFilters() {
    platform
        .get(VIEWER, c(SHOP, "inventory") + "/promotions/nope")
        .problem(404, "PROMOTION_NOT_FOUND");
    platform
        .post(BOB, "/api/v1/orgs/default/promotions/nope/approve", null)
        .problem(404, "PROMOTION_NOT_FOUND");
    platform.get(VIEWER, "/api/v1/orgs/default/promotions?phase=Sleeping").problem(400, "INVALID");
    platform
        .get(STRANGER, "/api/v1/orgs/default/promotions?phase=Pending")
        .problem(403, "FORBIDDEN");
    // Without filters it is the generic list of the kind.
    JsonNode generic = platform.get(VIEWER, "/api/v1/orgs/default/promotions").expect(200);
    assertThat(generic.path("kind").asText()).isEqualTo("List");
  }

  private static List<String> names(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.path("items").forEach(i -> out.add(i.at("/metadata/name").asText()));
    return out;
  }
}
