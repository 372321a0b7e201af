package dev.troupe.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GetCommandTest {
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

  static ObjectNode environment(String ns, String name, String dataPlane, boolean production) {
    return FakeApi.yaml(
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: Environment
        metadata:
          name: %s
          namespace: %s
          creationTimestamp: "2020-01-01T00:00:00Z"
          labels: {tier: gold}
        spec:
          dataPlaneRef: %s
          isProduction: %s
        status:
          conditions:
          - {type: Ready, status: "True", reason: Ready}
        """
            .formatted(name, ns, dataPlane, production));
  }

  @Test
  void listsWithPrinterColumnsFollowingEveryPage() throws Exception {
    api.on(
        "GET",
        "/api/v1/orgs/acme/environments",
        (x, r, n) -> {
          if (r.query().get("continue") == null) {
            FakeApi.json(
                x, 200, FakeApi.list("12", "page2", environment("acme", "dev", "dp1", false)));
          } else {
            FakeApi.json(
                x, 200, FakeApi.list("13", null, environment("acme", "prod", "dp2", true)));
          }
        });

    Cli run = Cli.run(api, dir, "get", "envs", "-n", "acme", "-l", "tier=gold");

    assertThat(run.code()).as(run.toString()).isZero();
    List<String> lines = FakeApi.lines(run.out());
    assertThat(lines.get(0).split("\\s+"))
        .containsExactly("NAME", "DATAPLANE", "PRODUCTION", "DNS", "PREFIX", "READY", "AGE");
    assertThat(lines.get(1)).matches("dev\\s+dp1\\s+false\\s+<none>\\s+True\\s+\\S+");
    assertThat(lines.get(2)).matches("prod\\s+dp2\\s+true\\s+<none>\\s+True\\s+\\S+");
    var sent = api.requests("GET", "/api/v1/orgs/acme/environments");
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).query())
        .containsEntry("labelSelector", "tier=gold")
        .doesNotContainKey("continue");
    assertThat(sent.get(1).query())
        .containsEntry("continue", "page2")
        .containsEntry("labelSelector", "tier=gold");
    assertThat(sent.get(0).header("Authorization")).isEqualTo("Bearer " + FakeApi.TOKEN);
  }

  @Test
  void allNamespacesListsAcrossOrganizations() throws Exception {
    api.on(
        "GET",
        "/api/v1/environments",
        (x, r, n) ->
            FakeApi.json(
                x,
                200,
                FakeApi.list(
                    "3",
                    null,
                    environment("b", "dev", "dp", false),
                    environment("a", "qa", "dp", false))));

    Cli run = Cli.run(api, dir, "get", "environments", "-A", "-o", "wide");

    assertThat(run.code()).as(run.toString()).isZero();
    List<String> lines = FakeApi.lines(run.out());
    assertThat(lines.get(0)).startsWith("NAMESPACE").endsWith("LABELS");
    assertThat(lines.get(1)).startsWith("a ").contains("qa").endsWith("tier=gold");
    assertThat(lines.get(2)).startsWith("b ");
  }

  static ObjectNode serviceBinding(String name, String env, String ready, String reason) {
    return FakeApi.yaml(
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: ServiceBinding
        metadata: {name: %s, namespace: default, generation: 1, creationTimestamp: "2020-01-01T00:00:00Z"}
        spec:
          owner: {projectName: shop, componentName: greeter}
          environment: %s
        status:
          currentRevision: 2
          history:
          - {revision: 1, images: {main: "reg/greeter:1"}}
          - {revision: 2, images: {main: "reg/greeter:2"}}
          endpoints:
          - name: http
            type: HTTP
            project: {host: greeter, port: 8080, scheme: http, uri: "http://greeter:8080"}
            public: {host: greeter.example.com, port: 443, scheme: https, uri: "https://greeter.example.com"}
          conditions:
          - {type: Ready, status: "%s", reason: %s, observedGeneration: 1}
        """
            .formatted(name, env, ready, reason));
  }

  @Test
  void bindingsShowDisplayStatusRevisionImageAndEndpoint() throws Exception {
    api.on(
        "GET",
        "/api/v1/orgs/default/servicebindings",
        (x, r, n) ->
            FakeApi.json(
                x,
                200,
                FakeApi.list(
                    "8",
                    null,
                    serviceBinding("greeter-dev", "dev", "True", "ResourcesActive"),
                    serviceBinding("greeter-stg", "staging", "False", "ResourceHealthDegraded"))));
    for (String plural :
        List.of("webapplicationbindings", "scheduledtaskbindings", "apibindings")) {
      api.on(
          "GET",
          "/api/v1/orgs/default/" + plural,
          (x, r, n) -> FakeApi.json(x, 200, FakeApi.list("8", null)));
    }

    Cli run = Cli.run(api, dir, "get", "bindings");

    assertThat(run.code()).as(run.toString()).isZero();
    List<String> lines = FakeApi.lines(run.out());
    assertThat(lines.get(0).split("\\s+"))
        .containsExactly(
            "COMPONENT", "ENV", "KIND", "STATUS", "REVISION", "IMAGE", "ENDPOINT", "AGE");
    assertThat(lines.get(1).split("\\s+"))
        .startsWith(
            "greeter",
            "dev",
            "ServiceBinding",
            "Active",
            "2",
            "reg/greeter:2",
            "https://greeter.example.com");
    assertThat(lines.get(2).split("\\s+"))
        .startsWith("greeter", "staging", "ServiceBinding", "Failed", "2");
    assertThat(api.requests())
        .extracting(FakeApi.Request::path)
        .contains(
            "/api/v1/orgs/default/servicebindings",
            "/api/v1/orgs/default/webapplicationbindings",
            "/api/v1/orgs/default/scheduledtaskbindings",
            "/api/v1/orgs/default/apibindings");
  }

  @Test
  void oneObjectAsJsonYamlOrName() throws Exception {
    api.on(
        "GET",
        "/api/v1/orgs/default/environments/dev",
        (x, r, n) -> FakeApi.json(x, 200, environment("default", "dev", "dp", false)));

    Cli json = Cli.run(api, dir, "get", "environment", "dev", "-o", "json");
    Cli yaml = Cli.run(api, dir, "get", "Environment", "dev", "-o", "yaml");
    Cli name = Cli.run(api, dir, "get", "env", "dev", "-o", "name");

    JsonNode parsed = Codec.JSON.readTree(json.out());
    assertThat(parsed.at("/spec/dataPlaneRef").asText()).isEqualTo("dp");
    assertThat(yaml.out()).contains("dataPlaneRef: dp");
    assertThat(name.out()).isEqualTo("environment/dev\n");
  }

  @Test
  void watchPrintsChangesUntilTheStreamEnds() throws Exception {
    api.on(
        "GET",
        "/api/v1/orgs/default/environments",
        (x, r, n) -> {
          if (!"true".equals(r.query().get("watch"))) {
            FakeApi.json(
                x, 200, FakeApi.list("21", null, environment("default", "dev", "dp1", false)));
            return;
          }
          FakeApi.sse(x)
              .event("22", "ADDED", environment("default", "qa", "dp9", false))
              .raw(
                  "event: ERROR\ndata: {\"type\":\"ERROR\",\"object\":{\"status\":410,"
                      + "\"code\":\"GONE\",\"detail\":\"resume point 21 is gone\"}}\n\n");
        });

    Cli run = Cli.run(api, dir, "get", "environments", "-w");

    assertThat(run.code()).isEqualTo(1);
    List<String> lines = FakeApi.lines(run.out());
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).startsWith("dev ");
    assertThat(lines.get(2)).startsWith("qa ").contains("dp9");
    assertThat(run.err()).contains("410 GONE: resume point 21 is gone");
    var watch = api.requests().getLast();
    assertThat(watch.query()).containsEntry("watch", "true").containsEntry("resourceVersion", "21");
  }

  @Test
  void anUnknownKindIsAUsageError() {
    Cli run = Cli.run(api, dir, "get", "gizmos");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("the server has no kind \"gizmos\"").contains("components");
  }

  @Test
  void anEmptyListSaysSo() throws Exception {
    api.on(
        "GET",
        "/api/v1/orgs/default/components",
        (x, r, n) -> FakeApi.json(x, 200, FakeApi.list("1", null)));

    Cli run = Cli.run(api, dir, "get", "components");

    assertThat(run.code()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("No resources found in organization \"default\".");
  }
}
