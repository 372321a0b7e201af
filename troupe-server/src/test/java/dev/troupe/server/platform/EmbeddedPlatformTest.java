package dev.troupe.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.runtime.Conditions;
import dev.troupe.engine.store.Store;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPlatformTest {
  private static final List<String> BINDING_KINDS =
      List.of("ServiceBinding", "WebApplicationBinding", "ScheduledTaskBinding");

  @TempDir Path dir;

  @Test
  void theDemoConvergesToReadyBindingsWithTheirManifestsInTheRepository() throws IOException {
    try (EmbeddedPlatform p =
        EmbeddedPlatform.start(new EmbeddedPlatform.Options(dir, "127.0.0.1", 0, true))) {
      assertThat(p.firstAdminToken()).isPresent();
      assertThat(p.demo()).get().satisfies(d -> assertThat(d.created()).isGreaterThan(10));
      assertThat(p.engine().awaitIdle(Duration.ofSeconds(60))).isTrue();

      Map<String, String> ready = readyByBinding(p.engine().store());
      assertThat(ready)
          .containsOnlyKeys(
              "ServiceBinding/inventory",
              "ServiceBinding/orders",
              "WebApplicationBinding/storefront",
              "ScheduledTaskBinding/reports");
      assertThat(ready).allSatisfy((k, v) -> assertThat(v).as(k).isEqualTo("True/ResourcesActive"));
      ObjectNode storefront =
          p.engine().store().get("WebApplicationBinding", "default", "storefront");
      assertThat(storefront.at("/status/endpoints").toString()).contains("uri");

      List<String> files = repositoryFiles(p.gitopsDirectory().resolve("default/default.git"));
      assertThat(files)
          .contains("default/development/kustomization.yaml")
          .anySatisfy(f -> assertThat(f).startsWith("default/development/shop/orders/"))
          .anySatisfy(f -> assertThat(f).startsWith("default/development/shop/reports/"));
    }
  }

  @Test
  void aRestartKeepsEverythingAndChangesNothing() {
    Path data = dir.resolve("data");
    long revision;
    try (EmbeddedPlatform p =
        EmbeddedPlatform.start(new EmbeddedPlatform.Options(data, "127.0.0.1", 0, true))) {
      assertThat(p.engine().awaitIdle(Duration.ofSeconds(60))).isTrue();
      revision = p.engine().store().currentRevision();
    }
    try (EmbeddedPlatform p =
        EmbeddedPlatform.start(new EmbeddedPlatform.Options(data, "127.0.0.1", 0, true))) {
      assertThat(p.firstAdminToken()).as("the admin token exists already").isEmpty();
      assertThat(p.demo()).get().satisfies(d -> assertThat(d.created()).isZero());
      assertThat(p.engine().awaitIdle(Duration.ofSeconds(60))).isTrue();
      assertThat(readyByBinding(p.engine().store())).hasSize(4);
      assertThat(p.engine().store().currentRevision())
          .as("reconciling an unchanged platform writes nothing")
          .isEqualTo(revision);
    }
  }

  private static Map<String, String> readyByBinding(Store store) {
    Map<String, String> out = new TreeMap<>();
    for (String kind : BINDING_KINDS) {
      for (ObjectNode b : store.list(kind, "default").items()) {
        JsonNode c = Conditions.find(b.path("status").path("conditions"), "Ready");
        out.put(
            kind + "/" + b.path("metadata").path("name").asText(),
            c == null ? "none" : c.path("status").asText() + "/" + c.path("reason").asText());
      }
    }
    return out;
  }

  private static List<String> repositoryFiles(Path gitDir) throws IOException {
    List<String> out = new ArrayList<>();
    try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).build();
        RevWalk walk = new RevWalk(repo);
        TreeWalk tree = new TreeWalk(repo)) {
      tree.addTree(walk.parseCommit(repo.resolve("refs/heads/main")).getTree());
      tree.setRecursive(true);
      while (tree.next()) {
        out.add(tree.getPathString());
      }
    }
    return out;
  }
}
