package dev.troupe.engine.controllers.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.kinds.delivery.Release;
import dev.troupe.api.model.Condition;
import dev.troupe.api.names.K8sNames;
import dev.troupe.render.RenderedObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kubernetes-mode DataPlane with the default (unavailable) kubernetes applier. */
class ReleaseKubernetesModeTest {
  private static final Path SAMPLE_PLANES = Path.of("../samples/platform/acme-planes.yaml");

  @TempDir Path tmp;
  private ReleaseWorld world;

  @BeforeEach
  void open() {
    world = new ReleaseWorld(tmp);
  }

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void theDefaultKubernetesApplierReportsTheDataPlaneUnreachable() throws Exception {
    world.platform();
    // The samples' kubernetes-mode DataPlane (certificates, key by Secret reference), as "cluster".
    ObjectNode dataPlane =
        DocumentReader.readYaml("acme-planes.yaml", Files.readString(SAMPLE_PLANES)).stream()
            .map(d -> d.tree())
            .filter(t -> t.path("kind").asText().equals("DataPlane"))
            .findFirst()
            .orElseThrow();
    ObjectNode meta = (ObjectNode) dataPlane.get("metadata");
    meta.put("name", "cluster");
    meta.put("namespace", "default");
    world.admitAndCreate(Codec.toYaml(dataPlane));
    world.admitAndCreate(
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: Environment
        metadata: {name: edge}
        spec: {dataPlaneRef: cluster}
        """);
    world.start();
    String ns = K8sNames.cellNamespace("default", "shop", "edge");
    var cm =
        ReleaseControllerTest.yaml(
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: seed, namespace: " + ns + "}\n");
    world.store.create(
        ReleaseWorld.releaseTree(
            "seed", "shop", "inventory", "edge", List.of(new RenderedObject("seed", cm)), 1));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              Release r = world.typed("seed");
              return r.status() != null && r.status().conditions() != null;
            });
    Release r = world.typed("seed");
    Condition applied = ReleaseControllerTest.condition(r, "Applied");
    assertThat(applied.status()).isEqualTo("False");
    assertThat(applied.reason()).isEqualTo("DataPlaneUnreachable");
    assertThat(applied.message()).startsWith("kubernetes release mode needs a reachable cluster: ");
    assertThat(ReleaseControllerTest.condition(r, "Ready").status()).isEqualTo("False");
    assertThat(r.status().dataPlane().mode()).isEqualTo("kubernetes");
    assertThat(r.status().dataPlane().name()).isEqualTo("cluster");
    assertThat(r.status().observedGeneration()).isEqualTo(1);
    assertThat(r.status().gitops()).isNull();
    assertThat(r.status().resources())
        .singleElement()
        .satisfies(s -> assertThat(s.healthStatus()).isEqualTo("Unknown"));
  }
}
