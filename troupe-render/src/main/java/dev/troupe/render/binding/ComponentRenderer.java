package dev.troupe.render.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.app.EgressRule;
import dev.troupe.api.kinds.app.Endpoint;
import dev.troupe.api.kinds.app.ServiceApi;
import dev.troupe.api.kinds.classes.APIClass;
import dev.troupe.api.kinds.classes.WorkloadClass;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.api.kinds.delivery.BindingKinds;
import dev.troupe.api.kinds.delivery.BindingStatus;
import dev.troupe.api.kinds.delivery.ComponentBinding;
import dev.troupe.api.kinds.delivery.ServiceBinding;
import dev.troupe.api.model.Condition;
import dev.troupe.render.Blocker;
import dev.troupe.render.Cell;
import dev.troupe.render.RenderOutcome;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.Snapshot;
import dev.troupe.render.config.ConfigPlan;
import dev.troupe.render.config.ConfigPlanner;
import dev.troupe.render.connection.ConnectionPlan;
import dev.troupe.render.connection.ConnectionResolver;
import dev.troupe.render.gateway.ApiGateway;
import dev.troupe.render.gateway.EndpointAccesses;
import dev.troupe.render.gateway.GatewayObjects;
import dev.troupe.render.network.IngressPort;
import dev.troupe.render.network.NetworkInput;
import dev.troupe.render.network.NetworkPlan;
import dev.troupe.render.network.NetworkPolicies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a ServiceBinding, WebApplicationBinding or ScheduledTaskBinding (rendering.md §4.2–§4.4):
 * resolve, check for blockers, build the workload objects, then gateways and network policies, in
 * the Release order of §4.6.
 */
final class ComponentRenderer {
  private final ComponentBinding binding;
  private final Snapshot snapshot;
  private final BindingKinds kind;
  private final Cell cell;
  private final List<Blocker> blockers = new ArrayList<>();
  private final List<Condition> warnings = new ArrayList<>();

  private ComponentRenderer(ComponentBinding binding, Snapshot snapshot) {
    this.binding = binding;
    this.snapshot = snapshot;
    this.kind = BindingKinds.ofBinding(binding.getClass());
    this.cell =
        new Cell(
            binding.namespace(),
            binding.owner().projectName(),
            binding.environmentName(),
            binding.owner().componentName());
  }

  static RenderOutcome render(ComponentBinding binding, Snapshot snapshot) {
    return new ComponentRenderer(binding, snapshot).render();
  }

  private RenderOutcome render() {
    Platform platform;
    switch (Platform.resolve(binding.environmentName(), snapshot)) {
      case Platform.Missing m -> {
        return blocked(List.of(m.blocker()), List.of(), null);
      }
      case Platform.Found f -> platform = f.platform();
    }
    List<BindingStatus.EndpointStatus> endpoints =
        kind == BindingKinds.SCHEDULED_TASK
            ? List.of()
            : EndpointAccesses.of(binding, platform.gateway(), snapshot);
    Warnings.exposure(apis()).ifPresent(warnings::add);
    if (Binding.UNDEPLOY.equals(binding.releaseState())) {
      return new RenderOutcome.Rendered(
          List.of(), endpoints, List.of(), warnings, List.of(), List.of());
    }
    Optional<WorkloadClass> workloadClass = workloadClass();
    checkApiClasses();
    ConnectionPlan connections =
        ConnectionResolver.resolve(binding, snapshot, cell, platform.gateway());
    blockers.addAll(connections.blockers());
    ConfigPlan config = ConfigPlanner.plan(binding, snapshot, platform.dataPlane(), cell);
    blockers.addAll(config.blockers());
    checkWebHost(platform);
    if (!blockers.isEmpty() || workloadClass.isEmpty()) {
      return blocked(blockers, endpoints, connections);
    }
    WorkloadObjects workload =
        WorkloadObjects.build(
            binding, workloadClass.get(), config, connections, cell, platform.dataPlane());
    workload.blocker().ifPresent(blockers::add);
    GatewayObjects gateway = gatewayObjects(platform, workload);
    if (gateway != null) {
      blockers.addAll(gateway.blockers());
    }
    if (!blockers.isEmpty()) {
      return blocked(blockers, endpoints, connections);
    }
    NetworkPlan network =
        NetworkPolicies.render(
            new NetworkInput(
                binding.name(),
                cell,
                true,
                platform.dataPlane(),
                platform.gateway(),
                ingressPorts(gateway, workload, "Public"),
                ingressPorts(gateway, workload, "Organization"),
                Connections.peers(connections),
                connections.crossProject(),
                egress(workloadClass.get())));
    warnings.addAll(network.warnings());
    List<RenderedObject> resources = new ArrayList<>(network.policies());
    resources.addAll(config.objects());
    resources.addAll(workload.objects());
    if (gateway != null) {
      resources.addAll(gateway.routes());
      resources.addAll(gateway.securityPolicies());
      resources.addAll(gateway.trafficPolicies());
    }
    return new RenderOutcome.Rendered(
        resources,
        endpoints,
        connections.statuses(),
        warnings,
        connections.dependencies(),
        config.shadowed());
  }

  private RenderOutcome blocked(
      List<Blocker> found, List<BindingStatus.EndpointStatus> endpoints, ConnectionPlan plan) {
    return new RenderOutcome.Blocked(
        Blockers.ordered(found),
        endpoints,
        plan == null ? List.of() : plan.statuses(),
        warnings,
        plan == null ? List.of() : plan.dependencies());
  }

  private Map<String, ServiceApi> apis() {
    return binding instanceof ServiceBinding sb && sb.spec() != null
        ? sb.spec().apisOrEmpty()
        : Map.of();
  }

  private Optional<WorkloadClass> workloadClass() {
    String classKind = kind.classType().getSimpleName();
    Optional<WorkloadClass> found =
        snapshot
            .find(kind.classType(), binding.className())
            .filter(WorkloadClass.class::isInstance)
            .map(WorkloadClass.class::cast);
    if (found.isEmpty()) {
      blockers.add(
          new Blocker(
              classKind + "NotFound", classKind + " \"" + binding.className() + "\" not found"));
    }
    return found;
  }

  private void checkApiClasses() {
    for (Map.Entry<String, ServiceApi> api : apis().entrySet()) {
      String className = api.getValue().className();
      if (snapshot.find(APIClass.class, className).isEmpty()) {
        blockers.add(
            new Blocker(
                Blocker.API_CLASS_NOT_FOUND,
                "APIClass \"" + className + "\" not found for API \"" + api.getKey() + "\""));
        return; // the first missing class in API document order
      }
    }
  }

  private void checkWebHost(Platform platform) {
    if (kind != BindingKinds.WEB_APPLICATION || httpEndpoint().isEmpty()) {
      return;
    }
    String label = cell.component() + "-" + platform.gateway().dnsPrefix();
    String host = platform.gateway().webApplicationHost(cell.component());
    if (label.length() > 63 || dev.troupe.api.format.Formats.HOSTNAME.check(host).isPresent()) {
      blockers.add(Blocker.invalid("generated hostname \"" + host + "\" is invalid"));
    }
  }

  private Optional<Map.Entry<String, Endpoint>> httpEndpoint() {
    return binding.workloadSpec().endpointsOrEmpty().entrySet().stream()
        .filter(e -> "HTTP".equals(e.getValue().type()))
        .findFirst();
  }

  private GatewayObjects gatewayObjects(Platform platform, WorkloadObjects workload) {
    String service = workload.serviceName();
    return switch (kind) {
      case SERVICE ->
          ApiGateway.render(
              binding.name(),
              apis(),
              name -> snapshot.find(APIClass.class, name),
              cell,
              platform.gateway(),
              platform.environment(),
              service);
      case WEB_APPLICATION ->
          httpEndpoint()
              .flatMap(
                  e ->
                      ApiGateway.webRoute(
                          binding.name(),
                          e.getKey(),
                          e.getValue().port(),
                          cell,
                          platform.gateway(),
                          service))
              .map(
                  route ->
                      new GatewayObjects(
                          List.of(route), List.of(), List.of(), List.of(), List.of()))
              .orElse(null);
      case SCHEDULED_TASK -> null;
    };
  }

  private List<IngressPort> ingressPorts(
      GatewayObjects gateway, WorkloadObjects workload, String level) {
    List<IngressPort> ports = new ArrayList<>();
    if (kind == BindingKinds.WEB_APPLICATION) {
      if (level.equals("Public")) {
        httpEndpoint()
            .ifPresent(e -> ports.add(port(workload.targetPort(e.getValue().port()), "TCP")));
      }
      return ports;
    }
    if (gateway != null) {
      gateway.exposures().stream()
          .filter(x -> x.level().equals(level))
          .forEach(x -> ports.add(port(workload.targetPort(x.backendPort()), "TCP")));
    }
    return ports;
  }

  private static IngressPort port(JsonNode port, String protocol) {
    return new IngressPort(port, protocol);
  }

  private List<EgressRule> egress(WorkloadClass workloadClass) {
    List<EgressRule> out = new ArrayList<>(binding.workloadSpec().egressOrEmpty());
    out.addAll(workloadClass.egressOrEmpty());
    return out;
  }

  /** A copy of a class template (null when absent: the empty object). */
  static ObjectNode copy(ObjectNode template) {
    return template == null
        ? dev.troupe.render.Trees.object()
        : dev.troupe.render.Trees.copy(template);
  }
}
