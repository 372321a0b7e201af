package dev.troupe.engine.gitops;

/**
 * {@code DataPlane spec.cellNamespaceDeletion}: whether removing the last Release of a cell also
 * removes its {@code namespace.yaml} and project directory (delivery.md §2.7 "Deletion").
 */
public enum CellNamespaceDeletion {
  DELETE,
  RETAIN;

  /** {@code Delete} (the default, also for null) or {@code Retain}. */
  public static CellNamespaceDeletion of(String value) {
    if (value == null || value.isBlank() || value.equals("Delete")) {
      return DELETE;
    }
    if (value.equals("Retain")) {
      return RETAIN;
    }
    throw new IllegalArgumentException("cellNamespaceDeletion must be Delete or Retain: " + value);
  }
}
