package dev.troupe.engine.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A controller: its name (for settings, logs and metrics), the primary kind, the reconciler, the
 * number of workers and the watches that feed its queue. The primary kind is listed again at every
 * resync.
 */
public record ControllerSpec(
    String name,
    String primaryKind,
    Reconciler reconciler,
    int workers,
    List<Watch> watches,
    Duration resync) {

  public ControllerSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(primaryKind, "primaryKind");
    Objects.requireNonNull(reconciler, "reconciler");
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1");
    }
    watches = List.copyOf(watches);
  }

  /** A controller with default workers (4) and resync (10 min). */
  public static ControllerSpec of(
      String name, String primaryKind, Reconciler reconciler, Watch... watches) {
    return new ControllerSpec(
        name, primaryKind, reconciler, 4, List.of(watches), Duration.ofMinutes(10));
  }

  public ControllerSpec withWorkers(int n) {
    return new ControllerSpec(name, primaryKind, reconciler, n, watches, resync);
  }

  public ControllerSpec withResync(Duration period) {
    return new ControllerSpec(name, primaryKind, reconciler, workers, watches, period);
  }
}
