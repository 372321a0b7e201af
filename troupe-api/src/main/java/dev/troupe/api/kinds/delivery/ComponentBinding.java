package dev.troupe.api.kinds.delivery;

import dev.troupe.api.kinds.app.WorkloadTemplate;
import java.util.Map;

/**
 * A Service, WebApplication or ScheduledTask binding (model.md §3.18–§3.20): the snapshot of the
 * Workload, its DeployableArtifact and the class for one component in one environment.
 */
public sealed interface ComponentBinding extends Binding
    permits ServiceBinding, WebApplicationBinding, ScheduledTaskBinding {

  /** {@code spec.className}. */
  String className();

  /** {@code spec.workloadSpec}. */
  WorkloadTemplate workloadSpec();

  /** {@code spec.deployableArtifactRef} (set by admission). */
  String deployableArtifactRef();

  /** {@code spec.overrides} (reserved; null for ServiceBinding). */
  Map<String, Boolean> overrides();

  /** The component type (and claim kind) of this binding kind. */
  default String componentType() {
    return BindingKinds.ofBinding(getClass()).componentType();
  }
}
