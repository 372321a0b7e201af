package dev.troupe.render.gateway;

import dev.troupe.api.kinds.app.EndpointTypes;
import dev.troupe.api.kinds.app.RestApi;
import dev.troupe.api.kinds.app.ServiceApi;
import dev.troupe.api.kinds.classes.APIClass;
import dev.troupe.api.kinds.platform.Environment;
import dev.troupe.api.names.K8sNames;
import dev.troupe.render.Blocker;
import dev.troupe.render.Cell;
import dev.troupe.render.GatewaySettings;
import dev.troupe.render.RenderedObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The gateway objects of a binding (rendering.md §5.3–§5.7): one HTTPRoute per (REST API, exposed
 * level), with a SecurityPolicy and a BackendTrafficPolicy whenever the level has an effective
 * APIClass policy; and the route of a web application's {@code HTTP} endpoint.
 */
public final class ApiGateway {
  /** A Gateway API hostname (no wildcard): lower-case DNS labels separated by dots. */
  private static final Pattern HOSTNAME =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private ApiGateway() {}

  /**
   * §5.1 {@code levels(api)}: {@code exposeLevels} without duplicates (first kept) and without
   * {@code Project}, in order.
   */
  public static List<String> levels(RestApi rest) {
    if (rest == null) {
      return List.of();
    }
    LinkedHashSet<String> out = new LinkedHashSet<>(rest.exposeLevelsOrEmpty());
    out.remove(RestApi.PROJECT);
    return List.copyOf(out);
  }

  /** True for a REST API with a {@code rest} definition (admission rejects the others). */
  static boolean isRest(ServiceApi api) {
    return api != null
        && api.rest() != null
        && (api.type() == null || EndpointTypes.REST.equals(api.type()));
  }

  /**
   * §5.3, §5.5–§5.7 for one binding's REST APIs.
   *
   * @param bindingName the {@code binding} part of object names (an APIBinding's own name)
   * @param apis the APIs in document order (an APIBinding: its one API under {@code spec.apiName})
   * @param apiClasses the APIClass of a class name, if it exists
   * @param cell the cell and labels of the objects
   * @param environment the binding's Environment (its remote JWKS)
   * @param backendServiceName {@code gen(63, <backend binding>)}
   */
  public static GatewayObjects render(
      String bindingName,
      Map<String, ServiceApi> apis,
      Function<String, Optional<APIClass>> apiClasses,
      Cell cell,
      GatewaySettings gateway,
      Environment environment,
      String backendServiceName) {
    ApiRoutes out = new ApiRoutes(bindingName, cell, gateway, environment, backendServiceName);
    apis.forEach(
        (api, def) -> {
          if (!isRest(def) || levels(def.rest()).isEmpty()) {
            return;
          }
          apiClasses
              .apply(def.className())
              .ifPresentOrElse(
                  c -> out.add(api, def, c), () -> out.classNotFound(api, def.className()));
        });
    return out.result();
  }

  /**
   * §5.4: the route of a web application's {@code HTTP} endpoint {@code endpointName}; empty when
   * there is none ({@code endpointName} null).
   */
  public static Optional<RenderedObject> webRoute(
      String bindingName,
      String endpointName,
      int port,
      Cell cell,
      GatewaySettings gateway,
      String backendServiceName) {
    if (endpointName == null) {
      return Optional.empty();
    }
    String name =
        K8sNames.generateWithLengthLimit(
            K8sNames.DNS_SUBDOMAIN_MAX, bindingName, endpointName, "httproute");
    Routes.Target target =
        new Routes.Target(
            gateway.externalGateway(),
            gateway.namespace(),
            gateway.webApplicationHost(cell.component()),
            "/",
            "/",
            backendServiceName,
            port);
    return Optional.of(
        new RenderedObject(Routes.id(name), Routes.route(name, cell, target, List.of())));
  }

  /**
   * §5.2: blocker {@code InvalidConfiguration} {@code generated hostname "<h>" is invalid} when
   * {@code host} is not a valid DNS name (for example a label longer than 63 characters).
   */
  public static Optional<Blocker> checkHost(String host) {
    boolean valid =
        host != null
            && host.length() <= K8sNames.DNS_SUBDOMAIN_MAX
            && HOSTNAME.matcher(host).matches()
            && java.util.Arrays.stream(host.split("\\.")).allMatch(l -> l.length() <= 63);
    return valid
        ? Optional.empty()
        : Optional.of(Blocker.invalid("generated hostname \"" + host + "\" is invalid"));
  }
}
