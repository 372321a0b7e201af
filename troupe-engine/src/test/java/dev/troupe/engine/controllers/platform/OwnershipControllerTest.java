package dev.troupe.engine.controllers.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnershipControllerTest {
  @TempDir Path dir;
  PlatformFixture f;

  @BeforeEach
  void start() {
    f = new PlatformFixture(dir, PlatformFixture.settings(Duration.ofSeconds(3))).start();
    f.organization("acme", false);
    f.awaitIdle();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void childrenCreatedBeforeTheirComponentAreOwnedOnceItExistsAndCollectedWithIt() {
    f.create("acme", ShopPlatform.workload("orders"));
    f.create("acme", ShopPlatform.service("orders"));
    f.create("acme", ShopPlatform.workload("billing"));
    f.awaitIdle();
    assertThat(
            f.find("Workload", "acme", "orders")
                .orElseThrow()
                .path("metadata")
                .has("ownerReferences"))
        .isFalse();

    ObjectNode component = f.create("acme", ShopPlatform.component("orders", "shop"));
    f.awaitIdle();

    for (String kind : new String[] {"Workload", "Service"}) {
      JsonNode refs =
          f.find(kind, "acme", "orders").orElseThrow().path("metadata").path("ownerReferences");
      assertThat(refs).hasSize(1);
      assertThat(refs.get(0).path("kind").asText()).isEqualTo("Component");
      assertThat(refs.get(0).path("uid").asText()).isEqualTo(Meta.uid(component));
      assertThat(refs.get(0).path("controller").asBoolean()).isFalse();
    }
    assertThat(
            f.find("Workload", "acme", "billing")
                .orElseThrow()
                .path("metadata")
                .has("ownerReferences"))
        .as("another component's workload")
        .isFalse();

    // A child written after the Component is owned too.
    f.raw(
        "Build",
        "acme",
        "orders-1",
        """
        {"owner": {"projectName": "shop", "componentName": "orders"},
         "repository": {"url": "https://github.com/acme/shop", "revision": {"branch": "main"}},
         "templateRef": {"name": "docker"}}
        """);
    f.awaitIdle();
    assertThat(Meta.ownedBy(f.find("Build", "acme", "orders-1").orElseThrow(), Meta.uid(component)))
        .isTrue();

    f.store.delete("Component", "acme", "orders");
    f.awaitIdle();
    assertThat(f.find("Workload", "acme", "orders")).isEmpty();
    assertThat(f.find("Service", "acme", "orders")).isEmpty();
    assertThat(f.find("Build", "acme", "orders-1")).isEmpty();
    assertThat(f.find("Workload", "acme", "billing")).isPresent();
  }
}
