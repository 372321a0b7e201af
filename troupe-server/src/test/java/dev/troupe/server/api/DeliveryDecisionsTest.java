package dev.troupe.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decisions without a Promotion controller, so that a Promotion stays Pending: a second approval by
 * the same identity changes nothing, a dry run writes nothing, and a recorded decision carries who,
 * what and when.
 */
class DeliveryDecisionsTest {
  private static final String PATH = "/api/v1/orgs/default/promotions/";

  private TestApi api;

  @BeforeEach
  void start(@TempDir Path dir) {
    api = TestApi.start(dir);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  /** A Pending Promotion behind an approval gate, requested by {@code alice}. */
  private String pending(String name) {
    ObjectNode stored =
        api.store.create(
            TestApi.obj(
                "{'apiVersion':'openchoreo.dev/v1alpha1','kind':'Promotion','metadata':{'name':'"
                    + name
                    + "','namespace':'default'},'spec':{'owner':{'projectName':'shop',"
                    + "'componentName':'orders'},'sourceEnvironment':'staging',"
                    + "'targetEnvironment':'production','expiresAfter':'72h',"
                    + "'allowUnreadySource':false,'requestedBy':{'user':'alice',"
                    + "'identityKind':'User'}}}"));
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ObjectNode status = stored.putObject("status");
    status.put("phase", "Pending");
    status.put("requestedAt", now.toString());
    status.put("expiresAt", now.plus(1, ChronoUnit.HOURS).toString());
    status.putObject("gate").put("requiresApproval", true).put("manualOnly", false);
    status.put("requiredApprovals", 1);
    api.store.updateStatus(stored);
    return name;
  }

  @Test
  void aSecondApprovalBySameIdentityChangesNothing() {
    String name = pending("orders-staging-to-production-aaaaa");
    JsonNode first =
        TestApi.require(api.post(PATH + name + "/approve", TestApi.obj("{'comment':'lgtm'}")), 200)
            .json();
    JsonNode decision = first.at("/status/decisions/0");
    assertThat(decision.path("user").asText()).isEqualTo("admin");
    assertThat(decision.path("identityKind").asText()).isEqualTo("User");
    assertThat(decision.path("decision").asText()).isEqualTo("Approve");
    assertThat(decision.path("comment").asText()).isEqualTo("lgtm");
    assertThat(Instant.parse(decision.path("time").asText()))
        .isBetween(Instant.now().minusSeconds(60), Instant.now());
    // No controller moved it: still Pending, so a second approval is allowed and ignored.
    assertThat(first.at("/status/phase").asText()).isEqualTo("Pending");
    String version = first.at("/metadata/resourceVersion").asText();

    JsonNode second = TestApi.require(api.post(PATH + name + "/approve", null), 200).json();
    assertThat(second.at("/status/decisions")).hasSize(1);
    assertThat(second.at("/metadata/resourceVersion").asText()).isEqualTo(version);
  }

  @Test
  void aDryRunDecisionIsCheckedAndNotWritten() {
    String name = pending("orders-staging-to-production-bbbbb");
    String before = api.store.get("Promotion", "default", name).toString();
    JsonNode dry = TestApi.require(api.post(PATH + name + "/reject?dryRun=true", null), 200).json();
    assertThat(dry.at("/status/decisions/0/decision").asText()).isEqualTo("Reject");
    assertThat(api.store.get("Promotion", "default", name).toString()).isEqualTo(before);
    // The requester is not the caller: withdrawing is refused even as a dry run.
    assertThat(api.post(PATH + name + "/withdraw?dryRun=true", null).status()).isEqualTo(403);
    assertThat(api.post(PATH + name + "/approve", TestApi.obj("{'note':'x'}")).status())
        .isEqualTo(400);
  }
}
