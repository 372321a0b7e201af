package dev.troupe.engine.audit;

import static dev.troupe.engine.audit.AuditFixtures.T0;
import static dev.troupe.engine.audit.AuditFixtures.api;
import static dev.troupe.engine.audit.AuditFixtures.promotion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable audit log in its own SQLite file. */
class SqliteAuditLogTest {
  @TempDir Path dir;

  private Path file() {
    return dir.resolve(SqliteAuditLog.FILE);
  }

  @Test
  void appendedRecordsSurviveReopeningWithEveryField() {
    AuditRecord a;
    AuditRecord b;
    try (SqliteAuditLog log = SqliteAuditLog.openIn(dir)) {
      a = log.append(promotion("acme", "promotion.approved", T0.plusNanos(123_456_789)));
      b = log.append(api("", "api.create", T0.plusSeconds(1)));
      assertThat(a.sequence()).isEqualTo(1);
      assertThat(b.sequence()).isEqualTo(2);
    }
    try (SqliteAuditLog log = SqliteAuditLog.openIn(dir)) {
      assertThat(log.query(AuditQuery.all())).containsExactly(a, b);
      assertThat(log.append(api("acme", "api.delete", T0)).sequence()).isEqualTo(3);
    }
    assertThat(file()).exists();
  }

  @Test
  void theDatabaseRefusesUpdatesAndDeletes() throws SQLException {
    try (SqliteAuditLog log = SqliteAuditLog.open(file())) {
      log.append(promotion("acme", "promotion.requested", T0));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeUpdate("UPDATE audit SET outcome = 'Rejected'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("the audit log is append-only: UPDATE refused");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("the audit log is append-only: DELETE refused");
      try (ResultSet rs = s.executeQuery("SELECT count(*), min(outcome) FROM audit")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(1);
        assertThat(rs.getString(2)).isEqualTo("Approved");
      }
    }
    // Reopening does not weaken the schema.
    try (SqliteAuditLog log = SqliteAuditLog.open(file())) {
      assertThat(log.query(AuditQuery.all())).hasSize(1);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit WHERE sequence = 1"))
          .hasMessageContaining("append-only");
    }
  }

  @Test
  void queriesFilterByOrganizationTimeSequenceAndActionPrefix() {
    try (SqliteAuditLog log = SqliteAuditLog.openIn(dir)) {
      log.append(promotion("acme", "promotion.requested", T0)); // 1
      log.append(api("acme", "api.create", T0.plusSeconds(10))); // 2
      log.append(promotion("other", "promotion.approved", T0.plusSeconds(20))); // 3
      log.append(api("acme", "api.update", T0.plusSeconds(30))); // 4
      log.append(promotion("acme", "promotion.applied", T0.plusSeconds(40))); // 5
      log.append(api("acme", "API.create", T0.plusSeconds(50))); // 6
      log.append(api("acme", "apixcreate", T0.plusSeconds(60))); // 7

      assertThat(sequences(log, new AuditQuery("acme", null, 0, null, 1000)))
          .containsExactly(1L, 2L, 4L, 5L, 6L, 7L);
      assertThat(sequences(log, new AuditQuery(null, T0.plusSeconds(20), 0, null, 1000)))
          .as("since is inclusive")
          .containsExactly(3L, 4L, 5L, 6L, 7L);
      assertThat(sequences(log, new AuditQuery(null, T0.plusMillis(10_001), 0, null, 1000)))
          .containsExactly(3L, 4L, 5L, 6L, 7L);
      assertThat(sequences(log, new AuditQuery(null, null, 4, null, 1000)))
          .containsExactly(5L, 6L, 7L);
      assertThat(sequences(log, new AuditQuery(null, null, 0, "promotion.", 1000)))
          .containsExactly(1L, 3L, 5L);
      assertThat(sequences(log, new AuditQuery("acme", null, 0, "api.", 1000)))
          .as("a prefix, case-sensitive, no wildcards")
          .containsExactly(2L, 4L);
      assertThat(sequences(log, new AuditQuery(null, null, 0, "api_", 1000))).isEmpty();
      assertThat(sequences(log, new AuditQuery(null, null, 0, null, 2))).containsExactly(1L, 2L);
      assertThat(sequences(log, new AuditQuery("acme", T0.plusSeconds(5), 2, "api.", 1)))
          .containsExactly(4L);
    }
  }

  @Test
  void appendOnceKeepsOneRecordPerKeyAcrossReopening() {
    AuditRecord first;
    try (SqliteAuditLog log = SqliteAuditLog.openIn(dir)) {
      first = log.appendOnce("promotion:u1:approved", promotion("acme", "p.a", T0)).orElseThrow();
      assertThat(log.appendOnce("promotion:u1:approved", promotion("acme", "p.a", T0))).isEmpty();
      log.append(api("acme", "api.create", T0));
      log.append(api("acme", "api.create", T0)); // without a key: appended every time
    }
    try (SqliteAuditLog log = SqliteAuditLog.openIn(dir)) {
      assertThat(log.appendOnce("promotion:u1:approved", promotion("acme", "p.a", T0))).isEmpty();
      assertThat(log.appendOnce("promotion:u1:applied", promotion("acme", "p.b", T0)))
          .hasValueSatisfying(r -> assertThat(r.sequence()).isEqualTo(4));
      assertThat(log.query(AuditQuery.all()))
          .extracting(AuditRecord::action)
          .containsExactly("p.a", "api.create", "api.create", "p.b");
      assertThat(log.query(AuditQuery.all()).getFirst()).isEqualTo(first);
    }
  }

  @Test
  void concurrentAppendsGetUniqueIncreasingSequences() throws Exception {
    int threads = 8;
    int each = 50;
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());
    try (SqliteAuditLog log = SqliteAuditLog.openIn(dir);
        ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String org = "org" + t;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  long last = 0;
                  for (int i = 0; i < each; i++) {
                    long seq = log.append(api(org, "api.create", Instant.now())).sequence();
                    assertThat(seq).as("increasing within a writer").isGreaterThan(last);
                    last = seq;
                    seen.add(seq);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(Duration.ofSeconds(60).toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
      }
      assertThat(seen).hasSize(threads * each).doesNotHaveDuplicates();
      List<AuditRecord> all = new ArrayList<>();
      long after = 0;
      for (List<AuditRecord> page = log.query(new AuditQuery(null, null, after, null, 100));
          !page.isEmpty();
          page = log.query(new AuditQuery(null, null, after, null, 100))) {
        all.addAll(page);
        after = page.getLast().sequence();
      }
      assertThat(all).extracting(AuditRecord::sequence).isSorted().doesNotHaveDuplicates();
      assertThat(all).extracting(AuditRecord::sequence).containsExactlyInAnyOrderElementsOf(seen);
      assertThat(log.query(new AuditQuery("org3", null, 0, null, 1000))).hasSize(each);
    }
  }

  @Test
  void aClosedLogRefusesWork() {
    SqliteAuditLog log = SqliteAuditLog.openIn(dir);
    log.close();
    log.close();
    assertThatThrownBy(() -> log.append(api("acme", "api.create", T0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed");
    assertThatThrownBy(() -> log.query(AuditQuery.all())).hasMessageContaining("is closed");
  }

  private static List<Long> sequences(AuditLog log, AuditQuery q) {
    return log.query(q).stream().map(AuditRecord::sequence).toList();
  }
}
