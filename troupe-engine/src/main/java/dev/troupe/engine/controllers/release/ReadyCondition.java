package dev.troupe.engine.controllers.release;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.runtime.Conditions;
import java.util.ArrayList;
import java.util.List;

/**
 * The Release's {@code Ready} condition (delivery.md §2.1): True when every desired object is
 * Healthy or Suspended ({@code ResourcesHealthy}); Unknown when health cannot be observed ({@code
 * HealthNotObservable}); otherwise False, {@code ResourceHealthDegraded} when any object is
 * Degraded, else {@code ResourceHealthProgressing}. A pass that did not apply carries the {@code
 * Applied} reason.
 */
final class ReadyCondition {
  private ReadyCondition() {}

  static ObjectNode of(ModeApplier.ApplyOutcome outcome, long generation) {
    ModeApplier.Applied applied = outcome.applied();
    if (!applied.ok()) {
      return Conditions.of("Ready", "False", applied.reason(), applied.message(), generation);
    }
    if (!outcome.healthObservable()) {
      return Conditions.of(
          "Ready", "Unknown", "HealthNotObservable", outcome.healthMessage(), generation);
    }
    int n = outcome.resources().size();
    int healthy = 0;
    int suspended = 0;
    int degraded = 0;
    int progressing = 0;
    for (ModeApplier.ResourceState r : outcome.resources()) {
      switch (r.health()) {
        case Healthy -> healthy++;
        case Suspended -> suspended++;
        case Degraded -> degraded++;
        case Progressing, Unknown -> progressing++;
      }
    }
    if (healthy + suspended == n) {
      String message =
          n == 0 ? "No resources to deploy" : "All " + n + " resources are deployed and healthy";
      return Conditions.of("Ready", "True", "ResourcesHealthy", message, generation);
    }
    List<String> parts = new ArrayList<>();
    part(parts, progressing, n, "progressing");
    part(parts, degraded, n, "degraded");
    part(parts, healthy, n, "healthy");
    part(parts, suspended, n, "suspended");
    String message = "Resources status: " + String.join(", ", parts);
    return Conditions.of(
        "Ready",
        "False",
        degraded > 0 ? "ResourceHealthDegraded" : "ResourceHealthProgressing",
        message,
        generation);
  }

  private static void part(List<String> parts, int count, int n, String what) {
    if (count > 0) {
      parts.add(count + "/" + n + " " + what);
    }
  }
}
