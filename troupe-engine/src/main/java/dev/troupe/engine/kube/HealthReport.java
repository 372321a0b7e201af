package dev.troupe.engine.kube;

import java.util.List;

/**
 * Live health of a Release's desired objects, in spec order ({@code applied} is false and {@code
 * applyError} null in every entry: observing applies nothing).
 *
 * @param unreachable true when the DataPlane could not be read; every status is then Unknown
 */
public record HealthReport(List<ResourceResult> resources, boolean unreachable) {
  public HealthReport {
    resources = List.copyOf(resources);
  }
}
