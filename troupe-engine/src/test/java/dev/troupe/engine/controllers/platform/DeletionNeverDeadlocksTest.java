package dev.troupe.engine.controllers.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.troupe.engine.store.ObjectKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Acceptance: deletion never deadlocks (delivery.md §1.8). Whole organizations are deleted in
 * random orders, with a stand-in for the Release controller's cleanup; the bounds are long (10
 * min), so everything must disappear through the finalizers' own progress, not through timeouts.
 * The OpenChoreo failure scenarios of §1.8 each get an explicit case as well.
 */
class DeletionNeverDeadlocksTest {
  private static final Duration LONG_BOUND = Duration.ofMinutes(10);
  private static final Duration CONVERGED = Duration.ofSeconds(30);

  @TempDir Path dir;
  PlatformFixture f;

  @AfterEach
  void stop() {
    if (f != null) {
      f.close();
    }
  }

  private ShopPlatform shop(String org) {
    ShopPlatform p = ShopPlatform.build(f, org, List.of("orders", "billing", "web"));
    f.awaitIdle();
    assertThat(f.ready("Environment", org, "development")).isEqualTo("True/DataPlaneReady");
    return p;
  }

  private void start(Duration bound) {
    f =
        new PlatformFixture(
                dir, PlatformFixture.settings(bound), null, PlatformFixture::withReleaseCleanup)
            .start();
  }

  private void deleteAll(List<ObjectKey> keys) {
    for (ObjectKey k : keys) {
      f.deleteIfPresent(k.kind(), k.namespace(), k.name());
    }
  }

  private void assertOrganizationGone(String org) {
    await()
        .atMost(CONVERGED)
        .untilAsserted(
            () -> {
              assertThat(f.find("Organization", "", org)).isEmpty();
              assertThat(f.find(PlatformControllers.NAMESPACE, "", org)).isEmpty();
              assertThat(f.contents(org)).isEmpty();
            });
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void wholeOrganizationsDeletedInRandomOrderDisappear(long seed) {
    start(LONG_BOUND);
    Random random = new Random(seed);
    ShopPlatform a = shop("acme");
    ShopPlatform b = shop("bravo");
    List<ObjectKey> order = new ArrayList<>(a.topLevel);
    order.add(new ObjectKey("Organization", "", "acme"));
    Collections.shuffle(order, random);

    deleteAll(order);

    assertOrganizationGone("acme");
    f.awaitIdle();
    assertThat(f.contents("bravo"))
        .as("the other organization is untouched")
        .hasSizeGreaterThan(20);
    assertThat(f.events("default", "acme", Finalization.ORPHANED)).isEmpty();
    assertThat(b.dataPlane).isNotNull();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13, 14, 15, 16})
  void platformObjectsDeletedInRandomOrderTakeTheApplicationsWithThemAndKeepTheOrganization(
      long seed) {
    start(LONG_BOUND);
    Random random = new Random(seed);
    ShopPlatform p = shop("acme");
    List<ObjectKey> order = new ArrayList<>(p.topLevel);
    Collections.shuffle(order, random);
    // Deletions arrive in bursts with the controllers running in between.
    int cut = random.nextInt(order.size());
    deleteAll(order.subList(0, cut));
    if (random.nextBoolean()) {
      f.awaitIdle();
    }
    deleteAll(order.subList(cut, order.size()));

    await()
        .atMost(CONVERGED)
        .untilAsserted(
            () ->
                assertThat(f.contents("acme").stream().filter(k -> !k.kind().equals("Event")))
                    .isEmpty());
    assertThat(f.find(PlatformControllers.NAMESPACE, "", "acme")).isPresent();
    assertThat(f.ready("Organization", "", "acme")).isEqualTo("True/NamespaceCreated");
    assertThat(f.store.list("Event", "acme").items())
        .filteredOn(e -> e.path("reason").asText().equals(Finalization.ORPHANED))
        .isEmpty();
  }

  @Test
  void dataPlaneDeletedFirst() {
    // OpenChoreo #1907: a DataPlane whose deletion could not be recovered.
    start(LONG_BOUND);
    shop("acme");
    f.store.delete("DataPlane", "acme", "local");
    await().atMost(CONVERGED).until(() -> f.find("DataPlane", "acme", "local").isEmpty());
    f.awaitIdle();
    assertThat(f.ready("Environment", "acme", "development")).isEqualTo("False/DataPlaneNotFound");
    assertThat(f.find("Release", "acme", "orders-development"))
        .as("deleting a DataPlane unregisters it; Releases keep their objects")
        .isPresent();

    f.store.delete("Environment", "acme", "development");
    await()
        .atMost(CONVERGED)
        .untilAsserted(
            () -> {
              assertThat(f.find("Environment", "acme", "development")).isEmpty();
              assertThat(f.find("Release", "acme", "orders-development")).isEmpty();
            });
  }

  @Test
  void pipelineDeletedFirst() {
    // OpenChoreo #2411: DeploymentPipeline deletion hangs.
    start(LONG_BOUND);
    shop("acme");
    f.store.delete("DeploymentPipeline", "acme", "standard");
    assertThat(f.find("DeploymentPipeline", "acme", "standard")).isEmpty();
    f.awaitIdle();
    assertThat(f.ready("Project", "acme", "shop")).isEqualTo("False/DeploymentPipelineNotFound");
    f.store.delete("Project", "acme", "shop");
    await()
        .atMost(CONVERGED)
        .untilAsserted(
            () -> {
              assertThat(f.find("Component", "acme", "orders")).isEmpty();
              assertThat(f.store.list("Release", "acme").items()).isEmpty();
              assertThat(f.store.list("ServiceBinding", "acme").items()).isEmpty();
            });
  }

  @Test
  void environmentDeletedWhileBindingsExist() {
    // OpenChoreo #2712: Environment finalizer loops.
    start(LONG_BOUND);
    shop("acme");
    f.store.delete("Environment", "acme", "staging");
    await()
        .atMost(CONVERGED)
        .untilAsserted(
            () -> {
              assertThat(f.find("Environment", "acme", "staging")).isEmpty();
              assertThat(f.find("ServiceBinding", "acme", "orders-staging")).isEmpty();
              assertThat(f.find("Release", "acme", "web-staging")).isEmpty();
            });
    assertThat(f.find("ServiceBinding", "acme", "orders-development")).isPresent();
  }

  @Test
  void organizationDeletedWithEverythingInIt() {
    // OpenChoreo #2236: namespaces stuck in Terminating through Project → … → Release.
    start(LONG_BOUND);
    shop("acme");
    f.store.delete("Organization", "", "acme");
    assertOrganizationGone("acme");
  }

  @Test
  void aNamespaceWhoseReleasesNobodyCleansUpIsStillDeletedAfterItsBound() {
    // No Release controller at all: every wait ends at its bound, and the namespace goes.
    f = new PlatformFixture(dir, PlatformFixture.settings(Duration.ofSeconds(2))).start();
    shop("acme");
    f.store.delete("Organization", "", "acme");
    assertOrganizationGone("acme");
  }
}
