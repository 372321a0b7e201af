package dev.troupe.cli.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Re-sends a request that the server answered with 409 {@code CONFLICT} (another writer won a race
 * for the same object): at most {@link #MAX_ATTEMPTS} attempts, with a short, jittered, growing
 * pause between them so concurrent clients do not collide again. Other errors, including {@code
 * ALREADY_EXISTS} and {@code ARTIFACT_IN_USE}, are not retried.
 */
public final class ConflictRetry {
  /** Attempts in all, the first included. */
  public static final int MAX_ATTEMPTS = 5;

  private static final long BASE_MILLIS = 100;

  /** Called before each re-send with the attempt about to be made (2..) and the conflict. */
  @FunctionalInterface
  public interface Listener {
    void retrying(int attempt, ApiException conflict);
  }

  /** Waits between attempts. */
  @FunctionalInterface
  public interface Pause {
    void pause(Duration d);

    /** Parks the calling thread (no busy wait, no interrupt handling needed). */
    Pause PARK = d -> LockSupport.parkNanos(d.toNanos());
  }

  private ConflictRetry() {}

  /** Runs {@code call}, re-running it on a conflict, and returns its first success. */
  public static <T> T run(Supplier<T> call, Listener listener, Pause pause) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (ApiException e) {
        if (!isConflict(e) || attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        listener.retrying(attempt + 1, e);
        pause.pause(delay(attempt));
      }
    }
  }

  /** True for 409 with code CONFLICT (a stale write), the only retryable refusal. */
  public static boolean isConflict(ApiException e) {
    return e.is(409, "CONFLICT");
  }

  /** Between 50% and 100% of 100 ms × 2^(attempt-1). */
  static Duration delay(int attempt) {
    long max = BASE_MILLIS << Math.min(attempt - 1, 6);
    return Duration.ofMillis(max / 2 + ThreadLocalRandom.current().nextLong(max / 2 + 1));
  }
}
