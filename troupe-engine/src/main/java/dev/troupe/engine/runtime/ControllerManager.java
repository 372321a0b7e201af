package dev.troupe.engine.runtime;

import dev.troupe.engine.store.ObjectKey;
import dev.troupe.engine.store.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs controllers (delivery.md §1.1): one de-duplicating work queue per controller fed by the
 * {@link ObjectCache}'s changes through each controller's watches, N workers per controller on
 * virtual threads, immediate retry of optimistic-concurrency conflicts, exponential back-off for
 * other failures, timers requested by reconcilers, and a jittered periodic resync.
 */
public final class ControllerManager implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ControllerManager.class);

  /** Consecutive conflicts retried at once before back-off applies. */
  private static final int IMMEDIATE_CONFLICT_RETRIES = 5;

  private final ObjectCache cache;
  private final Backoff backoff;
  private final Map<String, Running> controllers = new LinkedHashMap<>();
  private final Map<String, List<Route>> routes = new ConcurrentHashMap<>();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("troupe-timers").factory());
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean started;
  private volatile boolean closed;

  private record Route(Running controller, Watch watch) {}

  /** Statistics of one controller. */
  public record Stats(String name, long reconciles, long failures, int depth) {}

  private final class Running {
    final ControllerSpec spec;
    final WorkQueue<ObjectKey> queue;
    final AtomicLong reconciles = new AtomicLong();
    final AtomicLong failures = new AtomicLong();

    Running(ControllerSpec spec) {
      this.spec = spec;
      this.queue = new WorkQueue<>(scheduler);
    }
  }

  public ControllerManager(ObjectCache cache) {
    this(cache, Backoff.DEFAULT);
  }

  public ControllerManager(ObjectCache cache, Backoff backoff) {
    this.cache = cache;
    this.backoff = backoff;
    cache.addListener(this::dispatch);
  }

  public ObjectCache cache() {
    return cache;
  }

  /** Adds a controller; only before {@link #start()}. */
  public synchronized void register(ControllerSpec spec) {
    if (started) {
      throw new IllegalStateException("controllers are registered before start");
    }
    if (controllers.containsKey(spec.name())) {
      throw new IllegalArgumentException("duplicate controller " + spec.name());
    }
    Running r = new Running(spec);
    controllers.put(spec.name(), r);
    for (Watch w : spec.watches()) {
      routes
          .computeIfAbsent(w.kind(), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
          .add(new Route(r, w));
    }
  }

  /**
   * Starts the workers, then the cache (whose initial listing enqueues every existing object of the
   * watched kinds), then the resync timers.
   */
  public synchronized void start() {
    if (started) {
      return;
    }
    started = true;
    for (Running r : controllers.values()) {
      for (int i = 0; i < r.spec.workers(); i++) {
        workers.add(
            Thread.ofVirtual().name("troupe-" + r.spec.name() + "-" + i).start(() -> work(r)));
      }
    }
    cache.start();
    for (Running r : controllers.values()) {
      long period = r.spec.resync().toMillis();
      if (period > 0) {
        long first = period + ThreadLocalRandom.current().nextLong(Math.max(1, period / 5));
        scheduler.scheduleAtFixedRate(() -> resync(r), first, period, TimeUnit.MILLISECONDS);
      }
    }
  }

  /** Queues a key of a controller's primary kind (REST operations, tests). */
  public void enqueue(String controller, ObjectKey key) {
    Running r = controllers.get(controller);
    if (r == null) {
      throw new IllegalArgumentException("no controller " + controller);
    }
    r.queue.add(key);
  }

  /**
   * Waits until the cache has applied every store write and every queue is empty with no reconcile
   * running (timers scheduled for later are not waited for). For tests and benchmarks.
   */
  public boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int quietRounds = 0;
    while (System.nanoTime() < deadline) {
      long revision = cache.store().currentRevision();
      boolean caughtUp =
          cache.awaitRevision(revision, Duration.ofNanos(deadline - System.nanoTime()));
      boolean idle = caughtUp && controllers.values().stream().allMatch(r -> r.queue.idle());
      if (idle && cache.store().currentRevision() == revision) {
        if (++quietRounds >= 3) {
          return true;
        }
      } else {
        quietRounds = 0;
      }
      LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
    }
    return false;
  }

  public List<Stats> stats() {
    List<Stats> out = new ArrayList<>();
    for (Running r : controllers.values()) {
      out.add(new Stats(r.spec.name(), r.reconciles.get(), r.failures.get(), r.queue.depth()));
    }
    return out;
  }

  @Override
  public void close() {
    closed = true;
    scheduler.shutdownNow();
    controllers.values().forEach(r -> r.queue.shutdown());
    for (Thread t : workers) {
      try {
        t.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
  }

  private void dispatch(Change change) {
    List<Route> rs = routes.get(change.kind());
    if (rs == null) {
      return;
    }
    for (Route route : rs) {
      if (!route.watch().filter().test(change)) {
        continue;
      }
      for (ObjectKey key : route.watch().map().apply(change)) {
        if (route.watch().delay().isZero()) {
          route.controller().queue.add(key);
        } else {
          route.controller().queue.addCoalesced(key, route.watch().delay());
        }
      }
    }
  }

  private void resync(Running r) {
    for (var tree : cache.trees(r.spec.primaryKind(), null)) {
      r.queue.add(ObjectKey.of(tree));
    }
  }

  private void work(Running r) {
    while (!closed) {
      ObjectKey key;
      try {
        var next = r.queue.take();
        if (next.isEmpty()) {
          return;
        }
        key = next.get();
      } catch (InterruptedException e) {
        return;
      }
      try {
        Result result = r.spec.reconciler().reconcile(key);
        r.reconciles.incrementAndGet();
        r.queue.forget(key);
        if (result instanceof Result.RequeueAfter after) {
          r.queue.addAfter(key, after.delay());
        }
      } catch (StoreException.Conflict e) {
        r.reconciles.incrementAndGet();
        int n = r.queue.failed(key);
        log.debug("{} {}: conflict, retrying ({})", r.spec.name(), key, n);
        if (n <= IMMEDIATE_CONFLICT_RETRIES) {
          r.queue.add(key);
        } else {
          r.queue.addAfter(key, backoff.delay(n - IMMEDIATE_CONFLICT_RETRIES));
        }
      } catch (Exception | StackOverflowError e) {
        r.reconciles.incrementAndGet();
        r.failures.incrementAndGet();
        int n = r.queue.failed(key);
        Duration delay = backoff.delay(n);
        if (closed) {
          return;
        }
        log.warn(
            "{} {}: {} (retry {} in {} ms)",
            r.spec.name(),
            key,
            e.toString(),
            n,
            delay.toMillis(),
            log.isDebugEnabled() ? e : null);
        r.queue.addAfter(key, delay);
      } finally {
        r.queue.done(key);
      }
    }
  }
}
