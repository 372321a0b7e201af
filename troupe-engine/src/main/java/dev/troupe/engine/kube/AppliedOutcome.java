package dev.troupe.engine.kube;

import java.util.Objects;

/**
 * The {@code Applied} condition a pass yields: status True only with reason {@link
 * AppliedReason#Applied}. The message is redacted and names objects and Releases, never values.
 */
public record AppliedOutcome(boolean applied, AppliedReason reason, String message) {
  public AppliedOutcome {
    Objects.requireNonNull(reason, "reason");
    message = message == null ? "" : message;
  }

  static AppliedOutcome success(String message) {
    return new AppliedOutcome(true, AppliedReason.Applied, message);
  }

  static AppliedOutcome failure(AppliedReason reason, String message) {
    return new AppliedOutcome(false, reason, Redaction.redact(message));
  }
}
