package dev.troupe.engine.kube;

/** The reasons of the {@code Applied} condition that kubernetes mode sets (delivery.md §2.1). */
public enum AppliedReason {
  Applied,
  ApplyFailed,
  ResourceConflict,
  NamespaceTerminating,
  DataPlaneUnreachable;

  /** True when the controller should retry soon (a transient state of the DataPlane). */
  public boolean transientFailure() {
    return this == NamespaceTerminating || this == DataPlaneUnreachable;
  }
}
