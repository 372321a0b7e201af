package dev.troupe.engine.runtime;

import static dev.troupe.engine.runtime.RuntimeTrees.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.store.ObjectKey;
import dev.troupe.engine.store.SqliteStore;
import dev.troupe.engine.store.StoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControllerManagerTest {
  @TempDir Path dir;
  SqliteStore store;
  ObjectCache cache;
  ControllerManager manager;

  @BeforeEach
  void open() {
    store = SqliteStore.open(dir.resolve("store.db"));
    cache = new ObjectCache(store);
    manager =
        new ControllerManager(
            cache, new Backoff(Duration.ofMillis(10), 2, Duration.ofMillis(50), 0));
  }

  @AfterEach
  void close() {
    manager.close();
    cache.close();
    store.close();
  }

  @Test
  void reconcilesExistingAndNewObjectsAndWritesStatusOnce() {
    store.create(object("Project", "default", "a"));
    StatusWriter status = new StatusWriter(store, java.time.Clock.systemUTC());
    AtomicInteger calls = new AtomicInteger();
    manager.register(
        ControllerSpec.of(
            "project",
            "Project",
            key -> {
              calls.incrementAndGet();
              ObjectNode current = store.get(key.kind(), key.namespace(), key.name());
              ObjectNode s = current.objectNode();
              s.putArray("conditions").add(Conditions.of("Ready", "True", "Ok", "fine", 1));
              status.write(current, s);
              return Result.done();
            },
            Watch.primary("Project", ChangeFilter.spec())));
    manager.start();
    store.create(object("Project", "default", "b"));

    assertThat(manager.awaitIdle(Duration.ofSeconds(20))).isTrue();
    for (String name : List.of("a", "b")) {
      ObjectNode p = store.get("Project", "default", name);
      assertThat(Conditions.isCurrent(p, "Ready", "True")).isTrue();
    }
    // The status writes did not trigger reconciles (spec filter): one per object.
    assertThat(calls.get()).isEqualTo(2);

    long revision = store.currentRevision();
    manager.enqueue("project", new ObjectKey("Project", "default", "a"));
    assertThat(manager.awaitIdle(Duration.ofSeconds(20))).isTrue();
    assertThat(store.currentRevision()).as("unchanged status is not written").isEqualTo(revision);
  }

  @Test
  void aKeyIsNeverReconciledByTwoWorkersAtOnceAndChangesDuringAReconcileAreNotLost()
      throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger maxConcurrent = new AtomicInteger();
    Map<String, String> seenLabel = new ConcurrentHashMap<>();
    manager.register(
        ControllerSpec.of(
                "serial",
                "Project",
                key -> {
                  int now = concurrent.incrementAndGet();
                  maxConcurrent.accumulateAndGet(now, Math::max);
                  try {
                    entered.countDown();
                    release.await(20, TimeUnit.SECONDS);
                    cache
                        .tree(key)
                        .ifPresent(
                            t ->
                                seenLabel.put(
                                    key.name(),
                                    t.path("metadata").path("labels").path("v").asText("")));
                    return Result.done();
                  } finally {
                    concurrent.decrementAndGet();
                  }
                },
                Watch.primary("Project", ChangeFilter.spec()))
            .withWorkers(4));
    manager.start();
    ObjectNode p = store.create(object("Project", "default", "a"));
    assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();
    for (int i = 1; i <= 5; i++) {
      p.with("metadata").putObject("labels").put("v", String.valueOf(i));
      p = store.update(p);
    }
    release.countDown();
    assertThat(manager.awaitIdle(Duration.ofSeconds(20))).isTrue();
    assertThat(maxConcurrent.get()).isEqualTo(1);
    assertThat(seenLabel).containsEntry("a", "5");
  }

  @Test
  void conflictsAreRetriedAndOtherFailuresBackOffUntilTheySucceed() {
    AtomicInteger attempts = new AtomicInteger();
    manager.register(
        ControllerSpec.of(
            "flaky",
            "Project",
            key -> {
              int n = attempts.incrementAndGet();
              if (n == 1) {
                throw StoreException.Conflict.modified(key);
              }
              if (n < 4) {
                throw new java.io.IOException("data plane unreachable");
              }
              return Result.done();
            },
            Watch.primary("Project", ChangeFilter.spec())));
    manager.start();
    store.create(object("Project", "default", "a"));

    await().atMost(Duration.ofSeconds(20)).until(() -> attempts.get() >= 4);
    assertThat(manager.awaitIdle(Duration.ofSeconds(20))).isTrue();
    assertThat(attempts.get()).isEqualTo(4);
    assertThat(manager.stats())
        .singleElement()
        .satisfies(s -> assertThat(s.failures()).isEqualTo(2));
  }

  @Test
  void dependencyWatchesMapChangesToPrimaryKeys() {
    cache.addIndex(
        "Component",
        "project",
        t -> List.of(t.path("spec").path("owner").path("projectName").asText()));
    Map<String, Integer> reconciled = new ConcurrentHashMap<>();
    manager.register(
        ControllerSpec.of(
            "component",
            "Component",
            key -> {
              reconciled.merge(key.name(), 1, Integer::sum);
              return Result.done();
            },
            Watch.primary("Component", ChangeFilter.spec()),
            Watch.of(
                "Project",
                ChangeFilter.spec(),
                c -> cache.byIndex("Component", "project", c.namespace(), c.name()))));
    manager.start();
    ObjectNode comp = object("Component", "default", "web");
    comp.with("spec").putObject("owner").put("projectName", "shop");
    store.create(comp);
    ObjectNode other = object("Component", "default", "api");
    other.with("spec").putObject("owner").put("projectName", "billing");
    store.create(other);
    assertThat(manager.awaitIdle(Duration.ofSeconds(20))).isTrue();
    reconciled.clear();

    store.create(object("Project", "default", "shop"));
    assertThat(manager.awaitIdle(Duration.ofSeconds(20))).isTrue();
    assertThat(reconciled).containsOnlyKeys("web");
  }

  @Test
  void requeueAfterRunsTheReconcileAgain() {
    AtomicInteger calls = new AtomicInteger();
    manager.register(
        ControllerSpec.of(
            "timer",
            "Project",
            key ->
                calls.incrementAndGet() < 3 ? Result.after(Duration.ofMillis(20)) : Result.done(),
            Watch.primary("Project", ChangeFilter.spec())));
    manager.start();
    store.create(object("Project", "default", "a"));
    await().atMost(Duration.ofSeconds(20)).until(() -> calls.get() == 3);
  }

  @Test
  void aCoalescingWatchTurnsABurstOfChangesIntoOneReconcileThatAwaitIdleWaitsFor() {
    Map<String, Integer> reconciled = new ConcurrentHashMap<>();
    manager.register(
        ControllerSpec.of(
            "summary",
            "Component",
            key -> {
              reconciled.merge(key.name(), 1, Integer::sum);
              return Result.done();
            },
            Watch.of(
                    "Workload",
                    ChangeFilter.any(),
                    c -> List.of(new ObjectKey("Component", c.namespace(), "web")))
                .coalescing(Duration.ofSeconds(2))));
    manager.start();
    ObjectNode w = store.create(object("Workload", "default", "web"));
    for (int i = 0; i < 5; i++) {
      w.with("metadata").putObject("labels").put("v", String.valueOf(i));
      w = store.update(w);
    }

    assertThat(manager.awaitIdle(Duration.ofSeconds(20))).isTrue();
    // Six changes; the window makes them one reconcile (two if the machine stalls past 2 s).
    assertThat(reconciled.get("web")).isBetween(1, 2);
  }
}
