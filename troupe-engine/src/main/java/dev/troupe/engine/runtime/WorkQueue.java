package dev.troupe.engine.runtime;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A de-duplicating work queue with per-key serialization: a key is queued at most once; a key being
 * processed is not handed to a second worker, and if it is added meanwhile it is queued again when
 * the first worker is done. Delayed additions (back-off, timers) go through a scheduler.
 */
final class WorkQueue<K> {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition available = lock.newCondition();
  private final Condition quiet = lock.newCondition();
  private final ArrayDeque<K> queue = new ArrayDeque<>();
  private final Set<K> dirty = new HashSet<>();
  private final Set<K> processing = new HashSet<>();
  private final Map<K, Integer> failures = new HashMap<>();
  private final Set<K> coalescing = new HashSet<>();
  private final ScheduledExecutorService scheduler;
  private boolean shutdown;

  WorkQueue(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  void add(K key) {
    lock.lock();
    try {
      if (shutdown || !dirty.add(key)) {
        return;
      }
      if (!processing.contains(key)) {
        queue.addLast(key);
        available.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  void addAfter(K key, Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      add(key);
      return;
    }
    try {
      scheduler.schedule(() -> add(key), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // shutting down
    }
  }

  /**
   * Queues {@code key} after {@code delay} unless it is already waiting to be: every change within
   * the delay ends in one reconcile. Counted as pending work by {@link #idle()}.
   */
  void addCoalesced(K key, Duration delay) {
    lock.lock();
    try {
      if (shutdown || !coalescing.add(key)) {
        return;
      }
    } finally {
      lock.unlock();
    }
    Runnable fire =
        () -> {
          lock.lock();
          try {
            coalescing.remove(key);
          } finally {
            lock.unlock();
          }
          add(key);
        };
    try {
      scheduler.schedule(fire, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // shutting down
    }
  }

  /** Counts a failure of {@code key} and returns how many in a row it has had. */
  int failed(K key) {
    lock.lock();
    try {
      return failures.merge(key, 1, Integer::sum);
    } finally {
      lock.unlock();
    }
  }

  void forget(K key) {
    lock.lock();
    try {
      failures.remove(key);
    } finally {
      lock.unlock();
    }
  }

  /** The next key, waiting for one; empty once shut down. */
  Optional<K> take() throws InterruptedException {
    lock.lock();
    try {
      while (queue.isEmpty() && !shutdown) {
        available.await();
      }
      if (shutdown) {
        return Optional.empty();
      }
      K key = queue.removeFirst();
      dirty.remove(key);
      processing.add(key);
      return Optional.of(key);
    } finally {
      lock.unlock();
    }
  }

  void done(K key) {
    lock.lock();
    try {
      processing.remove(key);
      if (dirty.contains(key)) {
        queue.addLast(key);
        available.signal();
      }
      if (queue.isEmpty() && processing.isEmpty()) {
        quiet.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Nothing queued, nothing being processed and nothing coalescing (back-off and timer additions
   * are not counted).
   */
  boolean idle() {
    lock.lock();
    try {
      return queue.isEmpty() && processing.isEmpty() && coalescing.isEmpty();
    } finally {
      lock.unlock();
    }
  }

  int depth() {
    lock.lock();
    try {
      return queue.size() + processing.size();
    } finally {
      lock.unlock();
    }
  }

  void shutdown() {
    lock.lock();
    try {
      shutdown = true;
      available.signalAll();
      quiet.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
