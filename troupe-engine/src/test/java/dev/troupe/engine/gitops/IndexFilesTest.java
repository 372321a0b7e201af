package dev.troupe.engine.gitops;

import static dev.troupe.engine.gitops.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code kustomization.yaml} indexes: their bytes, and their repair. */
class IndexFilesTest {
  @TempDir Path tmp;

  @Test
  void theFastIndexRenderingIsTheGeneratorsByteForByte() {
    List<List<String>> cases =
        List.of(
            List.of(),
            List.of("namespace.yaml"),
            List.of("namespace.yaml", "orders/orders-development", "cart/cart-development"),
            List.of("true", "null", "yes", "123", "1e3", "0x1f", "~", "a.b-c", "on/off"),
            List.of("dev", "dev", "x/y"));
    for (List<String> resources : cases) {
      assertThat(new String(ManifestFiles.kustomizationYaml(resources)))
          .as("%s", resources)
          .isEqualTo(new String(ManifestFiles.yaml(ManifestFiles.kustomization(resources))));
    }
  }

  @Test
  void aStaleProjectIndexIsRepairedByTheNextChangeOfTheCellEvenWhenItsFilesAreUnchanged()
      throws IOException {
    Path repo = tmp.resolve("dp.git");
    ReleaseRef orders = Releases.ref("shop", "orders", "development");
    ReleaseContent content = Releases.content(orders, 1, Releases.service(orders, "img:1"));
    try (GitOpsApplier applier =
        new GitOpsApplier(
            repo,
            "main",
            "",
            CommitAuthor.DEFAULT,
            new Releases.TestClock("2025-07-01T12:00:00Z"))) {
      applier.apply(content);
      Path clone = tmp.resolve("clone");
      git(tmp, "clone", "--quiet", repo.toUri().toString(), clone.toString());
      Path index = clone.resolve("acme/development/shop/kustomization.yaml");
      String good = Files.readString(index);
      Files.writeString(index, "resources: []\n");
      git(clone, "commit", "--quiet", "-am", "break the index");
      git(clone, "push", "--quiet", "origin", "main");

      ApplyResult result = applier.apply(content);

      assertThat(result).isInstanceOf(ApplyResult.Committed.class);
      assertThat(((ApplyResult.Committed) result).files().changed())
          .containsExactly("acme/development/shop/kustomization.yaml");
      assertThat(git(repo, "show", "main:acme/development/shop/kustomization.yaml"))
          .isEqualTo(good);
      assertThat(applier.apply(content)).isInstanceOf(ApplyResult.Unchanged.class);
    }
  }
}
