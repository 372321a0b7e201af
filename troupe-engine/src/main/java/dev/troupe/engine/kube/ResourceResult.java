package dev.troupe.engine.kube;

import dev.troupe.render.health.HealthStatus;
import java.util.Objects;

/**
 * What a pass knows of one desired object: an entry of {@code status.resources[]}.
 *
 * @param applied true when the object was applied in this pass
 * @param applyError the redacted reason it failed to apply, or null (not attempted or applied)
 * @param healthStatus the object's health (delivery.md §2.4)
 * @param message health detail, or why it was not applied; never null, never a secret value
 */
public record ResourceResult(
    String id,
    String group,
    String version,
    String kind,
    String namespace,
    String name,
    boolean applied,
    String applyError,
    HealthStatus healthStatus,
    String message) {

  public ResourceResult {
    Objects.requireNonNull(healthStatus, "healthStatus");
    message = message == null ? "" : message;
  }
}
