package dev.troupe.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** delete, describe and events against the fake server. */
class OtherCommandsTest {
  @TempDir Path dir;
  FakeApi api;

  @BeforeEach
  void start() throws Exception {
    api = new FakeApi();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void deleteByNameSendsThePropagation() throws Exception {
    api.on(
        "DELETE",
        "/api/v1/orgs/acme/components/greeter",
        (x, r, n) -> FakeApi.json(x, 200, JsonNodeFactory.instance.objectNode()));
    api.on(
        "DELETE",
        "/api/v1/orgs/acme/components/gone",
        (x, r, n) -> FakeApi.problem(x, 404, "NOT_FOUND", "no"));

    Cli run =
        Cli.run(
            api,
            dir,
            "delete",
            "component",
            "greeter",
            "gone",
            "-n",
            "acme",
            "--cascade=foreground");

    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).isEqualTo("component/greeter deleted\n");
    assertThat(run.err()).contains("component/gone not found");
    FakeApi.Request req = api.requests("DELETE", "/api/v1/orgs/acme/components/greeter").getFirst();
    assertThat(req.query()).containsEntry("propagation", "Foreground");
    assertThat(req.header("Authorization")).isEqualTo("Bearer " + FakeApi.TOKEN);
  }

  @Test
  void deleteClusterScopedUsesTheClusterPath() throws Exception {
    api.on(
        "DELETE",
        "/api/v1/organizations/acme",
        (x, r, n) -> FakeApi.json(x, 200, JsonNodeFactory.instance.objectNode()));

    Cli run = Cli.run(api, dir, "delete", "org", "acme");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("organization/acme deleted\n");
  }

  @Test
  void deleteFilesSendsTheObjectsAndWaitsUntilGone() throws Exception {
    Path f = dir.resolve("app.yaml");
    Files.writeString(
        f,
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: Project
        metadata: {name: shop}
        ---
        apiVersion: openchoreo.dev/v1alpha1
        kind: Component
        metadata: {name: greeter, namespace: acme}
        """);
    api.on(
        "POST",
        "/api/v1/delete",
        (x, r, n) -> {
          ObjectNode body = JsonNodeFactory.instance.objectNode();
          var results = body.putArray("results");
          results
              .addObject()
              .put("kind", "Component")
              .put("namespace", "acme")
              .put("name", "greeter")
              .put("action", "deleted");
          results
              .addObject()
              .put("kind", "Project")
              .put("namespace", "default")
              .put("name", "shop")
              .put("action", "deleted");
          FakeApi.json(x, 200, body);
        });
    api.on(
        "GET",
        "/api/v1/orgs/acme/components",
        (x, r, n) -> FakeApi.json(x, 200, FakeApi.list("4", null)));
    api.on(
        "GET",
        "/api/v1/orgs/default/projects",
        (x, r, n) -> FakeApi.json(x, 200, FakeApi.list("4", null)));
    api.on(
        "GET",
        "/api/v1/orgs/acme/components/greeter",
        (x, r, n) -> FakeApi.problem(x, 404, "NOT_FOUND", "gone"));
    api.on(
        "GET",
        "/api/v1/orgs/default/projects/shop",
        (x, r, n) -> FakeApi.problem(x, 404, "NOT_FOUND", "gone"));

    Cli run = Cli.run(api, dir, "delete", "-f", f.toString(), "--wait");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("component/greeter deleted\nproject/shop deleted\n");
    JsonNode sent = api.requests("POST", "/api/v1/delete").getFirst().json();
    assertThat(sent.at("/objects/0/kind").asText()).isEqualTo("Project");
    assertThat(sent.at("/objects/0/metadata/namespace").asText()).isEqualTo("default");
    assertThat(sent.at("/objects/1/metadata/namespace").asText()).isEqualTo("acme");
    assertThat(api.requests("GET", "/api/v1/orgs/acme/components/greeter")).hasSize(1);
  }

  @Test
  void deleteNeedsEitherNamesOrFiles() {
    assertThat(Cli.run(api, dir, "delete", "component").code()).isEqualTo(2);
    assertThat(Cli.run(api, dir, "delete").code()).isEqualTo(2);
  }

  static ObjectNode event(String name, String time, String type, String reason, String message) {
    return FakeApi.yaml(
        """
        apiVersion: v1
        kind: Event
        metadata: {name: %s, namespace: default}
        involvedObject: {kind: ServiceBinding, namespace: default, name: greeter-dev}
        type: %s
        reason: %s
        message: "%s"
        count: 1
        firstTimestamp: "%s"
        lastTimestamp: "%s"
        """
            .formatted(name, type, reason, message, time, time));
  }

  @Test
  void eventsAreSortedByLastTimestampAndFilteredByObject() throws Exception {
    api.on(
        "GET",
        "/api/v1/orgs/default/events",
        (x, r, n) ->
            FakeApi.json(
                x,
                200,
                FakeApi.list(
                    "9",
                    null,
                    event("b", "2020-01-01T00:05:00Z", "Warning", "ApplyFailed", "boom"),
                    event("a", "2020-01-01T00:01:00Z", "Normal", "Rendered", "ok"))));

    Cli run = Cli.run(api, dir, "events", "servicebinding/greeter-dev");

    assertThat(run.code()).as(run.toString()).isZero();
    List<String> lines = FakeApi.lines(run.out());
    assertThat(lines.get(0).split("\\s+"))
        .containsExactly("TIME", "TYPE", "REASON", "OBJECT", "MESSAGE");
    assertThat(lines.get(1))
        .contains("Normal")
        .contains("Rendered")
        .contains("servicebinding/greeter-dev")
        .endsWith("ok");
    assertThat(lines.get(2)).contains("Warning").contains("ApplyFailed").endsWith("boom");
    FakeApi.Request req = api.requests("GET", "/api/v1/orgs/default/events").getFirst();
    assertThat(req.query())
        .containsEntry("kind", "ServiceBinding")
        .containsEntry("name", "greeter-dev");
  }

  @Test
  void describeShowsStatusBlockersEndpointsHistoryAndEvents() throws Exception {
    ObjectNode b =
        GetCommandTest.serviceBinding("greeter-dev", "dev", "False", "ResourceHealthDegraded");
    ObjectNode blocker = ((ObjectNode) b.get("status")).putArray("blockers").addObject();
    blocker.put("type", "DataPlaneObject");
    blocker.put("severity", "Error");
    blocker
        .putObject("ref")
        .put("kind", "Deployment")
        .put("namespace", "dp-ns")
        .put("name", "greeter-5d1e");
    blocker.put("reason", "Degraded");
    blocker.put("message", "pod greeter-5d1e-x: ImagePullBackOff");
    api.on(
        "GET",
        "/api/v1/orgs/default/servicebindings/greeter-dev",
        (x, r, n) -> FakeApi.json(x, 200, b));
    api.on(
        "GET",
        "/api/v1/orgs/default/events",
        (x, r, n) ->
            FakeApi.json(
                x,
                200,
                FakeApi.list(
                    "9",
                    null,
                    event("a", "2020-01-01T00:01:00Z", "Warning", "ApplyFailed", "boom"))));

    Cli run = Cli.run(api, dir, "describe", "servicebinding", "greeter-dev");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("Name:         greeter-dev")
        .contains("Status:       Failed (Ready False, reason ResourceHealthDegraded)")
        .contains("Spec:\n  owner:")
        .contains("Conditions:")
        .contains("Blockers:")
        .containsPattern(
            "Error\\s+DataPlaneObject\\s+Deployment/dp-ns/greeter-5d1e\\s+Degraded\\s+pod greeter-5d1e-x: ImagePullBackOff")
        .containsPattern("http\\s+HTTP\\s+public\\s+https://greeter.example.com")
        .containsPattern("2 \\(current\\)")
        .containsPattern("Warning\\s+ApplyFailed\\s+\\S+\\s+1\\s+boom");
    assertThat(api.requests("GET", "/api/v1/orgs/default/events").getFirst().query())
        .containsEntry("kind", "ServiceBinding")
        .containsEntry("name", "greeter-dev");
  }
}
