package dev.troupe.engine.kube;

import static dev.troupe.engine.kube.KubeReleaseWorld.cell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.kinds.delivery.Release;
import dev.troupe.api.model.Condition;
import dev.troupe.engine.controllers.release.ReleaseControllers;
import dev.troupe.render.RenderedObject;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Release controller with {@link KubernetesModeApplier} in its kubernetes slot, against
 * fabric8's mock API server over HTTPS (its self-signed certificate is the DataPlane's {@code
 * caCert}; the client key is read from a stored {@code Secret}).
 */
class KubernetesModeReleaseTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path tmp;
  private ApiServer api;
  private KubeReleaseWorld world;

  @AfterEach
  void stop() {
    if (world != null) {
      world.close();
    }
    if (api != null) {
      api.close();
    }
  }

  private static RenderedObject configMap() {
    return KubeReleaseWorld.object(
        "orders-config",
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: orders-config, namespace: NS, labels: {component-name: orders}}
        data: {LOG_LEVEL: info}
        """);
  }

  private static RenderedObject service() {
    return KubeReleaseWorld.object(
        "orders-service",
        """
        apiVersion: v1
        kind: Service
        metadata: {name: orders, namespace: NS, labels: {component-name: orders}}
        spec:
          selector: {component-name: orders}
          ports: [{name: http, port: 8080, protocol: TCP, targetPort: 8080}]
        """);
  }

  private static RenderedObject deployment() {
    return KubeReleaseWorld.object(
        "orders-deployment",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: orders, namespace: NS, labels: {component-name: orders}}
        spec:
          replicas: 1
          selector: {matchLabels: {component-name: orders}}
          template:
            metadata: {labels: {component-name: orders}}
            spec:
              containers: [{name: main, image: registry.example.com/orders:1.0}]
        """);
  }

  /** A world whose DataPlane points at a fresh HTTPS mock API server, Secret stored. */
  private void clusterWorld(CredentialResolver credentials) {
    api = new ApiServer(true);
    world = new KubeReleaseWorld(tmp, credentials);
    assertThat(api.server().url("/")).startsWith("https://localhost:");
    world.platform();
    world.storeClientKeySecret(api.privateKeyBase64());
    world.clusterDataPlane(api.server().url("/"), api.certificateBase64(), api.certificateBase64());
    world.start();
  }

  private Condition awaitCondition(String release, String type, String status, String reason) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                world
                    .condition(release, type)
                    .filter(c -> c.status().equals(status) && c.reason().equals(reason))
                    .isPresent());
    return world.condition(release, type).orElseThrow();
  }

  @Test
  void aReleaseIsAppliedToTheClusterWithTrackingLabelsAndRecordedInventory() {
    clusterWorld(null);
    ObjectNode created =
        world.store.create(
            KubeReleaseWorld.releaseTree("orders", "10s", List.of(configMap(), service())));
    String uid = created.at("/metadata/uid").asText();

    Condition applied = awaitCondition("orders", "Applied", "True", "Applied");
    assertThat(applied.message()).isEqualTo("applied 2 objects");
    Condition ready = awaitCondition("orders", "Ready", "True", "ResourcesHealthy");
    assertThat(ready.message()).isEqualTo("All 2 resources are deployed and healthy");

    ObjectNode cm = live("v1", "ConfigMap", "orders-config").orElseThrow();
    assertThat(labels(cm))
        .containsEntry("openchoreo.dev/managed-by", "release-controller")
        .containsEntry("openchoreo.dev/release-resource-id", "orders-config")
        .containsEntry("openchoreo.dev/release-uid", uid)
        .containsEntry("openchoreo.dev/release-name", "orders")
        .containsEntry("openchoreo.dev/release-namespace", "default")
        .containsEntry("component-name", "orders");
    assertThat(cm.at("/metadata/annotations/openchoreo.dev~1release-generation").asText())
        .isEqualTo("1");
    assertThat(labels(live("v1", "Service", "orders").orElseThrow()))
        .containsEntry("openchoreo.dev/release-uid", uid);
    ObjectNode ns = liveNamespace().orElseThrow();
    assertThat(labels(ns)).containsEntry("openchoreo.dev/created-by", "release-controller");
    assertThat(api.requests())
        .filteredOn(r -> r.method().equals("PATCH"))
        .allSatisfy(
            r -> {
              assertThat(r.contentType()).startsWith("application/apply-patch+yaml");
              assertThat(r.query()).isEqualTo("fieldManager=release-controller&force=true");
            })
        .hasSize(2);

    Release r = world.typed("orders");
    assertThat(r.status().dataPlane().name()).isEqualTo(KubeReleaseWorld.DATA_PLANE);
    assertThat(r.status().dataPlane().mode()).isEqualTo("kubernetes");
    assertThat(r.status().observedGeneration()).isEqualTo(1);
    assertThat(r.status().gitops()).isNull();
    assertThat(r.status().inventory())
        .containsExactly(
            new Release.InventoryEntry(
                "orders-config", "", "v1", "ConfigMap", cell(), "orders-config"),
            new Release.InventoryEntry("orders-service", "", "v1", "Service", cell(), "orders"));
    assertThat(r.status().resources())
        .allSatisfy(
            s -> {
              assertThat(s.healthStatus()).isEqualTo("Healthy");
              assertThat(s.lastObservedTime()).isNotBlank();
              assertThat(s.applyError()).isNull();
            });
    assertThat(world.store.get("Release", "default", "orders").at("/metadata/finalizers"))
        .extracting(JsonNode::asText)
        .contains(ReleaseControllers.FINALIZER);
  }

  @Test
  void aChangedReleasePrunesTheObjectItNoLongerWants() {
    clusterWorld(null);
    world.store.create(
        KubeReleaseWorld.releaseTree("orders", "10s", List.of(configMap(), service())));
    awaitCondition("orders", "Applied", "True", "Applied");
    assertThat(live("v1", "Service", "orders")).isPresent();

    ObjectNode changed = world.store.get("Release", "default", "orders");
    KubeReleaseWorld.setResources(changed, List.of(configMap()));
    world.store.update(changed);

    await()
        .atMost(WAIT)
        .until(
            () ->
                world
                    .condition("orders", "Applied")
                    .filter(c -> c.observedGeneration() == 2L && c.status().equals("True"))
                    .isPresent());
    assertThat(world.condition("orders", "Applied").orElseThrow().message())
        .isEqualTo("applied 1 object, pruned 1");
    assertThat(live("v1", "Service", "orders")).isEmpty();
    assertThat(live("v1", "ConfigMap", "orders-config")).isPresent();
    Release r = world.typed("orders");
    assertThat(r.status().inventory())
        .extracting(Release.InventoryEntry::id)
        .containsExactly("orders-config");
    assertThat(r.status().resources())
        .extracting(Release.ResourceStatus::id)
        .containsExactly("orders-config");
    assertThat(api.requests())
        .filteredOn(q -> q.method().equals("DELETE"))
        .extracting(ApiServer.Request::pathWithoutQuery)
        .containsExactly("/api/v1/namespaces/" + cell() + "/services/orders");
  }

  @Test
  void deletingTheReleaseCleansUpTheClusterAndRemovesTheFinalizer() {
    clusterWorld(null);
    world.store.create(
        KubeReleaseWorld.releaseTree("orders", "10s", List.of(configMap(), service())));
    awaitCondition("orders", "Applied", "True", "Applied");

    world.store.delete("Release", "default", "orders");

    await().atMost(WAIT).until(() -> world.stored("orders").isEmpty());
    assertThat(live("v1", "ConfigMap", "orders-config")).isEmpty();
    assertThat(live("v1", "Service", "orders")).isEmpty();
    // Namespaces are collected by the DataPlane controller, never by a Release's cleanup.
    assertThat(liveNamespace()).isPresent();
  }

  @Test
  void anUnreachableApiServerIsDataPlaneUnreachableWithARedactedMessageAndIsRetried()
      throws IOException {
    api = new ApiServer(true); // only for a real certificate and key
    AtomicInteger passes = new AtomicInteger();
    world =
        new KubeReleaseWorld(
            tmp,
            dp -> {
              passes.incrementAndGet();
              return CredentialResolver.fromStore(world.store).resolve(dp);
            });
    world.platform();
    ObjectNode secret = world.storeClientKeySecret(api.privateKeyBase64());
    world.clusterDataPlane(
        "https://localhost:" + closedPort(), api.certificateBase64(), api.certificateBase64());
    world.start();
    world.store.create(KubeReleaseWorld.releaseTree("orders", "10s", List.of(configMap())));

    Condition applied = awaitCondition("orders", "Applied", "False", "DataPlaneUnreachable");
    assertThat(applied.message()).contains("unreachable");
    Release r = world.typed("orders");
    assertThat(r.status().resources())
        .singleElement()
        .satisfies(s -> assertThat(s.healthStatus()).isEqualTo("Unknown"));
    assertThat(world.condition("orders", "Ready").orElseThrow().status()).isEqualTo("False");

    // Retried with back-off although nothing changed (1 s, then 2 s ...).
    int seen = passes.get();
    await().atMost(WAIT).until(() -> passes.get() >= seen + 2);

    String everything =
        world.store.get("Release", "default", "orders").toString()
            + world.store.list("Event", null).items();
    assertThat(everything)
        .doesNotContain(api.privateKeyBase64())
        .doesNotContain(secret.at("/data/" + KubeReleaseWorld.SECRET_KEY).asText())
        .doesNotContain("PRIVATE KEY");
  }

  @Test
  void aMissingSecretIsReportedWithoutValuesAndPickedUpOnceStored() {
    api = new ApiServer(true);
    world = new KubeReleaseWorld(tmp, null);
    world.platform();
    world.clusterDataPlane(api.server().url("/"), api.certificateBase64(), api.certificateBase64());
    world.start();
    world.store.create(KubeReleaseWorld.releaseTree("orders", "10s", List.of(configMap())));

    Condition applied = awaitCondition("orders", "Applied", "False", "DataPlaneUnreachable");
    assertThat(applied.message())
        .isEqualTo(
            "Secret \"cluster-credentials\" in namespace default (referenced by"
                + " spec.kubernetesCluster.credentials.clientKeySecretRef of DataPlane"
                + " default/cluster) not found");
    assertThat(api.requests()).isEmpty();

    world.storeClientKeySecret(api.privateKeyBase64());

    awaitCondition("orders", "Applied", "True", "Applied");
    assertThat(live("v1", "ConfigMap", "orders-config")).isPresent();
  }

  @Test
  void aProgressingWorkloadIsLookedAtAgainUntilItIsHealthy() {
    clusterWorld(null);
    world.store.create(KubeReleaseWorld.releaseTree("orders", "1s", List.of(deployment())));

    Condition ready = awaitCondition("orders", "Ready", "False", "ResourceHealthProgressing");
    assertThat(ready.message()).isEqualTo("Resources status: 1/1 progressing");
    assertThat(world.condition("orders", "Applied").orElseThrow().status()).isEqualTo("True");

    setDeploymentStatus(
        """
        {"observedGeneration":10,"replicas":1,"updatedReplicas":1,"readyReplicas":1,
         "availableReplicas":1,
         "conditions":[{"type":"Available","status":"True","reason":"MinimumReplicasAvailable"}]}
        """);

    // No change to the Release: only the progressingInterval timer brings the new health.
    awaitCondition("orders", "Ready", "True", "ResourcesHealthy");
    assertThat(world.typed("orders").metadata().generation()).isEqualTo(1);
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private void setDeploymentStatus(String statusJson) {
    var op =
        api.client()
            .genericKubernetesResources("apps/v1", "Deployment")
            .inNamespace(cell())
            .withName("orders");
    GenericKubernetesResource d = op.get();
    d.setAdditionalProperty("status", Codec.JSON.convertValue(json(statusJson), Map.class));
    op.updateStatus(d);
  }

  private Optional<ObjectNode> live(String apiVersion, String kind, String name) {
    GenericKubernetesResource r =
        api.client()
            .genericKubernetesResources(apiVersion, kind)
            .inNamespace(cell())
            .withName(name)
            .get();
    return Optional.ofNullable(r).map(this::tree);
  }

  private Optional<ObjectNode> liveNamespace() {
    GenericKubernetesResource r =
        api.client().genericKubernetesResources("v1", "Namespace").withName(cell()).get();
    return Optional.ofNullable(r).map(this::tree);
  }

  private ObjectNode tree(GenericKubernetesResource r) {
    return (ObjectNode) json(api.client().getKubernetesSerialization().asJson(r));
  }

  private static Map<String, String> labels(ObjectNode o) {
    return Codec.JSON.convertValue(
        o.path("metadata").path("labels"),
        new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
  }

  private static JsonNode json(String text) {
    try {
      return Codec.JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
