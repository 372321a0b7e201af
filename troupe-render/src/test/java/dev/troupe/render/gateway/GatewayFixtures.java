package dev.troupe.render.gateway;

import dev.troupe.api.kinds.classes.APIClass;
import dev.troupe.api.kinds.delivery.ServiceBinding;
import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.api.kinds.platform.Environment;
import dev.troupe.render.Cell;
import dev.troupe.render.GatewaySettings;
import dev.troupe.render.Snapshot;
import dev.troupe.render.testing.Fixtures;

/** The §10.2 greeter-service world (namespace {@code default}) and helpers on a Snapshot. */
final class GatewayFixtures {
  static final String GREETER_CLASS =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: APIClass
      metadata: {name: greeter-service-rest-api-standard}
      spec:
        restPolicy:
          defaults:
            rateLimit: {requests: 5, window: "1m"}
            authentication:
              type: jwt
              jwt: {jwks: "https://dev-tfsf6412a2bn011a.us.auth0.com/.well-known/jwks.json", issuer: "https://dev-tfsf6412a2bn011a.us.auth0.com/", audience: ["openchoreo:greeter:service"]}
              oauth2: {scopes: ["greet"], tokenUrl: "https://dev-tfsf6412a2bn011a.us.auth0.com/oauth/token"}
            cors: {allowOrigins: ["https://example.com", "https://app.example.com"], allowMethods: [GET, POST, PUT, DELETE], allowHeaders: [Content-Type, Authorization], exposeHeaders: [X-Request-ID], maxAge: 86400}
            circuitBreaker: {enabled: true, maxConnections: 2}
          public:
            rateLimit: {requests: 5, window: "1h"}
            security: {requireTLS: true, minTLSVersion: "1.3"}
          organization:
            rateLimit: {requests: 5000, window: "1h"}
      """;

  static final String GREETER =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: greeter-service}
      spec: {owner: {projectName: default}, type: Service}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: ServiceBinding
      metadata: {name: greeter-service}
      spec:
        owner: {projectName: default, componentName: greeter-service}
        environment: development
        className: default
        workloadSpec:
          containers:
            main:
              image: ghcr.io/openchoreo/samples/greeter-service:latest
              command: [./go-greeter]
              args: [--port, "9090"]
              env: [{key: LOG_LEVEL, value: info}]
          endpoints:
            rest-api: {type: REST, port: 9090}
        apis:
          greeter-api:
            type: REST
            className: greeter-service-rest-api-standard
            rest: {backend: {port: 9090, basePath: /greeter}, exposeLevels: [Organization, Public]}
      ---
      """
          + GREETER_CLASS;

  /**
   * Component and ServiceBinding {@code orders} with API {@code orders-api} of class {@code cls}.
   */
  static final String ORDERS =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: orders}
      spec: {owner: {projectName: default}, type: Service}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: ServiceBinding
      metadata: {name: orders}
      spec:
        owner: {projectName: default, componentName: orders}
        environment: development
        className: default
        workloadSpec:
          containers:
            main: {image: "example.com/orders:1"}
          endpoints:
            http: {type: REST, port: 8080}
        apis:
          orders-api:
            type: REST
            className: %s
            rest: {backend: {port: 8080, basePath: /orders}, exposeLevels: %s}
      ---
      """;

  private GatewayFixtures() {}

  /** The {@code orders} binding with API class {@code classYaml} (named {@code cls}). */
  static Snapshot orders(String cls, String exposeLevels, String classYaml) {
    return Fixtures.snapshot(ORDERS.formatted(cls, exposeLevels) + classYaml);
  }

  /** An APIClass document named {@code name} with {@code restPolicy} (YAML, indented by 2). */
  static String apiClass(String name, String restPolicy) {
    return "apiVersion: openchoreo.dev/v1alpha1\nkind: APIClass\nmetadata: {name: "
        + name
        + "}\nspec:\n  restPolicy:\n"
        + restPolicy.indent(4);
  }

  static Snapshot greeter() {
    return Fixtures.snapshot(GREETER);
  }

  static Environment environment(Snapshot s, String name) {
    return s.find(Environment.class, name).orElseThrow();
  }

  static GatewaySettings gateway(Snapshot s, String environment) {
    Environment env = environment(s, environment);
    return GatewaySettings.of(env, s.find(DataPlane.class, env.dataPlaneName()).orElseThrow());
  }

  static ServiceBinding serviceBinding(Snapshot s, String name) {
    return s.find(ServiceBinding.class, name).orElseThrow();
  }

  static Cell cell(ServiceBinding b) {
    return new Cell(
        b.namespace(), b.owner().projectName(), b.environmentName(), b.owner().componentName());
  }

  /** {@link ApiGateway#render} for a ServiceBinding of the snapshot. */
  static GatewayObjects render(Snapshot s, String bindingName) {
    ServiceBinding b = serviceBinding(s, bindingName);
    return ApiGateway.render(
        b.name(),
        b.spec().apisOrEmpty(),
        c -> s.find(APIClass.class, c),
        cell(b),
        gateway(s, b.environmentName()),
        environment(s, b.environmentName()),
        EndpointAccesses.serviceName(b.name()));
  }
}
