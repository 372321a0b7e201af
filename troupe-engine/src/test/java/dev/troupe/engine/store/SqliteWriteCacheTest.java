package dev.troupe.engine.store;

import static dev.troupe.engine.store.Trees.object;
import static dev.troupe.engine.store.Trees.rv;
import static dev.troupe.engine.store.Trees.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer's cache of stored trees on a real SQLite file: it serves what the database holds, a
 * failed job or transaction never leaves it ahead of the database, and it changes no semantics.
 */
class SqliteWriteCacheTest {
  private static final String NS = "default";

  @TempDir Path dir;
  private SqliteStore store;

  @BeforeEach
  void open() {
    store = SqliteStore.open(dir.resolve("store.db"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aStatusWriteAfterACreateReadsNoRowAndTheCacheServesTheStoredTree() {
    ObjectNode created = store.create(object("Component", NS, "a"));
    long misses = store.write(tx -> tx.cache().misses());

    ObjectNode status = created.deepCopy();
    status.putObject("status").put("phase", "Ready");
    store.updateStatus(status);

    long missesAfter = store.write(tx -> tx.cache().misses());
    assertThat(missesAfter).isEqualTo(misses);
    ObjectNode cached = store.write(tx -> tx.cache().peek(key("a")));
    assertThat(cached.toString()).isEqualTo(store.get("Component", NS, "a").toString());
  }

  @Test
  void aJobThatThrowsAfterWritingLeavesTheCacheMatchingTheDatabase() throws Exception {
    List<ObjectNode> created = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      created.add(store.create(object("Component", NS, "c" + i)));
    }
    ObjectNode doomed = created.get(7);

    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> done = new ArrayList<>();
      for (ObjectNode c : created) {
        done.add(pool.submit(() -> store.updateStatus(withPhase(c, "Ready"))));
        if (c == doomed) {
          done.add(
              pool.submit(
                  () ->
                      store.write(
                          tx -> {
                            mutations(tx).updateStatus(withPhase(doomed, "Doomed"));
                            throw new IllegalStateException("the job failed after its write");
                          })));
        }
      }
      int failed = 0;
      for (Future<?> f : done) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          failed++;
        }
      }
      assertThat(failed).isEqualTo(1);
    }

    assertCacheMatchesDatabase(created);
    for (ObjectNode c : created) {
      ObjectNode row = store.get("Component", NS, name(c));
      assertThat(row.path("status").path("phase").asText()).isNotEqualTo("Doomed");
    }
  }

  @Test
  void aRolledBackWriteIsForgottenAndTheNextWriteBuildsOnTheDatabase() {
    ObjectNode created = store.create(object("Component", NS, "a"));

    assertThatThrownBy(
            () ->
                store.write(
                    tx -> {
                      mutations(tx).updateStatus(withPhase(created, "Doomed"));
                      throw new IllegalStateException("the job failed after its write");
                    }))
        .isInstanceOf(IllegalStateException.class);

    ObjectNode written = store.updateStatus(withPhase(created, "Ready"));
    assertThat(Long.parseLong(rv(written))).isEqualTo(Long.parseLong(rv(created)) + 1);
    assertThat(store.get("Component", NS, "a").path("status").path("phase").asText())
        .isEqualTo("Ready");
    assertCacheMatchesDatabase(List.of(created));
  }

  @Test
  void aFailedTransactionDropsTheCache() {
    ObjectNode created = store.create(object("Component", NS, "a"));

    assertThatThrownBy(
            () ->
                store.write(
                    tx -> {
                      mutations(tx).updateStatus(withPhase(created, "Doomed"));
                      throw new StoreException.Unavailable("the disk went away", null);
                    }))
        .isInstanceOf(StoreException.Unavailable.class);

    int cachedKeys = store.write(tx -> tx.cache().keys());
    assertThat(cachedKeys).isZero();
    assertThat(store.get("Component", NS, "a").has("status")).isFalse();
    ObjectNode written = store.updateStatus(withPhase(created, "Ready"));
    assertThat(Long.parseLong(rv(written))).isEqualTo(Long.parseLong(rv(created)) + 1);
  }

  @Test
  void aStaleResourceVersionStillConflictsWhenTheObjectIsCached() {
    ObjectNode created = store.create(object("Component", NS, "a"));
    ObjectNode labelled = created.deepCopy();
    Trees.labels(labelled, "team", "x");
    ObjectNode current = store.update(labelled);

    assertThatThrownBy(() -> store.updateStatus(withPhase(created, "Ready")))
        .isInstanceOf(StoreException.Conflict.class);
    assertThatThrownBy(() -> store.update(created)).isInstanceOf(StoreException.Conflict.class);
    assertThatThrownBy(
            () -> store.patch("Component", NS, "a", Trees.json("{'spec':{}}"), rv(created)))
        .isInstanceOf(StoreException.Conflict.class);
    assertThatThrownBy(
            () -> store.delete("Component", NS, "a", Propagation.BACKGROUND, rv(created)))
        .isInstanceOf(StoreException.Conflict.class);
    assertThat(rv(store.updateStatus(withPhase(current, "Ready"))))
        .isEqualTo(String.valueOf(Long.parseLong(rv(current)) + 1));
  }

  @Test
  void treesPassedInAndReturnedStayTheCallers() {
    ObjectNode input = object("Component", NS, "a");
    spec(input).put("replicas", 1);
    ObjectNode created = store.create(input);
    spec(input).put("replicas", 2);
    spec(created).put("replicas", 3);

    ObjectNode status = store.get("Component", NS, "a");
    status.putObject("status").put("phase", "Ready");
    ObjectNode written = store.updateStatus(status);
    ((ObjectNode) status.get("status")).put("phase", "Changed");
    spec(written).put("replicas", 4);

    ObjectNode stored = store.get("Component", NS, "a");
    assertThat(spec(stored).path("replicas").asInt()).isEqualTo(1);
    assertThat(stored.path("status").path("phase").asText()).isEqualTo("Ready");
    assertCacheMatchesDatabase(List.of(stored));
  }

  @Test
  void watchersShareOneReadOnlyTreePerEvent() {
    List<WatchEvent> first = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<WatchEvent> second = new java.util.concurrent.CopyOnWriteArrayList<>();
    store.watch(null, null, 0, first::add);
    store.watch(null, null, 0, second::add);
    ObjectNode created = store.create(object("Component", NS, "a"));

    StoreConformanceBase.eventually().until(() -> first.size() == 1 && second.size() == 1);
    assertThat(first.getFirst().object()).isSameAs(second.getFirst().object());
    assertThat(first.getFirst().object().toString()).isEqualTo(created.toString());
  }

  @Test
  void anExactDecimalIsComparedAsItReadsBackFromTheDatabaseCachedOrNot() {
    List<String> warm = decimalWrites(false);
    List<String> cold = decimalWrites(true);

    assertThat(warm).isEqualTo(cold);
  }

  /**
   * Creates an object whose spec holds the exact decimal 1.50 (which reads back as 1.5) and
   * replaces it twice with the same input; returns resourceVersion and generation after each write.
   * With {@code reopen} the store is reopened before each write, so nothing is cached.
   */
  private List<String> decimalWrites(boolean reopen) {
    String name = reopen ? "cold" : "warm";
    ObjectNode input = object("Component", NS, name);
    spec(input).set("ratio", DecimalNode.valueOf(new BigDecimal("1.50")));
    List<String> out = new ArrayList<>();
    ObjectNode last = store.create(input);
    out.add(Trees.generation(last) + "");
    for (int i = 0; i < 2; i++) {
      if (reopen) {
        store.close();
        store = SqliteStore.open(dir.resolve("store.db"));
      }
      ObjectNode next = input.deepCopy();
      Trees.meta(next).put("resourceVersion", rv(last));
      ObjectNode written = store.update(next);
      long step = Long.parseLong(rv(written)) - Long.parseLong(rv(last));
      out.add(step + "/" + Trees.generation(written));
      last = written;
    }
    return out;
  }

  private void assertCacheMatchesDatabase(List<ObjectNode> objects) {
    List<String> mismatches =
        store.write(
            tx -> {
              List<String> out = new ArrayList<>();
              for (ObjectNode o : objects) {
                ObjectKey key = ObjectKey.of(o);
                ObjectNode cached = tx.cache().peek(key);
                ObjectNode row = tx.load(key).orElse(null);
                if (cached != null && (row == null || !ObjectTree.same(cached, row))) {
                  out.add(key + ": cached " + cached + " but stored " + row);
                }
              }
              return out;
            });
    assertThat(mismatches).isEmpty();
  }

  private static Mutations mutations(SqliteTx tx) {
    return new Mutations(tx, Clock.systemUTC(), new SplittableRandom());
  }

  private static ObjectNode withPhase(ObjectNode object, String phase) {
    ObjectNode copy = object.deepCopy();
    copy.putObject("status").put("phase", phase);
    return copy;
  }

  private static ObjectKey key(String name) {
    return new ObjectKey("Component", NS, name);
  }

  private static String name(ObjectNode o) {
    return Trees.meta(o).path("name").asText();
  }
}
