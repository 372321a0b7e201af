package dev.troupe.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplyCommandTest {
  @TempDir Path dir;
  FakeApi api;

  private static final String FILE =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: Project
      metadata:
        name: shop
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Organization
      metadata:
        name: acme
      """;

  @BeforeEach
  void start() throws Exception {
    api = new FakeApi();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private static ObjectNode applied(String... kindNameAction) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    var results = body.putArray("results");
    for (int i = 0; i < kindNameAction.length; i += 3) {
      ObjectNode r = results.addObject();
      r.put("kind", kindNameAction[i]);
      r.put("name", kindNameAction[i + 1]);
      r.put("action", kindNameAction[i + 2]);
    }
    body.putArray("warnings");
    return body;
  }

  @Test
  void sendsTheFilesAsOneBatchAndPrintsWhatHappened() throws Exception {
    Path f = write("app.yaml", FILE);
    api.on(
        "POST",
        "/api/v1/apply",
        (x, r, n) -> {
          ObjectNode body =
              applied("Organization", "acme", "created", "Project", "shop", "unchanged");
          ObjectNode w = body.withArray("warnings").addObject();
          w.put("severity", "warning");
          w.put("rule", "Deprecated");
          w.put("kind", "Project");
          w.put("namespace", "default");
          w.put("name", "shop");
          w.put("path", "metadata.name");
          w.put("message", "old style");
          FakeApi.json(x, 200, body);
        });

    Cli run = Cli.run(api, dir, "apply", "-f", f.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("organization/acme created\nproject/shop unchanged\n");
    assertThat(run.err())
        .contains(
            "Warning: "
                + f
                + ":4:9: warning[Deprecated] Project default/shop: metadata.name: old style");
    FakeApi.Request req = api.requests("POST", "/api/v1/apply").getFirst();
    assertThat(req.header("Authorization")).isEqualTo("Bearer " + FakeApi.TOKEN);
    assertThat(req.header("Content-Type")).isEqualTo("application/json");
    assertThat(req.query()).isEmpty();
    JsonNode body = req.json();
    assertThat(body.get("batch").asBoolean()).isTrue();
    assertThat(body.get("objects")).hasSize(2);
    JsonNode project = body.get("objects").get(0);
    assertThat(project.at("/metadata/name").asText()).isEqualTo("shop");
    assertThat(project.at("/metadata/namespace").asText())
        .as("objects without a namespace go to the organization of -n")
        .isEqualTo("default");
    assertThat(body.get("objects").get(1).at("/metadata/namespace").isMissingNode())
        .as("cluster-scoped objects get no namespace")
        .isTrue();
    assertThat(run.out() + run.err()).doesNotContain(FakeApi.TOKEN);
  }

  @Test
  void dryRunAndOrganizationFlagReachTheServer() throws Exception {
    Path f = write("p.yaml", FILE.substring(0, FILE.indexOf("---")));
    api.on(
        "POST",
        "/api/v1/apply",
        (x, r, n) -> FakeApi.json(x, 200, applied("Project", "shop", "created")));

    Cli run = Cli.run(api, dir, "apply", "-f", f.toString(), "--dry-run", "-n", "acme");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("project/shop created (dry run)\n");
    FakeApi.Request req = api.requests().getLast();
    assertThat(req.query()).containsEntry("dryRun", "true");
    assertThat(req.json().at("/objects/0/metadata/namespace").asText()).isEqualTo("acme");
  }

  @Test
  void retriesAfterAConflictThenSucceeds() throws Exception {
    Path f = write("p.yaml", FILE);
    api.on(
        "POST",
        "/api/v1/apply",
        (x, r, n) -> {
          if (n == 1) {
            FakeApi.problem(x, 409, "CONFLICT", "project default/shop was modified concurrently");
          } else {
            FakeApi.json(x, 200, applied("Project", "shop", "configured"));
          }
        });

    Cli run = Cli.run(api, dir, "apply", "-f", f.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("project/shop configured\n");
    assertThat(run.err()).contains("retrying (attempt 2 of 5)");
    var sent = api.requests("POST", "/api/v1/apply");
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).body())
        .as("the retry re-sends the same batch")
        .isEqualTo(sent.get(0).body());
  }

  @Test
  void givesUpAfterFiveConflicts() throws Exception {
    Path f = write("p.yaml", FILE);
    api.on("POST", "/api/v1/apply", (x, r, n) -> FakeApi.problem(x, 409, "CONFLICT", "stale"));

    Cli run = Cli.run(api, dir, "apply", "-f", f.toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(api.requests("POST", "/api/v1/apply")).hasSize(5);
    assertThat(run.err()).contains("409 CONFLICT: stale");
  }

  @Test
  void alreadyExistsIsNotRetried() throws Exception {
    Path f = write("p.yaml", FILE);
    api.on("POST", "/api/v1/apply", (x, r, n) -> FakeApi.problem(x, 409, "ALREADY_EXISTS", "x"));

    Cli run = Cli.run(api, dir, "apply", "-f", f.toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(api.requests("POST", "/api/v1/apply")).hasSize(1);
  }

  @Test
  void admissionErrorsAreLocatedInTheInputFiles() throws Exception {
    Path f =
        write(
            "bad.yaml",
            """
            apiVersion: openchoreo.dev/v1alpha1
            kind: Project
            metadata:
              name: shop
            spec:
              deploymentPipelineRef: nowhere
            """);
    api.on(
        "POST",
        "/api/v1/apply",
        (x, r, n) -> {
          ObjectNode p = JsonNodeFactory.instance.objectNode();
          p.put("type", "https://troupe.dev/problems/invalid");
          p.put("title", "Invalid");
          p.put("status", 400);
          p.put("code", "INVALID");
          p.put("detail", "1 error");
          ObjectNode e = p.putArray("errors").addObject();
          e.put("severity", "error");
          e.put("rule", "ReferenceNotFound");
          e.put("kind", "Project");
          e.put("namespace", "default");
          e.put("name", "shop");
          e.put("path", "spec.deploymentPipelineRef");
          e.put("message", "DeploymentPipeline \"nowhere\" does not exist");
          e.put("hint", "create it first");
          FakeApi.send(x, 400, "application/problem+json", p.toString().getBytes());
        });

    Cli run = Cli.run(api, dir, "apply", "-f", f.toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains(
            f
                + ":6:26: error[ReferenceNotFound] Project default/shop:"
                + " spec.deploymentPipelineRef: DeploymentPipeline \"nowhere\" does not exist")
        .contains("    hint: create it first")
        .contains("apply failed (400 INVALID): 1 error; nothing was written");
  }

  @Test
  void unparseableFilesAreNotSent() throws Exception {
    Path f = write("broken.yaml", "kind: Project\nmetadata: [unclosed\n");

    Cli run = Cli.run(api, dir, "apply", "-f", f.toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains(f + ":").contains("error[ParseError]");
    assertThat(api.requests("POST", "/api/v1/apply")).isEmpty();
  }

  @Test
  void anUnknownTokenGivesAClearMessageAndExitOne() throws Exception {
    Path f = write("p.yaml", FILE);
    api.on(
        "POST",
        "/api/v1/apply",
        (x, r, n) -> FakeApi.problem(x, 401, "UNAUTHENTICATED", "unknown token"));

    Cli run = Cli.run(api, dir, "apply", "-f", f.toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .contains("the server at " + api.url() + " did not accept the token (401 UNAUTHENTICATED)")
        .contains("Pass --token, set TROUPE_TOKEN")
        .doesNotContain(FakeApi.TOKEN)
        .doesNotContain("Exception");
  }

  @Test
  void anUnreachableServerIsNamed() throws Exception {
    Path f = write("p.yaml", FILE);
    String url = api.url();
    api.close();

    Cli run =
        Cli.raw(
            "apply",
            "-f",
            f.toString(),
            "--server",
            url,
            "--config",
            dir.resolve("none").toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("cannot reach the Troupe server at " + url);
  }

  @Test
  void noServerConfiguredSaysHowToConfigureOne() throws Exception {
    Path f = write("p.yaml", FILE);
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, "organization: acme\n");

    Cli run = Cli.raw("apply", "-f", f.toString(), "--config", config.toString());

    // TROUPE_SERVER in the developer's environment would make this test meaningless.
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("TROUPE_SERVER") == null);
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            "no Troupe server configured: pass --server, set TROUPE_SERVER, or run `troupe up`");
  }
}
