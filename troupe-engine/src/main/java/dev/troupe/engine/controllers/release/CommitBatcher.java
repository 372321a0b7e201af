package dev.troupe.engine.controllers.release;

import dev.troupe.engine.gitops.ChangeOutcome;
import dev.troupe.engine.gitops.GitOpsApplier;
import dev.troupe.engine.gitops.GitOpsException;
import dev.troupe.engine.gitops.ReleaseChange;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commits for one gitops repository and branch (delivery.md §2.7 "Group commits under load").
 * Callers block in {@link #submit}; one of them at a time is the leader and commits everything
 * waiting (at most {@code maxBatch} changes) with {@link GitOpsApplier#applyGroup}, while changes
 * arriving meanwhile queue up for the next commit. An idle repository therefore commits a lone
 * change at once, and a busy one commits as many changes as arrived during the previous commit. A
 * change waits at most for the commit in progress plus its own, optionally preceded by a {@code
 * linger} (at most 200 ms) that lets a batch fill up.
 */
final class CommitBatcher {
  /** Upper bound of Releases in one commit. */
  static final int MAX_BATCH = 500;

  /** Upper bound of the linger. */
  static final Duration MAX_LINGER = Duration.ofMillis(200);

  private final GitOpsApplier applier;
  private final int maxBatch;
  private final long lingerNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition finished = lock.newCondition();
  private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
  private boolean committing;
  private long commits;

  private static final class Waiting {
    final GitOpsApplier.Prepared change;
    ChangeOutcome outcome;
    RuntimeException failure;
    boolean done;

    Waiting(GitOpsApplier.Prepared change) {
      this.change = change;
    }
  }

  CommitBatcher(GitOpsApplier applier, int maxBatch, Duration linger) {
    if (maxBatch < 1 || maxBatch > MAX_BATCH) {
      throw new IllegalArgumentException("maxBatch must be between 1 and " + MAX_BATCH);
    }
    if (linger.isNegative() || linger.compareTo(MAX_LINGER) > 0) {
      throw new IllegalArgumentException("linger must be between 0 and " + MAX_LINGER);
    }
    this.applier = applier;
    this.maxBatch = maxBatch;
    this.lingerNanos = linger.toNanos();
  }

  GitOpsApplier applier() {
    return applier;
  }

  /** Commits made so far (each holds one or more changes). */
  long commits() {
    lock.lock();
    try {
      return commits;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Commits {@code change}, possibly together with others, and returns its outcome.
   *
   * @throws GitOpsException (transient) when the commit holding the change failed
   */
  ChangeOutcome submit(ReleaseChange change) {
    // Rendering the files happens here, in the caller's thread, not in the leader's.
    Waiting mine = new Waiting(applier.prepare(change));
    lock.lock();
    try {
      queue.addLast(mine);
      while (!mine.done) {
        if (committing) {
          finished.awaitUninterruptibly();
        } else {
          lead();
        }
      }
    } finally {
      lock.unlock();
    }
    if (mine.failure != null) {
      throw mine.failure;
    }
    return mine.outcome;
  }

  /** Takes a batch and commits it; called and returns with the lock held. */
  private void lead() {
    committing = true;
    try {
      linger();
      List<Waiting> batch = new ArrayList<>();
      while (!queue.isEmpty() && batch.size() < maxBatch) {
        batch.add(queue.removeFirst());
      }
      lock.unlock();
      try {
        commit(batch);
      } finally {
        lock.lock();
      }
      commits++;
      batch.forEach(w -> w.done = true);
    } finally {
      committing = false;
      finished.signalAll();
    }
  }

  private void linger() {
    long left = lingerNanos;
    while (left > 0 && queue.size() < maxBatch) {
      try {
        left = finished.awaitNanos(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void commit(List<Waiting> batch) {
    try {
      List<ChangeOutcome> outcomes =
          applier.applyPrepared(batch.stream().map(w -> w.change).toList());
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).outcome = outcomes.get(i);
      }
    } catch (RuntimeException e) {
      batch.forEach(w -> w.failure = e);
    }
  }
}
