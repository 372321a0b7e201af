package dev.troupe.engine.controllers.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bounded finalizers of Environment and DataPlane, and the Orphan escape hatch. */
class EnvironmentCleanupTest {
  @TempDir Path dir;
  PlatformFixture f;

  @AfterEach
  void stop() {
    f.close();
  }

  private ShopPlatform shop(Duration bound) {
    f = new PlatformFixture(dir, PlatformFixture.settings(bound)).start();
    ShopPlatform p = ShopPlatform.build(f, "acme", List.of("orders"));
    f.awaitIdle();
    return p;
  }

  private void clearReleaseFinalizer(String name) {
    ObjectNode r = f.find("Release", "acme", name).orElseThrow();
    f.store.update(Meta.withoutFinalizer(r, PlatformControllers.DATAPLANE_CLEANUP));
  }

  @Test
  void deletingAnEnvironmentDeletesItsBindingsAndWaitsForTheirReleases() {
    shop(Duration.ofMinutes(5));
    f.hold("Environment", "acme", "development", true);
    f.store.delete("Environment", "acme", "development");
    f.awaitIdle();

    assertThat(f.find("ServiceBinding", "acme", "orders-development")).isEmpty();
    assertThat(f.find("ServiceBinding", "acme", "orders-staging"))
        .as("other environment")
        .isPresent();
    ObjectNode release = f.find("Release", "acme", "orders-development").orElseThrow();
    assertThat(Meta.terminating(release)).isTrue();
    JsonNode finalizing = f.condition("Environment", "acme", "development", "Finalizing");
    assertThat(finalizing.path("reason").asText()).isEqualTo(Finalization.IN_PROGRESS);
    assertThat(finalizing.path("message").asText()).contains("Release/orders-development");
    assertThat(Meta.finalizers(f.find("Environment", "acme", "development").orElseThrow()))
        .contains(PlatformControllers.ENVIRONMENT_CLEANUP);

    clearReleaseFinalizer("orders-development");
    f.awaitIdle();

    assertThat(Meta.finalizers(f.find("Environment", "acme", "development").orElseThrow()))
        .containsExactly("test/hold");
    assertThat(f.events("acme", "development", Finalization.ORPHANED)).isEmpty();
    f.hold("Environment", "acme", "development", false);
    assertThat(f.find("Environment", "acme", "development")).isEmpty();
  }

  @Test
  void anEnvironmentWhoseReleasesNeverFinishIsOrphanedAfterItsBound() {
    shop(Duration.ofSeconds(2));
    f.hold("Environment", "acme", "staging", true);
    f.store.delete("Environment", "acme", "staging");

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(f.find("Environment", "acme", "staging").map(Meta::finalizers))
                    .contains(List.of("test/hold")));
    JsonNode finalizing = f.condition("Environment", "acme", "staging", "Finalizing");
    assertThat(finalizing.path("status").asText()).isEqualTo("True");
    assertThat(finalizing.path("reason").asText()).isEqualTo(Finalization.ORPHANED);
    assertThat(finalizing.path("message").asText()).contains("Release/orders-staging");
    assertThat(f.events("acme", "staging", Finalization.ORPHANED)).hasSize(1);
    assertThat(f.events("acme", "staging", Finalization.ORPHANED).getFirst().path("type").asText())
        .isEqualTo("Warning");
    f.hold("Environment", "acme", "staging", false);
  }

  @Test
  void theOrphanPolicyReleasesAnEnvironmentAtOnce() {
    shop(Duration.ofMinutes(5));
    f.hold("Environment", "acme", "development", true);
    ObjectNode env = f.find("Environment", "acme", "development").orElseThrow().deepCopy();
    env.with("metadata").with("annotations").put(Finalization.POLICY_ANNOTATION, "Orphan");
    f.store.update(env);
    f.store.delete("Environment", "acme", "development");
    f.awaitIdle();

    assertThat(Meta.finalizers(f.find("Environment", "acme", "development").orElseThrow()))
        .containsExactly("test/hold");
    assertThat(
            f.condition("Environment", "acme", "development", "Finalizing").path("reason").asText())
        .isEqualTo(Finalization.ORPHANED);
    assertThat(f.events("acme", "development", Finalization.ORPHANED)).hasSize(1);
    assertThat(f.find("ServiceBinding", "acme", "orders-development"))
        .as("cleanup skipped")
        .isPresent();
    f.hold("Environment", "acme", "development", false);
  }

  @Test
  void theOrphanPolicyReleasesAStuckEnvironmentWhenSetDuringDeletion() {
    shop(Duration.ofMinutes(5));
    f.hold("Environment", "acme", "development", true);
    f.store.delete("Environment", "acme", "development");
    f.awaitIdle();
    assertThat(f.find("Environment", "acme", "development").map(Meta::finalizers))
        .contains(List.of(PlatformControllers.ENVIRONMENT_CLEANUP, "test/hold"));

    ObjectNode env = f.find("Environment", "acme", "development").orElseThrow().deepCopy();
    env.with("metadata").with("annotations").put(Finalization.POLICY_ANNOTATION, "Orphan");
    f.store.update(env);
    f.awaitIdle();

    assertThat(f.find("Environment", "acme", "development").map(Meta::finalizers))
        .contains(List.of("test/hold"));
    assertThat(f.events("acme", "development", Finalization.ORPHANED)).hasSize(1);
    f.hold("Environment", "acme", "development", false);
    assertThat(f.find("Environment", "acme", "development")).isEmpty();
  }

  @Test
  void aDeletedDataPlaneDrainsTheReleasesThatAreCleaningUpOnIt() {
    shop(Duration.ofMinutes(5));
    f.hold("DataPlane", "acme", "local", true);
    f.store.delete("ServiceBinding", "acme", "orders-development");
    f.store.delete("DataPlane", "acme", "local");
    f.awaitIdle();

    JsonNode finalizing = f.condition("DataPlane", "acme", "local", "Finalizing");
    assertThat(finalizing.path("reason").asText()).isEqualTo(Finalization.IN_PROGRESS);
    assertThat(finalizing.path("message").asText())
        .contains("Release/orders-development")
        .as("a Release that is not being deleted keeps its objects and is not waited for")
        .doesNotContain("orders-staging");

    clearReleaseFinalizer("orders-development");
    f.awaitIdle();

    assertThat(Meta.finalizers(f.find("DataPlane", "acme", "local").orElseThrow()))
        .containsExactly("test/hold");
    assertThat(f.find("Release", "acme", "orders-staging")).isPresent();
    f.hold("DataPlane", "acme", "local", false);
    assertThat(f.find("DataPlane", "acme", "local")).isEmpty();
  }

  @Test
  void aDataPlaneDrainIsBounded() {
    shop(Duration.ofSeconds(2));
    f.hold("DataPlane", "acme", "local", true);
    f.store.delete("ServiceBinding", "acme", "orders-staging");
    f.store.delete("DataPlane", "acme", "local");

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(f.find("DataPlane", "acme", "local").map(Meta::finalizers))
                    .contains(List.of("test/hold")));
    assertThat(f.condition("DataPlane", "acme", "local", "Finalizing").path("reason").asText())
        .isEqualTo(Finalization.ORPHANED);
    assertThat(f.events("acme", "local", Finalization.ORPHANED)).hasSize(1);
    assertThat(f.events("acme", "local", Finalization.ORPHANED).getFirst().path("message").asText())
        .contains("Release/orders-staging");
    f.hold("DataPlane", "acme", "local", false);
    assertThat(f.find("DataPlane", "acme", "local")).isEmpty();
  }
}
