package dev.troupe.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

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

  private static final Set<String> IN_PROGRESS =
      Set.of("ResourceHealthProgressing", "ReleasePending");
  private static final Set<String> BLOCKED = Set.of("ConnectionsPending", "NamespaceTerminating");

  /**
   * The display status of a binding object.
   *
   * <p>No {@code Ready} condition yet, or one observed at an older generation, is {@code
   * InProgress} (the binding is being reconciled). A {@code False} reason this table does not know
   * is {@code Failed} and an {@code Unknown} one is {@code InProgress}: never {@code
   * NotYetDeployed}, which hid failures in OpenChoreo.
   */
  static DisplayStatus of(JsonNode binding) {
    JsonNode ready = Conditions.find(binding, "Ready");
    if (ready == null) {
      return InProgress;
    }
    JsonNode observed = ready.get("observedGeneration");
    JsonNode generation = binding.path("metadata").get("generation");
    if (observed != null
        && generation != null
        && observed.canConvertToLong()
        && observed.asLong() < generation.asLong()) {
      return InProgress;
    }
    return of(ready.path("status").asText(""), ready.path("reason").asText(""));
  }

  /** The display status for a {@code Ready} status and reason. */
  static DisplayStatus of(String status, String reason) {
    return switch (status) {
      case "True" -> Active;
      case "Unknown" -> "HealthNotObservable".equals(reason) ? Committed : InProgress;
      case "False" -> forFalse(reason);
      default -> InProgress;
    };
  }

  private static DisplayStatus forFalse(String reason) {
    if (IN_PROGRESS.contains(reason)) {
      return InProgress;
    }
    if (reason.equals("ResourcesSuspended")) {
      return Suspended;
    }
    if (reason.equals("ResourcesUndeployed")) {
      return Undeployed;
    }
    if (reason.endsWith("NotFound") || BLOCKED.contains(reason)) {
      return Blocked;
    }
    // The known failure reasons (FAILED, Release*Failed) and any reason this table does not know.
    return Failed;
  }
}
