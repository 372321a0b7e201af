package dev.troupe.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.Kinds;
import dev.troupe.engine.store.Propagation;
import dev.troupe.engine.store.Store;
import dev.troupe.engine.store.StoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Deletion never deadlocks (delivery.md §1.8), on the whole embedded platform with its real
 * controllers: the demo is deployed (Releases committed to Git, with their finalizers), then its
 * objects are deleted in a random order, and everything must disappear.
 */
class PlatformDeletionTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4})
  void deletingTheDemoInAnyOrderLeavesNothingBehind(long seed) {
    try (EmbeddedPlatform p =
        EmbeddedPlatform.start(new EmbeddedPlatform.Options(dir, "127.0.0.1", 0, true))) {
      assertThat(p.engine().awaitIdle(Duration.ofSeconds(60))).isTrue();
      Store store = p.engine().store();
      // Idle is a moment, not convergence: a binding waiting on a connection target is resumed
      // by a watch a little later (storefront → orders).
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(() -> assertThat(store.list("Release", "default").items()).hasSize(4));

      List<ObjectNode> targets = new ArrayList<>();
      for (String kind :
          List.of(
              "Project",
              "Component",
              "Environment",
              "DataPlane",
              "DeploymentPipeline",
              "ServiceClass",
              "WebApplicationClass",
              "ConfigurationGroup",
              "Service")) {
        targets.addAll(store.list(kind, "default").items());
      }
      Collections.shuffle(targets, new Random(seed));
      if (seed % 2 == 0) {
        targets.add(store.get("Organization", "", "default")); // last: the whole namespace
      }
      for (ObjectNode t : targets) {
        try {
          store.delete(
              t.path("kind").asText(),
              t.path("metadata").path("namespace").asText(""),
              t.path("metadata").path("name").asText(),
              Propagation.BACKGROUND,
              null);
        } catch (StoreException.NotFound e) {
          // collected already with its owner
        }
      }

      await()
          .atMost(Duration.ofSeconds(90))
          .untilAsserted(
              () -> {
                assertThat(remaining(store, "Release")).isEmpty();
                for (ObjectNode t : targets) {
                  assertThat(
                          store.find(
                              t.path("kind").asText(),
                              t.path("metadata").path("namespace").asText(""),
                              t.path("metadata").path("name").asText()))
                      .as("%s %s", t.path("kind").asText(), t.path("metadata").path("name"))
                      .isEmpty();
                }
                for (String kind :
                    List.of(
                        "ServiceBinding",
                        "WebApplicationBinding",
                        "ScheduledTaskBinding",
                        "Workload",
                        "DeployableArtifact")) {
                  assertThat(remaining(store, kind)).as(kind).isEmpty();
                }
              });
      if (seed % 2 == 0) {
        await()
            .atMost(Duration.ofSeconds(90))
            .untilAsserted(
                () -> {
                  for (KindDef def : Kinds.all()) {
                    if (!def.clusterScoped()) {
                      assertThat(remaining(store, def.kind())).as(def.kind()).isEmpty();
                    }
                  }
                  assertThat(store.find("Namespace", "", "default")).isEmpty();
                });
      }
    }
  }

  private static List<String> remaining(Store store, String kind) {
    return store.list(kind, "default").items().stream()
        .map(o -> o.path("metadata").path("name").asText())
        .toList();
  }
}
