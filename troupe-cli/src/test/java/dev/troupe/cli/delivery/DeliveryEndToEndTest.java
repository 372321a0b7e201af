package dev.troupe.cli.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.cli.remote.Cli;
import dev.troupe.server.platform.EmbeddedPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delivery verbs against the real embedded platform with the demo (store, controllers, Git,
 * HTTP API): promote through the pipeline, approve by a second identity, history, rollback, diff,
 * suspend and resume.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryEndToEndTest {
  private static final Pattern PROMOTION = Pattern.compile("promotion (\\S+): ");

  @TempDir static Path dir;
  EmbeddedPlatform platform;
  String admin;
  String approver;

  @BeforeAll
  void start() {
    platform =
        EmbeddedPlatform.start(
            new EmbeddedPlatform.Options(dir.resolve("data"), "127.0.0.1", 0, true));
    admin = platform.firstAdminToken().orElseThrow();
    assertThat(platform.engine().awaitIdle(Duration.ofSeconds(60))).isTrue();
    // The second identity of the README walkthrough: an approver of production only.
    Cli bob =
        cli(
            admin,
            "admin",
            "user",
            "create",
            "bob",
            "--role",
            "approver",
            "--org",
            "default",
            "--env",
            "production");
    assertThat(bob.code()).as(bob.toString()).isZero();
    Matcher token = Pattern.compile("(?m)^\\s+(trp_\\S+)$").matcher(bob.out());
    assertThat(token.find()).as(bob.toString()).isTrue();
    approver = token.group(1);
  }

  @AfterAll
  void stop() {
    platform.close();
  }

  @Test
  void promoteApproveHistoryRollbackAndDiff() throws Exception {
    // development -> staging has no gate: applied at once.
    Cli toStaging = cli(admin, "promote", "inventory", "--from", "development", "--to", "staging");
    assertThat(toStaging.code()).as(toStaging.toString()).isZero();
    assertThat(toStaging.out())
        .contains("inventory development -> staging, phase Applied")
        .contains("applied to ServiceBinding inventory-staging");
    ready("inventory-staging");

    // staging -> production needs an approval: Pending, and the output says how to approve.
    Cli toProduction =
        cli(
            admin,
            "promote",
            "inventory",
            "--from",
            "staging",
            "--to",
            "production",
            "--reason",
            "release 2.0.1");
    assertThat(toProduction.code()).as(toProduction.toString()).isZero();
    assertThat(toProduction.out())
        .contains("inventory staging -> production, phase Pending")
        .contains("other than the requester admin")
        .contains("approve with: troupe approve inventory-staging-to-production-");
    String name = promotionName(toProduction.out());

    Cli inbox = cli(approver, "get", "promotions", "--pending", "-e", "production");
    assertThat(inbox.code()).as(inbox.toString()).isZero();
    assertThat(inbox.out()).contains(name).contains("Pending").contains("admin").contains("0/1");

    // Four eyes: the requester cannot approve.
    Cli own = cli(admin, "approve", name);
    assertThat(own.code()).as(own.toString()).isEqualTo(1);
    assertThat(own.err()).contains("permission denied (403 APPROVAL_NOT_ALLOWED)");

    Cli approve = cli(approver, "approve", "promotion", name, "--comment", "LGTM");
    assertThat(approve.code()).as(approve.toString()).isZero();
    assertThat(approve.out()).contains("promotion " + name + " approved");
    ready("inventory-production");

    Cli history = cli(admin, "history", "inventory", "-e", "production");
    assertThat(history.code()).as(history.toString()).isZero();
    assertThat(history.out())
        .contains("Promotion")
        .contains("promotion/" + name)
        .contains("ghcr.io/acme/shop/inventory:2.0.1");
    assertThat(history.out().lines().skip(1).findFirst().orElseThrow()).startsWith("1*");

    // A new image in development, promoted to staging: staging's revision 2.
    Path workload = dir.resolve("inventory-2.1.yaml");
    Files.writeString(
        workload,
        Files.readString(Path.of("../samples/apps/inventory.yaml"))
            .replace("inventory:2.0.1", "inventory:2.1.0"));
    Cli apply = cli(admin, "apply", "-f", workload.toString());
    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(platform.engine().awaitIdle(Duration.ofSeconds(60))).isTrue();
    Cli again =
        cli(admin, "promote", "inventory", "--from", "development", "--to", "staging", "--wait");
    assertThat(again.code()).as(again.toString()).isZero();
    ready("inventory-staging");

    Cli revisions =
        cli(admin, "diff", "inventory", "-e", "staging", "--revision", "1", "--revision", "2");
    assertThat(revisions.code()).as(revisions.toString()).isEqualTo(1);
    assertThat(revisions.out())
        .contains("-          image: ghcr.io/acme/shop/inventory:2.0.1")
        .contains("+          image: ghcr.io/acme/shop/inventory:2.1.0");

    Cli environments = cli(admin, "diff", "inventory", "-e", "staging", "-e", "production");
    assertThat(environments.code()).as(environments.toString()).isEqualTo(1);
    assertThat(environments.out())
        .contains("--- staging/apps/v1/Deployment/inventory-staging-")
        .contains("+++ production/apps/v1/Deployment/inventory-production-")
        .contains("inventory:2.1.0")
        .doesNotContain("environment-name: staging");

    // Roll staging back to revision 1: a new revision 3 that restores 2.0.1.
    Cli rollback = cli(admin, "rollback", "inventory", "-e", "staging", "--reason", "smoke test");
    assertThat(rollback.code()).as(rollback.toString()).isZero();
    assertThat(rollback.out())
        .contains("inventory in staging: rolled back to revision 1 (now revision 3")
        .contains("inventory:2.0.1");
    Cli after = cli(admin, "history", "inventory", "-e", "staging");
    assertThat(after.out().lines().skip(1).findFirst().orElseThrow())
        .startsWith("3*")
        .contains("Rollback")
        .contains("rollback to 1");
    ready("inventory-staging");
    Cli sameAsOne =
        cli(admin, "diff", "inventory", "-e", "staging", "--revision", "1", "--revision", "3");
    assertThat(sameAsOne.code()).as(sameAsOne.toString()).isZero();

    // The Component summary follows the bindings once the controllers are done.
    assertThat(platform.engine().awaitIdle(Duration.ofSeconds(60))).isTrue();
    assertThat(cli(admin, "status", "inventory").out())
        .contains("staging       Active   3")
        .contains("production    Active   1");

    Cli suspend = cli(admin, "suspend", "inventory", "-e", "staging", "--reason", "load test");
    assertThat(suspend.code()).as(suspend.toString()).isZero();
    assertThat(suspend.out()).contains("inventory in staging: suspended (release state Suspend");
    Cli twice = cli(admin, "suspend", "inventory", "-e", "staging");
    assertThat(twice.out()).contains("already suspended, nothing changed");
    Cli resume = cli(admin, "resume", "inventory", "-e", "staging");
    assertThat(resume.code()).as(resume.toString()).isZero();
    assertThat(resume.out()).contains("inventory in staging: resumed (release state Active");
    ready("inventory-staging");
  }

  @Test
  void undeployThenResumeDeploysAgain() {
    Cli undeploy = cli(admin, "undeploy", "reports", "-e", "development", "--reason", "e2e");
    assertThat(undeploy.code()).as(undeploy.toString()).isZero();
    assertThat(undeploy.out())
        .contains("reports in development: undeployed (release state Undeploy");
    Cli gone =
        cli(
            admin,
            "wait",
            "scheduledtaskbinding/reports",
            "--for=condition=Ready=False",
            "--timeout=60s");
    assertThat(gone.code()).as(gone.toString()).isZero();

    Cli resume = cli(admin, "resume", "reports", "-e", "development");
    assertThat(resume.code()).as(resume.toString()).isZero();
    Cli back =
        cli(
            admin,
            "wait",
            "scheduledtaskbinding/reports",
            "--for=condition=Ready",
            "--timeout=60s");
    assertThat(back.code()).as(back.toString()).isZero();
  }

  @Test
  void statusShowsThePipeline() {
    Cli status = cli(admin, "status", "storefront");
    assertThat(status.code()).as(status.toString()).isZero();
    assertThat(status.out())
        .contains("component storefront (project shop)")
        .contains("development")
        .contains("Active")
        .contains("https://storefront-dev.");
  }

  @Test
  void unknownEnvironmentAndPathAreExplained() {
    Cli path = cli(admin, "promote", "orders", "--from", "development", "--to", "production");
    assertThat(path.code()).as(path.toString()).isEqualTo(1);
    assertThat(path.err()).contains("INVALID_PROMOTION_PATH").contains("staging");

    Cli history = cli(admin, "history", "orders", "-e", "nowhere");
    assertThat(history.code()).as(history.toString()).isEqualTo(1);
    assertThat(history.err()).contains("BINDING_NOT_FOUND");
  }

  private void ready(String binding) {
    Cli wait =
        cli(admin, "wait", "servicebinding/" + binding, "--for=condition=Ready", "--timeout=60s");
    assertThat(wait.code()).as(wait.toString()).isZero();
  }

  private static String promotionName(String out) {
    Matcher m = PROMOTION.matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return m.group(1);
  }

  private Cli cli(String token, String... args) {
    return Cli.against(platform.uri(), token, dir, args);
  }
}
