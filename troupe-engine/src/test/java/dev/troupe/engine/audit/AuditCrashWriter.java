package dev.troupe.engine.audit;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of {@link SqliteAuditLogCrashTest}: appends audit records from several threads
 * until it is killed, printing {@code ACK <sequence>} after each append returned.
 */
public final class AuditCrashWriter {
  private AuditCrashWriter() {}

  public static void main(String[] args) throws InterruptedException {
    SqliteAuditLog log = SqliteAuditLog.open(Path.of(args[0]));
    int threads = Integer.parseInt(args[1]);
    PrintStream out = System.out;
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String org = "org" + t;
      writers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (true) {
                      long seq =
                          log.append(AuditFixtures.api(org, "api.create", Instant.now()))
                              .sequence();
                      synchronized (out) {
                        out.println("ACK " + seq);
                        out.flush();
                      }
                    }
                  }));
    }
    for (Thread w : writers) {
      w.join();
    }
  }
}
