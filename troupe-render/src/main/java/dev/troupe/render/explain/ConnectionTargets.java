package dev.troupe.render.explain;

import dev.troupe.api.kinds.app.Connection;
import dev.troupe.api.kinds.app.Endpoint;
import dev.troupe.api.kinds.app.WorkloadTemplate;
import dev.troupe.api.kinds.delivery.ComponentBinding;
import dev.troupe.api.kinds.delivery.ServiceBinding;
import dev.troupe.api.kinds.delivery.WebApplicationBinding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The connections of a binding with their targets (rendering.md §6.2), sorted by name in code-point
 * order as the renderer injects them (§6.4).
 */
final class ConnectionTargets {
  private ConnectionTargets() {}

  /** One connection and what it points at; {@code binding} is empty when the target is missing. */
  record Target(
      String name,
      Connection connection,
      String project,
      String component,
      String endpointName,
      boolean sameProject,
      Optional<ComponentBinding> binding) {

    /** The target endpoint, when the target binding has it. */
    Optional<Endpoint> endpoint() {
      return binding
          .map(ComponentBinding::workloadSpec)
          .map(w -> w.endpointsOrEmpty().get(endpointName));
    }

    /** {@code connection "n" → ServiceBinding "t" endpoint "e" (project access)}. */
    String describe() {
      String target =
          binding
              .map(b -> b.kind() + " \"" + b.name() + "\"")
              .orElse("component \"" + component + "\" of project \"" + project + "\"");
      return "connection \""
          + name
          + "\" → "
          + target
          + " endpoint \""
          + endpointName
          + "\" ("
          + (sameProject ? "project" : "organization")
          + " access)";
    }
  }

  static List<Target> of(Context ctx) {
    WorkloadTemplate w = ctx.workload();
    if (w == null) {
      return List.of();
    }
    List<Target> out = new ArrayList<>();
    for (Map.Entry<String, Connection> e : w.connectionsOrEmpty().entrySet()) {
      Connection c = e.getValue();
      String tp = c.projectName(ctx.cell().project());
      String tc = c.componentName() == null ? "" : c.componentName();
      String te = c.endpoint() == null ? "" : c.endpoint();
      out.add(
          new Target(
              e.getKey(), c, tp, tc, te, tp.equals(ctx.cell().project()), binding(ctx, tp, tc)));
    }
    out.sort(
        (a, b) -> Arrays.compare(a.name().codePoints().toArray(), b.name().codePoints().toArray()));
    return out;
  }

  private static Optional<ComponentBinding> binding(Context ctx, String tp, String tc) {
    return Stream.concat(
            ctx.snapshot().list(ServiceBinding.class).stream(),
            ctx.snapshot().list(WebApplicationBinding.class).stream())
        .map(ComponentBinding.class::cast)
        .filter(b -> b.owner() != null)
        .filter(b -> tp.equals(b.owner().projectName()) && tc.equals(b.owner().componentName()))
        .filter(b -> Objects.equals(ctx.environmentName(), b.environmentName()))
        .findFirst();
  }
}
