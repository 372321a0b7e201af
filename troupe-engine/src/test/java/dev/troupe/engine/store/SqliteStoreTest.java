package dev.troupe.engine.store;

import static dev.troupe.engine.store.Trees.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is particular to the SQLite store: file settings, locking, group commit, the event log. */
class SqliteStoreTest {
  @TempDir Path dir;

  @Test
  void connectionsUseWalAndFullSync() throws SQLException {
    Path file = dir.resolve("troupe.db");
    try (SqliteStore store = SqliteStore.open(file);
        Connection c = SqliteSchema.connect(file, store.options(), false)) {
      assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
      assertThat(pragma(c, "synchronous")).isEqualTo("2");
      assertThat(pragma(c, "busy_timeout")).isEqualTo("10000");
    }
  }

  @Test
  void aSecondOpenOfTheSameFileIsRefused() {
    Path file = dir.resolve("troupe.db");
    try (SqliteStore store = SqliteStore.open(file)) {
      assertThatThrownBy(() -> SqliteStore.open(file))
          .isInstanceOf(StoreException.Unavailable.class)
          .hasMessageContaining("already open");
    }
    SqliteStore.open(file).close();
  }

  @Test
  void closedStoreRefusesRequests() {
    SqliteStore store = SqliteStore.open(dir.resolve("troupe.db"));
    store.close();

    assertThatThrownBy(() -> store.create(object("Component", "default", "a")))
        .isInstanceOf(StoreException.Unavailable.class);
    assertThatThrownBy(() -> store.find("Component", "default", "a"))
        .isInstanceOf(StoreException.Unavailable.class);
  }

  @Test
  void groupedWritesSucceedOrFailOnTheirOwn() throws Exception {
    try (SqliteStore store = SqliteStore.open(dir.resolve("troupe.db"));
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      AtomicInteger duplicates = new AtomicInteger();
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        String name = "c" + (i % 200);
        done.add(
            pool.submit(
                () -> {
                  try {
                    store.create(object("Component", "default", name));
                  } catch (StoreException.AlreadyExists e) {
                    duplicates.incrementAndGet();
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }

      assertThat(duplicates).hasValue(200);
      assertThat(store.list("Component", "default").items()).hasSize(200);
      assertThat(store.currentRevision()).isEqualTo(200);
    }
  }

  @Test
  void theEventLogKeepsTheRetainedWindow() {
    SqliteOptions options = SqliteOptions.defaults().withEventRetention(10);
    try (SqliteStore store = SqliteStore.open(dir.resolve("troupe.db"), options)) {
      for (int i = 0; i < 30; i++) {
        store.create(object("Component", "default", "c" + i));
      }

      assertThatThrownBy(() -> store.watch(null, null, 0, e -> {}))
          .isInstanceOfSatisfying(
              StoreException.Gone.class, e -> assertThat(e.oldestAvailable()).isBetween(19L, 20L));
      List<WatchEvent> events = new CopyOnWriteArrayList<>();
      store.watch(null, null, 20, events::add);
      await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 10);
    }
  }

  @Test
  void longReplaysReadTheLogInChunks() throws Exception {
    Path file = dir.resolve("troupe.db");
    try (SqliteStore store = SqliteStore.open(file);
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 1300; i++) {
        String name = "c" + i;
        done.add(pool.submit(() -> store.create(object("Component", "default", name))));
      }
      for (Future<?> f : done) {
        f.get();
      }
    }
    try (SqliteStore store = SqliteStore.open(file)) {
      List<WatchEvent> events = new CopyOnWriteArrayList<>();
      store.watch("Component", "default", 0, events::add);

      await().atMost(Duration.ofSeconds(20)).until(() -> events.size() == 1300);
      assertThat(events).extracting(WatchEvent::revision).isSorted().doesNotHaveDuplicates();
    }
  }

  @Test
  void aFailingConsumerDoesNotStopTheWatch() {
    try (SqliteStore store = SqliteStore.open(dir.resolve("troupe.db"))) {
      List<WatchEvent> seen = new CopyOnWriteArrayList<>();
      store.watch(
          null,
          null,
          0,
          e -> {
            seen.add(e);
            throw new IllegalStateException("consumer bug");
          });
      store.create(object("Component", "default", "a"));
      store.create(object("Component", "default", "b"));

      await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 2);
    }
  }

  private static String pragma(Connection c, String name) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
