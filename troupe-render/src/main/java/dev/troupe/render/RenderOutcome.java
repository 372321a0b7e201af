package dev.troupe.render;

import dev.troupe.api.kinds.delivery.BindingStatus;
import dev.troupe.api.model.Condition;
import dev.troupe.render.connection.Dependency;
import java.util.List;

/**
 * What rendering one binding gives (rendering.md §0.1): the Release's resources, or the blockers
 * that stop it. Both carry the computed {@code status.endpoints} and {@code status.connections},
 * the warning conditions and the dependencies the controller must watch.
 */
public sealed interface RenderOutcome {
  List<BindingStatus.EndpointStatus> endpoints();

  List<BindingStatus.ConnectionStatus> connections();

  List<Condition> warnings();

  List<Dependency> dependencies();

  /** The ordered resources of the binding's Release (empty for Suspend APIBindings, Undeploy). */
  record Rendered(
      List<RenderedObject> resources,
      List<BindingStatus.EndpointStatus> endpoints,
      List<BindingStatus.ConnectionStatus> connections,
      List<Condition> warnings,
      List<Dependency> dependencies,
      List<String> shadowedExpansions)
      implements RenderOutcome {
    public Rendered {
      resources = List.copyOf(resources);
      endpoints = List.copyOf(endpoints);
      connections = List.copyOf(connections);
      warnings = List.copyOf(warnings);
      dependencies = List.copyOf(dependencies);
      shadowedExpansions = List.copyOf(shadowedExpansions);
    }
  }

  /** Rendering stopped; the previous Release stays as it was (rendering.md §9.2). */
  record Blocked(
      List<Blocker> blockers,
      List<BindingStatus.EndpointStatus> endpoints,
      List<BindingStatus.ConnectionStatus> connections,
      List<Condition> warnings,
      List<Dependency> dependencies)
      implements RenderOutcome {
    public Blocked {
      blockers = List.copyOf(blockers);
      endpoints = List.copyOf(endpoints);
      connections = List.copyOf(connections);
      warnings = List.copyOf(warnings);
      dependencies = List.copyOf(dependencies);
    }
  }
}
