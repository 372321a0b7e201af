package dev.troupe.render.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.app.RestApi;
import dev.troupe.api.kinds.app.ServiceApi;
import dev.troupe.api.kinds.classes.APIClass;
import dev.troupe.api.kinds.classes.RestPolicy;
import dev.troupe.api.kinds.platform.Environment;
import dev.troupe.api.names.K8sNames;
import dev.troupe.render.Blocker;
import dev.troupe.render.Cell;
import dev.troupe.render.GatewaySettings;
import dev.troupe.render.RenderedObject;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects the gateway objects of one binding, API by API and level by level (rendering.md §5.3,
 * §5.5–§5.7), and the blockers met on the way.
 */
final class ApiRoutes {
  private final String binding;
  private final Cell cell;
  private final GatewaySettings gateway;
  private final Environment environment;
  private final String backendService;
  private final List<Blocker> blockers = new ArrayList<>();
  private final List<RenderedObject> routes = new ArrayList<>();
  private final List<RenderedObject> security = new ArrayList<>();
  private final List<RenderedObject> traffic = new ArrayList<>();
  private final List<Exposure> exposures = new ArrayList<>();

  ApiRoutes(
      String binding,
      Cell cell,
      GatewaySettings gateway,
      Environment environment,
      String backendService) {
    this.binding = binding;
    this.cell = cell;
    this.gateway = gateway;
    this.environment = environment;
    this.backendService = backendService;
  }

  /** Records that the APIClass of {@code api} is missing (defensive; callers check first). */
  void classNotFound(String api, String className) {
    blockers.add(
        new Blocker(
            Blocker.API_CLASS_NOT_FOUND,
            "APIClass \"" + className + "\" not found for API \"" + api + "\""));
  }

  /** Adds the route, SecurityPolicy and BackendTrafficPolicy of every level of {@code api}. */
  void add(String api, ServiceApi def, APIClass apiClass) {
    RestApi.Backend backend = def.rest().backend();
    int port = backend == null || backend.port() == null ? 0 : backend.port();
    String basePath = backend == null || backend.basePath() == null ? "" : backend.basePath();
    for (String level : ApiGateway.levels(def.rest())) {
      String lv = level.toLowerCase(Locale.ROOT);
      boolean pub = RestApi.PUBLIC.equals(level);
      String host = pub ? gateway.publicApiHost() : gateway.organizationApiHost();
      ApiGateway.checkHost(host).ifPresent(blockers::add);
      Routes.Target target =
          new Routes.Target(
              pub ? gateway.externalGateway() : gateway.internalGateway(),
              gateway.namespace(),
              host,
              Paths.apiPathPrefix(cell.project(), cell.component(), basePath),
              basePath,
              backendService,
              port);
      Optional<RestPolicy> policy = policy(apiClass, level);
      String routeName = gen63(binding, api, lv, "httproute");
      List<ObjectNode> headers = HeaderModifiers.filters(api, policy.orElse(null), blockers);
      routes.add(new RenderedObject(routeName, Routes.route(routeName, cell, target, headers)));
      exposures.add(new Exposure(api, level, port));
      policy.ifPresent(p -> addPolicies(api, lv, routeName, p, def.className()));
    }
  }

  private void addPolicies(String api, String lv, String routeName, RestPolicy p, String cls) {
    String sp = gen63(binding, api, lv);
    security.add(
        new RenderedObject(
            sp, SecurityPolicies.render(sp, routeName, cell, p, cls, environment, blockers)));
    String btp = gen63(binding, api, lv, "btp");
    traffic.add(new RenderedObject(btp, TrafficPolicies.render(btp, routeName, cell, p, blockers)));
  }

  /** The objects, or only the distinct blockers (in the order met) when there are any. */
  GatewayObjects result() {
    if (!blockers.isEmpty()) {
      return GatewayObjects.blocked(List.copyOf(new LinkedHashSet<>(blockers)));
    }
    return new GatewayObjects(routes, security, traffic, List.of(), exposures);
  }

  private static String gen63(String... parts) {
    return K8sNames.generateWithLengthLimit(K8sNames.DNS_LABEL_MAX, parts);
  }

  /**
   * Effective policies per APIClass instance and level (rendering.md §5.5): a pure function of
   * immutable records, memoized across the bindings that share a class (bounded; identity keys).
   */
  private static final Map<APIClass, Map<String, Optional<RestPolicy>>> POLICIES =
      new IdentityHashMap<>();

  static Optional<RestPolicy> policy(APIClass apiClass, String level) {
    Map<String, Optional<RestPolicy>> byLevel;
    synchronized (POLICIES) {
      if (POLICIES.size() > 4096) {
        POLICIES.clear();
      }
      byLevel = POLICIES.computeIfAbsent(apiClass, c -> new ConcurrentHashMap<>());
    }
    return byLevel.computeIfAbsent(level, apiClass::policyFor);
  }
}
