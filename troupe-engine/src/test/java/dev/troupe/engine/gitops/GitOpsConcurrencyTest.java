package dev.troupe.engine.gitops;

import static dev.troupe.engine.gitops.GitCli.git;
import static dev.troupe.engine.gitops.GitCli.lines;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer at a time per repository and branch: no lost commits, a linear history. */
class GitOpsConcurrencyTest {
  @TempDir Path tmp;

  @Test
  void concurrentReleasesAllLandInALinearHistory() throws Exception {
    Path repo = tmp.resolve("dp.git");
    var clock = new Releases.TestClock("2025-07-01T12:00:00Z");
    int writers = 8;
    // Two appliers on the same repository, as two controllers of one process would have.
    try (GitOpsApplier a = new GitOpsApplier(repo, "main", "", CommitAuthor.DEFAULT, clock);
        GitOpsApplier b = new GitOpsApplier(repo, "main", "", CommitAuthor.DEFAULT, clock)) {
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<ApplyResult>> results = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        GitOpsApplier applier = i % 2 == 0 ? a : b;
        ReleaseRef ref = Releases.ref("shop", "c" + i, i < 4 ? "development" : "staging");
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return applier.apply(
                      Releases.content(ref, 1, Releases.service(ref, "img:" + ref.component())));
                }));
      }
      start.countDown();
      for (Future<ApplyResult> f : results) {
        assertThat(f.get()).isInstanceOf(ApplyResult.Committed.class);
      }
      pool.shutdown();
    }

    assertThat(git(repo, "rev-list", "--count", "HEAD").strip())
        .isEqualTo(String.valueOf(writers + 1));
    assertThat(lines(repo, "rev-list", "--merges", "HEAD")).isEmpty();
    assertThat(git(repo, "show", "HEAD:acme/development/shop/kustomization.yaml"))
        .endsWith(
            "  - namespace.yaml\n  - c0/c0-development\n  - c1/c1-development\n"
                + "  - c2/c2-development\n  - c3/c3-development\n");
    assertThat(git(repo, "show", "HEAD:acme/staging/shop/kustomization.yaml"))
        .endsWith(
            "  - namespace.yaml\n  - c4/c4-staging\n  - c5/c5-staging\n"
                + "  - c6/c6-staging\n  - c7/c7-staging\n");
  }
}
