package dev.troupe.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaitCommandTest {
  static final String BINDINGS = "/api/v1/orgs/default/servicebindings";
  static final String BINDING = BINDINGS + "/greeter-dev";

  @TempDir Path dir;
  FakeApi api;

  @BeforeEach
  void start() throws Exception {
    api = new FakeApi();
    api.on("GET", BINDINGS, (x, r, n) -> FakeApi.json(x, 200, FakeApi.list("5", null)));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  static ObjectNode binding(String name, String ready, String reason, String message) {
    return FakeApi.yaml(
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: ServiceBinding
        metadata:
          name: %s
          namespace: default
          generation: 2
          resourceVersion: "4"
        status:
          conditions:
          - type: Ready
            status: "%s"
            reason: %s
            message: "%s"
            observedGeneration: 2
        """
            .formatted(name, ready, reason, message));
  }

  @Test
  void exitsZeroWhenTheWatchDeliversReady() throws Exception {
    api.on(
        "GET",
        BINDING,
        (x, r, n) ->
            FakeApi.json(
                x,
                200,
                binding("greeter-dev", "False", "ResourceHealthProgressing", "1/1 progressing")));
    // One route serves both the list and the watch: the watch is the request with watch=true.
    api.on(
        "GET",
        BINDINGS,
        (x, r, n) -> {
          if (!"true".equals(r.query().get("watch"))) {
            FakeApi.json(x, 200, FakeApi.list("5", null));
            return;
          }
          FakeApi.sse(x)
              .raw(": keep-alive\n\n")
              .event("6", "MODIFIED", binding("other", "True", "ResourcesActive", ""))
              .event("7", "MODIFIED", binding("greeter-dev", "True", "ResourcesActive", "ok"));
          api.holdOpen();
        });

    Cli run =
        Cli.run(
            api,
            dir,
            "wait",
            "servicebinding/greeter-dev",
            "--for=condition=Ready",
            "--timeout=30s");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("servicebinding/greeter-dev condition met\n");
    FakeApi.Request watch =
        api.requests("GET", BINDINGS).stream()
            .filter(r -> "true".equals(r.query().get("watch")))
            .findFirst()
            .orElseThrow();
    assertThat(watch.query()).containsEntry("resourceVersion", "5");
    assertThat(watch.header("Accept")).isEqualTo("text/event-stream");
    assertThat(watch.header("Authorization")).isEqualTo("Bearer " + FakeApi.TOKEN);
    FakeApi.Request list = api.requests("GET", BINDINGS).getFirst();
    assertThat(list.query()).containsEntry("limit", "1");
  }

  @Test
  void exitsThreeOnTimeoutNamingTheCurrentReason() throws Exception {
    api.on(
        "GET",
        BINDING,
        (x, r, n) ->
            FakeApi.json(
                x, 200, binding("greeter-dev", "False", "ResourceHealthDegraded", "1/1 degraded")));
    api.on(
        "GET",
        BINDINGS,
        (x, r, n) -> {
          if (!"true".equals(r.query().get("watch"))) {
            FakeApi.json(x, 200, FakeApi.list("5", null));
            return;
          }
          FakeApi.sse(x).raw(": keep-alive\n\n");
          api.holdOpen();
        });

    Cli run =
        Cli.run(
            api,
            dir,
            "wait",
            "servicebinding",
            "greeter-dev",
            "--for=condition=Ready=True",
            "--timeout=1s");

    assertThat(run.code()).as(run.toString()).isEqualTo(3);
    assertThat(run.err())
        .contains(
            "timed out after 1s waiting for condition Ready=True on servicebinding/greeter-dev")
        .contains("Ready is False, reason ResourceHealthDegraded: 1/1 degraded");
  }

  @Test
  void aConditionAlreadyMetNeedsNoWatch() throws Exception {
    api.on(
        "GET",
        BINDING,
        (x, r, n) ->
            FakeApi.json(x, 200, binding("greeter-dev", "False", "ResourcesSuspended", "")));

    Cli run =
        Cli.run(api, dir, "wait", "servicebinding/greeter-dev", "--for=condition=Ready=false");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(api.requests("GET", BINDINGS)).noneMatch(r -> "true".equals(r.query().get("watch")));
  }

  @Test
  void resumesAfterADroppedConnectionWithLastEventId() throws Exception {
    api.on(
        "GET",
        BINDING,
        (x, r, n) -> FakeApi.json(x, 200, binding("greeter-dev", "False", "ReleasePending", "")));
    api.on(
        "GET",
        BINDINGS,
        (x, r, n) -> {
          if (!"true".equals(r.query().get("watch"))) {
            FakeApi.json(x, 200, FakeApi.list("5", null));
            return;
          }
          FakeApi.Sse sse = FakeApi.sse(x);
          if (r.header("Last-Event-ID") == null) {
            sse.event(
                "9", "MODIFIED", binding("greeter-dev", "False", "ResourceHealthProgressing", ""));
            return; // the connection drops
          }
          sse.event("10", "MODIFIED", binding("greeter-dev", "True", "ResourcesActive", ""));
          api.holdOpen();
        });

    Cli run =
        Cli.run(api, dir, "wait", "servicebinding/greeter-dev", "--for=ready", "--timeout=30s");

    assertThat(run.code()).as(run.toString()).isZero();
    var watches =
        api.requests("GET", BINDINGS).stream()
            .filter(r -> "true".equals(r.query().get("watch")))
            .toList();
    assertThat(watches).hasSize(2);
    assertThat(watches.get(1).header("Last-Event-ID")).isEqualTo("9");
    assertThat(watches.get(1).query()).containsEntry("resourceVersion", "9");
  }

  @Test
  void waitsForDeletion() throws Exception {
    api.on(
        "GET",
        BINDING,
        (x, r, n) -> FakeApi.json(x, 200, binding("greeter-dev", "True", "ResourcesActive", "")));
    api.on(
        "GET",
        BINDINGS,
        (x, r, n) -> {
          if (!"true".equals(r.query().get("watch"))) {
            FakeApi.json(x, 200, FakeApi.list("5", null));
            return;
          }
          FakeApi.sse(x)
              .event("6", "DELETED", binding("greeter-dev", "True", "ResourcesActive", ""));
          api.holdOpen();
        });

    Cli run = Cli.run(api, dir, "wait", "servicebinding/greeter-dev", "--for=delete");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("servicebinding/greeter-dev deleted\n");
  }

  @Test
  void restartsFromAFreshReadWhenTheResumePointIsGone() throws Exception {
    api.on(
        "GET",
        BINDING,
        (x, r, n) ->
            FakeApi.json(
                x,
                200,
                n == 1
                    ? binding("greeter-dev", "False", "ReleasePending", "")
                    : binding("greeter-dev", "True", "ResourcesActive", "")));
    api.on(
        "GET",
        BINDINGS,
        (x, r, n) -> {
          if (!"true".equals(r.query().get("watch"))) {
            FakeApi.json(x, 200, FakeApi.list("5", null));
            return;
          }
          FakeApi.sse(x)
              .raw(
                  "event: ERROR\ndata: {\"type\":\"ERROR\",\"object\":{\"status\":410,\"code\":\"GONE\","
                      + "\"detail\":\"too old\"}}\n\n");
        });

    Cli run = Cli.run(api, dir, "wait", "servicebinding/greeter-dev", "--for=condition=Ready");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(api.requests("GET", BINDING)).hasSize(2);
  }

  @Test
  void aMissingObjectIsAnError() throws Exception {
    api.on("GET", BINDING, (x, r, n) -> FakeApi.problem(x, 404, "NOT_FOUND", "not found"));

    Cli run = Cli.run(api, dir, "wait", "servicebinding/greeter-dev", "--for=condition=Ready");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .contains("servicebinding/greeter-dev not found in organization \"default\"");
  }

  @Test
  void aBadConditionIsAUsageError() {
    Cli run = Cli.run(api, dir, "wait", "servicebinding/greeter-dev", "--for=green");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("expected condition=TYPE[=STATUS]");
  }
}
