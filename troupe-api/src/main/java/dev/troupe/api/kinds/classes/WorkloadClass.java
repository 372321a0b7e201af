package dev.troupe.api.kinds.classes;

import dev.troupe.api.kinds.app.EgressRule;
import dev.troupe.api.model.Resource;
import java.util.List;

/** A class of a workload claim kind: ServiceClass, WebApplicationClass or ScheduledTaskClass. */
public sealed interface WorkloadClass extends Resource permits DeploymentClass, ScheduledTaskClass {

  /** The class's egress rules (model.md §2.12.11), empty when none. */
  List<EgressRule> egressOrEmpty();

  ClassStatus status();
}
