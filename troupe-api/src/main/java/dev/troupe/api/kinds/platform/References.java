package dev.troupe.api.kinds.platform;

import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.model.Resource;
import java.util.Set;

/**
 * Reference checks (model.md §2.8): "Always" and "Batch" references are checked on create, and on
 * update only when the referencing field changes.
 */
final class References {
  private References() {}

  /**
   * Checks the Batch reference at {@code path} unless this is an update whose stored version
   * already referenced {@code name} ({@code before} holds the names the stored version referenced
   * through the same field).
   */
  static <T extends Resource> void batch(
      AdmissionContext ctx, String path, Class<T> type, String name, Set<String> before) {
    if (name == null) {
      return;
    }
    if (ctx.operation() == AdmissionContext.Operation.UPDATE && before.contains(name)) {
      return;
    }
    ctx.reference(path, type, name);
  }
}
