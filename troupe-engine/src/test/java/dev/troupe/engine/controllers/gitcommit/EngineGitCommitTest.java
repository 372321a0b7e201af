package dev.troupe.engine.controllers.gitcommit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.Admission;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.AdmissionOptions;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Identity;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.engine.platform.Engine;
import dev.troupe.engine.view.StoreView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded engine runs GitCommitRequests with every other controller registered. */
class EngineGitCommitTest {
  @TempDir Path dir;

  @Test
  void theEngineExecutesGitCommitRequests() {
    GitRemote remote = GitRemote.create(dir.resolve("git"), "main", Map.of("README.md", "x\n"));
    try (Engine engine = Engine.open(dir.resolve("data")).start()) {
      admit(
          engine,
          """
          apiVersion: openchoreo.dev/v1alpha1
          kind: Organization
          metadata: {name: acme}
          spec: {}
          """);
      admit(
          engine,
          """
          apiVersion: openchoreo.dev/v1alpha1
          kind: GitCommitRequest
          metadata: {name: hello, namespace: acme}
          spec:
            repoURL: %s
            branch: main
            message: hello from the engine
            files:
              - path: hello.txt
                content: hello
          """
              .formatted(remote.url()));

      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  engine
                      .store()
                      .get("GitCommitRequest", "acme", "hello")
                      .path("status")
                      .path("phase")
                      .asText()
                      .equals("Succeeded"));
      ObjectNode done = engine.store().get("GitCommitRequest", "acme", "hello");
      assertThat(done.path("status").path("observedSHA").asText()).isEqualTo(remote.head("main"));
      assertThat(remote.show("main", "hello.txt")).isEqualTo("hello");
      assertThat(remote.git("log", "-1", "--format=%an|%cn", "main").strip())
          .as("the server's default author and committer")
          .isEqualTo("Troupe|Troupe");
    }
  }

  private static void admit(Engine engine, String yaml) {
    AdmissionResult r =
        Admission.admit(
            DocumentReader.readYaml("test.yaml", yaml),
            new AdmissionOptions(
                AdmissionContext.Mode.SINGLE,
                "acme",
                Identity.localUser(),
                new StoreView(engine.store())));
    assertThat(r.errors()).isEmpty();
    r.objects().forEach(o -> engine.store().create(o.tree()));
  }
}
