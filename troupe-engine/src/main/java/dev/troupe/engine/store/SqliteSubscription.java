package dev.troupe.engine.store;

import dev.troupe.engine.store.WatchHub.EventChunk;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watch, run on its own virtual thread: it reads the events after the last revision it examined
 * (from the hub's memory when it reaches back far enough, else from the event log), delivers the
 * matching ones in order, and waits for the next commit. Replay and live delivery are the same
 * loop, so resuming from any retained revision needs nothing special.
 *
 * <p>Events are delivered as they are held, without a copy: every watcher gets the same event and
 * tree, shared with the hub and the writer's cache, and must not modify it ({@link Store#watch}).
 */
final class SqliteSubscription implements Subscription, Runnable {
  private static final Logger log = LoggerFactory.getLogger(SqliteSubscription.class);
  private static final int CHUNK = 512;

  private final WatchHub hub;
  private final EventLog eventLog;
  private final String kind;
  private final String namespace;
  private final Consumer<WatchEvent> consumer;
  private final Consumer<StoreException> onError;
  private volatile long last;
  private volatile boolean closed;
  private volatile StoreException failure;

  SqliteSubscription(
      WatchHub hub,
      EventLog eventLog,
      String kind,
      String namespace,
      long from,
      Consumer<WatchEvent> consumer,
      Consumer<StoreException> onError) {
    this.hub = hub;
    this.eventLog = eventLog;
    this.kind = kind;
    this.namespace = namespace;
    this.last = from;
    this.consumer = consumer;
    this.onError = onError;
  }

  @Override
  public void run() {
    try {
      while (!closed && !hub.isClosed()) {
        long before = last;
        EventChunk chunk = hub.after(before, CHUNK);
        if (chunk == null) {
          chunk = eventLog.read(before, kind, namespace, CHUNK);
        }
        deliver(chunk);
        if (last == before) {
          hub.awaitAfter(before);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (StoreException e) {
      if (!closed && !hub.isClosed()) {
        fail(e);
      }
    } finally {
      closed = true;
      hub.unregister(this);
    }
  }

  private void deliver(EventChunk chunk) {
    for (WatchEvent e : chunk.events()) {
      if (closed) {
        return;
      }
      if (matches(e)) {
        try {
          consumer.accept(e);
        } catch (RuntimeException ex) {
          log.atWarn()
              .setMessage("Watch consumer failed")
              .addKeyValue("revision", e.revision())
              .setCause(ex)
              .log();
        }
      }
      last = e.revision();
    }
    last = Math.max(last, chunk.through());
  }

  private boolean matches(WatchEvent e) {
    ObjectKey key = e.key();
    return (kind == null || kind.equals(key.kind()))
        && (namespace == null || namespace.equals(key.namespace()));
  }

  private void fail(StoreException e) {
    failure = e;
    closed = true;
    try {
      onError.accept(e);
    } catch (RuntimeException ex) {
      log.atWarn().setMessage("Watch error handler failed").setCause(ex).log();
    }
  }

  @Override
  public long lastRevision() {
    return last;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public Optional<StoreException> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public void close() {
    closed = true;
    hub.wake();
  }
}
