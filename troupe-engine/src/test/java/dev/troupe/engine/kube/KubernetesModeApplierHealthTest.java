package dev.troupe.engine.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.engine.controllers.release.ModeApplier;
import dev.troupe.engine.gitops.ReleaseRef;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.health.HealthStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link KubernetesModeApplier#health}: the read-only look a gitops DataPlane with cluster
 * credentials takes (delivery.md §2.7 "Health in gitops mode"), against the mock API server.
 */
class KubernetesModeApplierHealthTest {
  private ApiServer api;
  private KubernetesModeApplier applier;
  private final DataPlane dataPlane =
      Codec.bind(
          Codec.JSON.valueToTree(
              Map.of(
                  "apiVersion",
                  "openchoreo.dev/v1alpha1",
                  "kind",
                  "DataPlane",
                  "metadata",
                  Map.of("name", "git", "namespace", "acme", "uid", "dp-1"),
                  "spec",
                  Map.of("releaseMode", "gitops"))),
          DataPlane.class);
  private final ReleaseTarget release = Fixtures.release("orders", 2);

  @BeforeEach
  void start() {
    api = new ApiServer();
    String url = api.server().url("/");
    applier =
        new KubernetesModeApplier(
            new DataPlaneClients(),
            dp ->
                new CredentialResolver.Resolution.Resolved(
                    new ClusterCredentials(url, null, null, null, "test-token"), ""),
            (ns, name, uid) -> false,
            Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    applier.close();
    api.close();
  }

  private ModeApplier.HealthRequest request(long generation, List<RenderedObject> objects) {
    ReleaseRef ref =
        new ReleaseRef(
            release.organization(),
            release.name(),
            release.uid(),
            generation,
            release.project(),
            release.component(),
            release.environment());
    return new ModeApplier.HealthRequest(ref, dataPlane, objects);
  }

  /** The ConfigMap as the GitOps tool applied it from the commit of {@code generation}. */
  private void syncedByGitOps(RenderedObject object, long generation) {
    ObjectNode live = object.object().deepCopy();
    ((ObjectNode) live.get("metadata"))
        .putObject("annotations")
        .put("openchoreo.dev/release-generation", Long.toString(generation));
    GenericKubernetesResource r =
        api.client()
            .getKubernetesSerialization()
            .unmarshal(live.toString(), GenericKubernetesResource.class);
    api.client()
        .genericKubernetesResources("v1", "ConfigMap")
        .inNamespace(release.cellNamespace())
        .resource(r)
        .create();
  }

  @Test
  void aLiveObjectOfAnOlderGenerationIsWaitingForGitOpsSync() {
    RenderedObject cm = Fixtures.configMap(release, "a");
    syncedByGitOps(cm, 1);
    api.clearRequests();

    ModeApplier.HealthOutcome older = applier.health(request(2, List.of(cm)));
    assertThat(older.observable()).isTrue();
    assertThat(older.resources())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.health()).isEqualTo(HealthStatus.Progressing);
              assertThat(s.message()).isEqualTo("waiting for GitOps sync");
            });

    ModeApplier.HealthOutcome current = applier.health(request(1, List.of(cm)));
    assertThat(current.resources())
        .singleElement()
        .satisfies(s -> assertThat(s.health()).isEqualTo(HealthStatus.Healthy));
    assertThat(api.writes()).as("health never writes").isEmpty();
  }

  @Test
  void anObjectTheGitOpsToolHasNotCreatedIsUnknown() {
    ModeApplier.HealthOutcome outcome =
        applier.health(request(1, List.of(Fixtures.configMap(release, "b"))));
    assertThat(outcome.resources())
        .singleElement()
        .satisfies(s -> assertThat(s.health()).isEqualTo(HealthStatus.Unknown));
  }

  @Test
  void anUnreachableClusterMakesHealthNotObservable() {
    RenderedObject cm = Fixtures.configMap(release, "a");
    api.close();
    ModeApplier.HealthOutcome outcome = applier.health(request(1, List.of(cm)));
    assertThat(outcome.observable()).isFalse();
    assertThat(outcome.message()).contains("unreachable").doesNotContain("test-token");
    assertThat(outcome.resources())
        .singleElement()
        .satisfies(s -> assertThat(s.health()).isEqualTo(HealthStatus.Unknown));
    api = new ApiServer(); // for stop()
  }
}
