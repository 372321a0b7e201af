package dev.troupe.engine.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.Admission;
import dev.troupe.api.admission.AdmissionOptions;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.InMemoryView;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.api.starterkit.OfflineStore;
import dev.troupe.render.RenderOutcome;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.offline.OfflineRender;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The real renderer's output for the repository's samples, applied to the mock API server (with the
 * CRDs of Cilium, Envoy Gateway and External Secrets announced by discovery), re-applied, and
 * cleaned up again.
 */
class RenderedSamplesKubernetesTest {
  private static final Path SAMPLES = Path.of("../samples");

  @Test
  void everyRenderedReleaseOfTheSamplesAppliesAndCleansUp() throws Exception {
    OfflineRender.Result rendered = renderSamples();
    try (ApiServer api = new ApiServer()) {
      for (String[] crd :
          List.of(
              new String[] {
                "gateway.envoyproxy.io", "v1alpha1", "SecurityPolicy", "securitypolicies"
              },
              new String[] {
                "gateway.envoyproxy.io",
                "v1alpha1",
                "BackendTrafficPolicy",
                "backendtrafficpolicies"
              },
              new String[] {
                "gateway.envoyproxy.io", "v1alpha1", "HTTPRouteFilter", "httproutefilters"
              },
              new String[] {"external-secrets.io", "v1", "ExternalSecret", "externalsecrets"})) {
        api.server()
            .expectCustomResource(
                new CustomResourceDefinitionContext.Builder()
                    .withGroup(crd[0])
                    .withVersion(crd[1])
                    .withKind(crd[2])
                    .withPlural(crd[3])
                    .withScope("Namespaced")
                    .build());
      }
      KubernetesApplier applier = new KubernetesApplier(api.client(), (ns, name, uid) -> false);
      int releases = 0;
      List<String> kinds = new ArrayList<>();
      for (OfflineRender.Release r : rendered.releases()) {
        if (!(r.outcome() instanceof RenderOutcome.Rendered ok)) {
          continue;
        }
        Binding b = r.binding();
        ReleaseTarget target =
            new ReleaseTarget(
                b.namespace(),
                b.name(),
                "uid-" + b.namespace() + "-" + b.name(),
                1,
                b.owner().projectName(),
                b.owner().componentName(),
                b.environmentName());
        List<RenderedObject> objects = ok.resources();
        ApplyReport first = applier.apply(target, objects, List.of());
        assertThat(first.outcome().reason())
            .as(target.display() + ": " + first.outcome().message())
            .isEqualTo(AppliedReason.Applied);
        assertThat(first.inventory()).hasSize(objects.size());
        for (RenderedObject o : objects) {
          kinds.add(o.kind());
          GenericKubernetesResource live =
              api.client()
                  .genericKubernetesResources(o.object().path("apiVersion").asText(), o.kind())
                  .inNamespace(target.cellNamespace())
                  .withName(o.name())
                  .get();
          assertThat(live).as(o.kind() + " " + o.name()).isNotNull();
          assertThat(live.getMetadata().getLabels())
              .containsEntry("openchoreo.dev/release-uid", target.uid())
              .containsEntry("openchoreo.dev/release-resource-id", o.id());
        }
        ApplyReport second = applier.apply(target, objects, first.inventory());
        assertThat(second.pruned()).isEmpty();
        assertThat(second.inventory()).isEqualTo(first.inventory());

        CleanupReport cleanup = applier.cleanup(target, second.inventory(), List.of());
        assertThat(cleanup.done()).as(target.display() + ": " + cleanup.failure()).isTrue();
        assertThat(cleanup.deleted()).hasSize(objects.size());
        releases++;
      }
      assertThat(releases).isPositive();
      assertThat(kinds).contains("Deployment", "Service");
    }
  }

  private static OfflineRender.Result renderSamples() throws Exception {
    assertThat(Files.isDirectory(SAMPLES)).as("samples directory").isTrue();
    List<Document> docs = DocumentReader.read(SAMPLES, "samples");
    InMemoryView store = OfflineStore.forInputs(docs, "default");
    AdmissionResult admitted = Admission.admit(docs, AdmissionOptions.offline("default", store));
    assertThat(admitted.errors()).isEmpty();
    return OfflineRender.render(admitted.objects(), store, Set.of());
  }
}
