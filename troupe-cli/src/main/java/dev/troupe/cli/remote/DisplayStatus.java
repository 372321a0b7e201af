package dev.troupe.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The display status of a binding (delivery.md §8.4), derived only from its {@code Ready} condition
 * and generation, so the CLI never disagrees with the platform's own summary.
 */
enum DisplayStatus {
  Active,
  InProgress,
  Suspended,
  Undeployed,
  Blocked,
  Failed,
  Committed,
  /** Only for an environment without a binding; a binding that exists never shows this. */
  NotYetDeployed;

  /**
   * The display status of a binding object, as the platform computes it for the Component summary
   * (one table, in {@link dev.troupe.engine.controllers.app.DisplayStatus}). No {@code Ready}
   * condition yet, or one observed at an older generation, is {@code InProgress}.
   */
  static DisplayStatus of(JsonNode binding) {
    return valueOf(dev.troupe.engine.controllers.app.DisplayStatus.of(binding));
  }

  /** The display status for a {@code Ready} status and reason. */
  static DisplayStatus of(String status, String reason) {
    return valueOf(dev.troupe.engine.controllers.app.DisplayStatus.of(true, status, reason, false));
  }
}
