package dev.troupe.engine.kube;

import static dev.troupe.engine.kube.Fixtures.configMap;
import static dev.troupe.engine.kube.Fixtures.deployment;
import static dev.troupe.engine.kube.Fixtures.networkPolicy;
import static dev.troupe.engine.kube.Fixtures.service;
import static dev.troupe.engine.kube.Fixtures.serviceComponent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.engine.gitops.ManifestFiles;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.health.HealthStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Store semantics of kubernetes mode against fabric8's mock API server in CRUD mode (server-side
 * apply emulated as create-or-merge, see {@link ApiServer}), with request-level assertions where
 * the order or absence of requests is the point.
 */
class KubernetesApplierTest {
  private final Map<String, Boolean> liveReleases = new ConcurrentHashMap<>();
  private ApiServer api;
  private KubernetesApplier applier;
  private final ReleaseTarget release = Fixtures.release("orders", 3);
  private static final String NS = Fixtures.release("orders", 3).cellNamespace();

  @BeforeEach
  void start() {
    api = new ApiServer();
    applier =
        new KubernetesApplier(
            api.client(),
            (ns, name, uid) -> liveReleases.getOrDefault(ns + "/" + name + "/" + uid, false));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void appliesEveryObjectWithTrackingLabelsAndCreatesTheCellNamespace() {
    ApplyReport report = applier.apply(release, serviceComponent(release), List.of());

    assertThat(report.outcome())
        .isEqualTo(new AppliedOutcome(true, AppliedReason.Applied, "applied 4 objects"));
    assertThat(report.resources())
        .extracting(ResourceResult::kind, ResourceResult::applied, ResourceResult::applyError)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("HTTPRoute", true, null),
            org.assertj.core.groups.Tuple.tuple("Deployment", true, null),
            org.assertj.core.groups.Tuple.tuple("Service", true, null),
            org.assertj.core.groups.Tuple.tuple("NetworkPolicy", true, null));
    assertThat(report.inventory())
        .extracting(InventoryEntry::kind)
        .containsExactly("HTTPRoute", "Deployment", "Service", "NetworkPolicy");

    ObjectNode ns = get("v1", "Namespace", null, release.cellNamespace()).orElseThrow();
    assertThat(labels(ns))
        .containsEntry("openchoreo.dev/created-by", "release-controller")
        .containsEntry("openchoreo.dev/release-uid", "uid-orders")
        .containsEntry("openchoreo.dev/release-name", "orders-development")
        .containsEntry("openchoreo.dev/release-namespace", "acme")
        .containsEntry("openchoreo.dev/organization", "acme")
        .containsEntry("openchoreo.dev/environment", "development")
        .containsEntry("openchoreo.dev/project", "shop");

    ObjectNode d =
        get("apps/v1", "Deployment", release.cellNamespace(), "orders-development").orElseThrow();
    assertThat(labels(d))
        .containsEntry("openchoreo.dev/managed-by", "release-controller")
        .containsEntry("openchoreo.dev/release-resource-id", "orders-development-deployment")
        .containsEntry("openchoreo.dev/release-uid", "uid-orders")
        .containsEntry("component-name", "orders");
    assertThat(d.at("/metadata/annotations/openchoreo.dev~1release-generation").asText())
        .isEqualTo("3");
    assertThat(d.at("/spec/template/metadata/labels").has("openchoreo.dev/release-uid")).isFalse();
    assertThat(d.at("/status/replicas").isMissingNode()).as("rendered status not applied").isTrue();
  }

  @Test
  void appliesByKindPriorityWithServerSideApplyRequests() {
    applier.apply(release, serviceComponent(release), List.of());

    List<ApiServer.Request> writes = api.writes();
    assertThat(writes)
        .extracting(r -> r.method() + " " + r.pathWithoutQuery())
        .containsExactly(
            "POST /api/v1/namespaces",
            "PATCH /apis/networking.k8s.io/v1/namespaces/"
                + NS
                + "/networkpolicies/orders-development-baseline",
            "PATCH /api/v1/namespaces/" + NS + "/services/orders-development",
            "PATCH /apis/apps/v1/namespaces/" + NS + "/deployments/orders-development",
            "PATCH /apis/gateway.networking.k8s.io/v1/namespaces/"
                + NS
                + "/httproutes/orders-development-public");
    for (ApiServer.Request patch : writes.subList(1, writes.size())) {
      assertThat(patch.contentType()).startsWith("application/apply-patch+yaml");
      assertThat(patch.query()).isEqualTo("fieldManager=release-controller&force=true");
      JsonNode body = json(patch.body());
      assertThat(body.has("status")).isFalse();
      assertThat(body.at("/metadata/labels/openchoreo.dev~1managed-by").asText())
          .isEqualTo("release-controller");
      assertThat(body.at("/metadata/labels/openchoreo.dev~1release-uid").asText())
          .isEqualTo("uid-orders");
    }
  }

  @Test
  void theAppliedObjectIsExactlyWhatGitOpsModeCommits() {
    RenderedObject d = deployment(release);
    applier.apply(release, List.of(d), List.of());

    ApiServer.Request patch = api.writes().getLast();
    ObjectNode committed = ManifestFiles.delivered(d, release.ref());
    assertThat(json(patch.body())).isEqualTo(committed);
  }

  @Test
  void leavesAnExistingNamespaceUntouched() {
    create(
        """
        {"apiVersion":"v1","kind":"Namespace",
         "metadata":{"name":"NS","labels":{"team":"platform"}}}
        """
            .replace("NS", NS));
    api.clearRequests();

    ApplyReport report = applier.apply(release, List.of(service(release)), List.of());

    assertThat(report.outcome().reason()).isEqualTo(AppliedReason.Applied);
    assertThat(api.writes())
        .noneMatch(
            r ->
                r.path().startsWith("/api/v1/namespaces?")
                    || r.pathWithoutQuery().equals("/api/v1/namespaces")
                    || r.pathWithoutQuery().equals("/api/v1/namespaces/" + NS + ""));
    ObjectNode ns = get("v1", "Namespace", null, NS).orElseThrow();
    assertThat(labels(ns)).isEqualTo(Map.of("team", "platform"));

    CleanupReport cleanup = applier.cleanup(release, report.inventory(), List.of());
    assertThat(cleanup.done()).isTrue();
    assertThat(get("v1", "Namespace", null, NS))
        .as("a pre-provisioned namespace is never deleted")
        .isPresent();
  }

  @Test
  void aTerminatingNamespaceStopsThePassWithATransientReason() {
    create(
        """
        {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"NS"},
         "status":{"phase":"Terminating"}}
        """
            .replace("NS", NS));
    api.clearRequests();

    ApplyReport report = applier.apply(release, serviceComponent(release), List.of());

    assertThat(report.outcome().reason()).isEqualTo(AppliedReason.NamespaceTerminating);
    assertThat(report.outcome().applied()).isFalse();
    assertThat(report.outcome().reason().transientFailure()).isTrue();
    assertThat(report.outcome().message()).contains(NS);
    assertThat(api.writes()).isEmpty();
    assertThat(report.resources()).noneMatch(ResourceResult::applied);
  }

  @Test
  void anObjectOfAnotherLiveReleaseIsNotAppliedAndStopsLaterGroups() {
    ReleaseTarget other = Fixtures.other("orders-old", "uid-old");
    liveReleases.put("acme/orders-old/uid-old", true);
    ObjectNode foreign = ManifestFiles.delivered(service(release), other.ref());
    createNamespace();
    create(foreign.toString());
    api.clearRequests();

    ApplyReport report = applier.apply(release, serviceComponent(release), List.of());

    assertThat(report.outcome().reason()).isEqualTo(AppliedReason.ResourceConflict);
    assertThat(report.outcome().message())
        .isEqualTo("Service " + NS + "/orders-development belongs to Release acme/orders-old");
    assertThat(api.writes())
        .extracting(ApiServer.Request::pathWithoutQuery)
        .containsExactly(
            "/apis/networking.k8s.io/v1/namespaces/"
                + NS
                + "/networkpolicies/orders-development-baseline");
    assertThat(labels(get("v1", "Service", NS, "orders-development").orElseThrow()))
        .containsEntry("openchoreo.dev/release-uid", "uid-old");
    ResourceResult svc = report.resources().get(2);
    assertThat(svc.applied()).isFalse();
    assertThat(svc.applyError()).contains("acme/orders-old");
    assertThat(report.inventory())
        .extracting(InventoryEntry::kind)
        .containsExactly("NetworkPolicy");
  }

  @Test
  void adoptsAnObjectWhoseReleaseIsGone() {
    ReleaseTarget other = Fixtures.other("orders-old", "uid-old");
    createNamespace();
    create(ManifestFiles.delivered(service(release), other.ref()).toString());

    ApplyReport report = applier.apply(release, List.of(service(release)), List.of());

    assertThat(report.outcome().reason()).isEqualTo(AppliedReason.Applied);
    assertThat(labels(get("v1", "Service", NS, "orders-development").orElseThrow()))
        .containsEntry("openchoreo.dev/release-uid", "uid-orders")
        .containsEntry("openchoreo.dev/release-name", "orders-development");
  }

  @Test
  void prunesInventoryEntriesThatAreNoLongerDesired() {
    List<RenderedObject> v1 =
        List.of(networkPolicy(release), configMap(release, "a"), configMap(release, "b"));
    ApplyReport first = applier.apply(release, v1, List.of());
    assertThat(first.inventory()).hasSize(3);

    ApplyReport second =
        applier.apply(
            release, List.of(networkPolicy(release), configMap(release, "a")), first.inventory());

    assertThat(second.outcome().reason()).isEqualTo(AppliedReason.Applied);
    assertThat(second.pruned())
        .extracting(InventoryEntry::name)
        .containsExactly("orders-development-b");
    assertThat(second.inventory())
        .extracting(InventoryEntry::name)
        .containsExactly("orders-development-baseline", "orders-development-a");
    assertThat(get("v1", "ConfigMap", NS, "orders-development-b")).isEmpty();
    assertThat(get("v1", "ConfigMap", NS, "orders-development-a")).isPresent();
  }

  @Test
  void aRenamedObjectIsPrunedEvenWithTheSameId() {
    RenderedObject before = configMap(release, "a");
    ApplyReport first = applier.apply(release, List.of(before), List.of());
    ObjectNode renamed = before.object().deepCopy();
    ((ObjectNode) renamed.get("metadata")).put("name", "orders-development-renamed");

    ApplyReport second =
        applier.apply(
            release, List.of(new RenderedObject(before.id(), renamed)), first.inventory());

    assertThat(second.pruned())
        .extracting(InventoryEntry::name)
        .containsExactly("orders-development-a");
    assertThat(get("v1", "ConfigMap", NS, "orders-development-a")).isEmpty();
    assertThat(second.inventory())
        .extracting(InventoryEntry::name)
        .containsExactly("orders-development-renamed");
  }

  @Test
  void doesNotDeleteAnInventoryObjectNowOwnedByAnotherRelease() {
    ReleaseTarget other = Fixtures.other("billing-development", "uid-billing");
    createNamespace();
    create(ManifestFiles.delivered(configMap(other, "shared"), other.ref()).toString());
    InventoryEntry stale =
        new InventoryEntry("x", "", "v1", "ConfigMap", NS, "billing-development-shared");

    ApplyReport report = applier.apply(release, List.of(service(release)), List.of(stale));

    assertThat(report.pruned()).isEmpty();
    assertThat(report.inventory()).extracting(InventoryEntry::kind).containsExactly("Service");
    assertThat(get("v1", "ConfigMap", NS, "billing-development-shared")).isPresent();
    assertThat(api.writes()).noneMatch(r -> r.method().equals("DELETE"));
  }

  @Test
  void theLabelSweepFindsObjectsMissingFromTheInventory() {
    createNamespace();
    create(ManifestFiles.delivered(configMap(release, "leaked"), release.ref()).toString());
    api.clearRequests();

    ApplyReport report =
        applier.apply(release, List.of(service(release), configMap(release, "kept")), List.of());

    assertThat(report.pruned())
        .extracting(InventoryEntry::name)
        .containsExactly("orders-development-leaked");
    assertThat(get("v1", "ConfigMap", NS, "orders-development-leaked")).isEmpty();
    assertThat(api.requests())
        .filteredOn(r -> r.method().equals("GET") && r.pathWithoutQuery().endsWith("/configmaps"))
        .extracting(ApiServer.Request::query)
        .containsExactly(
            "labelSelector=openchoreo.dev/managed-by=release-controller,openchoreo.dev/release-uid=uid-orders");
  }

  @Test
  void nothingIsPrunedWhenSomeObjectFailedToApply() {
    ApplyReport first =
        applier.apply(
            release, List.of(configMap(release, "a"), configMap(release, "b")), List.of());
    api.failWhen(
        r ->
            r.method().equals("PATCH") && r.path().contains("/configmaps/orders-development-a")
                ? Optional.of(ApiServer.status(422, "Invalid", "ConfigMap is invalid"))
                : Optional.empty());

    ApplyReport second =
        applier.apply(release, List.of(configMap(release, "a")), first.inventory());

    assertThat(second.outcome().reason()).isEqualTo(AppliedReason.ApplyFailed);
    assertThat(second.outcome().message())
        .isEqualTo(
            "apply ConfigMap " + NS + "/orders-development-a: HTTP 422: ConfigMap is invalid");
    assertThat(second.pruned()).isEmpty();
    assertThat(get("v1", "ConfigMap", NS, "orders-development-b")).isPresent();
    assertThat(second.inventory())
        .extracting(InventoryEntry::name)
        .containsExactlyInAnyOrder("orders-development-a", "orders-development-b");
  }

  @Test
  void aFailingNetworkPolicyGroupMeansNoWorkloadRequestAtAll() {
    api.failWhen(
        r ->
            r.method().equals("PATCH") && r.path().contains("/networkpolicies/")
                ? Optional.of(ApiServer.status(403, "Forbidden", "networkpolicies is forbidden"))
                : Optional.empty());

    ApplyReport report = applier.apply(release, serviceComponent(release), List.of());

    assertThat(report.outcome().reason()).isEqualTo(AppliedReason.ApplyFailed);
    assertThat(api.requests())
        .noneMatch(
            r ->
                r.path().contains("/deployments")
                    || r.path().contains("/services")
                    || r.path().contains("/httproutes"));
    assertThat(report.resources())
        .filteredOn(r -> !r.kind().equals("NetworkPolicy"))
        .allSatisfy(
            r -> {
              assertThat(r.applied()).isFalse();
              assertThat(r.applyError()).isNull();
              assertThat(r.message())
                  .isEqualTo("not applied: an object of priority group 1 failed");
              assertThat(r.healthStatus()).isEqualTo(HealthStatus.Unknown);
            });
    assertThat(report.resources().get(3).applyError())
        .isEqualTo(
            "apply NetworkPolicy "
                + NS
                + "/orders-development-baseline: HTTP 403: networkpolicies is forbidden");
    assertThat(report.inventory()).isEmpty();
  }

  @Test
  void applyErrorsAreRedacted() {
    api.failWhen(
        r ->
            r.method().equals("PATCH")
                ? Optional.of(
                    ApiServer.status(
                        500,
                        "InternalError",
                        "webhook https://admin:hunter2@hooks.example.com/validate?token=abc123 "
                            + "failed with Authorization: Bearer eyJhbGciOiJIUzI1.eyJzdWIiOiJ4In0.c2ln"))
                : Optional.empty());

    ApplyReport report = applier.apply(release, List.of(service(release)), List.of());

    String error = report.resources().getFirst().applyError();
    assertThat(error)
        .startsWith("apply Service " + NS + "/orders-development: HTTP 500: webhook https://")
        .doesNotContain("hunter2", "abc123", "eyJhbGciOiJIUzI1", "c2ln")
        .contains("<redacted>@hooks.example.com");
    assertThat(report.outcome().message()).doesNotContain("hunter2", "abc123", "eyJhbGciOiJIUzI1");
  }

  @Test
  void anUnreachableDataPlaneKeepsTheInventory() {
    ApplyReport first = applier.apply(release, List.of(service(release)), List.of());
    api.server().destroy();

    ApplyReport report = applier.apply(release, List.of(deployment(release)), first.inventory());

    assertThat(report.outcome().reason()).isEqualTo(AppliedReason.DataPlaneUnreachable);
    assertThat(report.outcome().reason().transientFailure()).isTrue();
    assertThat(report.inventory()).isEqualTo(first.inventory());
    assertThat(report.resources())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.applied()).isFalse();
              assertThat(r.healthStatus()).isEqualTo(HealthStatus.Unknown);
            });
  }

  @Test
  void aSecondPassWithTheSameContentKeepsTheInventoryAndPrunesNothing() {
    ApplyReport first = applier.apply(release, serviceComponent(release), List.of());
    ApplyReport second = applier.apply(release, serviceComponent(release), first.inventory());

    assertThat(second.outcome().reason()).isEqualTo(AppliedReason.Applied);
    assertThat(second.inventory()).isEqualTo(first.inventory());
    assertThat(second.pruned()).isEmpty();
    assertThat(api.writes()).noneMatch(r -> r.method().equals("DELETE"));
  }

  @Test
  void cleanupDeletesInReversePriorityAndIgnoresKindsNotInstalled() {
    ApplyReport applied = applier.apply(release, serviceComponent(release), List.of());
    create(ManifestFiles.delivered(configMap(release, "leaked"), release.ref()).toString());
    api.clearRequests();

    CleanupReport report =
        applier.cleanup(release, applied.inventory(), List.of(Gvk.of("example.com/v1", "Widget")));

    assertThat(report.done()).isTrue();
    assertThat(report.failure()).isNull();
    assertThat(api.requests())
        .filteredOn(r -> r.method().equals("DELETE"))
        .extracting(
            r -> r.pathWithoutQuery().substring(r.pathWithoutQuery().lastIndexOf("namespaces/")))
        .containsExactly(
            "namespaces/" + NS + "/httproutes/orders-development-public",
            "namespaces/" + NS + "/deployments/orders-development",
            "namespaces/" + NS + "/services/orders-development",
            "namespaces/" + NS + "/configmaps/orders-development-leaked",
            "namespaces/" + NS + "/networkpolicies/orders-development-baseline");
    assertThat(report.deleted()).hasSize(5);
    for (ApiServer.Request delete :
        api.requests().stream().filter(r -> r.method().equals("DELETE")).toList()) {
      assertThat(json(delete.body()).path("propagationPolicy").asText()).isEqualTo("Background");
    }
  }

  @Test
  void cleanupLeavesObjectsOfOtherReleasesAlone() {
    ReleaseTarget other = Fixtures.other("billing-development", "uid-billing");
    createNamespace();
    create(ManifestFiles.delivered(configMap(other, "x"), other.ref()).toString());
    InventoryEntry stale =
        new InventoryEntry("x", "", "v1", "ConfigMap", NS, "billing-development-x");

    CleanupReport report = applier.cleanup(release, List.of(stale), List.of());

    assertThat(report.done()).isTrue();
    assertThat(report.deleted()).isEmpty();
    assertThat(get("v1", "ConfigMap", NS, "billing-development-x")).isPresent();
  }

  @Test
  void healthComesFromTheLiveObjectsAndThePodsOfTheWorkload() {
    applier.apply(release, List.of(deployment(release), service(release)), List.of());
    HealthReport before =
        applier.observe(release, List.of(deployment(release), service(release)), Duration.ZERO);
    assertThat(before.resources())
        .extracting(ResourceResult::healthStatus)
        .containsExactly(HealthStatus.Progressing, HealthStatus.Healthy);

    setDeploymentStatus(
        """
        {"observedGeneration":1,"replicas":1,"updatedReplicas":1,"readyReplicas":0,
         "availableReplicas":0,"unavailableReplicas":1,
         "conditions":[{"type":"Progressing","status":"True","reason":"ReplicaSetUpdated"}]}
        """);
    create(
        """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"orders-development-7d9f-x2",
          "namespace":"NS",
          "labels":{"organization-name":"acme","project-name":"shop","environment-name":"development",
                    "component-name":"orders"}},
         "spec":{"containers":[{"name":"main","image":"x"}]},
         "status":{"phase":"Running","containerStatuses":[{"name":"main","ready":false,"restartCount":5,
           "state":{"waiting":{"reason":"CrashLoopBackOff"}}}]}}
        """
            .replace("NS", NS));

    HealthReport after =
        applier.observe(release, List.of(deployment(release), service(release)), Duration.ZERO);

    assertThat(after.unreachable()).isFalse();
    ResourceResult d = after.resources().getFirst();
    assertThat(d.healthStatus()).isEqualTo(HealthStatus.Degraded);
    assertThat(d.message()).contains("orders-development-7d9f-x2").contains("CrashLoopBackOff");
  }

  @Test
  void observingAnObjectThatIsGoneGivesUnknown() {
    HealthReport report = applier.observe(release, List.of(service(release)), null);
    assertThat(report.resources().getFirst().healthStatus()).isEqualTo(HealthStatus.Unknown);
  }

  @Test
  void contentAdmissionWouldRejectIsRefusedBeforeAnyRequest() {
    ObjectNode elsewhere = service(release).object().deepCopy();
    ((ObjectNode) elsewhere.get("metadata")).put("namespace", "kube-system");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> applier.apply(release, List.of(new RenderedObject("svc", elsewhere)), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kube-system");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                applier.apply(
                    release, List.of(configMap(release, "a"), configMap(release, "a")), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not unique");
    assertThat(api.requests()).isEmpty();
  }

  private void setDeploymentStatus(String statusJson) {
    var op =
        api.client()
            .genericKubernetesResources("apps/v1", "Deployment")
            .inNamespace(NS)
            .withName("orders-development");
    GenericKubernetesResource d = op.get();
    d.setAdditionalProperty("status", Codec.JSON.convertValue(json(statusJson), Map.class));
    op.updateStatus(d);
  }

  private void createNamespace() {
    create(ManifestFiles.namespace(release.ref()).toString());
  }

  private void create(String json) {
    GenericKubernetesResource r =
        api.client().getKubernetesSerialization().unmarshal(json, GenericKubernetesResource.class);
    var op = api.client().genericKubernetesResources(r.getApiVersion(), r.getKind());
    if (r.getMetadata().getNamespace() == null) {
      op.resource(r).create();
    } else {
      op.inNamespace(r.getMetadata().getNamespace()).resource(r).create();
    }
  }

  private Optional<ObjectNode> get(String apiVersion, String kind, String namespace, String name) {
    var op = api.client().genericKubernetesResources(apiVersion, kind);
    GenericKubernetesResource r =
        namespace == null
            ? op.withName(name).get()
            : op.inNamespace(namespace).withName(name).get();
    return Optional.ofNullable(r)
        .map(x -> (ObjectNode) json(api.client().getKubernetesSerialization().asJson(x)));
  }

  private static Map<String, String> labels(ObjectNode o) {
    return Codec.JSON.convertValue(
        o.path("metadata").path("labels"),
        new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
  }

  private static JsonNode json(String text) {
    try {
      return Codec.JSON.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
