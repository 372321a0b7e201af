package dev.troupe.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged write survives {@code kill -9}: a child JVM ({@link CrashWriter}) writes from
 * four threads and prints each acknowledgement; the test kills it (SIGKILL) at a random point,
 * reopens the store and finds every acknowledged write, in a file that passes SQLite's integrity
 * check.
 */
@Tag("crash")
class SqliteCrashTest {
  @TempDir Path dir;

  @RepeatedTest(3)
  void acknowledgedWritesSurviveKill() throws Exception {
    Path file = dir.resolve("troupe.db");
    List<String> acks = new CopyOnWriteArrayList<>();
    int killAfter = ThreadLocalRandom.current().nextInt(20, 400);
    Process child = startWriter(file);
    Thread reader = Thread.ofVirtual().start(() -> readAcks(child, acks, killAfter));

    try {
      assertThat(child.waitFor(20, TimeUnit.SECONDS))
          .as(
              "writer killed after %d acknowledgements; see %s",
              killAfter, dir.resolve("child.err"))
          .isTrue();
    } finally {
      child.destroyForcibly();
    }
    reader.join(Duration.ofSeconds(10));
    assertThat(acks).hasSizeGreaterThanOrEqualTo(killAfter);

    try (SqliteStore store = SqliteStore.open(file)) {
      assertThat(integrityCheck(file)).isEqualTo("ok");
      assertAcknowledged(store, acks);
      ObjectNode after = store.create(Trees.object("Component", "default", "after-crash"));
      assertThat(Long.parseLong(Trees.rv(after))).isGreaterThanOrEqualTo(acks.size());
    }
  }

  private Process startWriter(Path file) throws IOException {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            CrashWriter.class.getName(),
            file.toString(),
            "4")
        .redirectError(dir.resolve("child.err").toFile())
        .start();
  }

  /** Reads acknowledgements and kills the child (SIGKILL) as soon as the n-th one arrives. */
  private static void readAcks(Process child, List<String> acks, int killAfter) {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("ACK ")) {
          acks.add(line.substring(4));
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

  private static void assertAcknowledged(Store store, List<String> acks) {
    Map<String, Integer> versions = new HashMap<>();
    for (String ack : acks) {
      String[] parts = ack.split(" ");
      if (parts[0].equals("create")) {
        versions.putIfAbsent(parts[1], 0);
      } else {
        versions.merge(parts[1], Integer.parseInt(parts[2]), Math::max);
      }
    }
    versions.forEach(
        (name, version) ->
            assertThat(Trees.spec(store.get("Component", "default", name)).path("version").asInt())
                .as("acknowledged version of %s", name)
                .isGreaterThanOrEqualTo(version));
    assertThat(store.list("Component", "default").items())
        .hasSizeGreaterThanOrEqualTo(
            (int) acks.stream().filter(a -> a.startsWith("create")).count());
  }

  private static String integrityCheck(Path file) throws SQLException {
    assertThat(Files.exists(file)).isTrue();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
