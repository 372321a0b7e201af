package dev.troupe.engine.controllers.release;

/**
 * A transient failure recorded in the Release status: thrown after the status write so the runtime
 * retries the Release with exponential back-off (delivery.md §1.1 rule 5). The message is already
 * redacted.
 */
final class ReleaseRetry extends RuntimeException {
  ReleaseRetry(String message) {
    super(message, null, false, false);
  }
}
