package dev.troupe.render.connection;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.troupe.api.kinds.delivery.BindingStatus;
import dev.troupe.render.Blocker;
import java.util.List;

/**
 * The outcome of resolving every connection of a binding (rendering.md §6.2).
 *
 * @param statuses {@code status.connections}, in document order
 * @param blockers {@code ConnectionsPending} (one, pending connections in name order), then one
 *     {@code InvalidConfiguration} per template error
 * @param injectedEnv the main container's connection variables {@code {name, value}}: connections
 *     sorted by name (code points), each {@code inject.env} in order; resolved connections only
 * @param inCellTargets resolved same-project connections, sorted by connection name
 * @param crossProject true when at least one cross-project connection resolved
 * @param dependencies one {@code (O, TP, TC, E)} per connection, in document order
 */
public record ConnectionPlan(
    List<BindingStatus.ConnectionStatus> statuses,
    List<Blocker> blockers,
    ArrayNode injectedEnv,
    List<InCellTarget> inCellTargets,
    boolean crossProject,
    List<Dependency> dependencies) {

  public ConnectionPlan {
    statuses = List.copyOf(statuses);
    blockers = List.copyOf(blockers);
    inCellTargets = List.copyOf(inCellTargets);
    dependencies = List.copyOf(dependencies);
  }

  /** True when rendering must stop. */
  public boolean blocked() {
    return !blockers.isEmpty();
  }
}
