package dev.troupe.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An appended audit record survives {@code kill -9}: a child JVM ({@link AuditCrashWriter}) appends
 * from three threads and prints each sequence it got back; the test kills it (SIGKILL) at a random
 * point, reopens the log and finds every acknowledged record, in a file that passes SQLite's
 * integrity check.
 */
@Tag("crash")
class SqliteAuditLogCrashTest {
  @TempDir Path dir;

  @Test
  void acknowledgedAppendsSurviveKill() throws Exception {
    Path file = dir.resolve(SqliteAuditLog.FILE);
    List<Long> acks = new CopyOnWriteArrayList<>();
    int killAfter = ThreadLocalRandom.current().nextInt(20, 200);
    Process child = start(file);
    Thread reader = Thread.ofVirtual().start(() -> readAcks(child, acks, killAfter));
    try {
      assertThat(child.waitFor(60, TimeUnit.SECONDS))
          .as("writer killed after %d appends; see %s", killAfter, dir.resolve("child.err"))
          .isTrue();
    } finally {
      child.destroyForcibly();
    }
    reader.join(Duration.ofSeconds(10));
    assertThat(acks).hasSizeGreaterThanOrEqualTo(killAfter);

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("ok");
    }
    try (SqliteAuditLog log = SqliteAuditLog.open(file)) {
      List<Long> stored = new java.util.ArrayList<>();
      long after = 0;
      for (List<AuditRecord> page = log.query(new AuditQuery(null, null, 0, null, 1000));
          !page.isEmpty();
          page = log.query(new AuditQuery(null, null, after, null, 1000))) {
        page.forEach(r -> stored.add(r.sequence()));
        after = page.getLast().sequence();
      }
      assertThat(stored).containsAll(acks);
      long next =
          log.append(AuditFixtures.api("acme", "api.create", java.time.Instant.now())).sequence();
      assertThat(next).isGreaterThan(acks.stream().mapToLong(Long::longValue).max().orElse(0));
    }
  }

  private Process start(Path file) throws IOException {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            AuditCrashWriter.class.getName(),
            file.toString(),
            "3")
        .redirectError(dir.resolve("child.err").toFile())
        .start();
  }

  private static void readAcks(Process child, List<Long> acks, int killAfter) {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("ACK ")) {
          acks.add(Long.parseLong(line.substring(4)));
          if (acks.size() == killAfter) {
            child.destroyForcibly();
          }
        }
      }
    } catch (IOException e) {
      // the child died: every line it wrote before has been read
    } finally {
      child.destroyForcibly();
    }
  }
}
