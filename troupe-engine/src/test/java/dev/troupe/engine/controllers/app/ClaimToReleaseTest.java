package dev.troupe.engine.controllers.app;

import static dev.troupe.engine.controllers.app.AppFixture.ready;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.digest.ContentDigest;
import dev.troupe.engine.store.ObjectKey;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** P1–P3 and §1.4 step 5: claim → artifact → first-environment binding → Release, and edits. */
class ClaimToReleaseTest {
  @TempDir Path dir;
  AppFixture f;

  @BeforeEach
  void start() {
    f = new AppFixture(dir);
    f.apply(
        AppFixture.sample("apps/shop-project.yaml")
            + "\n---\n"
            + AppFixture.sample("classes/standard-service.yaml")
            + "\n---\n"
            + AppFixture.sample("platform/shop-config.yaml")
            + "\n---\n"
            + AppFixture.sample("apps/inventory.yaml"));
    f.awaitIdle();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void claimCreatesArtifactBindingAndRelease() {
    ObjectNode workload = f.get("Workload", "inventory");
    ObjectNode snapshot = ((ObjectNode) workload.path("spec")).deepCopy();
    snapshot.remove("owner");
    String artifact = ContentDigest.artifactName("inventory", ContentDigest.digest(snapshot));

    ObjectNode a = f.get("DeployableArtifact", artifact);
    assertThat(a.path("spec").path("provenance").path("source").asText()).isEqualTo("Workload");
    assertThat(a.path("spec").path("workload")).isEqualTo(snapshot);

    ObjectNode claim = f.get("Service", "inventory");
    ObjectNode b = f.get("ServiceBinding", "inventory");
    JsonNode ref = b.path("metadata").path("ownerReferences").get(0);
    assertThat(ref.path("kind").asText()).isEqualTo("Service");
    assertThat(ref.path("uid").asText()).isEqualTo(Meta.uid(claim));
    assertThat(ref.path("controller").asBoolean()).isTrue();
    assertThat(ref.path("blockOwnerDeletion").asBoolean()).isTrue();
    assertThat(b.path("metadata").path("labels").path("openchoreo.dev/environment").asText())
        .isEqualTo("development");
    assertThat(b.path("metadata").path("labels").path("openchoreo.dev/project").asText())
        .isEqualTo("shop");
    assertThat(b.path("spec").path("environment").asText()).isEqualTo("development");
    assertThat(b.path("spec").path("className").asText()).isEqualTo("standard-service");
    assertThat(b.path("spec").path("workloadSpec")).isEqualTo(snapshot);
    assertThat(b.path("spec").path("deployableArtifactRef").asText()).isEqualTo(artifact);
    assertThat(b.path("spec").path("releaseState").asText()).isEqualTo("Active");
    CauseAnnotation cause = CauseAnnotation.of(b).orElseThrow();
    assertThat(cause.reason()).isEqualTo("Edit");

    ObjectNode release = f.get("Release", "inventory");
    assertThat(Meta.controlledBy(release, b)).isTrue();
    assertThat(
            release
                .path("metadata")
                .path("ownerReferences")
                .get(0)
                .path("blockOwnerDeletion")
                .asBoolean())
        .isTrue();
    JsonNode ann = release.path("metadata").path("annotations");
    assertThat(ann.path("openchoreo.dev/binding-kind").asText()).isEqualTo("ServiceBinding");
    assertThat(ann.path("openchoreo.dev/binding-name").asText()).isEqualTo("inventory");
    assertThat(ann.path("openchoreo.dev/binding-revision").asText()).isEqualTo("1");
    assertThat(ann.path("openchoreo.dev/deployable-artifact").asText()).isEqualTo(artifact);
    assertThat(ann.path("openchoreo.dev/change-cause").asText()).contains("\"reason\":\"Edit\"");
    assertThat(release.path("spec").path("environmentName").asText()).isEqualTo("development");
    assertThat(release.path("spec").path("interval").asText()).isEqualTo("5m");
    assertThat(release.path("spec").path("resources").size()).isGreaterThan(2);
    assertThat(release.path("spec").path("resources").toString())
        .contains("ghcr.io/acme/shop/inventory:2.0.1");

    assertThat(ready(b)).isEqualTo("False/ReleasePending");
    assertThat(b.path("status").path("currentRevision").asLong()).isEqualTo(1);
    assertThat(b.path("status").path("history").get(0).path("reason").asText()).isEqualTo("Edit");
    assertThat(b.path("status").path("endpoints").get(0).path("name").asText()).isEqualTo("http");
    assertThat(b.path("status").path("blockers").get(0).path("reason").asText())
        .isEqualTo("ReleasePending");

    JsonNode cs = claim.path("status");
    assertThat(cs.path("firstEnvironment").asText()).isEqualTo("development");
    assertThat(cs.path("binding").asText()).isEqualTo("inventory");
    assertThat(cs.path("latestArtifact").asText()).isEqualTo(artifact);
    assertThat(cs.path("pushedArtifact").asText()).isEqualTo(artifact);
    assertThat(cs.path("pushedClaimGeneration").asLong()).isEqualTo(1);
    assertThat(ready(claim)).isEqualTo("False/ReleasePending");

    f.releaseApplied("inventory");
    f.awaitIdle();
    b = f.get("ServiceBinding", "inventory");
    assertThat(ready(b)).isEqualTo("True/ResourcesActive");
    assertThat(AppFixture.condition(b, "Ready").path("message").asText())
        .startsWith("All ")
        .endsWith(" resources are deployed and healthy");
    assertThat(b.path("status").path("history").get(0).path("deployedAt").isTextual()).isTrue();
    assertThat(b.path("status").has("blockers")).isFalse();
    assertThat(AppFixture.condition(b, "Released").path("reason").asText())
        .isEqualTo("ReleaseUpToDate");
    assertThat(AppFixture.condition(b, "ConfigurationResolved").path("reason").asText())
        .isEqualTo("AllResolved");
    assertThat(AppFixture.condition(b, "ConnectionsResolved").path("reason").asText())
        .isEqualTo("NoConnections");
    assertThat(ready(f.get("Service", "inventory"))).isEqualTo("True/ResourcesActive");
  }

  @Test
  void degradedResourceIsABlockerAndReady() {
    f.releaseApplied("inventory", "Healthy", "Degraded");
    f.awaitIdle();
    ObjectNode b = f.get("ServiceBinding", "inventory");
    assertThat(ready(b)).isEqualTo("False/ResourceHealthDegraded");
    JsonNode blocker = b.path("status").path("blockers").get(0);
    assertThat(blocker.path("type").asText()).isEqualTo("DataPlaneObject");
    assertThat(blocker.path("reason").asText()).isEqualTo("Degraded");
    assertThat(blocker.path("severity").asText()).isEqualTo("Error");
  }

  @Test
  void workloadEditGivesNewArtifactRevisionAndRelease() {
    f.releaseApplied("inventory");
    f.awaitIdle();
    String first =
        f.get("ServiceBinding", "inventory").path("spec").path("deployableArtifactRef").asText();
    f.edit(
        "Workload",
        "inventory",
        w ->
            ((ObjectNode) w.path("spec").path("containers").path("main"))
                .put("image", "ghcr.io/acme/shop/inventory:2.1.0"));
    f.awaitIdle();
    ObjectNode b = f.get("ServiceBinding", "inventory");
    String second = b.path("spec").path("deployableArtifactRef").asText();
    assertThat(second).isNotEqualTo(first).startsWith("inventory-");
    assertThat(f.exists("DeployableArtifact", second)).isTrue();
    assertThat(b.path("status").path("currentRevision").asLong()).isEqualTo(2);
    JsonNode rev2 = b.path("status").path("history").get(1);
    assertThat(rev2.path("deployableArtifact").asText()).isEqualTo(second);
    assertThat(rev2.path("images").path("main").asText())
        .isEqualTo("ghcr.io/acme/shop/inventory:2.1.0");
    assertThat(rev2.path("by").asText()).isEqualTo("alice@example.com");
    ObjectNode release = f.get("Release", "inventory");
    assertThat(
            release
                .path("metadata")
                .path("annotations")
                .path("openchoreo.dev/binding-revision")
                .asText())
        .isEqualTo("2");
    assertThat(release.path("spec").path("resources").toString())
        .contains("inventory:2.1.0")
        .doesNotContain("inventory:2.0.1");
    assertThat(ready(b)).isEqualTo("False/ReleasePending");
    assertThat(f.get("Service", "inventory").path("status").path("pushedArtifact").asText())
        .isEqualTo(second);
  }

  @Test
  void claimEditIsARevisionWithTheNewClass() {
    f.edit("Service", "inventory", s -> ((ObjectNode) s.path("spec")).put("className", "default"));
    f.awaitIdle();
    ObjectNode b = f.get("ServiceBinding", "inventory");
    assertThat(b.path("spec").path("className").asText()).isEqualTo("default");
    assertThat(b.path("status").path("currentRevision").asLong()).isEqualTo(2);
    assertThat(b.path("status").path("history").get(1).path("className").asText())
        .isEqualTo("default");
    assertThat(f.get("Service", "inventory").path("status").path("pushedClaimGeneration").asLong())
        .isEqualTo(2);
  }

  @Test
  void manualBindingEditSurvivesUntilTheNextWorkloadChange() {
    f.edit(
        "ServiceBinding",
        "inventory",
        b -> {
          ((ObjectNode) b.path("spec")).remove("deployableArtifactRef");
          ((ObjectNode) b.path("spec").path("workloadSpec").path("containers").path("main"))
              .put("image", "ghcr.io/acme/shop/inventory:hotfix");
        });
    f.awaitIdle();
    f.manager.enqueue(
        AppControllers.claimController("Service"),
        new ObjectKey("Service", "default", "inventory"));
    f.awaitIdle();
    ObjectNode b = f.get("ServiceBinding", "inventory");
    assertThat(b.path("spec").path("workloadSpec").toString()).contains("inventory:hotfix");
    assertThat(b.path("status").path("currentRevision").asLong()).isEqualTo(2);
    assertThat(b.path("status").path("history").get(1).path("reason").asText()).isEqualTo("Edit");
    assertThat(
            f.exists("DeployableArtifact", b.path("spec").path("deployableArtifactRef").asText()))
        .isTrue();

    f.edit(
        "Workload",
        "inventory",
        w ->
            ((ObjectNode) w.path("spec").path("containers").path("main"))
                .put("image", "ghcr.io/acme/shop/inventory:3.0.0"));
    f.awaitIdle();
    b = f.get("ServiceBinding", "inventory");
    assertThat(b.path("spec").path("workloadSpec").toString())
        .contains("inventory:3.0.0")
        .doesNotContain("hotfix");
    assertThat(b.path("status").path("currentRevision").asLong()).isEqualTo(3);
  }

  @Test
  void reconcilingUnchangedInputsWritesNothing() {
    f.releaseApplied("inventory");
    f.awaitIdle();
    long before = f.store.currentRevision();
    f.manager.enqueue(
        AppControllers.bindingController("ServiceBinding"),
        new ObjectKey("ServiceBinding", "default", "inventory"));
    f.manager.enqueue(
        AppControllers.claimController("Service"),
        new ObjectKey("Service", "default", "inventory"));
    f.manager.enqueue(AppControllers.COMPONENT, new ObjectKey("Component", "default", "inventory"));
    f.awaitIdle();
    assertThat(f.store.currentRevision()).isEqualTo(before);
  }

  @Test
  void componentSummaryFollowsThePipeline() {
    f.releaseApplied("inventory");
    f.awaitIdle();
    ObjectNode c = f.get("Component", "inventory");
    JsonNode owner = c.path("metadata").path("ownerReferences").get(0);
    assertThat(owner.path("kind").asText()).isEqualTo("Project");
    assertThat(owner.path("controller").asBoolean()).isFalse();
    assertThat(owner.path("blockOwnerDeletion").asBoolean()).isFalse();
    JsonNode envs = c.path("status").path("environments");
    assertThat(envs.size()).isEqualTo(3);
    assertThat(envs.get(0).path("environment").asText()).isEqualTo("development");
    assertThat(envs.get(0).path("displayStatus").asText()).isEqualTo("Active");
    assertThat(envs.get(0).path("binding").path("name").asText()).isEqualTo("inventory");
    assertThat(envs.get(0).path("currentRevision").asLong()).isEqualTo(1);
    assertThat(envs.get(0).path("images").path("main").asText())
        .isEqualTo("ghcr.io/acme/shop/inventory:2.0.1");
    assertThat(envs.get(1).path("environment").asText()).isEqualTo("staging");
    assertThat(envs.get(1).path("displayStatus").asText()).isEqualTo("NotYetDeployed");
    assertThat(envs.get(2).path("environment").asText()).isEqualTo("production");
    assertThat(ready(c)).isEqualTo("True/ResourcesActive");
  }

  @Test
  void newRootEnvironmentGetsItsOwnBindingAndTheOldOneIsKept() {
    f.applySingle(
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: DeploymentPipeline
        metadata: {name: default, namespace: default}
        spec:
          promotionPaths:
          - sourceEnvironmentRef: staging
            targetEnvironmentRefs:
            - {name: production, requiresApproval: true}
        """);
    f.awaitIdle();
    ObjectNode claim = f.get("Service", "inventory");
    assertThat(claim.path("status").path("firstEnvironment").asText()).isEqualTo("staging");
    assertThat(claim.path("status").path("binding").asText()).isEqualTo("inventory-staging");
    ObjectNode staging = f.get("ServiceBinding", "inventory-staging");
    assertThat(staging.path("spec").path("environment").asText()).isEqualTo("staging");
    assertThat(Meta.controlledBy(staging, claim)).isTrue();
    assertThat(f.exists("Release", "inventory-staging")).isTrue();
    ObjectNode old = f.get("ServiceBinding", "inventory");
    assertThat(old.path("spec").path("environment").asText()).isEqualTo("development");
    assertThat(Meta.controlledBy(old, claim)).isTrue();
    assertThat(f.exists("Release", "inventory")).isTrue();
  }
}
