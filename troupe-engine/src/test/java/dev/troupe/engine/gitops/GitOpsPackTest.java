package dev.troupe.engine.gitops;

import static dev.troupe.engine.gitops.GitCli.git;
import static dev.troupe.engine.gitops.GitCli.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How commits are stored: one durable pack per commit holding only what changed, consolidated in
 * the background, always readable by the {@code git} executable.
 */
class GitOpsPackTest {
  @TempDir Path tmp;
  private final Releases.TestClock clock = new Releases.TestClock("2025-07-01T12:00:00Z");
  private final List<GitOpsApplier> open = new ArrayList<>();

  @AfterEach
  void close() {
    open.forEach(GitOpsApplier::close);
  }

  private Path repo() {
    return tmp.resolve("dp.git");
  }

  private GitOpsApplier applier(int maxPacks) {
    GitOpsApplier a =
        new GitOpsApplier(
            GitOpsTarget.local(repo(), "main", ""), CommitAuthor.DEFAULT, clock, maxPacks);
    open.add(a);
    return a;
  }

  private static ReleaseContent release(String component, String env, String image) {
    ReleaseRef ref = Releases.ref("shop", component, env);
    return Releases.content(ref, 1, Releases.service(ref, image));
  }

  private List<Path> looseObjects() throws IOException {
    try (Stream<Path> files = Files.walk(repo().resolve("objects"))) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getParent().getFileName().toString().matches("[0-9a-f]{2}"))
          .toList();
    }
  }

  private List<Path> packs() throws IOException {
    try (Stream<Path> files = Files.list(repo().resolve("objects/pack"))) {
      return files.filter(p -> p.toString().endsWith(".pack")).toList();
    }
  }

  private List<String> newestPackObjects() throws IOException {
    Path idx;
    try (Stream<Path> files = Files.list(repo().resolve("objects/pack"))) {
      idx =
          files
              .filter(p -> p.toString().endsWith(".idx"))
              .max(
                  java.util.Comparator.comparing(
                      p -> {
                        try {
                          return Files.getLastModifiedTime(p);
                        } catch (IOException e) {
                          throw new java.io.UncheckedIOException(e);
                        }
                      }))
              .orElseThrow();
    }
    List<String> out = new ArrayList<>();
    for (var e : org.eclipse.jgit.internal.storage.file.PackIndex.open(idx.toFile())) {
      out.add(e.name());
    }
    return out;
  }

  private void assertFsckClean() {
    GitCli.Result fsck = GitCli.run(repo(), "fsck", "--full", "--strict", "--no-dangling");
    assertThat(fsck.exit()).as("git fsck: %s", fsck.err()).isZero();
    assertThat(fsck.err()).doesNotContain("error").doesNotContain("missing");
  }

  @Test
  void eachCommitIsOnePackAndNothingIsLoose() throws IOException {
    GitOpsApplier applier = applier(Packs.MAX_PACKS);
    applier.apply(release("orders", "development", "img:1"));
    applier.apply(release("cart", "development", "img:1"));
    applier.apply(release("orders", "development", "img:2"));

    assertThat(looseObjects()).isEmpty();
    // the initial commit and three Release commits
    assertThat(packs()).hasSize(4);
    assertThat(applier.packCount()).isEqualTo(4);
    assertFsckClean();
    assertThat(lines(repo(), "rev-list", "main")).hasSize(4);
    assertThat(git(repo(), "show", "main:acme/development/shop/kustomization.yaml"))
        .endsWith("  - namespace.yaml\n  - cart/cart-development\n  - orders/orders-development\n");
    assertThat(git(repo(), "config", "core.fsyncRefFiles").strip()).isEqualTo("true");

    Path clone = tmp.resolve("clone");
    git(tmp, "clone", "--quiet", repo().toUri().toString(), clone.toString());
    assertThat(
            Files.readString(
                clone.resolve(
                    "acme/development/shop/orders/orders-development/"
                        + "deployment-orders-development.yaml")))
        .contains("image: img:2");
  }

  @Test
  void aCommitWritesOnlyTheChangedFilesAndTheDirectoriesAboveThem() throws IOException {
    GitOpsApplier applier = applier(Packs.MAX_PACKS);
    applier.apply(release("orders", "development", "img:1"));
    applier.apply(release("orders", "staging", "img:1"));
    String development = git(repo(), "rev-parse", "main:acme/development").strip();

    applier.apply(release("orders", "staging", "img:2"));

    // the other environment keeps its tree id
    assertThat(git(repo(), "rev-parse", "main:acme/development").strip()).isEqualTo(development);
    // the newest pack: the Deployment blob, the trees from the Release directory up to the
    // root (release, component, project, environment, organization, root) and the commit
    List<String> newest =
        lines(repo(), "rev-list", "--objects", "--no-object-names", "main~1..main");
    assertThat(newest).hasSize(8);
    // and the commit's pack holds exactly those: the unchanged files are not written again
    assertThat(newestPackObjects()).containsExactlyInAnyOrderElementsOf(newest);
    assertThat(git(repo(), "show", "--name-only", "--format=", "main").strip())
        .isEqualTo("acme/staging/shop/orders/orders-staging/deployment-orders-staging.yaml");
    assertFsckClean();
  }

  @Test
  void treesAreSortedTheWayGitSortsThemWithForeignFilesBesideDirectories() {
    GitOpsApplier applier = applier(Packs.MAX_PACKS);
    applier.apply(release("orders", "development", "img:1"));
    Path clone = tmp.resolve("clone");
    git(tmp, "clone", "--quiet", repo().toUri().toString(), clone.toString());
    // "shop-notes.txt" sorts before "shop/" in a Git tree but after "shop" as a string
    writeFile(clone.resolve("acme/development/shop-notes.txt"), "notes\n");
    writeFile(clone.resolve("acme/development/shop.d/x.txt"), "x\n");
    git(clone, "add", ".");
    git(clone, "commit", "--quiet", "-m", "notes");
    git(clone, "push", "--quiet", "origin", "main");

    applier.apply(release("cart", "development", "img:1"));

    assertFsckClean();
    assertThat(lines(repo(), "ls-tree", "--name-only", "main:acme/development"))
        .containsExactly("kustomization.yaml", "shop-notes.txt", "shop.d", "shop");
  }

  @Test
  void consolidationBoundsThePacksAndKeepsTheWholeHistory() throws IOException {
    GitOpsApplier applier = applier(3);
    for (int i = 1; i <= 8; i++) {
      applier.apply(release("svc-" + i, "development", "img:" + i));
    }
    // a consolidation runs in the background after commits exceed the bound
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(applier.packCount()).isLessThanOrEqualTo(3));
    assertThat(looseObjects()).isEmpty();
    assertFsckClean();
    assertThat(lines(repo(), "rev-list", "main")).hasSize(9);
    for (int i = 1; i <= 8; i++) {
      assertThat(
              git(
                  repo(),
                  "show",
                  "main:acme/development/shop/svc-%d/svc-%d-development/deployment-svc-%d-development.yaml"
                      .formatted(i, i, i)))
          .contains("image: img:" + i);
    }
    // the same applier keeps writing and reading on the consolidated packs
    ApplyResult next = applier.apply(release("svc-1", "development", "img:9"));
    assertThat(next).isInstanceOf(ApplyResult.Committed.class);
    assertThat(applier.apply(release("svc-2", "development", "img:2")))
        .isInstanceOf(ApplyResult.Unchanged.class);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(applier.packCount()).isLessThanOrEqualTo(3));
    assertThat(applier.consolidatePacks()).isFalse(); // within the bound: nothing to do
    assertFsckClean();
    Path clone = tmp.resolve("clone");
    git(tmp, "clone", "--quiet", repo().toUri().toString(), clone.toString());
    assertThat(lines(clone, "log", "--format=%s")).hasSize(10);
  }

  @Test
  void aCrashBetweenThePackAndTheBranchUpdateLeavesThePreviousHead() throws IOException {
    GitOpsApplier applier = applier(Packs.MAX_PACKS);
    applier.apply(release("orders", "development", "img:1"));
    String head = git(repo(), "rev-parse", "main").strip();
    ObjectId[] written = new ObjectId[1];
    applier.beforeBranchUpdate(
        id -> {
          written[0] = id;
          throw new IllegalStateException("simulated crash");
        });

    assertThatThrownBy(() -> applier.apply(release("orders", "development", "img:2")))
        .hasMessageContaining("simulated crash");

    assertThat(git(repo(), "rev-parse", "main").strip()).isEqualTo(head);
    // the pack of the lost commit is complete on disk; nothing points to it
    assertThat(git(repo(), "cat-file", "-t", written[0].name()).strip()).isEqualTo("commit");
    assertFsckClean();

    // after a restart the change is made again on top of the previous head
    applier.close();
    open.remove(applier);
    GitOpsApplier restarted = applier(Packs.MAX_PACKS);
    ApplyResult again = restarted.apply(release("orders", "development", "img:2"));
    assertThat(again).isInstanceOf(ApplyResult.Committed.class);
    assertThat(git(repo(), "rev-parse", "main~1").strip()).isEqualTo(head);
    assertFsckClean();
  }

  @Test
  void looseObjectsOfAnOlderRepositoryArePackedWhenItIsOpened() throws IOException {
    applier(Packs.MAX_PACKS).apply(release("orders", "development", "img:1"));
    List<ObjectId> blobs = new ArrayList<>();
    try (Repository r = new FileRepositoryBuilder().setGitDir(repo().toFile()).build();
        ObjectInserter loose = r.getObjectDatabase().newInserter()) {
      for (int i = 0; i < Packs.MAX_LOOSE + 10; i++) {
        blobs.add(
            loose.insert(
                Constants.OBJ_BLOB, ("blob " + i + "\n").getBytes(StandardCharsets.UTF_8)));
      }
      loose.flush();
    }
    assertThat(looseObjects()).hasSize(Packs.MAX_LOOSE + 10);

    applier(Packs.MAX_PACKS);

    // (listing the objects races with their deletion)
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> looseObjects().isEmpty());
    for (int i : List.of(0, 100, Packs.MAX_LOOSE + 9)) {
      assertThat(git(repo(), "cat-file", "-p", blobs.get(i).name())).isEqualTo("blob " + i + "\n");
    }
    assertFsckClean();
  }

  private static void writeFile(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
