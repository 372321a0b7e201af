package dev.troupe.cli.delivery;

import static dev.troupe.cli.delivery.Fixtures.COMPONENT;
import static dev.troupe.cli.delivery.Fixtures.ORG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.cli.remote.Cli;
import dev.troupe.cli.remote.FakeApi;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** history, rollback, suspend/resume/undeploy, diff and status against a fake server. */
class BindingCommandsTest {
  static final String PRODUCTION = COMPONENT + "/bindings/production";

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
  void historyPrintsTheTable() {
    api.on(
        "GET",
        PRODUCTION + "/revisions",
        (x, r, n) -> FakeApi.json(x, 200, FakeApi.yaml(HistoryTableTest.REVISIONS)));

    Cli run = Cli.run(api, dir, "history", "orders", "-e", "production");
    Cli rollout =
        Cli.run(api, dir, "rollout", "history", "orders", "-e", "production", "-o", "json");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("REVISION   REASON").contains("4*").contains("rollback to 2");
    assertThat(rollout.code()).as(rollout.toString()).isZero();
    assertThat(rollout.out()).contains("\"currentRevision\" : 4");
  }

  @Test
  void historyNeedsAnEnvironment() {
    Cli run = Cli.run(api, dir, "history", "orders");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--env");
  }

  @Test
  void rollbackSendsTheRevisionAndSaysWhatRunsNow() {
    api.on(
        "POST",
        PRODUCTION + "/rollback",
        (x, r, n) -> {
          ObjectNode answer = FakeApi.yaml("revision: 5");
          answer.set(
              "binding", Fixtures.bindingView("orders-production", "production", 5, "Active"));
          FakeApi.json(x, 200, answer);
        });

    Cli run =
        Cli.run(
            api,
            dir,
            "rollback",
            "orders",
            "-e",
            "production",
            "--to-revision",
            "2",
            "--reason",
            "5xx since 1.4");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "orders in production: rolled back to revision 2 (now revision 5, image"
                + " ghcr.io/acme/orders:1.4, status Active)\n");
    assertThat(api.requests("POST", PRODUCTION + "/rollback").getFirst().json().toString())
        .isEqualTo("{\"toRevision\":2,\"reason\":\"5xx since 1.4\"}");
  }

  @Test
  void theDefaultRollbackTargetIsReadFromTheRecordedRevision() {
    ObjectNode binding =
        FakeApi.yaml(
            """
            metadata:
              annotations:
                openchoreo.dev/change-cause: '{"reason":"Rollback","ref":"revision/3","by":"bob"}'
            status:
              currentRevision: 7
              history:
              - {revision: 7, cause: {rolledBackTo: 6}}
            """);
    assertThat(RollbackCommand.restored(binding)).isEqualTo(6L);
    ((ObjectNode) binding.get("status")).remove("history");
    assertThat(RollbackCommand.restored(binding)).isEqualTo(3L);
    assertThat(RollbackCommand.restored(FakeApi.yaml("{}"))).isNull();
  }

  @Test
  void rollbackToANonsenseRevisionIsAUsageError() {
    Cli run = Cli.run(api, dir, "rollback", "orders", "-e", "production", "--to-revision", "0");

    assertThat(run.code()).isEqualTo(2);
    assertThat(api.requests("POST", PRODUCTION + "/rollback")).isEmpty();
  }

  @Test
  void suspendSaysWhetherSomethingChanged() {
    api.on(
        "POST",
        PRODUCTION + "/suspend",
        (x, r, n) -> {
          ObjectNode answer = FakeApi.yaml("changed: " + (n == 1));
          ObjectNode view = Fixtures.bindingView("orders-production", "production", 5, "Suspended");
          view.put("releaseState", "Suspend");
          answer.set("binding", view);
          FakeApi.json(x, 200, answer);
        });

    Cli first = Cli.run(api, dir, "suspend", "orders", "-e", "production", "--reason", "incident");
    Cli second = Cli.run(api, dir, "suspend", "orders", "-e", "production");

    assertThat(first.out())
        .isEqualTo("orders in production: suspended (release state Suspend, status Suspended)\n");
    assertThat(second.out())
        .isEqualTo(
            "orders in production: already suspended, nothing changed (release state Suspend,"
                + " status Suspended)\n");
    assertThat(api.requests("POST", PRODUCTION + "/suspend").getFirst().json().toString())
        .isEqualTo("{\"reason\":\"incident\"}");
  }

  @Test
  void resumeAndUndeployUseTheirPaths() {
    for (String verb : new String[] {"resume", "undeploy"}) {
      api.on(
          "POST",
          PRODUCTION + "/" + verb,
          (x, r, n) -> {
            ObjectNode answer = FakeApi.yaml("changed: true");
            answer.set(
                "binding", Fixtures.bindingView("orders-production", "production", 5, "Active"));
            FakeApi.json(x, 200, answer);
          });
      Cli run = Cli.run(api, dir, verb, "orders", "-e", "production", "--dry-run");
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.out()).contains(verb.equals("resume") ? "resumed" : "undeployed");
      assertThat(api.requests("POST", PRODUCTION + "/" + verb).getFirst().query())
          .containsEntry("dryRun", "true");
    }
  }

  @Test
  void diffBetweenEnvironmentsExitsOneWhenDifferentAndZeroWhenEqual() {
    String staging = COMPONENT + "/bindings/staging";
    api.on(
        "GET",
        staging,
        (x, r, n) ->
            FakeApi.json(x, 200, Fixtures.bindingView("orders-staging", "staging", 3, "Active")));
    api.on(
        "GET",
        PRODUCTION,
        (x, r, n) ->
            FakeApi.json(
                x, 200, Fixtures.bindingView("orders-production", "production", 4, "Active")));
    api.on(
        "GET",
        staging + "/rendered",
        (x, r, n) ->
            FakeApi.json(
                x,
                200,
                rendered(
                    "staging",
                    3,
                    RenderedDiffTest.deployment(
                        "orders-staging-1a2b3c4d", "dp-s", "staging", "orders:1.5"))));
    api.on(
        "GET",
        PRODUCTION + "/rendered",
        (x, r, n) ->
            FakeApi.json(
                x,
                200,
                rendered(
                    "production",
                    4,
                    RenderedDiffTest.deployment(
                        "orders-production-5e6f7a8b", "dp-p", "production", "orders:1.4"))));

    Cli run = Cli.run(api, dir, "diff", "orders", "-e", "staging", "-e", "production");

    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.out())
        .startsWith(
            "--- staging/apps/v1/Deployment/orders-staging-1a2b3c4d\n"
                + "+++ production/apps/v1/Deployment/orders-production-5e6f7a8b\n")
        .contains("-          image: orders:1.5\n+          image: orders:1.4\n");
    assertThat(run.err())
        .contains("staging and production: 1 changed, 0 only in staging, 0 only in production")
        .contains("normalised");

    Cli same = Cli.run(api, dir, "diff", "orders", "-e", "staging", "-e", "staging");
    assertThat(same.code()).isEqualTo(2);
  }

  @Test
  void diffOfRevisionsAsksForEachRevision() {
    JsonNode d = RenderedDiffTest.deployment("orders-1a2b3c4d", "dp", "production", "o:1");
    api.on(
        "GET",
        PRODUCTION + "/rendered",
        (x, r, n) -> {
          String rev = r.query().getOrDefault("revision", "4");
          FakeApi.json(x, 200, rendered("production", Long.parseLong(rev), d));
        });

    Cli equal =
        Cli.run(
            api, dir, "diff", "orders", "-e", "production", "--revision", "3", "--revision", "4");
    Cli againstCurrent = Cli.run(api, dir, "diff", "orders", "-e", "production", "--revision", "2");

    assertThat(equal.code()).as(equal.toString()).isZero();
    assertThat(equal.out()).isEmpty();
    assertThat(equal.err())
        .contains("No differences in the 1 rendered object of production@3 and production@4.");
    assertThat(againstCurrent.code()).as(againstCurrent.toString()).isZero();
    assertThat(againstCurrent.err()).contains("production@2 and production@4");
    assertThat(api.requests("GET", PRODUCTION + "/rendered"))
        .extracting(r -> r.query().get("revision"))
        .containsExactly("3", "4", "2", null);
  }

  @Test
  void diffArgumentsAreChecked() {
    assertThat(Cli.run(api, dir, "diff", "orders", "-e", "a").code()).isEqualTo(2);
    assertThat(Cli.run(api, dir, "diff", "orders", "-e", "a", "-e", "b", "--revision", "1").code())
        .isEqualTo(2);
    Cli r =
        Cli.run(
            api,
            dir,
            "diff",
            "orders",
            "-e",
            "a",
            "--revision",
            "1",
            "--revision",
            "2",
            "--revision",
            "3");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("got 1 environment(s) and 3 revision(s)");
  }

  @Test
  void statusListsTheEnvironmentsInPipelineOrder() {
    api.on(
        "GET",
        COMPONENT + "/status",
        (x, r, n) ->
            FakeApi.json(
                x,
                200,
                FakeApi.yaml(
                    """
                    component: orders
                    status:
                      environments:
                      - environment: development
                        displayStatus: Active
                        releaseState: Active
                        currentRevision: 2
                        images: {main: "orders:1.4"}
                        ready: {status: "True", reason: ResourcesActive, message: ok}
                        endpoints:
                        - name: api
                          project: {uri: "http://orders.dp:8080/"}
                          public: {uri: "https://dev.example.com/orders"}
                      - environment: production
                        displayStatus: NotYetDeployed
                    """)));

    Cli run = Cli.run(api, dir, "status", "orders", "-o", "wide");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out().lines().toList())
        .containsExactly(
            "component orders (project shop)",
            "ENV           STATUS           REVISION   IMAGE        ENDPOINTS                   "
                + "     REASON            MESSAGE",
            "development   Active           2          orders:1.4   https://dev.example.com/orders"
                + "   ResourcesActive   ok",
            "production    NotYetDeployed   <none>     <none>       <none>");
  }

  private static ObjectNode rendered(String env, long revision, JsonNode... objects) {
    ObjectNode r = FakeApi.yaml("environment: " + env + "\nrevision: " + revision);
    var a = r.putArray("objects");
    for (JsonNode o : objects) {
      a.add(o);
    }
    return r;
  }
}
