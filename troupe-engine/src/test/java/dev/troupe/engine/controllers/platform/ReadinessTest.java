package dev.troupe.engine.controllers.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.names.K8sNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ready conditions of Project, DeploymentPipeline, Environment, DataPlane and BuildPlane. */
class ReadinessTest {
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
  void projectWaitsForItsPipelineAndResolvesWhenItAppears() {
    f.create("acme", ShopPlatform.project("shop", "standard"));
    f.awaitIdle();
    assertThat(f.ready("Project", "acme", "shop")).isEqualTo("False/DeploymentPipelineNotFound");

    f.create("acme", ShopPlatform.pipeline("standard", "development", "staging"));
    f.awaitIdle();

    assertThat(f.ready("Project", "acme", "shop")).isEqualTo("True/PipelineResolved");
    JsonNode status = f.find("Project", "acme", "shop").orElseThrow().path("status");
    assertThat(status.path("rootEnvironment").asText()).isEqualTo("development");
    assertThat(status.path("environments").toString()).isEqualTo("[\"development\",\"staging\"]");
    assertThat(status.path("cells").get(1).path("namespace").asText())
        .isEqualTo(K8sNames.cellNamespace("acme", "shop", "staging"));
  }

  @Test
  void projectWithAnEmptyPipelineIsInvalidAndDeletesAtOnce() {
    // Admission rejects an empty pipeline; this one was stored before that rule (OpenChoreo #4067).
    f.raw("DeploymentPipeline", "acme", "empty", "{\"promotionPaths\": []}");
    f.create("acme", ShopPlatform.project("shop", "empty"));
    f.awaitIdle();
    assertThat(f.ready("Project", "acme", "shop")).isEqualTo("False/PipelineInvalid");
    assertThat(f.ready("DeploymentPipeline", "acme", "empty")).isEqualTo("False/NoRootEnvironment");

    f.store.delete("Project", "acme", "shop");
    assertThat(f.find("Project", "acme", "shop")).as("no finalizer holds a Project").isEmpty();
  }

  @Test
  void pipelineReportsGraphFailures() {
    f.raw(
        "DeploymentPipeline",
        "acme",
        "cycle",
        """
        {"promotionPaths": [
          {"sourceEnvironmentRef": "a", "targetEnvironmentRefs": [{"name": "b"}]},
          {"sourceEnvironmentRef": "b", "targetEnvironmentRefs": [{"name": "a"}]}]}
        """);
    f.raw(
        "DeploymentPipeline",
        "acme",
        "forest",
        """
        {"promotionPaths": [
          {"sourceEnvironmentRef": "a", "targetEnvironmentRefs": [{"name": "c"}]},
          {"sourceEnvironmentRef": "b", "targetEnvironmentRefs": [{"name": "c"}]}]}
        """);
    f.awaitIdle();

    assertThat(f.ready("DeploymentPipeline", "acme", "cycle")).isEqualTo("False/CycleDetected");
    assertThat(f.condition("DeploymentPipeline", "acme", "cycle", "Ready").path("message").asText())
        .contains("a -> b -> a");
    assertThat(f.ready("DeploymentPipeline", "acme", "forest"))
        .isEqualTo("False/MultipleRootEnvironments");
  }

  @Test
  void pipelineWaitsForItsEnvironmentsAndEnvironmentsForTheirDataPlane() {
    f.create("acme", ShopPlatform.pipeline("standard", "development", "staging"));
    f.create("acme", ShopPlatform.environment("development", "local"));
    f.awaitIdle();
    assertThat(f.ready("DeploymentPipeline", "acme", "standard"))
        .isEqualTo("False/EnvironmentNotFound");
    assertThat(
            f.condition("DeploymentPipeline", "acme", "standard", "Ready").path("message").asText())
        .contains("\"staging\"")
        .doesNotContain("development");
    assertThat(f.ready("Environment", "acme", "development")).isEqualTo("False/DataPlaneNotFound");

    f.create("acme", ShopPlatform.environment("staging", "local"));
    f.create("acme", ShopPlatform.dataPlane("local"));
    f.awaitIdle();

    ObjectNode pipeline = f.find("DeploymentPipeline", "acme", "standard").orElseThrow();
    assertThat(f.ready("DeploymentPipeline", "acme", "standard")).isEqualTo("True/Valid");
    assertThat(pipeline.path("status").path("rootEnvironment").asText()).isEqualTo("development");
    assertThat(f.ready("Environment", "acme", "development")).isEqualTo("True/DataPlaneReady");
    JsonNode gateway =
        f.find("Environment", "acme", "development").orElseThrow().path("status").path("gateway");
    assertThat(gateway.path("publicHost").asText()).isEqualTo("development.apps.example.com");
    assertThat(gateway.path("organizationHost").asText())
        .isEqualTo("development.internal.example.com");
    assertThat(gateway.path("port").asInt()).isEqualTo(443);
    assertThat(Meta.finalizers(f.find("Environment", "acme", "development").orElseThrow()))
        .containsExactly(PlatformControllers.ENVIRONMENT_CLEANUP);
  }

  @Test
  void embeddedGitOpsDataPlaneIsConnectedThroughItsRepository() throws Exception {
    f.create("acme", ShopPlatform.dataPlane("local"));
    f.awaitIdle();

    assertThat(f.ready("DataPlane", "acme", "local")).isEqualTo("True/Connected");
    Path repo = dir.resolve("gitops/acme/local.git");
    assertThat(Files.isDirectory(repo)).isTrue();
    try (Git git = Git.open(repo.toFile())) {
      assertThat(git.getRepository().isBare()).isTrue();
      assertThat(git.getRepository().exactRef("refs/heads/main")).isNotNull();
    }
    assertThat(Meta.finalizers(f.find("DataPlane", "acme", "local").orElseThrow()))
        .containsExactly(PlatformControllers.RELEASE_DRAIN);
  }

  @Test
  void unreachableRemoteGitOpsRepositoryIsReported() {
    f.create(
        "acme",
        ShopPlatform.remoteGitOpsDataPlane("missing", "https://127.0.0.1:1/acme/gitops.git"));
    f.awaitIdle();

    assertThat(f.ready("DataPlane", "acme", "missing")).isEqualTo("False/RepositoryUnreachable");
    String message = f.condition("DataPlane", "acme", "missing", "Ready").path("message").asText();
    assertThat(message)
        .contains("Git repository https://127.0.0.1:1/acme/gitops.git did not answer");
  }

  @Test
  void kubernetesPlanesWithoutAReachableApiServerAreUnreachableAndEnvironmentsNotReady() {
    // Stored around admission: kubernetes mode without cluster credentials.
    f.raw(
        "DataPlane",
        "acme",
        "cluster",
        """
        {"registry": {"prefix": "registry.example.com/acme"},
         "gateway": {"publicVirtualHost": "apps.example.com",
                     "organizationVirtualHost": "internal.example.com"},
         "releaseMode": "kubernetes"}
        """);
    f.raw(
        "BuildPlane",
        "acme",
        "builds",
        """
        {"kubernetesCluster": {"name": "ci", "credentials": {"apiServerURL": "https://127.0.0.1:1"}}}
        """);
    f.create("acme", ShopPlatform.environment("production", "cluster"));
    f.awaitIdle();

    assertThat(f.ready("DataPlane", "acme", "cluster")).isEqualTo("False/Unreachable");
    assertThat(f.condition("DataPlane", "acme", "cluster", "Ready").path("message").asText())
        .contains("apiServerURL");
    assertThat(f.ready("Environment", "acme", "production")).isEqualTo("False/DataPlaneNotReady");
    assertThat(f.ready("BuildPlane", "acme", "builds")).isEqualTo("False/Unreachable");
    assertThat(f.condition("BuildPlane", "acme", "builds", "Ready").path("message").asText())
        .contains("https://127.0.0.1:1")
        .contains("local executor");

    // Deleting the BuildPlane is immediate: nothing was created on a build plane.
    assertThat(Meta.finalizers(f.find("BuildPlane", "acme", "builds").orElseThrow()))
        .containsExactly(PlatformControllers.BUILDPLANE_CLEANUP);
    f.store.delete("BuildPlane", "acme", "builds");
    f.awaitIdle();
    assertThat(f.find("BuildPlane", "acme", "builds")).isEmpty();
    assertThat(f.events("acme", "builds", Finalization.ORPHANED)).isEmpty();
  }

  @Test
  void environmentFollowsItsDataPlaneBecomingReady() {
    PlaneProbeStub probe = new PlaneProbeStub();
    try (PlatformFixture g =
        new PlatformFixture(
                dir.resolve("second"),
                PlatformFixture.settings(Duration.ofSeconds(3)),
                probe,
                x -> {})
            .start()) {
      g.organization("acme", false);
      g.awaitIdle();
      g.create("acme", ShopPlatform.dataPlane("local"));
      g.create("acme", ShopPlatform.environment("development", "local"));
      g.awaitIdle();
      assertThat(g.ready("Environment", "acme", "development"))
          .isEqualTo("False/DataPlaneNotReady");

      probe.connected = true;
      // A spec change of the DataPlane reprobes it; its status change reaches the Environment.
      ObjectNode dp = g.find("DataPlane", "acme", "local").orElseThrow().deepCopy();
      dp.with("spec").with("registry").put("prefix", "registry.example.com/other");
      g.store.update(dp);
      g.awaitIdle();

      assertThat(g.ready("DataPlane", "acme", "local")).isEqualTo("True/Connected");
      assertThat(g.ready("Environment", "acme", "development")).isEqualTo("True/DataPlaneReady");
    }
  }

  /** A probe whose answer the test decides. */
  static final class PlaneProbeStub implements PlaneProbe {
    volatile boolean connected;

    @Override
    public Verdict dataPlane(dev.troupe.api.kinds.platform.DataPlane dataPlane) {
      return connected
          ? Verdict.connected("stub", Duration.ZERO)
          : Verdict.failed("Unreachable", "stub", Duration.ZERO);
    }

    @Override
    public Verdict buildPlane(dev.troupe.api.kinds.platform.BuildPlane buildPlane) {
      return dataPlane(null);
    }
  }
}
