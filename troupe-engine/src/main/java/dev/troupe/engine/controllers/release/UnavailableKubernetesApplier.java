package dev.troupe.engine.controllers.release;

import dev.troupe.api.kinds.platform.DataPlane;

/**
 * The {@code kubernetes} slot of {@link ReleaseAppliers} until a real Kubernetes applier is plugged
 * in: every apply reports {@code Applied=False DataPlaneUnreachable} ("kubernetes release mode
 * needs a reachable cluster: …", a transient failure retried with back-off), cleanup fails the same
 * way (the Release finalizer then orphans at its bound), and health is not observable.
 */
public final class UnavailableKubernetesApplier implements ModeApplier {
  static final String PREFIX = "kubernetes release mode needs a reachable cluster: ";

  @Override
  public ApplyOutcome apply(ApplyRequest request) {
    return ApplyOutcome.failed(
        request, "DataPlaneUnreachable", PREFIX + reason(request.dataPlane()), true);
  }

  @Override
  public CleanupOutcome cleanup(CleanupRequest request) {
    return new CleanupOutcome.Failed(PREFIX + reason(request.dataPlane()), request.inventory());
  }

  @Override
  public HealthOutcome health(HealthRequest request) {
    return HealthOutcome.notObservable(request, PREFIX + reason(request.dataPlane()));
  }

  private static String reason(DataPlane dataPlane) {
    if (dataPlane.spec() == null || dataPlane.spec().kubernetesCluster() == null) {
      return "DataPlane " + dataPlane.name() + " has no spec.kubernetesCluster";
    }
    return "this control plane has no Kubernetes client for DataPlane " + dataPlane.name();
  }
}
