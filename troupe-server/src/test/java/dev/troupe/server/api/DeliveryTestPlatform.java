package dev.troupe.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.engine.platform.Engine;
import dev.troupe.engine.store.Store;
import dev.troupe.server.auth.Principal;
import dev.troupe.server.auth.Role;
import dev.troupe.server.auth.RoleBinding;
import dev.troupe.server.platform.Demo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole platform for the delivery endpoint tests: the engine (real SQLite store, every
 * controller, the embedded GitOps repository as data plane) with the demo organization, and the API
 * server on an ephemeral port. Identities are principals with role bindings, each reached through
 * its own bearer token ({@code tok-<name>}). Besides the demo's project {@code shop} (development →
 * staging → production, production approval-gated) there is project {@code vault} on pipeline
 * {@code gated}: development → staging (approval), development → production (manual approval).
 */
final class DeliveryTestPlatform implements AutoCloseable {
  static final String ORG = "default";
  static final String SHOP = "shop";
  static final String VAULT = "vault";

  static final Principal ADMIN = principal("admin", Principal.Kind.USER, Role.ADMIN, "*", null);
  static final Principal ALICE = principal("alice", Principal.Kind.USER, Role.DEVELOPER, ORG, null);
  static final Principal DAVE = principal("dave", Principal.Kind.USER, Role.DEVELOPER, ORG, null);
  static final Principal BOB = principal("bob", Principal.Kind.USER, Role.APPROVER, ORG, null);
  static final Principal CI_BOT =
      principal("ci-bot", Principal.Kind.AUTOMATION, Role.APPROVER, ORG, null);
  static final Principal PAT =
      principal("pat", Principal.Kind.USER, Role.PLATFORM_ENGINEER, ORG, null);
  static final Principal VIEWER = principal("vera", Principal.Kind.USER, Role.VIEWER, ORG, null);

  /** A developer of another project only. */
  static final Principal OTHER_DEV =
      principal("otto", Principal.Kind.USER, Role.DEVELOPER, ORG, "elsewhere");

  /** An approver of production only. */
  static final Principal PROD_APPROVER =
      new Principal(
          "petra",
          Principal.Kind.USER,
          List.of(new RoleBinding(Role.APPROVER, ORG, null, "production")));

  /** Roles in another organization only. */
  static final Principal STRANGER =
      principal("stranger", Principal.Kind.USER, Role.ADMIN, "acme", null);

  static final List<Principal> EVERYONE =
      List.of(ADMIN, ALICE, DAVE, BOB, CI_BOT, PAT, VIEWER, OTHER_DEV, PROD_APPROVER, STRANGER);

  private static final String GATED =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: DeploymentPipeline
      metadata: {name: gated, namespace: default}
      spec:
        promotionPaths:
          - sourceEnvironmentRef: development
            targetEnvironmentRefs:
              - {name: staging, requiresApproval: true}
              - {name: production, isManualApprovalRequired: true}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Project
      metadata: {name: vault, namespace: default}
      spec: {deploymentPipelineRef: gated}
      """;

  final Engine engine;
  final Store store;
  final ApiServer server;
  final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private DeliveryTestPlatform(Path dir) {
    engine = Engine.open(dir.resolve("data"));
    engine.start();
    store = engine.store();
    Demo.install(store);
    Map<String, Principal> byToken = new LinkedHashMap<>();
    EVERYONE.forEach(p -> byToken.put(token(p), p));
    server =
        new ApiServer(
            store, token -> Optional.ofNullable(byToken.get(token)), ApiSettings.defaults());
    base = server.start();
    apply(GATED);
    assertThat(engine.awaitIdle(Duration.ofSeconds(90))).as("platform idle").isTrue();
  }

  static DeliveryTestPlatform start(Path dir) {
    return new DeliveryTestPlatform(dir);
  }

  static Principal principal(
      String name, Principal.Kind kind, Role role, String org, String project) {
    return new Principal(name, kind, List.of(new RoleBinding(role, org, project, null)));
  }

  static String token(Principal p) {
    return "tok-" + p.name();
  }

  /** The component base path. */
  static String c(String project, String component) {
    return "/api/v1/orgs/" + ORG + "/projects/" + project + "/components/" + component;
  }

  /** Applies YAML as the admin, object by object; every object must be accepted. */
  void apply(String yaml) {
    Response r = send(ADMIN, "POST", "/api/v1/apply", yaml, "application/yaml");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    for (JsonNode result : r.json().path("results")) {
      assertThat(result.path("action").asText()).as(result.toString()).isNotEqualTo("failed");
    }
  }

  /**
   * A Service component {@code name} in {@code project} (class standard-service, image {@code
   * ghcr.io/example/<name>:<tag>}); returns once its development binding is Ready.
   */
  void service(String project, String name, String tag) {
    apply(
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: Component
        metadata: {name: NAME, namespace: default}
        spec: {owner: {projectName: PROJECT}, type: Service}
        ---
        apiVersion: openchoreo.dev/v1alpha1
        kind: Workload
        metadata: {name: NAME, namespace: default}
        spec:
          owner: {projectName: PROJECT, componentName: NAME}
          containers:
            main: {image: "ghcr.io/example/NAME:TAG"}
          endpoints:
            http: {type: REST, port: 8080}
        ---
        apiVersion: openchoreo.dev/v1alpha1
        kind: Service
        metadata: {name: NAME, namespace: default}
        spec:
          owner: {projectName: PROJECT, componentName: NAME}
          workloadName: NAME
          className: standard-service
        """
            .replace("NAME", name)
            .replace("PROJECT", project)
            .replace("TAG", tag));
    awaitBinding(project, name, "development", b -> image(b).endsWith(":" + tag) && ready(b));
  }

  /** Changes the component's Workload image; returns once development runs it, Ready. */
  void setImage(String project, String name, String tag) {
    Response r =
        send(
            ADMIN,
            "PATCH",
            "/api/v1/orgs/" + ORG + "/workloads/" + name,
            "{\"spec\":{\"containers\":{\"main\":{\"image\":\"ghcr.io/example/"
                + name
                + ":"
                + tag
                + "\"}}}}",
            "application/merge-patch+json");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    awaitBinding(project, name, "development", b -> image(b).endsWith(":" + tag) && ready(b));
  }

  /** Waits until the BindingView of {@code component} in {@code env} satisfies {@code test}. */
  JsonNode awaitBinding(
      String project, String component, String env, java.util.function.Predicate<JsonNode> test) {
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              Response r = get(ADMIN, c(project, component) + "/bindings/" + env);
              if (r.status() != 200) {
                return false;
              }
              last[0] = r.json();
              return test.test(last[0]);
            });
    return last[0];
  }

  static String image(JsonNode view) {
    return view.path("images").path("main").asText("");
  }

  static boolean ready(JsonNode view) {
    return "True".equals(view.path("ready").path("status").asText());
  }

  Response get(Principal who, String path) {
    return send(who, "GET", path, null, null);
  }

  Response post(Principal who, String path, Object body) {
    return send(who, "POST", path, json(body), "application/json");
  }

  Response send(Principal who, String method, String path, String body, String contentType) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    if (who != null) {
      b.header("Authorization", "Bearer " + token(who));
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String json(Object body) {
    if (body == null || body instanceof String) {
      return (String) body;
    }
    try {
      return Codec.JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON object from text written with single quotes. */
  static ObjectNode obj(String json) {
    try {
      return (ObjectNode) Codec.JSON.readTree(json.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A response with its body as text. */
  record Response(int status, HttpHeaders headers, String body) {
    JsonNode json() {
      try {
        return Codec.JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String code() {
      return json().path("code").asText();
    }

    /** Asserts the status; returns the JSON body. */
    JsonNode expect(int expected) {
      assertThat(status()).as(body).isEqualTo(expected);
      return json();
    }

    /** Asserts a problem with this status and code; returns it. */
    JsonNode problem(int expected, String code) {
      assertThat(status()).as(body).isEqualTo(expected);
      assertThat(code()).as(body).isEqualTo(code);
      return json();
    }
  }

  @Override
  public void close() {
    server.close();
    engine.close();
  }
}
