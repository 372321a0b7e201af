package dev.troupe.api.kinds.delivery;

import dev.troupe.api.model.Condition;
import dev.troupe.api.model.Owner;
import dev.troupe.api.model.Resource;
import java.util.Optional;

/**
 * What every binding kind has in common (model.md §3.18–§3.21): one component or API in exactly one
 * environment, with a release state and a revision history.
 */
public sealed interface Binding extends Resource permits ComponentBinding, APIBinding {
  String ACTIVE = "Active";
  String SUSPEND = "Suspend";
  String UNDEPLOY = "Undeploy";

  /** {@code spec.owner} (for an APIBinding: copied from its API at admission). */
  Owner owner();

  /** The environment of the binding. */
  String environmentName();

  /** {@code spec.releaseState}, {@code Active} when absent. */
  String releaseState();

  /** {@code spec.revisionHistoryLimit}, the default when absent. */
  int revisionHistoryLimit();

  BindingStatus status();

  /** The Ready condition when it describes the current generation. */
  default Optional<Condition> currentReady() {
    if (status() == null) {
      return Optional.empty();
    }
    Long generation = metadata().generation();
    return status()
        .condition("Ready")
        .filter(
            c ->
                generation == null
                    || c.observedGeneration() == null
                    || generation.equals(c.observedGeneration()));
  }

  /** Whether the binding is {@code Ready=True} at its current generation. */
  default boolean ready() {
    return currentReady().map(Condition::isTrue).orElse(false);
  }

  /** {@code releaseState} with its default applied. */
  static String stateOrDefault(String state) {
    return state == null ? ACTIVE : state;
  }

  /** {@code revisionHistoryLimit} with its default applied. */
  static int limitOrDefault(Integer limit) {
    return limit == null ? DeliverySchemas.DEFAULT_REVISION_HISTORY_LIMIT : limit;
  }
}
