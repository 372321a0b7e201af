package dev.troupe.engine.kube;

import java.util.Objects;

/**
 * A group, version and kind, as {@code status.resources[]} and {@code status.inventory[]} record
 * them ({@code group} is empty for the core API group).
 */
public record Gvk(String group, String version, String kind) {
  public Gvk {
    group = group == null ? "" : group;
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(kind, "kind");
  }

  /** The GVK of {@code apiVersion} ({@code v1}, {@code apps/v1}) and {@code kind}. */
  public static Gvk of(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    return slash < 0
        ? new Gvk("", apiVersion, kind)
        : new Gvk(apiVersion.substring(0, slash), apiVersion.substring(slash + 1), kind);
  }

  /** {@code <group>/<version>}, or the version alone for the core group. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  @Override
  public String toString() {
    return apiVersion() + " " + kind;
  }
}
