package dev.troupe.render.gateway;

import dev.troupe.api.kinds.app.Endpoint;
import dev.troupe.api.kinds.app.EndpointTypes;
import dev.troupe.api.kinds.app.RestApi;
import dev.troupe.api.kinds.app.ServiceApi;
import dev.troupe.api.kinds.delivery.BindingStatus.EndpointAccess;
import dev.troupe.api.kinds.delivery.BindingStatus.EndpointStatus;
import dev.troupe.api.kinds.delivery.ComponentBinding;
import dev.troupe.api.kinds.delivery.ServiceBinding;
import dev.troupe.api.kinds.delivery.WebApplicationBinding;
import dev.troupe.api.names.K8sNames;
import dev.troupe.render.GatewaySettings;
import dev.troupe.render.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A binding's {@code status.endpoints} (rendering.md §5.8; APIBinding §4.5), computed from its own
 * spec and the gateway settings of its environment; it never waits for deployment.
 */
public final class EndpointAccesses {
  private static final String HTTPS = "https";

  private EndpointAccesses() {}

  /** Memo key: the endpoints of one binding of the snapshot on one environment's gateway. */
  private record Key(Snapshot.Same binding, GatewaySettings gateway) {}

  /**
   * {@link #of} once per snapshot: a binding's own render and every connection to it share the
   * (immutable) list.
   */
  public static List<EndpointStatus> of(
      ComponentBinding binding, GatewaySettings gateway, Snapshot snapshot) {
    return snapshot.memo(new Key(new Snapshot.Same(binding), gateway), () -> of(binding, gateway));
  }

  /**
   * §5.8: one entry per workload endpoint of a Service or WebApplication binding, in document
   * order; empty for a ScheduledTask binding.
   */
  public static List<EndpointStatus> of(ComponentBinding binding, GatewaySettings gateway) {
    if (!(binding instanceof ServiceBinding) && !(binding instanceof WebApplicationBinding)) {
      return List.of();
    }
    if (binding.workloadSpec() == null) {
      return List.of();
    }
    String host = serviceName(binding.name());
    List<EndpointStatus> out = new ArrayList<>();
    binding
        .workloadSpec()
        .endpointsOrEmpty()
        .forEach(
            (name, endpoint) -> {
              EndpointAccess project = projectAccess(host, endpoint);
              if (binding instanceof ServiceBinding sb) {
                out.add(
                    new EndpointStatus(
                        name,
                        endpoint.type(),
                        project,
                        apiAccess(sb, name, endpoint, gateway, RestApi.ORGANIZATION),
                        apiAccess(sb, name, endpoint, gateway, RestApi.PUBLIC)));
              } else {
                out.add(
                    new EndpointStatus(
                        name,
                        endpoint.type(),
                        project,
                        null,
                        webAccess(binding, endpoint, gateway)));
              }
            });
    return List.copyOf(out);
  }

  /**
   * §4.5: the single entry of an APIBinding: {@code project} on the backend binding's Service (left
   * out when {@code backend} is null), {@code organization} and {@code public} on the gateways for
   * the levels the API is exposed at.
   */
  public static EndpointStatus ofApi(
      String apiName,
      RestApi rest,
      ComponentBinding backend,
      GatewaySettings gateway,
      String project,
      String component) {
    Integer port = rest == null || rest.backend() == null ? null : rest.backend().port();
    EndpointAccess projectAccess =
        backend == null || port == null
            ? null
            : EndpointAccess.of(serviceName(backend.name()), port, httpScheme(port), null);
    String basePath = rest == null || rest.backend() == null ? null : rest.backend().basePath();
    String prefix = Paths.apiPathPrefix(project, component, basePath);
    List<String> levels = rest == null ? List.of() : ApiGateway.levels(rest);
    return new EndpointStatus(
        apiName,
        EndpointTypes.REST,
        projectAccess,
        levels.contains(RestApi.ORGANIZATION)
            ? gatewayAccess(gateway, RestApi.ORGANIZATION, prefix)
            : null,
        levels.contains(RestApi.PUBLIC) ? gatewayAccess(gateway, RestApi.PUBLIC, prefix) : null);
  }

  /** The project access: the Service name (unqualified), the endpoint port, the type's scheme. */
  private static EndpointAccess projectAccess(String host, Endpoint endpoint) {
    int port = endpoint.port() == null ? 0 : endpoint.port();
    return EndpointAccess.of(host, port, scheme(endpoint.type(), port), null);
  }

  /** The scheme of a project access by endpoint type; null for TCP and UDP. */
  static String scheme(String type, int port) {
    if (EndpointTypes.GRPC.equals(type)) {
      return "grpc";
    }
    if (EndpointTypes.WEBSOCKET.equals(type)) {
      return "ws";
    }
    if (EndpointTypes.HTTP.equals(type)
        || EndpointTypes.REST.equals(type)
        || EndpointTypes.GRAPHQL.equals(type)) {
      return httpScheme(port);
    }
    return null;
  }

  private static String httpScheme(int port) {
    return port == 443 || port == 8443 ? HTTPS : "http";
  }

  /** The first REST API at {@code level} whose key is the endpoint's name or port its port. */
  private static EndpointAccess apiAccess(
      ServiceBinding binding,
      String name,
      Endpoint endpoint,
      GatewaySettings gateway,
      String level) {
    for (Map.Entry<String, ServiceApi> e : binding.spec().apisOrEmpty().entrySet()) {
      RestApi rest = e.getValue().rest();
      if (!ApiGateway.isRest(e.getValue()) || !ApiGateway.levels(rest).contains(level)) {
        continue;
      }
      Integer port = rest.backend() == null ? null : rest.backend().port();
      if (e.getKey().equals(name) || (port != null && port.equals(endpoint.port()))) {
        String basePath = rest.backend() == null ? null : rest.backend().basePath();
        return gatewayAccess(
            gateway,
            level,
            Paths.apiPathPrefix(
                binding.owner().projectName(), binding.owner().componentName(), basePath));
      }
    }
    return null;
  }

  private static EndpointAccess gatewayAccess(
      GatewaySettings gateway, String level, String prefix) {
    String host =
        RestApi.PUBLIC.equals(level) ? gateway.publicApiHost() : gateway.organizationApiHost();
    return EndpointAccess.of(host, gateway.listenerPort(), HTTPS, prefix);
  }

  /** The public access of a web application's {@code HTTP} endpoint; null for other types. */
  private static EndpointAccess webAccess(
      ComponentBinding binding, Endpoint endpoint, GatewaySettings gateway) {
    if (!EndpointTypes.HTTP.equals(endpoint.type())) {
      return null;
    }
    return EndpointAccess.of(
        gateway.webApplicationHost(binding.owner().componentName()),
        gateway.listenerPort(),
        HTTPS,
        "/");
  }

  /** {@code gen(63, binding)}: the binding's Service name. */
  static String serviceName(String bindingName) {
    return K8sNames.generateWithLengthLimit(K8sNames.DNS_LABEL_MAX, bindingName);
  }
}
