package dev.troupe.render.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.codec.Codec;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.kinds.app.RestApi;
import dev.troupe.api.kinds.delivery.BindingStatus.EndpointAccess;
import dev.troupe.api.kinds.delivery.BindingStatus.EndpointStatus;
import dev.troupe.api.kinds.delivery.ComponentBinding;
import dev.troupe.api.kinds.delivery.ScheduledTaskBinding;
import dev.troupe.api.kinds.delivery.ServiceBinding;
import dev.troupe.render.GatewaySettings;
import dev.troupe.render.Snapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/** rendering.md §5.8 and §4.5 (status endpoints). */
class EndpointAccessesTest {
  static final GatewaySettings DEV = PathsTest.DEV;

  /** OpenChoreo's hosts: no dnsPrefix, choreoapis.* virtual hosts, listener port 8443. */
  static final GatewaySettings OPENCHOREO =
      new GatewaySettings(
          "development",
          "choreoapis.localhost",
          "choreoapis.internal",
          8443,
          8443,
          "openchoreo-data-plane",
          "gateway-external",
          "gateway-internal");

  static <T> T read(String yaml, Class<T> type) {
    return Codec.bind(DocumentReader.readYaml("b.yaml", yaml).get(0).tree(), type);
  }

  static ServiceBinding service(String name, String endpoints, String apis) {
    return read(
        """
        kind: ServiceBinding
        metadata: {name: %s, namespace: default}
        spec:
          owner: {projectName: default, componentName: %s}
          environment: development
          workloadSpec:
            endpoints: %s
          apis: %s
        """
            .formatted(name, name, endpoints, apis),
        ServiceBinding.class);
  }

  static String uri(EndpointAccess a) {
    return a == null ? null : a.uri();
  }

  @Test
  void uriTableOfTheSpec() {
    assertThat(EndpointAccess.uri("greeter-service-483f44a4", 9090, "http", null))
        .isEqualTo("http://greeter-service-483f44a4:9090");
    assertThat(EndpointAccess.uri("redis-34fb46c8", 6379, "grpc", null))
        .isEqualTo("grpc://redis-34fb46c8:6379");
    assertThat(EndpointAccess.uri("db-7bdc25d1", 5432, null, null)).isEqualTo("db-7bdc25d1:5432");
    assertThat(
            EndpointAccess.uri(
                "dev.openchoreoapis.internal", 443, "https", "/default/greeter-service/greeter"))
        .isEqualTo("https://dev.openchoreoapis.internal/default/greeter-service/greeter");
    assertThat(
            EndpointAccess.uri(
                "development.choreoapis.localhost",
                8443,
                "https",
                "/default/greeter-service/greeter"))
        .isEqualTo("https://development.choreoapis.localhost:8443/default/greeter-service/greeter");
    assertThat(EndpointAccess.uri("react-starter-dev.openchoreoapis.localhost", 443, "https", "/"))
        .isEqualTo("https://react-starter-dev.openchoreoapis.localhost/");
  }

  @Test
  void uriTableRowsComputedFromBindings() {
    assertThat(
            uri(only(service("redis", "{tcp-endpoint: {type: gRPC, port: 6379}}", "{}")).project()))
        .isEqualTo("grpc://redis-34fb46c8:6379");
    assertThat(uri(only(service("db", "{tcp: {type: TCP, port: 5432}}", "{}")).project()))
        .isEqualTo("db-7bdc25d1:5432");
    ServiceBinding greeter =
        GatewayFixtures.serviceBinding(GatewayFixtures.greeter(), "greeter-service");
    assertThat(uri(EndpointAccesses.of(greeter, OPENCHOREO).get(0).organization()))
        .isEqualTo("https://development.choreoapis.internal:8443/default/greeter-service/greeter");
    assertThat(uri(EndpointAccesses.of(greeter, OPENCHOREO).get(0).publicAccess()))
        .isEqualTo("https://development.choreoapis.localhost:8443/default/greeter-service/greeter");
  }

  private static EndpointStatus only(ComponentBinding b) {
    List<EndpointStatus> all = EndpointAccesses.of(b, DEV);
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  @Test
  void greeterStatusOfTheSpec() {
    Snapshot s = GatewayFixtures.greeter();
    ServiceBinding greeter = GatewayFixtures.serviceBinding(s, "greeter-service");
    assertThat(EndpointAccesses.of(greeter, GatewayFixtures.gateway(s, "development")))
        .containsExactly(
            new EndpointStatus(
                "rest-api",
                "REST",
                new EndpointAccess(
                    "greeter-service-483f44a4",
                    9090,
                    "http",
                    null,
                    "http://greeter-service-483f44a4:9090"),
                new EndpointAccess(
                    "dev.openchoreoapis.internal",
                    443,
                    "https",
                    "/default/greeter-service/greeter",
                    "https://dev.openchoreoapis.internal/default/greeter-service/greeter"),
                new EndpointAccess(
                    "dev.openchoreoapis.localhost",
                    443,
                    "https",
                    "/default/greeter-service/greeter",
                    "https://dev.openchoreoapis.localhost/default/greeter-service/greeter")));
  }

  @Test
  void schemesByType() {
    ServiceBinding b =
        service(
            "multi",
            "{g: {type: gRPC, port: 50051}, w: {type: Websocket, port: 8081},"
                + " q: {type: GraphQL, port: 8443}, h: {type: HTTP, port: 443}, r: {type: REST, port: 80},"
                + " u: {type: UDP, port: 53}}",
            "{}");
    assertThat(EndpointAccesses.of(b, DEV))
        .extracting(e -> e.project().scheme(), e -> uri(e.project()))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("grpc", "grpc://multi-4bd77cff:50051"),
            org.assertj.core.groups.Tuple.tuple("ws", "ws://multi-4bd77cff:8081"),
            org.assertj.core.groups.Tuple.tuple("https", "https://multi-4bd77cff:8443"),
            org.assertj.core.groups.Tuple.tuple("https", "https://multi-4bd77cff"),
            org.assertj.core.groups.Tuple.tuple("http", "http://multi-4bd77cff"),
            org.assertj.core.groups.Tuple.tuple(null, "multi-4bd77cff:53"));
  }

  @Test
  void apisMatchByNameOrByPortAndTheFirstApiWins() {
    ServiceBinding b =
        service(
            "shop",
            "{a: {type: REST, port: 8080}, b: {type: REST, port: 8081}, c: {type: REST, port: 9000}}",
            """
            {x: {type: REST, className: default, rest: {backend: {port: 8080, basePath: /x}, exposeLevels: [Organization]}},
             b: {type: REST, className: default, rest: {backend: {port: 8080, basePath: /b}, exposeLevels: [Public, Organization]}},
             c: {type: REST, className: default, rest: {backend: {port: 9000, basePath: /c}, exposeLevels: [Project]}}}
            """);
    List<EndpointStatus> all = EndpointAccesses.of(b, DEV);
    assertThat(all)
        .extracting(e -> uri(e.organization()), e -> uri(e.publicAccess()))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "https://dev.openchoreoapis.internal/default/shop/x",
                "https://dev.openchoreoapis.localhost/default/shop/b"),
            org.assertj.core.groups.Tuple.tuple(
                "https://dev.openchoreoapis.internal/default/shop/b",
                "https://dev.openchoreoapis.localhost/default/shop/b"),
            org.assertj.core.groups.Tuple.tuple(null, null));
  }

  @Test
  void scheduledTasksHaveNoEndpoints() {
    ScheduledTaskBinding t =
        read(
            """
            kind: ScheduledTaskBinding
            metadata: {name: job, namespace: default}
            spec:
              owner: {projectName: default, componentName: job}
              environment: development
              workloadSpec: {endpoints: {http: {type: HTTP, port: 8080}}}
            """,
            ScheduledTaskBinding.class);
    assertThat(EndpointAccesses.of(t, DEV)).isEmpty();
  }

  @Test
  void apiBindingEntry() {
    ServiceBinding backend =
        GatewayFixtures.serviceBinding(GatewayFixtures.greeter(), "greeter-service");
    RestApi rest = new RestApi(new RestApi.Backend(9090, "/greeter"), List.of("Public", "Project"));
    assertThat(
            EndpointAccesses.ofApi("greeter-api", rest, backend, DEV, "default", "greeter-service"))
        .isEqualTo(
            new EndpointStatus(
                "greeter-api",
                "REST",
                new EndpointAccess(
                    "greeter-service-483f44a4",
                    9090,
                    "http",
                    null,
                    "http://greeter-service-483f44a4:9090"),
                null,
                new EndpointAccess(
                    "dev.openchoreoapis.localhost",
                    443,
                    "https",
                    "/default/greeter-service/greeter",
                    "https://dev.openchoreoapis.localhost/default/greeter-service/greeter")));
    RestApi tls = new RestApi(new RestApi.Backend(8443, ""), List.of("Organization"));
    EndpointStatus e = EndpointAccesses.ofApi("a", tls, backend, DEV, "p", "c");
    assertThat(uri(e.project())).isEqualTo("https://greeter-service-483f44a4:8443");
    assertThat(uri(e.organization())).isEqualTo("https://dev.openchoreoapis.internal/p/c");
    assertThat(EndpointAccesses.ofApi("a", tls, null, DEV, "p", "c").project()).isNull();
  }
}
