package dev.troupe.engine.store;

import java.time.Clock;
import java.time.Duration;

/**
 * Settings of the embedded store.
 *
 * @param eventRetention how many of the latest events the watch log keeps; older revisions are Gone
 * @param busyTimeout how long a connection waits for a lock held by another connection
 * @param readConnections how many connections serve reads at once
 * @param maxBatch how many queued writes at most share one transaction (group commit)
 * @param clock the clock of creation and deletion timestamps
 */
public record SqliteOptions(
    int eventRetention, Duration busyTimeout, int readConnections, int maxBatch, Clock clock) {

  public SqliteOptions {
    if (eventRetention < 1 || readConnections < 1 || maxBatch < 1) {
      throw new IllegalArgumentException(
          "eventRetention, readConnections and maxBatch must be > 0");
    }
  }

  public static SqliteOptions defaults() {
    return new SqliteOptions(100_000, Duration.ofSeconds(10), 4, 256, Clock.systemUTC());
  }

  public SqliteOptions withEventRetention(int events) {
    return new SqliteOptions(events, busyTimeout, readConnections, maxBatch, clock);
  }

  public SqliteOptions withClock(Clock c) {
    return new SqliteOptions(eventRetention, busyTimeout, readConnections, maxBatch, c);
  }
}
