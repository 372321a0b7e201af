package dev.troupe.render.health;

import java.util.Objects;

/**
 * The health of one object and its detail for {@code status.resources[].message}; the message is
 * empty when there is nothing to add, never null, and never contains a secret value.
 */
public record Assessment(HealthStatus status, String message) {
  public Assessment {
    Objects.requireNonNull(status, "status");
    message = message == null ? "" : message;
  }

  static Assessment healthy() {
    return new Assessment(HealthStatus.Healthy, "");
  }

  static Assessment healthy(String message) {
    return new Assessment(HealthStatus.Healthy, message);
  }

  static Assessment progressing(String message) {
    return new Assessment(HealthStatus.Progressing, message);
  }

  static Assessment degraded(String message) {
    return new Assessment(HealthStatus.Degraded, message);
  }

  static Assessment suspended(String message) {
    return new Assessment(HealthStatus.Suspended, message);
  }
}
