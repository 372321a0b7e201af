package dev.troupe.cli.delivery;

import static dev.troupe.cli.delivery.Fixtures.COMPONENT;
import static dev.troupe.cli.delivery.Fixtures.NAME;
import static dev.troupe.cli.delivery.Fixtures.ORG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.cli.remote.Cli;
import dev.troupe.cli.remote.FakeApi;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** promote, approve, reject, withdraw and get promotions against a fake server. */
class PromotionCommandsTest {
  static final String PROMOTIONS = ORG + "/promotions";

  @TempDir Path dir;
  FakeApi api;

  @BeforeEach
  void start() throws Exception {
    api = new FakeApi();
    api.on(
        "GET", ORG + "/components/orders", (x, r, n) -> FakeApi.json(x, 200, Fixtures.component()));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void promoteWithoutAGateIsAppliedAndNamesTheTargetBinding() {
    ObjectNode applied = Fixtures.promotion("Applied", false, 0);
    applied.with("metadata").put("name", "orders-development-to-staging-x1y2z");
    api.on(
        "POST",
        COMPONENT + "/promote",
        (x, r, n) -> {
          ObjectNode body = JsonNodeFactory.instance.objectNode();
          body.set("promotion", applied);
          body.putArray("items")
              .add(Fixtures.bindingView("orders-staging", "staging", 2, "Active"));
          FakeApi.json(x, 200, body);
        });

    Cli run =
        Cli.run(
            api,
            dir,
            "promote",
            "orders",
            "--from",
            "development",
            "--to",
            "staging",
            "--reason",
            "release 1.4");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("promotion orders-development-to-staging-x1y2z: orders staging -> production")
        .contains("phase Applied")
        .contains(
            "applied to ServiceBinding orders-staging: revision 2, image ghcr.io/acme/orders:1.4,"
                + " status Active");
    FakeApi.Request post = api.requests("POST", COMPONENT + "/promote").getFirst();
    assertThat(post.json().toString())
        .isEqualTo(
            "{\"sourceEnv\":\"development\",\"targetEnv\":\"staging\",\"reason\":\"release 1.4\"}");
    assertThat(post.query()).doesNotContainKey("dryRun");
  }

  @Test
  void promoteBehindAGateSaysWhoMustApproveAndHow() {
    api.on(
        "POST",
        COMPONENT + "/promote",
        (x, r, n) -> FakeApi.json(x, 202, wrap(Fixtures.promotion("Pending", true, 0))));

    Cli run =
        Cli.run(
            api,
            dir,
            "promote",
            "orders",
            "-p",
            "shop",
            "--from",
            "staging",
            "--to",
            "production",
            "--allow-unready",
            "--expires-after",
            "24h");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("promotion " + NAME + ": orders staging -> production, phase Pending")
        .contains(
            "waiting for 1 approval (0 so far) by an identity allowed to approve in"
                + " \"production\" other than the requester alice")
        .contains("approve with: troupe approve " + NAME + " [--comment TEXT]")
        .contains("reject with:  troupe reject " + NAME + " --comment TEXT");
    // -p given: the component is not read to find its project.
    assertThat(api.requests("GET", ORG + "/components/orders")).isEmpty();
    assertThat(api.requests("POST", COMPONENT + "/promote").getFirst().json().toString())
        .contains("\"allowUnreadySource\":true")
        .contains("\"expiresAfter\":\"24h\"");
  }

  @Test
  void promoteWaitFollowsTheWatchUntilApplied() {
    api.on(
        "POST",
        COMPONENT + "/promote",
        (x, r, n) -> FakeApi.json(x, 202, wrap(Fixtures.promotion("Pending", true, 0))));
    api.on(
        "GET",
        PROMOTIONS,
        (x, r, n) -> {
          if (!"true".equals(r.query().get("watch"))) {
            FakeApi.json(x, 200, FakeApi.list("10", null, Fixtures.promotion("Pending", true, 0)));
            return;
          }
          FakeApi.sse(x)
              .raw(": keep-alive\n\n")
              .event("11", "MODIFIED", Fixtures.promotion("Pending", true, 0))
              .event("12", "MODIFIED", Fixtures.promotion("Approved", true, 1))
              .event("13", "MODIFIED", Fixtures.promotion("Applied", true, 1));
          api.holdOpen();
        });

    Cli run =
        Cli.run(
            api,
            dir,
            "promote",
            "orders",
            "--from",
            "staging",
            "--to",
            "production",
            "--wait",
            "--timeout",
            "30s");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("phase Pending")
        .contains("waiting up to 30s")
        .contains(NAME + ": orders staging -> production, phase Approved")
        .contains(NAME + ": orders staging -> production, phase Applied")
        .contains("applied to ServiceBinding orders-production");
    FakeApi.Request watch =
        api.requests("GET", PROMOTIONS).stream()
            .filter(r -> "true".equals(r.query().get("watch")))
            .findFirst()
            .orElseThrow();
    assertThat(watch.query())
        .containsEntry("resourceVersion", "10")
        .containsEntry(
            "labelSelector",
            "openchoreo.dev/component=orders,openchoreo.dev/environment=production");
    // Waiting never polls the promotion itself.
    assertThat(api.requests("GET", PROMOTIONS + "/" + NAME)).isEmpty();
  }

  @Test
  void promoteWaitEndingRejectedExitsThreeWithTheReason() {
    api.on(
        "POST",
        COMPONENT + "/promote",
        (x, r, n) -> FakeApi.json(x, 202, wrap(Fixtures.promotion("Pending", true, 0))));
    api.on(
        "GET",
        PROMOTIONS,
        (x, r, n) -> {
          if (!"true".equals(r.query().get("watch"))) {
            FakeApi.json(x, 200, FakeApi.list("10", null, Fixtures.promotion("Pending", true, 0)));
            return;
          }
          FakeApi.sse(x)
              .event(
                  "11",
                  "MODIFIED",
                  Fixtures.withReady(
                      Fixtures.promotion("Rejected", true, 0), "Rejected", "rejected by bob"));
          api.holdOpen();
        });

    Cli run =
        Cli.run(api, dir, "promote", "orders", "--from", "staging", "--to", "production", "--wait");

    assertThat(run.code()).as(run.toString()).isEqualTo(3);
    assertThat(run.err())
        .contains("promotion " + NAME + " ended Rejected (Rejected: rejected by bob)");
  }

  @Test
  void promoteWaitTimesOutWithExitThree() {
    api.on(
        "POST",
        COMPONENT + "/promote",
        (x, r, n) -> FakeApi.json(x, 202, wrap(Fixtures.promotion("Pending", true, 0))));
    api.on(
        "GET",
        PROMOTIONS,
        (x, r, n) -> {
          if (!"true".equals(r.query().get("watch"))) {
            FakeApi.json(x, 200, FakeApi.list("10", null, Fixtures.promotion("Pending", true, 0)));
            return;
          }
          FakeApi.sse(x).raw(": keep-alive\n\n");
          api.holdOpen();
        });

    Cli run =
        Cli.run(
            api,
            dir,
            "promote",
            "orders",
            "--from",
            "staging",
            "--to",
            "production",
            "--wait",
            "--timeout",
            "1s",
            "-o",
            "name");

    assertThat(run.code()).as(run.toString()).isEqualTo(3);
    assertThat(run.out()).isEqualTo("promotion/" + NAME + "\n");
    assertThat(run.err()).contains("timed out after 1s: promotion " + NAME + " is still Pending");
  }

  @Test
  void anInvalidPathIsReportedWithTheServersDetail() {
    api.on(
        "POST",
        COMPONENT + "/promote",
        (x, r, n) ->
            problem(
                x,
                400,
                "INVALID_PROMOTION_PATH",
                "spec.targetEnvironment: no promotion path from \"development\" to"
                    + " \"production\"; allowed targets from \"development\": staging",
                "spec.targetEnvironment",
                "no promotion path from \"development\" to \"production\"; allowed targets from"
                    + " \"development\": staging"));

    Cli run = Cli.run(api, dir, "promote", "orders", "--from", "development", "--to", "production");

    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    // The field error repeats the detail: said once.
    assertThat(run.err())
        .isEqualTo(
            "troupe: error: 400 INVALID_PROMOTION_PATH: spec.targetEnvironment: no promotion path"
                + " from \"development\" to \"production\"; allowed targets from"
                + " \"development\": staging\n");
  }

  @Test
  void anUnknownComponentSaysWhereItLooked() {
    Cli run = Cli.run(api, dir, "promote", "nope", "--from", "a", "--to", "b", "-n", "acme");

    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.err())
        .contains("component \"nope\" not found in organization \"acme\"")
        .contains("hint: list the components with: troupe get components -n acme");
  }

  @Test
  void promoteDryRunSendsDryRun() {
    api.on(
        "POST",
        COMPONENT + "/promote",
        (x, r, n) -> FakeApi.json(x, 200, wrap(Fixtures.promotion("Pending", true, 0))));

    Cli run =
        Cli.run(
            api, dir, "promote", "orders", "--from", "staging", "--to", "production", "--dry-run");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("is valid (dry run: nothing was requested)");
    assertThat(api.requests("POST", COMPONENT + "/promote").getFirst().query())
        .containsEntry("dryRun", "true");
  }

  @Test
  void promoteNeedsFromAndTo() {
    Cli run = Cli.run(api, dir, "promote", "orders", "--to", "production");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--from");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void approveByNameOrWithTheNounSendsTheComment() {
    api.on(
        "POST",
        PROMOTIONS + "/" + NAME + "/approve",
        (x, r, n) -> FakeApi.json(x, 200, Fixtures.promotion("Applied", true, 1)));

    Cli run = Cli.run(api, dir, "approve", "promotion", NAME, "--comment", "LGTM");
    Cli plain = Cli.run(api, dir, "approve", NAME);

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("promotion " + NAME + " approved")
        .contains("phase Applied, approvals 1/1")
        .contains("applied to ServiceBinding orders-production");
    assertThat(plain.code()).as(plain.toString()).isZero();
    var requests = api.requests("POST", PROMOTIONS + "/" + NAME + "/approve");
    assertThat(requests.get(0).json().toString()).isEqualTo("{\"comment\":\"LGTM\"}");
    assertThat(requests.get(1).json().toString()).isEqualTo("{}");
  }

  @Test
  void approvingOnesOwnPromotionReadsWell() {
    api.on(
        "POST",
        PROMOTIONS + "/" + NAME + "/approve",
        (x, r, n) ->
            problem(
                x,
                403,
                "APPROVAL_NOT_ALLOWED",
                "the requester cannot approve their own promotion",
                "",
                "the requester cannot approve their own promotion"));

    Cli run = Cli.run(api, dir, "approve", NAME);

    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "troupe: error: permission denied (403 APPROVAL_NOT_ALLOWED): the requester cannot"
                + " approve their own promotion\n"
                + "  hint: another identity that may approve in the target environment must"
                + " decide\n");
  }

  @Test
  void rejectNeedsAComment() {
    Cli without = Cli.run(api, dir, "reject", NAME);
    assertThat(without.code()).isEqualTo(2);
    assertThat(without.err()).contains("--comment");
    assertThat(api.requests()).isEmpty();

    api.on(
        "POST",
        PROMOTIONS + "/" + NAME + "/reject",
        (x, r, n) ->
            FakeApi.json(
                x,
                200,
                Fixtures.withReady(Fixtures.promotion("Rejected", true, 0), "Rejected", "no")));
    Cli with = Cli.run(api, dir, "reject", NAME, "--comment", "fails the load test");
    assertThat(with.code()).as(with.toString()).isZero();
    assertThat(with.out()).contains("promotion " + NAME + " rejected").contains("phase Rejected");
    assertThat(
            api.requests("POST", PROMOTIONS + "/" + NAME + "/reject").getFirst().json().toString())
        .isEqualTo("{\"comment\":\"fails the load test\"}");
  }

  @Test
  void withdrawInAnotherOrganization() {
    String path = "/api/v1/orgs/acme/promotions/" + NAME + "/withdraw";
    api.on(
        "POST",
        path,
        (x, r, n) ->
            FakeApi.json(
                x,
                200,
                Fixtures.withReady(Fixtures.promotion("Rejected", true, 0), "Withdrawn", "")));

    Cli run = Cli.run(api, dir, "withdraw", "promotion", NAME, "-n", "acme", "--dry-run");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("promotion " + NAME + " withdrawn (dry run: nothing was recorded)")
        .contains("phase Rejected, approvals 0/1 (Withdrawn)");
    assertThat(api.requests("POST", path).getFirst().query()).containsEntry("dryRun", "true");
  }

  @Test
  void aWrongNounIsAUsageError() {
    Cli run = Cli.run(api, dir, "approve", "build", NAME);

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("expected NAME or 'promotion NAME'");
    assertThat(api.requests("POST", PROMOTIONS + "/" + NAME + "/approve")).isEmpty();
  }

  @Test
  void getPromotionsPendingIntoOneEnvironment() {
    ObjectNode applied = Fixtures.promotion("Applied", true, 1);
    applied.with("metadata").put("name", "orders-staging-to-production-old01");
    api.on(
        "GET",
        PROMOTIONS,
        (x, r, n) ->
            FakeApi.json(
                x, 200, FakeApi.list("9", null, applied, Fixtures.promotion("Pending", true, 0))));

    Cli run = Cli.run(api, dir, "get", "promotions", "--pending", "-e", "production");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out().lines().toList()).hasSize(2);
    assertThat(run.out().lines().map(l -> l.split(" {3,}")[0])).containsExactly("NAME", NAME);
    assertThat(run.out())
        .contains("COMPONENT   FROM      TO           PHASE     REQUESTED BY   AGE")
        .contains("APPROVALS")
        .contains("orders      staging   production   Pending   alice")
        .contains("0/1");
    assertThat(api.requests("GET", PROMOTIONS).getFirst().query())
        .containsEntry("labelSelector", "openchoreo.dev/environment=production");
  }

  @Test
  void pendingIsOnlyForPromotions() {
    Cli run = Cli.run(api, dir, "get", "components", "--pending");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--pending and -e select promotions");
  }

  /** A problem whose {@code errors[]} holds one field error, as the server sends them. */
  private static void problem(
      com.sun.net.httpserver.HttpExchange x,
      int status,
      String code,
      String detail,
      String path,
      String message)
      throws java.io.IOException {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("title", code);
    p.put("status", status);
    p.put("detail", detail);
    p.put("code", code);
    ObjectNode e = p.putArray("errors").addObject();
    e.put("path", path);
    e.put("message", message);
    FakeApi.send(
        x,
        status,
        "application/problem+json",
        p.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static ObjectNode wrap(ObjectNode promotion) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("promotion", promotion);
    return body;
  }
}
