package dev.troupe.engine.controllers.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.store.ObjectKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrganizationControllerTest {
  private static final String NS = PlatformControllers.NAMESPACE;

  @TempDir Path dir;
  PlatformFixture f;

  @BeforeEach
  void start() {
    f = new PlatformFixture(dir, PlatformFixture.settings(Duration.ofSeconds(3))).start();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void createsTheNamespaceOwnedByTheOrganization() {
    ObjectNode org = f.organization("acme", false);
    f.awaitIdle();

    ObjectNode ns = f.find(NS, "", "acme").orElseThrow();
    assertThat(ns.path("apiVersion").asText()).isEqualTo("v1");
    assertThat(Meta.label(ns, "openchoreo.dev/organization")).isEqualTo("acme");
    assertThat(Meta.label(ns, "openchoreo.dev/managed-by")).isEqualTo("openchoreo-control-plane");
    assertThat(Meta.label(ns, "openchoreo.dev/name")).isEqualTo("acme");
    assertThat(Meta.finalizers(ns)).containsExactly("kubernetes");
    assertThat(Meta.controllerRef(ns).orElseThrow().path("uid").asText()).isEqualTo(Meta.uid(org));
    assertThat(f.ready("Organization", "", "acme")).isEqualTo("True/NamespaceCreated");
    ObjectNode stored = f.find("Organization", "", "acme").orElseThrow();
    assertThat(stored.path("status").path("namespace").asText()).isEqualTo("acme");
    assertThat(Meta.finalizers(stored)).as("no finalizer for a created namespace").isEmpty();
    assertThat(
            f.condition("Organization", "", "acme", "StarterKitInstalled").path("reason").asText())
        .isEqualTo("Skipped");
  }

  @Test
  void relabelsACreatedNamespaceWhoseLabelsDrifted() {
    f.organization("acme", false);
    f.awaitIdle();
    ObjectNode ns = f.find(NS, "", "acme").orElseThrow().deepCopy();
    ns.with("metadata").with("labels").remove("openchoreo.dev/managed-by");
    f.store.update(ns);
    f.awaitIdle();

    assertThat(Meta.label(f.find(NS, "", "acme").orElseThrow(), "openchoreo.dev/managed-by"))
        .isEqualTo("openchoreo-control-plane");
  }

  @Test
  void adoptsAnUnlabelledNamespaceAndKeepsItOnDeletion() {
    f.namespace("default", null);
    f.organization("default", false);
    f.awaitIdle();

    ObjectNode ns = f.find(NS, "", "default").orElseThrow();
    assertThat(Meta.label(ns, "openchoreo.dev/organization")).isEqualTo("default");
    assertThat(ns.path("metadata").path("ownerReferences").size()).isZero();
    assertThat(f.ready("Organization", "", "default")).isEqualTo("True/NamespaceAdopted");
    assertThat(Meta.finalizers(f.find("Organization", "", "default").orElseThrow()))
        .containsExactly(PlatformControllers.ORGANIZATION_CLEANUP);

    f.create("default", ShopPlatform.dataPlane("local"));
    f.create("default", ShopPlatform.environment("development", "local"));
    f.create("default", ShopPlatform.project("shop", "standard"));
    f.awaitIdle();
    f.store.delete("Organization", "", "default");

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(f.find("Organization", "", "default")).isEmpty());
    f.awaitIdle();
    ObjectNode kept = f.find(NS, "", "default").orElseThrow();
    assertThat(Meta.terminating(kept)).isFalse();
    assertThat(Meta.label(kept, "openchoreo.dev/organization")).isNull();
    assertThat(Meta.label(kept, "openchoreo.dev/managed-by")).isNull();
    assertThat(new NamespaceContents(f.store).troupeObjects("default")).isEmpty();
  }

  @Test
  void reportsAConflictForANamespaceOfAnotherOrganizationAndRecoversWhenItIsReleased() {
    ObjectNode ns = f.namespace("beta", "gamma");
    f.organization("beta", false);
    f.awaitIdle();
    assertThat(f.ready("Organization", "", "beta")).isEqualTo("False/NamespaceConflict");
    assertThat(f.condition("Organization", "", "beta", "Ready").path("message").asText())
        .contains("gamma");

    ObjectNode unlabelled = f.find(NS, "", "beta").orElseThrow().deepCopy();
    unlabelled.with("metadata").with("labels").remove("openchoreo.dev/organization");
    f.store.update(unlabelled);
    f.awaitIdle();

    assertThat(f.ready("Organization", "", "beta")).isEqualTo("True/NamespaceAdopted");
    assertThat(Meta.uid(f.find(NS, "", "beta").orElseThrow())).isEqualTo(Meta.uid(ns));
  }

  @Test
  void installsTheStarterKitOnceAndKeepsExistingObjects() {
    // A Project of a kit object's name, there before the organization was first reconciled.
    f.raw("Project", "kit", "default", "{\"deploymentPipelineRef\": \"mine\"}");
    f.organization("kit", true);
    f.awaitIdle();

    ObjectNode org = f.find("Organization", "", "kit").orElseThrow();
    assertThat(f.ready("Organization", "", "kit")).isEqualTo("True/NamespaceCreated");
    assertThat(
            f.condition("Organization", "", "kit", "StarterKitInstalled").path("reason").asText())
        .isEqualTo("Installed");
    List<String> objects = new ArrayList<>();
    org.path("status").path("starterKit").path("objects").forEach(o -> objects.add(o.asText()));
    assertThat(objects)
        .contains(
            "DataPlane/default",
            "Environment/development",
            "DeploymentPipeline/default",
            "ServiceClass/default")
        .doesNotContain("Project/default");
    assertThat(
            f.find("Project", "kit", "default")
                .orElseThrow()
                .path("spec")
                .path("deploymentPipelineRef")
                .asText())
        .isEqualTo("mine");
    assertThat(org.path("status").path("starterKit").path("installedAt").asText()).isNotEmpty();
    // The kit's objects reconcile like any other: the embedded repository makes the plane ready.
    assertThat(f.ready("DataPlane", "kit", "default")).isEqualTo("True/Connected");
    assertThat(f.ready("Environment", "kit", "development")).isEqualTo("True/DataPlaneReady");
    assertThat(f.ready("DeploymentPipeline", "kit", "default")).isEqualTo("True/Valid");
    assertThat(f.ready("Project", "kit", "default")).isEqualTo("False/DeploymentPipelineNotFound");

    // Installed once: a deleted kit object is not re-created by later reconciles.
    f.store.delete("ServiceClass", "kit", "default");
    ObjectNode touched = f.find("Organization", "", "kit").orElseThrow().deepCopy();
    touched.with("metadata").with("labels").put("team", "platform");
    f.store.update(touched);
    f.awaitIdle();
    assertThat(f.find("ServiceClass", "kit", "default")).isEmpty();
  }

  @Test
  void deletingAnOrganizationDeletesItsNamespaceAndEverythingInIt() {
    f.organization("acme", false);
    f.awaitIdle();
    f.create("acme", ShopPlatform.dataPlane("local"));
    f.create("acme", ShopPlatform.environment("development", "local"));
    f.create("acme", ShopPlatform.pipeline("standard", "development", "staging"));
    f.create("acme", ShopPlatform.project("shop", "standard"));
    f.awaitIdle();
    f.ctx.events().normal(f.find("Project", "acme", "shop").orElseThrow(), "Test", "an event");
    assertThat(f.contents("acme")).isNotEmpty();

    f.store.delete("Organization", "", "acme");

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(f.find(NS, "", "acme")).isEmpty();
              assertThat(f.contents("acme")).isEmpty();
            });
  }

  @Test
  void aNamespaceIsGivenItsFinalizerAndEmptiedWhenDeletedDirectly() {
    f.namespace("loose", null);
    f.awaitIdle();
    assertThat(Meta.finalizers(f.find(NS, "", "loose").orElseThrow()))
        .containsExactly("kubernetes");
    // Written around admission (which requires an Organization): a stray object in the namespace.
    ObjectNode stray = f.raw("Project", "loose", "p", "{\"deploymentPipelineRef\": \"x\"}");
    assertThat(Meta.namespace(stray)).isEqualTo("loose");

    f.store.delete(NS, "", "loose");

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(f.find(NS, "", "loose")).isEmpty();
              assertThat(f.find("Project", "loose", "p")).isEmpty();
            });
    assertThat(f.contents("loose")).isEqualTo(List.<ObjectKey>of());
  }
}
