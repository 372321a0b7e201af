package dev.troupe.engine.controllers.app;

import static dev.troupe.engine.controllers.app.AppFixture.ready;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Propagation paths P5, P7, P8/P9, and missing dependencies that appear later (§1.7). */
class PropagationTest {
  @TempDir Path dir;
  AppFixture f;

  @BeforeEach
  void start() {
    f = new AppFixture(dir);
    f.apply(
        AppFixture.sample("apps/shop-project.yaml")
            + "\n---\n"
            + AppFixture.sample("classes/standard-service.yaml")
            + "\n---\n"
            + AppFixture.sample("classes/public-api.yaml")
            + "\n---\n"
            + AppFixture.sample("platform/shop-config.yaml"));
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void classChangeReRendersWithoutNewRevision() {
    f.apply(AppFixture.sample("apps/inventory.yaml"));
    f.awaitIdle();
    assertThat(f.get("Release", "inventory").path("spec").toString()).contains("\"replicas\":2");
    f.edit(
        "ServiceClass",
        "standard-service",
        c -> ((ObjectNode) c.path("spec").path("deploymentTemplate")).put("replicas", 3));
    f.awaitIdle();
    ObjectNode release = f.get("Release", "inventory");
    assertThat(release.path("spec").toString()).contains("\"replicas\":3");
    assertThat(
            release
                .path("metadata")
                .path("annotations")
                .path("openchoreo.dev/binding-revision")
                .asText())
        .isEqualTo("1");
    assertThat(f.get("ServiceBinding", "inventory").path("status").path("currentRevision").asLong())
        .isEqualTo(1);
  }

  @Test
  void configurationGroupChangeReRendersWithoutNewRevision() {
    f.apply(AppFixture.sample("apps/inventory.yaml"));
    f.awaitIdle();
    assertThat(f.get("Release", "inventory").path("spec").toString())
        .contains("shop-db.non-prod.svc.cluster.local");
    f.apply(
        AppFixture.sample("platform/shop-config.yaml")
            .replace("shop-db.non-prod.svc", "shop-db-v2.non-prod.svc"));
    f.awaitIdle();
    assertThat(f.get("Release", "inventory").path("spec").toString())
        .contains("shop-db-v2.non-prod.svc.cluster.local");
    assertThat(f.get("ServiceBinding", "inventory").path("status").path("currentRevision").asLong())
        .isEqualTo(1);
  }

  @Test
  void pendingConnectionHoldsTheReleaseUntilTheTargetAppears() {
    f.applySingle(AppFixture.sample("apps/orders.yaml"));
    f.awaitIdle();
    ObjectNode orders = f.get("ServiceBinding", "orders");
    assertThat(ready(orders)).isEqualTo("False/ConnectionsPending");
    assertThat(f.exists("Release", "orders")).isFalse();
    JsonNode blocker = orders.path("status").path("blockers").get(0);
    assertThat(blocker.path("type").asText()).isEqualTo("Connection");
    assertThat(blocker.path("message").asText()).startsWith("connection \"inventory\": ");
    assertThat(orders.path("status").path("connections").get(0).path("state").asText())
        .isEqualTo("Pending");
    assertThat(AppFixture.condition(orders, "ConnectionsResolved").path("status").asText())
        .isEqualTo("False");
    assertThat(orders.path("status").path("currentRevision").asLong())
        .as("a pending connection does not stop the revision step")
        .isEqualTo(1);

    f.apply(AppFixture.sample("apps/inventory.yaml"));
    f.awaitIdle();
    orders = f.get("ServiceBinding", "orders");
    assertThat(f.exists("Release", "orders")).isTrue();
    assertThat(orders.path("status").path("connections").get(0).path("state").asText())
        .isEqualTo("Resolved");
    assertThat(f.get("Release", "orders").path("spec").toString()).contains("INVENTORY_URL");
    assertThat(ready(orders)).isEqualTo("False/ReleasePending");

    // The target is undeployed: the connection is pending again and the Release stays as it was.
    long releaseVersion = Meta.generation(f.get("Release", "orders"));
    String before = f.get("Release", "orders").path("spec").toString();
    f.edit(
        "ServiceBinding",
        "inventory",
        b -> ((ObjectNode) b.path("spec")).put("releaseState", "Undeploy"));
    f.awaitIdle();
    assertThat(ready(f.get("ServiceBinding", "orders"))).isEqualTo("False/ConnectionsPending");
    assertThat(f.get("Release", "orders").path("spec").toString()).isEqualTo(before);
    assertThat(Meta.generation(f.get("Release", "orders"))).isEqualTo(releaseVersion);
  }

  @Test
  void componentsConnectingToEachOtherBothResolve() {
    f.applySingle(mutual("alpha", "beta") + "\n---\n" + mutual("beta", "alpha"));
    f.awaitIdle();
    for (String c : new String[] {"alpha", "beta"}) {
      ObjectNode b = f.get("ServiceBinding", c);
      assertThat(b.path("status").path("connections").get(0).path("state").asText())
          .isEqualTo("Resolved");
      assertThat(f.exists("Release", c)).isTrue();
    }
  }

  @Test
  void missingClassBlocksThenConvergesWhenItAppears() {
    f.applySingle(lonely("lonely", "missing-class"));
    f.awaitIdle();
    ObjectNode b = f.get("ServiceBinding", "lonely");
    assertThat(ready(b)).isEqualTo("False/ServiceClassNotFound");
    JsonNode blocker = b.path("status").path("blockers").get(0);
    assertThat(blocker.path("type").asText()).isEqualTo("Class");
    assertThat(blocker.path("ref").asText()).isEqualTo("ServiceClass/missing-class");
    assertThat(f.exists("Release", "lonely")).isFalse();
    assertThat(b.path("status").has("currentRevision")).isFalse();

    f.apply(
        AppFixture.sample("classes/standard-service.yaml")
            .replace("name: standard-service", "name: missing-class"));
    f.awaitIdle();
    b = f.get("ServiceBinding", "lonely");
    assertThat(f.exists("Release", "lonely")).isTrue();
    assertThat(ready(b)).isEqualTo("False/ReleasePending");
    assertThat(b.path("status").path("currentRevision").asLong()).isEqualTo(1);
  }

  @Test
  void missingEnvironmentBlocksClaimAndBindingUntilItExists() {
    f.applySingle(
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: DeploymentPipeline
        metadata: {name: qa-pipeline, namespace: default}
        spec:
          promotionPaths:
          - sourceEnvironmentRef: qa
            targetEnvironmentRefs: []
        ---
        apiVersion: openchoreo.dev/v1alpha1
        kind: Project
        metadata: {name: qa-project, namespace: default}
        spec: {deploymentPipelineRef: qa-pipeline}
        """);
    f.applySingle(
        lonely("tester", "default").replace("projectName: shop", "projectName: qa-project"));
    f.awaitIdle();
    assertThat(ready(f.get("Service", "tester"))).isEqualTo("False/EnvironmentNotFound");
    assertThat(f.exists("ServiceBinding", "tester")).isFalse();

    String env =
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: Environment
        metadata: {name: qa, namespace: default}
        spec: {dataPlaneRef: default, gateway: {dnsPrefix: qa}}
        """;
    f.applySingle(env);
    f.awaitIdle();
    assertThat(f.exists("Release", "tester")).isTrue();
    String release = f.get("Release", "tester").path("spec").toString();

    f.store.delete("Environment", "default", "qa");
    f.awaitIdle();
    ObjectNode b = f.get("ServiceBinding", "tester");
    assertThat(ready(b)).isEqualTo("False/EnvironmentNotFound");
    assertThat(b.path("status").path("blockers").get(0).path("ref").asText())
        .isEqualTo("Environment/qa");
    assertThat(f.get("Release", "tester").path("spec").toString()).isEqualTo(release);

    f.applySingle(env);
    f.awaitIdle();
    assertThat(ready(f.get("ServiceBinding", "tester"))).isEqualTo("False/ReleasePending");
  }

  /** Component, Workload and Service claim {@code name} in project shop with {@code className}. */
  static String lonely(String name, String className) {
    return """
        apiVersion: openchoreo.dev/v1alpha1
        kind: Component
        metadata: {name: NAME, namespace: default}
        spec: {owner: {projectName: shop}, type: Service}
        ---
        apiVersion: openchoreo.dev/v1alpha1
        kind: Workload
        metadata: {name: NAME, namespace: default}
        spec:
          owner: {projectName: shop, componentName: NAME}
          containers:
            main: {image: "ghcr.io/acme/NAME:1.0.0"}
          endpoints:
            http: {type: REST, port: 8080}
        ---
        apiVersion: openchoreo.dev/v1alpha1
        kind: Service
        metadata: {name: NAME, namespace: default}
        spec:
          owner: {projectName: shop, componentName: NAME}
          workloadName: NAME
          className: CLASS
        """
        .replace("NAME", name)
        .replace("CLASS", className);
  }

  /** A component {@code name} whose Workload connects to {@code target}'s endpoint http. */
  static String mutual(String name, String target) {
    return lonely(name, "default")
        .replace(
            "    http: {type: REST, port: 8080}\n",
            "    http: {type: REST, port: 8080}\n"
                + "  connections:\n"
                + "    peer:\n"
                + "      type: api\n"
                + "      params: {componentName: TARGET, endpoint: http}\n"
                + "      inject:\n"
                + "        env:\n"
                + "        - {name: PEER_URL, value: \"{{ .url }}\"}\n")
        .replace("TARGET", target);
  }
}
