package dev.troupe.render.binding;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.app.API;
import dev.troupe.api.kinds.app.RestApi;
import dev.troupe.api.kinds.app.ServiceApi;
import dev.troupe.api.kinds.classes.APIClass;
import dev.troupe.api.kinds.classes.DeploymentClass;
import dev.troupe.api.kinds.delivery.APIBinding;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.api.kinds.delivery.BindingStatus;
import dev.troupe.api.kinds.delivery.ComponentBinding;
import dev.troupe.api.kinds.delivery.ServiceBinding;
import dev.troupe.api.model.Owner;
import dev.troupe.api.names.K8sNames;
import dev.troupe.render.Blocker;
import dev.troupe.render.Cell;
import dev.troupe.render.RenderOutcome;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.Snapshot;
import dev.troupe.render.gateway.ApiGateway;
import dev.troupe.render.gateway.EndpointAccesses;
import dev.troupe.render.gateway.Exposure;
import dev.troupe.render.gateway.GatewayObjects;
import dev.troupe.render.network.IngressPort;
import dev.troupe.render.network.NetworkInput;
import dev.troupe.render.network.NetworkPlan;
import dev.troupe.render.network.NetworkPolicies;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders an APIBinding (rendering.md §4.5): the gateway objects of one managed API with the
 * APIBinding's own APIClass, in front of the owner component's binding in the same environment.
 */
final class ApiBindingRenderer {
  private ApiBindingRenderer() {}

  static RenderOutcome render(APIBinding b, Snapshot snapshot) {
    String env = b.environmentName();
    Platform platform;
    switch (Platform.resolve(env, snapshot)) {
      case Platform.Missing m -> {
        return blocked(List.of(m.blocker()), List.of());
      }
      case Platform.Found f -> platform = f.platform();
    }
    String apiName = b.spec().apiName();
    Optional<API> live = snapshot.find(API.class, apiName);
    RestApi rest =
        b.spec().apiSpec() != null
            ? b.spec().apiSpec().rest()
            : live.map(a -> a.spec().rest()).orElse(null);
    Owner owner = b.owner() != null ? b.owner() : live.map(a -> a.spec().owner()).orElse(null);
    if (rest == null || owner == null) {
      return blocked(
          List.of(new Blocker(Blocker.API_NOT_FOUND, "API \"" + apiName + "\" not found")),
          List.of());
    }
    List<Blocker> blockers = new ArrayList<>();
    String className = b.spec().apiClassName();
    if (snapshot.find(APIClass.class, className).isEmpty()) {
      blockers.add(
          new Blocker(
              Blocker.API_CLASS_NOT_FOUND,
              "APIClass \"" + className + "\" not found for API \"" + apiName + "\""));
    }
    Optional<ComponentBinding> backend = backend(snapshot, owner, env);
    if (backend.isEmpty()) {
      blockers.add(
          new Blocker(
              Blocker.BACKEND_NOT_FOUND,
              "component \""
                  + owner.componentName()
                  + "\" of project \""
                  + owner.projectName()
                  + "\" has no binding in environment \""
                  + env
                  + "\""));
    }
    if (!blockers.isEmpty()) {
      return blocked(blockers, List.of());
    }
    Cell cell = new Cell(b.namespace(), owner.projectName(), env, owner.componentName());
    List<BindingStatus.EndpointStatus> endpoints =
        List.of(
            EndpointAccesses.ofApi(
                apiName,
                rest,
                backend.get(),
                platform.gateway(),
                owner.projectName(),
                owner.componentName()));
    if (!Binding.ACTIVE.equals(b.releaseState())) {
      // Suspend: zero resources, routes withdrawn; Undeploy: the Release is deleted.
      return new RenderOutcome.Rendered(
          List.of(), endpoints, List.of(), List.of(), List.of(), List.of());
    }
    Map<String, ServiceApi> apis = new LinkedHashMap<>();
    apis.put(apiName, new ServiceApi(className, "REST", rest));
    String backendService = K8sNames.generateWithLengthLimit(63, backend.get().name());
    GatewayObjects gateway =
        ApiGateway.render(
            b.name(),
            apis,
            name -> snapshot.find(APIClass.class, name),
            cell,
            platform.gateway(),
            platform.environment(),
            backendService);
    if (!gateway.blockers().isEmpty()) {
      return blocked(gateway.blockers(), endpoints);
    }
    ObjectNode backendSpec = backendServiceSpec(snapshot, backend.get(), cell);
    NetworkPlan network =
        NetworkPolicies.render(
            new NetworkInput(
                b.name(),
                cell,
                false,
                platform.dataPlane(),
                platform.gateway(),
                ports(gateway.exposures(), "Public", backendSpec),
                ports(gateway.exposures(), "Organization", backendSpec),
                List.of(),
                false,
                List.of()));
    List<RenderedObject> resources = new ArrayList<>(network.policies());
    resources.addAll(gateway.routes());
    resources.addAll(gateway.securityPolicies());
    resources.addAll(gateway.trafficPolicies());
    return new RenderOutcome.Rendered(
        resources,
        endpoints,
        List.of(),
        Warnings.exposure(apis).stream().toList(),
        List.of(),
        List.of());
  }

  /** The ServiceBinding or WebApplicationBinding of the owner component (smallest name). */
  static Optional<ComponentBinding> backend(Snapshot snapshot, Owner owner, String environment) {
    return snapshot
        .servingBindings(owner.projectName(), owner.componentName(), environment)
        .stream()
        .min(Comparator.comparing(ComponentBinding::name));
  }

  private static ObjectNode backendServiceSpec(
      Snapshot snapshot, ComponentBinding backend, Cell cell) {
    Class<? extends DeploymentClass> type =
        backend instanceof ServiceBinding
            ? dev.troupe.api.kinds.classes.ServiceClass.class
            : dev.troupe.api.kinds.classes.WebApplicationClass.class;
    ObjectNode template =
        snapshot.find(type, backend.className()).map(DeploymentClass::serviceTemplate).orElse(null);
    return ServiceSpecs.merged(ComponentRenderer.copy(template), backend.workloadSpec(), cell);
  }

  private static List<IngressPort> ports(
      List<Exposure> exposures, String level, ObjectNode service) {
    return exposures.stream()
        .filter(x -> x.level().equals(level))
        .map(x -> new IngressPort(ServiceSpecs.targetPort(service, x.backendPort()), "TCP"))
        .toList();
  }

  private static RenderOutcome blocked(
      List<Blocker> blockers, List<BindingStatus.EndpointStatus> endpoints) {
    return new RenderOutcome.Blocked(
        Blockers.ordered(blockers), endpoints, List.of(), List.of(), List.of());
  }
}
