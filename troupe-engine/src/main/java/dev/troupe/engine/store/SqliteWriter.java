package dev.troupe.engine.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer: one platform thread owns the write connection and runs queued writes in
 * transactions. Writes that queue up while a commit is on its way to disk share the next
 * transaction (group commit); each runs inside its own savepoint, so each succeeds or fails on its
 * own. A write is acknowledged (its caller returns) only after COMMIT returned, which with {@code
 * synchronous=FULL} means the WAL is on disk. Watchers hear of the events after that.
 */
final class SqliteWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SqliteWriter.class);
  private static final Job STOP = new Job(null);

  private final Connection conn;
  private final SqliteTx tx;
  private final WatchHub hub;
  private final SqliteOptions options;
  private final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
  private final Object admission = new Object();
  private final Thread thread;
  private boolean closing;

  SqliteWriter(
      Connection conn, SqliteSchema.Revisions stored, WatchHub hub, SqliteOptions options) {
    this.conn = conn;
    this.tx = new SqliteTx(conn, stored);
    this.hub = hub;
    this.options = options;
    this.thread = Thread.ofPlatform().name("troupe-store-writer").daemon().start(this::run);
  }

  /** A unit of work inside the write transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(SqliteTx tx);
  }

  /** Runs {@code work} in the next transaction and returns once it is durable. */
  @SuppressWarnings("unchecked")
  <T> T submit(Work<T> work) {
    Job job = new Job(work);
    synchronized (admission) {
      if (closing) {
        throw new StoreException.Unavailable("the store is closed", null);
      }
      queue.add(job);
    }
    try {
      return (T) job.result.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /** Finishes the queued writes, checkpoints the WAL and closes the connection. */
  @Override
  public void close() {
    synchronized (admission) {
      if (closing) {
        return;
      }
      closing = true;
      queue.add(STOP);
    }
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    try (Statement s = conn.createStatement()) {
      tx.close();
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (SQLException e) {
      log.atWarn().setMessage("Failed to checkpoint the store on close").setCause(e).log();
    } finally {
      closeQuietly();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    List<Job> batch = new ArrayList<>();
    boolean stop = false;
    while (!stop) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        continue;
      }
      queue.drainTo(batch, options.maxBatch() - 1);
      stop = batch.remove(STOP);
      if (!batch.isEmpty()) {
        execute(batch);
      }
      batch.clear();
    }
  }

  private void execute(List<Job> batch) {
    SqliteTx.Mark begin = tx.mark();
    List<Object> results = new ArrayList<>(batch.size());
    try {
      exec("BEGIN IMMEDIATE");
      for (Job job : batch) {
        results.add(runOne(job));
      }
      trimEvents();
      tx.saveRevision();
      exec("COMMIT");
    } catch (SQLException | RuntimeException | Error e) {
      rollbackQuietly();
      tx.abort(begin);
      StoreException failure =
          new StoreException.Unavailable("the write was not committed: " + e.getMessage(), e);
      log.atError().setMessage("Failed to commit writes").setCause(e).log();
      batch.forEach(j -> j.result.completeExceptionally(failure));
      return;
    }
    hub.publish(tx.drain(), tx.revision());
    for (int i = 0; i < batch.size(); i++) {
      Object r = results.get(i);
      if (r instanceof Failed f) {
        batch.get(i).result.completeExceptionally(f.error());
      } else {
        batch.get(i).result.complete(r);
      }
    }
  }

  /** One job in its own savepoint; its failure rolls back only its own writes. */
  private Object runOne(Job job) throws SQLException {
    SqliteTx.Mark mark = tx.mark();
    exec("SAVEPOINT job");
    try {
      Object result = job.work.run(tx);
      exec("RELEASE job");
      return result;
    } catch (StoreException.Unavailable e) {
      throw e;
    } catch (RuntimeException e) {
      exec("ROLLBACK TO job");
      exec("RELEASE job");
      tx.rollbackTo(mark);
      return new Failed(e);
    }
  }

  private void trimEvents() {
    long slack = Math.max(1, options.eventRetention() / 10);
    if (tx.revision() - tx.compacted() > options.eventRetention() + slack) {
      tx.compact(tx.revision() - options.eventRetention());
    }
  }

  private void exec(String sql) throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.execute(sql);
    }
  }

  private void rollbackQuietly() {
    try {
      exec("ROLLBACK");
    } catch (SQLException e) {
      log.atDebug().setMessage("Rollback found no transaction").setCause(e).log();
    }
  }

  private void closeQuietly() {
    try {
      conn.close();
    } catch (SQLException e) {
      log.atWarn().setMessage("Failed to close the store connection").setCause(e).log();
    }
  }

  /** A queued write and the future its caller waits on. */
  private static final class Job {
    final Work<?> work;
    final CompletableFuture<Object> result = new CompletableFuture<>();

    Job(Work<?> work) {
      this.work = work;
    }
  }

  /** A job that failed inside a transaction that committed the others. */
  private record Failed(RuntimeException error) {}
}
