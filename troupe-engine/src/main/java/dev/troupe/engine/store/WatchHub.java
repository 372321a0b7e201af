package dev.troupe.engine.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where committed events meet watchers: the writer publishes each committed transaction's events;
 * the latest ones stay in memory (a ring of consecutive revisions) so live watchers need no query;
 * watchers wait here for revisions they have not seen.
 */
final class WatchHub implements AutoCloseable {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final WatchEvent[] ring;
  private final Set<AutoCloseable> subscriptions = ConcurrentHashMap.newKeySet();
  private long first = 1;
  private int size;
  private long committed;
  private boolean closed;

  WatchHub(long committed, int capacity) {
    this.committed = committed;
    this.first = committed + 1;
    this.ring = new WatchEvent[capacity];
  }

  /** Called by the writer after COMMIT, with that transaction's events in revision order. */
  void publish(List<WatchEvent> events, long revision) {
    lock.lock();
    try {
      for (WatchEvent e : events) {
        if (size > 0 && e.revision() != first + size) {
          size = 0;
        }
        if (size == 0) {
          first = e.revision();
        }
        if (size == ring.length) {
          ring[(int) (first % ring.length)] = null;
          first++;
          size--;
        }
        ring[(int) (e.revision() % ring.length)] = e;
        size++;
      }
      committed = Math.max(committed, revision);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  long committed() {
    lock.lock();
    try {
      return committed;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The events after {@code after} held in memory (at most {@code max}), or {@code null} when
   * memory does not reach back that far and the log must be read.
   */
  EventChunk after(long after, int max) {
    lock.lock();
    try {
      if (after >= committed) {
        return new EventChunk(List.of(), after);
      }
      if (size == 0 || after + 1 < first || after + 1 >= first + size) {
        return null;
      }
      List<WatchEvent> out = new ArrayList<>();
      for (long r = after + 1; r < first + size && out.size() < max; r++) {
        out.add(ring[(int) (r % ring.length)]);
      }
      return new EventChunk(out, out.getLast().revision());
    } finally {
      lock.unlock();
    }
  }

  /** Waits until a revision after {@code revision} is committed, the hub closes, or a while. */
  void awaitAfter(long revision) throws InterruptedException {
    lock.lock();
    try {
      if (committed <= revision && !closed) {
        changed.await(1, TimeUnit.SECONDS);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Wakes every waiting watcher (one of them was closed). */
  void wake() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  boolean isClosed() {
    lock.lock();
    try {
      return closed;
    } finally {
      lock.unlock();
    }
  }

  void register(AutoCloseable subscription) {
    subscriptions.add(subscription);
  }

  void unregister(AutoCloseable subscription) {
    subscriptions.remove(subscription);
  }

  /** Ends every watch. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    for (AutoCloseable s : List.copyOf(subscriptions)) {
      try {
        s.close();
      } catch (Exception e) {
        // a subscription's close does not fail
      }
    }
  }

  /** Events in revision order, and the revision up to which the log has been examined. */
  record EventChunk(List<WatchEvent> events, long through) {}
}
