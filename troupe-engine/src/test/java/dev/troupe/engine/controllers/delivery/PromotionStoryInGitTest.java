package dev.troupe.engine.controllers.delivery;

import static dev.troupe.engine.controllers.delivery.DeliveryFixture.ALICE;
import static dev.troupe.engine.controllers.delivery.DeliveryFixture.BOB;
import static dev.troupe.engine.controllers.delivery.DeliveryFixture.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Identity;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.api.kinds.delivery.RevisionContent;
import dev.troupe.api.kinds.delivery.ServiceBinding;
import dev.troupe.engine.audit.SqliteAuditLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5: "In GitOps mode promotions, approvals and rollbacks appear as commits in the platform's
 * repository so the Git history tells the same story as the audit log." The starter kit's DataPlane
 * commits to the embedded repository; its history is read with the {@code git} executable.
 */
class PromotionStoryInGitTest {
  static final String TO_STAGING = "greeter-development-to-staging-a1b2c";
  static final String TO_PRODUCTION = "greeter-staging-to-production-d3e4f";
  static final String TO_STAGING_2 = "greeter-development-to-staging-g5h6i";
  static final String TO_PRODUCTION_2 = "greeter-staging-to-production-j7k8l";

  @TempDir Path dir;
  DeliveryFixture f;
  SqliteAuditLog log;

  @AfterEach
  void stop() {
    if (f != null) {
      f.close();
    }
    if (log != null) {
      log.close();
    }
  }

  private void promote(String name, String source, String target, String reason) {
    f.promote(ALICE, name, source, target, "  reason: " + reason + "\n");
    if (target.equals("production")) {
      f.awaitPhase(name, "Pending");
      f.decide(name, BOB, "Approve", "LGTM");
    }
    f.awaitPhase(name, "Applied");
    f.awaitReady("greeter-" + target);
  }

  private void newImage(String tag) {
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
  }

  /**
   * Rolls {@code binding} back to {@code revision} as the server's rollback endpoint does: the
   * platform writes the revision's content for {@code caller}, with the change cause {@code
   * Rollback} naming the content hash the binding controller will compute.
   */
  private void rollback(Identity caller, String binding, long revision) {
    ObjectNode b = f.binding(binding);
    JsonNode entry = null;
    for (JsonNode e : b.path("status").path("history")) {
      if (e.path("revision").asLong() == revision) {
        entry = e;
      }
    }
    assertThat(entry).as("revision %d in the history", revision).isNotNull();
    ObjectNode artifact =
        f.store.get("DeployableArtifact", NS, entry.path("deployableArtifact").asText());
    ObjectNode desired = b.deepCopy();
    desired.remove("status");
    ObjectNode meta = (ObjectNode) desired.path("metadata");
    for (String field : List.of("uid", "resourceVersion", "generation", "creationTimestamp")) {
      meta.remove(field);
    }
    ObjectNode spec = (ObjectNode) desired.path("spec");
    spec.put("deployableArtifactRef", entry.path("deployableArtifact").asText());
    spec.set("workloadSpec", artifact.path("spec").path("workload").deepCopy());
    spec.put("className", entry.path("className").asText());
    Identity acting = new Identity(caller.user(), caller.kind(), true, caller.roles());
    AdmissionResult admitted = f.admission(acting, Codec.toYaml(desired));
    assertThat(admitted.errors()).isEmpty();
    String hash =
        RevisionContent.contentHash(
            (Binding) Codec.bind(admitted.objects().getFirst().tree(), ServiceBinding.class));
    ObjectNode cause = Codec.JSON.createObjectNode();
    cause.put("reason", "Rollback");
    cause.put("ref", "revision/" + revision);
    cause.put("by", caller.user());
    cause.put("contentHash", hash);
    ObjectNode annotations =
        meta.get("annotations") instanceof ObjectNode a ? a : meta.putObject("annotations");
    annotations.put("openchoreo.dev/change-cause", cause.toString());
    f.admit(acting, Codec.toYaml(desired));
  }

  @Test
  void promotionsApprovalsAndRollbacksAreCommitsOfTheTargetsRepository() {
    log = SqliteAuditLog.openIn(dir);
    f = new DeliveryFixture(dir, log).start(true);
    promote(TO_STAGING, "development", "staging", "first release");
    promote(TO_PRODUCTION, "staging", "production", "release 1.0");
    newImage("1.1.0");
    promote(TO_STAGING_2, "development", "staging", "second release");
    promote(TO_PRODUCTION_2, "staging", "production", "release 1.1");
    rollback(BOB, "greeter-production", 1);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                f.binding("greeter-production").path("status").path("currentRevision").asLong()
                    == 3);
    f.awaitReady("greeter-production");
    f.awaitIdle();

    List<String> subjects =
        new ArrayList<>(Git.lines(f.repository(), "log", "--format=%s", "main"));
    Collections.reverse(subjects); // oldest first
    List<String> production = subjects.stream().filter(s -> s.contains("production")).toList();
    String requested =
        "promotion.requested: greeter staging → production by alice@example.com (User):"
            + " \"release 1.0\"";
    String approved =
        "promotion.approved: greeter staging → production by bob@example.com (User): \"LGTM\"";
    String deployed =
        "deploy default/greeter in production: revision 1 (Promotion promotion/"
            + TO_PRODUCTION
            + " approved by bob@example.com)";
    String applied =
        "promotion.applied: greeter staging → production by system:troupe (Automation):"
            + " \"ServiceBinding \"greeter-production\" at revision 1\"";
    String updated =
        "update default/greeter in production: revision 2 (Promotion promotion/"
            + TO_PRODUCTION_2
            + " approved by bob@example.com)";
    String rolledBack =
        "update default/greeter in production: revision 3 (Rollback to revision 1 by"
            + " bob@example.com)";
    assertThat(production).containsSubsequence(requested, approved, deployed, updated, rolledBack);
    assertThat(production).containsSubsequence(approved, applied);
    assertThat(production.getLast()).as("the rollback comes last").isEqualTo(rolledBack);
    assertThat(subjects)
        .containsSubsequence(
            "promotion.requested: greeter development → staging by alice@example.com (User):"
                + " \"first release\"",
            "promotion.approved: greeter development → staging by system:troupe (Automation):"
                + " \"no approval required\"",
            "deploy default/greeter in staging: revision 1 (Promotion promotion/"
                + TO_STAGING
                + " by alice@example.com (no approval required))");
    assertThat(subjects.stream().filter(s -> s.startsWith("promotion.")).count())
        .as("one commit per audit record of the four promotions")
        .isEqualTo(12);

    // The Release commit names the promotion in its trailers too.
    String message =
        Git.git(
            f.repository(),
            "log",
            "-1",
            "--format=%B",
            "--fixed-strings",
            "--grep=in production: revision 1 (Promotion",
            "main");
    assertThat(message)
        .contains("\nChange-Cause: Promotion promotion/" + TO_PRODUCTION + "\n")
        .contains("\nChanged-By: bob@example.com\n");

    // The ledger file of the first production promotion, and the same story in the audit log.
    String ledger =
        Git.git(
            f.repository(),
            "show",
            "main:promotions/default/default/greeter/" + TO_PRODUCTION + ".yaml");
    assertThat(ledger)
        .contains("phase: Applied\n")
        .contains("  - action: promotion.approved\n")
        .contains("      user: bob@example.com\n");
    assertThat(PromotionAuditTest.actions(log, TO_PRODUCTION))
        .containsExactly("promotion.requested", "promotion.approved", "promotion.applied");
    assertThat(Git.lines(f.repository(), "ls-tree", "-r", "--name-only", "main"))
        .filteredOn(p -> p.startsWith("promotions/"))
        .containsExactlyInAnyOrderElementsOf(
            Set.of(TO_STAGING, TO_PRODUCTION, TO_STAGING_2, TO_PRODUCTION_2).stream()
                .map(p -> "promotions/default/default/greeter/" + p + ".yaml")
                .toList());
    assertThat(Git.git(f.repository(), "show", "main:default/production/kustomization.yaml"))
        .doesNotContain("promotion");
  }
}
