package dev.troupe.render.connection;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.app.Connection;
import dev.troupe.api.kinds.app.RestApi;
import dev.troupe.api.kinds.delivery.BindingStatus.ConnectionStatus;
import dev.troupe.api.kinds.delivery.BindingStatus.EndpointAccess;
import dev.troupe.api.kinds.delivery.BindingStatus.Target;
import dev.troupe.api.kinds.delivery.ComponentBinding;
import dev.troupe.render.Blocker;
import dev.troupe.render.Cell;
import dev.troupe.render.GatewaySettings;
import dev.troupe.render.Snapshot;
import dev.troupe.render.Trees;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves every connection of a Service, WebApplication or ScheduledTask binding (rendering.md
 * §6.2): all connections are evaluated, none stops the others.
 */
public final class ConnectionResolver {
  /** Code-point order of connection names (§6.4). */
  static final Comparator<String> CODE_POINTS =
      (a, b) -> java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());

  private ConnectionResolver() {}

  /**
   * §6.2 for every connection of {@code binding}, whose cell is {@code cell} (organization =
   * snapshot namespace, project, environment); {@code gateway} is the settings of that environment,
   * which its targets share.
   */
  public static ConnectionPlan resolve(
      ComponentBinding binding, Snapshot snapshot, Cell cell, GatewaySettings gateway) {
    Map<String, Connection> connections =
        binding.workloadSpec() == null ? Map.of() : binding.workloadSpec().connectionsOrEmpty();
    TargetLookup lookup = new TargetLookup(snapshot, gateway, cell.project(), cell.environment());
    Map<String, Resolution> resolutions = new LinkedHashMap<>();
    List<ConnectionStatus> statuses = new ArrayList<>();
    List<Dependency> dependencies = new ArrayList<>();
    connections.forEach(
        (name, c) -> {
          String tp = c.projectName(cell.project());
          String tc = c.componentName() == null ? "" : c.componentName();
          String te = c.endpoint() == null ? "" : c.endpoint();
          Resolution r = lookup.resolve(tp, tc, te);
          resolutions.put(name, r);
          statuses.add(status(name, new Target(tp, tc, te), tp.equals(cell.project()), r));
          dependencies.add(new Dependency(cell.organization(), tp, tc, cell.environment()));
        });
    List<String> byName = resolutions.keySet().stream().sorted(CODE_POINTS).toList();
    List<Blocker> blockers = new ArrayList<>();
    pendingBlocker(byName, resolutions).ifPresent(blockers::add);
    ArrayNode env = Trees.array();
    List<InCellTarget> inCell = new ArrayList<>();
    boolean cross = false;
    for (String name : byName) {
      Resolution r = resolutions.get(name);
      inject(name, connections.get(name), r, env, blockers);
      if (r instanceof Resolution.Resolved ok) {
        if (connections.get(name).projectName(cell.project()).equals(cell.project())) {
          inCell.add(inCellTarget(name, ok, cell));
        } else {
          cross = true;
        }
      }
    }
    return new ConnectionPlan(statuses, blockers, env, inCell, cross, dependencies);
  }

  /**
   * Renders the connection's {@code inject.env} in order into {@code env} (resolved connections
   * only; an empty value is written as {@code {name}}); every template error of any connection
   * becomes an {@code InvalidConfiguration} blocker.
   */
  private static void inject(
      String name, Connection c, Resolution r, ArrayNode env, List<Blocker> blockers) {
    Map<String, String> vars =
        r instanceof Resolution.Resolved ok ? variables(ok.address()) : Map.of();
    for (Connection.InjectedEnv var : c.injectedEnv()) {
      try {
        String value =
            ConnectionTemplates.render(
                name, var.name(), var.value() == null ? "" : var.value(), vars);
        if (r instanceof Resolution.Resolved) {
          ObjectNode e = env.addObject();
          e.put("name", var.name());
          Trees.putIfPresent(e, "value", value);
        }
      } catch (TemplateException ex) {
        blockers.add(Blocker.invalid(ex.getMessage()));
      }
    }
  }

  private static ConnectionStatus status(
      String name, Target target, boolean sameProject, Resolution r) {
    String level = sameProject ? RestApi.PROJECT : RestApi.ORGANIZATION;
    return switch (r) {
      case Resolution.Resolved ok ->
          new ConnectionStatus(
              name, target, level, ConnectionStatus.RESOLVED, ok.address(), null, null);
      case Resolution.Pending p ->
          new ConnectionStatus(
              name, target, level, ConnectionStatus.PENDING, null, p.reason(), p.detail());
    };
  }

  /** {@code pending: <name> (<reason>: <detail>); …} in connection-name order. */
  private static Optional<Blocker> pendingBlocker(
      List<String> byName, Map<String, Resolution> resolutions) {
    List<String> items = new ArrayList<>();
    for (String name : byName) {
      if (resolutions.get(name) instanceof Resolution.Pending p) {
        items.add(name + " (" + p.reason() + ": " + p.detail() + ")");
      }
    }
    return items.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new Blocker(Blocker.CONNECTIONS_PENDING, "pending: " + String.join("; ", items)));
  }

  /** The template variables of an address (§6.2). */
  static Map<String, String> variables(EndpointAccess a) {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("host", a.host());
    vars.put("port", String.valueOf(a.port()));
    vars.put("scheme", a.scheme() == null ? "" : a.scheme());
    vars.put("basePath", a.basePath() == null ? "" : a.basePath());
    vars.put("uri", a.uri());
    vars.put("url", a.uri());
    return vars;
  }

  private static InCellTarget inCellTarget(String name, Resolution.Resolved ok, Cell cell) {
    return new InCellTarget(
        name,
        ok.target().name(),
        cell.withComponent(ok.target().owner().componentName()),
        ok.endpoint().port() == null ? 0 : ok.endpoint().port(),
        ok.endpoint().transport());
  }
}
