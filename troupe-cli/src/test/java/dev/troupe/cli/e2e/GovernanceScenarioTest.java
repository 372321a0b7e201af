package dev.troupe.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.cli.remote.Cli;
import dev.troupe.server.platform.EmbeddedPlatform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The governance scenario of the delivery issue, end to end on the real embedded platform (SQLite
 * store, controllers, GitOps repository, HTTP API) through the CLI, with four identities: a
 * developer requests development → staging (applied at once) and staging → production (waits on a
 * manual gate); the developer cannot approve their own request; an automation identity cannot
 * approve a manual gate; an approver approves; production runs the promoted artifact; a second
 * release goes the same way; the approver rolls production back to the previous revision. The audit
 * log and the Git history of the data plane show every step.
 */
class GovernanceScenarioTest {
  private static final Pattern TOKEN = Pattern.compile("(?m)^\\s+(trp_\\S+)$");
  private static final Pattern PROMOTION = Pattern.compile("promotion (\\S+): ");
  private static final String IMAGE_1 = "ghcr.io/acme/shop/inventory:2.0.1";
  private static final String IMAGE_2 = "ghcr.io/acme/shop/inventory:2.1.0";

  @TempDir Path dir;
  private EmbeddedPlatform platform;

  @AfterEach
  void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void developerRequestsApproverDecidesRollbackRestoresAndTheRecordsTellTheStory()
      throws Exception {
    platform =
        EmbeddedPlatform.start(
            new EmbeddedPlatform.Options(dir.resolve("data"), "127.0.0.1", 0, true));
    String admin = platform.firstAdminToken().orElseThrow();
    assertThat(platform.engine().awaitIdle(Duration.ofSeconds(90))).isTrue();

    String dana = user(admin, "dana", "--role", "developer", "--org", "default");
    String bob =
        user(admin, "bob", "--role", "approver", "--org", "default", "--env", "production");
    String bot =
        user(
            admin,
            "ci-bot",
            "--automation",
            "--role",
            "approver",
            "--org",
            "default",
            "--env",
            "production");

    // The platform engineer makes the production edge a manual gate.
    Path pipeline = dir.resolve("pipeline.yaml");
    Files.writeString(
        pipeline,
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: DeploymentPipeline
        metadata: {name: default, namespace: default}
        spec:
          promotionPaths:
          - sourceEnvironmentRef: development
            targetEnvironmentRefs: [{name: staging}]
          - sourceEnvironmentRef: staging
            targetEnvironmentRefs:
            - {name: production, requiresApproval: true, isManualApprovalRequired: true}
        """);
    ok(cli(admin, "apply", "-f", pipeline.toString()));
    // A developer may not change the pipeline.
    Cli devPipeline = cli(dana, "apply", "-f", pipeline.toString());
    assertThat(devPipeline.code()).as(devPipeline.toString()).isEqualTo(1);
    assertThat(devPipeline.err()).contains("FORBIDDEN");

    // 1. development → staging: no gate, applied at once.
    Cli toStaging =
        ok(cli(dana, "promote", "inventory", "--from", "development", "--to", "staging"));
    assertThat(toStaging.out()).contains("phase Applied");
    ready(admin, "inventory-staging");

    // 2. staging → production: waits for a manual approval.
    Cli toProduction =
        ok(cli(dana, "promote", "inventory", "--from", "staging", "--to", "production"));
    assertThat(toProduction.out()).contains("phase Pending");
    String first = promotionName(toProduction.out());

    // 3. The requester cannot approve; 4. an automation identity cannot approve a manual gate.
    Cli own = cli(dana, "approve", first);
    assertThat(own.code()).as(own.toString()).isEqualTo(1);
    assertThat(own.err()).contains("APPROVAL_NOT_ALLOWED");
    Cli automated = cli(bot, "approve", first);
    assertThat(automated.code()).as(automated.toString()).isEqualTo(1);
    assertThat(automated.err())
        .contains("APPROVAL_NOT_ALLOWED")
        .contains("manual approval required");
    assertThat(promotion(admin, first).path("status").path("phase").asText()).isEqualTo("Pending");

    // 5. The approver approves; production runs the promoted artifact.
    ok(cli(bob, "approve", first, "--comment", "LGTM"));
    ready(admin, "inventory-production");
    JsonNode firstPromotion = promotion(admin, first);
    assertThat(firstPromotion.path("status").path("phase").asText()).isEqualTo("Applied");
    String artifact1 = firstPromotion.path("spec").path("deployableArtifactRef").asText();
    JsonNode production = binding(admin, "inventory-production");
    assertThat(production.path("spec").path("deployableArtifactRef").asText()).isEqualTo(artifact1);
    assertThat(production.path("status").path("currentRevision").asLong()).isEqualTo(1);
    assertThat(production.toString()).contains(IMAGE_1);

    // 6. A second release: the developer changes the Workload, and it goes the same way.
    Path workload = dir.resolve("inventory-2.1.yaml");
    Files.writeString(
        workload,
        Files.readString(Path.of("../samples/apps/inventory.yaml")).replace(IMAGE_1, IMAGE_2));
    ok(cli(dana, "apply", "-f", workload.toString()));
    assertThat(platform.engine().awaitIdle(Duration.ofSeconds(60))).isTrue();
    ok(cli(dana, "promote", "inventory", "--from", "development", "--to", "staging", "--wait"));
    String second =
        promotionName(
            ok(cli(dana, "promote", "inventory", "--from", "staging", "--to", "production")).out());
    ok(cli(bob, "approve", second));
    ready(admin, "inventory-production");
    production = binding(admin, "inventory-production");
    assertThat(production.path("status").path("currentRevision").asLong()).isEqualTo(2);
    assertThat(production.path("spec").toString()).contains(IMAGE_2);

    // 7. The approver rolls production back to the previous revision: a new revision 3.
    Cli rollback = ok(cli(bob, "rollback", "inventory", "-e", "production"));
    assertThat(rollback.out()).contains("rolled back to revision 1");
    ready(admin, "inventory-production");
    production = binding(admin, "inventory-production");
    assertThat(production.path("status").path("currentRevision").asLong()).isEqualTo(3);
    assertThat(production.path("spec").path("deployableArtifactRef").asText()).isEqualTo(artifact1);
    assertThat(production.path("spec").toString()).contains(IMAGE_1).doesNotContain(IMAGE_2);
    Cli history = ok(cli(admin, "history", "inventory", "-e", "production"));
    assertThat(history.out().lines().skip(1).findFirst().orElseThrow())
        .startsWith("3*")
        .contains("Rollback")
        .contains("bob");

    // The audit log tells the story, with who did what.
    assertThat(platform.engine().awaitIdle(Duration.ofSeconds(60))).isTrue();
    JsonNode audit = Codec.JSON.readTree(ok(cli(admin, "audit", "-o", "json")).out());
    List<String> story = new ArrayList<>();
    for (JsonNode r : audit) {
      String action = r.path("action").asText();
      String actor = r.path("actor").path("user").asText();
      if (action.startsWith("promotion.") || action.startsWith("binding.")) {
        story.add(action + " " + actor + " " + r.path("target").asText());
      } else if (r.path("outcome").asText().equals("denied")) {
        story.add("denied " + actor + " " + r.path("target").asText());
      }
    }
    assertThat(story)
        .as(String.join("\n", story))
        .containsSubsequence(
            "denied dana DeploymentPipeline/default",
            "promotion.requested dana Promotion/" + first,
            "denied dana Promotion/" + first,
            "denied ci-bot Promotion/" + first,
            "promotion.approved bob Promotion/" + first,
            "promotion.applied system:troupe Promotion/" + first,
            "promotion.requested dana Promotion/" + second,
            "promotion.approved bob Promotion/" + second,
            "promotion.applied system:troupe Promotion/" + second);
    assertThat(story).anyMatch(s -> s.startsWith("binding.rollback bob "));

    // So does the Git history of the production data plane.
    List<String> log = gitLog(platform.gitopsDirectory().resolve("default").resolve("default.git"));
    assertThat(String.join("\n", log)).doesNotContain("trp_");
    assertThat(log)
        .as(String.join("\n", log))
        .containsSubsequence(
            "promotion.requested: inventory staging → production by dana (User)",
            "promotion.approved: inventory staging → production by bob (User): \"LGTM\"",
            "deploy shop/inventory in production: revision 1 (Promotion promotion/"
                + first
                + " approved by bob)",
            "update shop/inventory in production: revision 2 (Promotion promotion/"
                + second
                + " approved by bob)",
            "update shop/inventory in production: revision 3 (Rollback to revision 1 by bob)");
    assertThat(log).noneMatch(s -> s.contains("ci-bot"));
  }

  private String user(String admin, String name, String... flags) {
    List<String> args = new ArrayList<>(List.of("admin", "user", "create", name));
    args.addAll(List.of(flags));
    Cli r = ok(cli(admin, args.toArray(String[]::new)));
    Matcher m = TOKEN.matcher(r.out());
    assertThat(m.find()).as(r.toString()).isTrue();
    return m.group(1);
  }

  private JsonNode promotion(String token, String name) throws IOException {
    return Codec.JSON.readTree(ok(cli(token, "get", "promotion", name, "-o", "json")).out());
  }

  private JsonNode binding(String token, String name) throws IOException {
    return Codec.JSON.readTree(ok(cli(token, "get", "servicebinding", name, "-o", "json")).out());
  }

  private void ready(String token, String binding) {
    ok(cli(token, "wait", "servicebinding/" + binding, "--for=condition=Ready", "--timeout=90s"));
  }

  private static String promotionName(String out) {
    Matcher m = PROMOTION.matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return m.group(1);
  }

  /** Subjects of the repository's history, oldest first (read with the git CLI). */
  private static List<String> gitLog(Path repo) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("git", "--git-dir", repo.toString(), "log", "--reverse", "--format=%s")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out.lines().toList();
  }

  private static Cli ok(Cli r) {
    assertThat(r.code()).as(r.toString()).isZero();
    return r;
  }

  private Cli cli(String token, String... args) {
    return Cli.against(platform.uri(), token, dir, args);
  }
}
