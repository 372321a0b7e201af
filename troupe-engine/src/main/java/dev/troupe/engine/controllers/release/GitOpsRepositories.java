package dev.troupe.engine.controllers.release;

import dev.troupe.engine.gitops.CommitAuthor;
import dev.troupe.engine.gitops.GitOpsApplier;
import dev.troupe.engine.gitops.GitOpsTarget;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link GitOpsApplier} and its {@link CommitBatcher} per gitops repository target and commit
 * author, opened (and, for an embedded repository, created) on first use and closed with this
 * object.
 */
final class GitOpsRepositories implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GitOpsRepositories.class);

  private record Key(GitOpsTarget target, CommitAuthor author) {}

  private final Clock clock;
  private final int maxBatch;
  private final Duration linger;
  private final ConcurrentHashMap<Key, CommitBatcher> open = new ConcurrentHashMap<>();
  private volatile boolean closed;

  GitOpsRepositories(Clock clock, int maxBatch, Duration linger) {
    this.clock = clock;
    this.maxBatch = maxBatch;
    this.linger = linger;
  }

  /**
   * The batcher of {@code target}.
   *
   * @throws dev.troupe.engine.gitops.GitOpsException {@code REPOSITORY_ERROR} when the repository
   *     cannot be opened or created
   */
  CommitBatcher batcher(GitOpsTarget target, CommitAuthor author) {
    if (closed) {
      throw new IllegalStateException("gitops repositories are closed");
    }
    return open.computeIfAbsent(
        new Key(target, author),
        k -> {
          log.atInfo()
              .addKeyValue("repository", target.url())
              .addKeyValue("branch", target.branch())
              .log("Opened gitops repository");
          return new CommitBatcher(new GitOpsApplier(target, author, clock), maxBatch, linger);
        });
  }

  /** Commits made through every repository so far. */
  long commits() {
    return open.values().stream().mapToLong(CommitBatcher::commits).sum();
  }

  @Override
  public void close() {
    closed = true;
    open.values().forEach(b -> b.applier().close());
    open.clear();
  }
}
