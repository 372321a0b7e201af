package dev.troupe.engine.controllers.gitcommit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the executor (delivery.md §7.2). The defaults are the specified ones; tests shorten the
 * back-off and inject a {@link CommitExecutor.PushHook}.
 *
 * @param workRoot where private clone directories are created (the system temporary directory)
 * @param timeout network timeout of each clone, ls-remote and push (2 min)
 * @param maxAttempts executions before a retryable error fails the request ({@code
 *     troupe.git.max-attempts}, 10)
 * @param firstBackoff delay after the first retryable failure (5 s), doubled per attempt
 * @param maxBackoff the longest delay (5 min)
 * @param nonFastForwardRetries fresh clones after non-fast-forward rejections within one attempt
 *     (3)
 */
record GitCommitOptions(
    Path workRoot,
    Duration timeout,
    int maxAttempts,
    Duration firstBackoff,
    Duration maxBackoff,
    int nonFastForwardRetries,
    CommitExecutor.PushHook beforePush) {

  GitCommitOptions {
    Objects.requireNonNull(workRoot, "workRoot");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(firstBackoff, "firstBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(beforePush, "beforePush");
    if (maxAttempts < 1 || nonFastForwardRetries < 0) {
      throw new IllegalArgumentException("maxAttempts ≥ 1 and nonFastForwardRetries ≥ 0");
    }
  }

  static GitCommitOptions defaults() {
    return new GitCommitOptions(
        Path.of(System.getProperty("java.io.tmpdir")),
        Duration.ofMinutes(2),
        10,
        Duration.ofSeconds(5),
        Duration.ofMinutes(5),
        3,
        CommitExecutor.PushHook.NONE);
  }

  /** The delay after {@code attempts} failed executions: first, doubled each time, capped. */
  Duration backoff(int attempts) {
    Duration d = firstBackoff;
    for (int i = 1; i < attempts && d.compareTo(maxBackoff) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
  }

  GitCommitOptions withWorkRoot(Path root) {
    return new GitCommitOptions(
        root, timeout, maxAttempts, firstBackoff, maxBackoff, nonFastForwardRetries, beforePush);
  }

  GitCommitOptions withBackoff(Duration first, Duration max, int attempts) {
    return new GitCommitOptions(
        workRoot, timeout, attempts, first, max, nonFastForwardRetries, beforePush);
  }

  GitCommitOptions withBeforePush(CommitExecutor.PushHook hook) {
    return new GitCommitOptions(
        workRoot, timeout, maxAttempts, firstBackoff, maxBackoff, nonFastForwardRetries, hook);
  }
}
