package dev.troupe.engine.gitops;

import static dev.troupe.engine.gitops.GitCli.git;
import static dev.troupe.engine.gitops.GitCli.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.engine.gitops.ApplyResult.CommitAction;
import dev.troupe.render.RenderedObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several Release changes in one commit (delivery.md §2.7 "Group commits under load"). */
class GitOpsGroupCommitTest {
  @TempDir Path tmp;
  private Path repo;
  private GitOpsApplier applier;

  @BeforeEach
  void open() {
    repo = tmp.resolve("dp.git");
    applier =
        new GitOpsApplier(
            GitOpsTarget.local(repo, "main", ""),
            CommitAuthor.DEFAULT,
            new Releases.TestClock("2025-07-01T12:00:00Z"));
  }

  @AfterEach
  void close() {
    applier.close();
  }

  private static ReleaseChange apply(String component, String image) {
    ReleaseRef ref = Releases.ref("shop", component, "development");
    return new ReleaseChange.Apply(Releases.content(ref, 1, Releases.service(ref, image)));
  }

  @Test
  void severalReleasesShareOneCommitWithOneBlockEach() {
    List<ChangeOutcome> outcomes =
        applier.applyGroup(List.of(apply("orders", "img:1"), apply("cart", "img:2")));

    assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
    String head = git(repo, "rev-parse", "main").strip();
    assertThat(outcomes)
        .allSatisfy(
            o -> {
              assertThat(o.result()).isInstanceOf(ApplyResult.Committed.class);
              assertThat(o.result().commit()).isEqualTo(head);
              assertThat(o.result().gitops().commit()).isEqualTo(head);
            });
    assertThat(lines(repo, "rev-list", "main")).hasSize(2);
    String message = git(repo, "log", "-1", "--format=%B", "main");
    assertThat(message)
        .startsWith(
            "commit 2 Releases: deploy 2\n\n"
                + "deploy shop/orders in development: revision 1 (Build build/orders-b1)\n")
        .contains("\ndeploy shop/cart in development: revision 1 (Build build/cart-b1)\n")
        .contains("Release: acme/orders-development (uid uid-orders-development, generation 4)")
        .contains("Release: acme/cart-development (uid uid-cart-development, generation 4)");
    // Git parses the trailers of the last block, which belongs to the last Release.
    assertThat(git(repo, "log", "-1", "--format=%(trailers:key=Release,valueonly)", "main").strip())
        .isEqualTo("acme/cart-development (uid uid-cart-development, generation 4)");
    assertThat(git(repo, "show", "main:acme/development/shop/kustomization.yaml"))
        .endsWith("  - namespace.yaml\n  - cart/cart-development\n  - orders/orders-development\n");
  }

  @Test
  void aSingleChangeGetsTheSameCommitAsApply() {
    List<ChangeOutcome> outcomes = applier.applyGroup(List.of(apply("orders", "img:1")));

    assertThat(outcomes.getFirst().result()).isInstanceOf(ApplyResult.Committed.class);
    assertThat(git(repo, "log", "-1", "--format=%s", "main").strip())
        .isEqualTo("deploy shop/orders in development: revision 1 (Build build/orders-b1)");
  }

  @Test
  void unchangedEntriesMakeNoCommitAndInvalidOnesFailAlone() {
    applier.applyGroup(List.of(apply("orders", "img:1")));
    String before = git(repo, "rev-parse", "main").strip();

    ReleaseRef bad = Releases.ref("shop", "broken", "development");
    List<RenderedObject> outside = new ArrayList<>(Releases.service(bad, "img"));
    outside.set(
        0,
        Releases.object(
            bad.name() + "-cm",
            bad,
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: NAME-cm, namespace: elsewhere}\n",
            bad.name(),
            "elsewhere"));
    List<ChangeOutcome> outcomes =
        applier.applyGroup(
            List.of(
                apply("orders", "img:1"),
                new ReleaseChange.Apply(Releases.content(bad, 1, outside))));

    assertThat(outcomes.get(0).result()).isInstanceOf(ApplyResult.Unchanged.class);
    assertThat(outcomes.get(0).result().commit()).isEqualTo(before);
    assertThat(outcomes.get(1).failure().reason())
        .isEqualTo(GitOpsException.Reason.INVALID_CONTENT);
    assertThat(git(repo, "rev-parse", "main").strip()).isEqualTo(before);
  }

  @Test
  void appliesAndRemovalsMixInOneCommit() {
    applier.applyGroup(List.of(apply("orders", "img:1"), apply("cart", "img:1")));

    ReleaseRef cart = Releases.ref("shop", "cart", "development");
    List<ChangeOutcome> outcomes =
        applier.applyGroup(
            List.of(
                apply("orders", "img:2"),
                new ReleaseChange.Remove(cart, null, CellNamespaceDeletion.DELETE)));

    assertThat(((ApplyResult.Committed) outcomes.get(0).result()).action())
        .isEqualTo(CommitAction.UPDATE);
    assertThat(((ApplyResult.Committed) outcomes.get(1).result()).action())
        .isEqualTo(CommitAction.REMOVE);
    assertThat(git(repo, "log", "-1", "--format=%s", "main").strip())
        .isEqualTo("commit 2 Releases: update 1, remove 1");
    assertThat(lines(repo, "ls-tree", "-r", "--name-only", "main"))
        .noneMatch(p -> p.contains("/cart/"))
        .anyMatch(p -> p.endsWith("/orders-development/deployment-orders-development.yaml"));
  }
}
