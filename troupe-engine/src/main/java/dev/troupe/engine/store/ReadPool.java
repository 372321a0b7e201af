package dev.troupe.engine.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * A few query-only connections for reads. In WAL mode readers never wait for the writer and see
 * every committed transaction. A connection whose work failed is closed, not reused.
 */
final class ReadPool implements AutoCloseable {
  private final Path file;
  private final SqliteOptions options;
  private final Semaphore permits;
  private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
  private volatile boolean closed;

  ReadPool(Path file, SqliteOptions options) {
    this.file = file;
    this.options = options;
    this.permits = new Semaphore(options.readConnections(), true);
  }

  /** Work on one connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  <T> T read(Work<T> work) {
    if (closed) {
      throw new StoreException.Unavailable("the store is closed", null);
    }
    permits.acquireUninterruptibly();
    Connection c = idle.poll();
    try {
      if (c == null) {
        c = SqliteSchema.connect(file, options, true);
      }
      T result = work.run(c);
      idle.add(c);
      c = null;
      if (closed) {
        close();
      }
      return result;
    } catch (SQLException e) {
      throw new StoreException.Unavailable("reading the store failed: " + e.getMessage(), e);
    } finally {
      if (c != null) {
        closeQuietly(c);
      }
      permits.release();
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Connection c = idle.poll(); c != null; c = idle.poll()) {
      closeQuietly(c);
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // nothing to do: the connection is discarded either way
    }
  }
}
