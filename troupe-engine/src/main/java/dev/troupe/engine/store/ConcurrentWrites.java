package dev.troupe.engine.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs independent writes at the same time so that the store can make them durable together. A
 * store acknowledges a write only once it is on disk; issued one after another, N writes wait for N
 * disk flushes. Issued together, the {@link SqliteStore}'s single writer takes them into one
 * transaction (group commit) and one flush, while each still succeeds or fails on its own.
 *
 * <p>Only for writes that do not depend on each other (a batch of admitted objects of the same
 * admission order, say): they may reach the store in any order.
 */
public final class ConcurrentWrites {
  private ConcurrentWrites() {}

  /** The outcome of one write: its value, or the exception it threw. */
  public record Outcome<R>(R value, RuntimeException error) {
    /** Whether the write succeeded. */
    public boolean ok() {
      return error == null;
    }
  }

  /**
   * Applies {@code write} to every item, each on its own virtual thread, and returns the outcomes
   * in the order of {@code items}. One item runs on the calling thread.
   */
  public static <T, R> List<Outcome<R>> run(List<T> items, Function<T, R> write) {
    if (items.size() == 1) {
      return List.of(attempt(items.get(0), write));
    }
    List<Outcome<R>> out = new ArrayList<>(items.size());
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Outcome<R>>> futures = new ArrayList<>(items.size());
      for (T item : items) {
        futures.add(threads.submit(() -> attempt(item, write)));
      }
      for (Future<Outcome<R>> f : futures) {
        out.add(join(f));
      }
    }
    return out;
  }

  private static <T, R> Outcome<R> attempt(T item, Function<T, R> write) {
    try {
      return new Outcome<>(write.apply(item), null);
    } catch (RuntimeException e) {
      return new Outcome<>(null, e);
    }
  }

  private static <R> Outcome<R> join(Future<Outcome<R>> f) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return f.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          // attempt() catches RuntimeExceptions; what is left is an Error
          if (e.getCause() instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
