package dev.troupe.api.kinds.app;

import dev.troupe.api.model.Owner;
import dev.troupe.api.model.Resource;
import java.util.Map;

/**
 * What the three component claims (Service, WebApplication, ScheduledTask) have in common (model.md
 * §3.10–§3.12): the owner, the Workload and the class.
 */
public sealed interface Claim extends Resource permits Service, WebApplication, ScheduledTask {

  /** {@code spec.owner}. */
  Owner owner();

  /** {@code spec.workloadName}. */
  String workloadName();

  /** {@code spec.className}. */
  String className();

  /** {@code spec.overrides} (reserved, no effect). */
  Map<String, Boolean> overrides();

  /** {@code status}. */
  ClaimStatus status();

  /** The component type this claim kind requires, which is also the claim's kind name. */
  String componentType();
}
