package dev.troupe.render.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.kinds.delivery.BindingStatus.EndpointAccess;
import dev.troupe.api.kinds.delivery.BindingStatus.EndpointStatus;
import dev.troupe.api.kinds.delivery.WebApplicationBinding;
import dev.troupe.render.Cell;
import dev.troupe.render.GatewaySettings;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.Snapshot;
import dev.troupe.render.testing.Fixtures;
import dev.troupe.render.testing.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

/** rendering.md §5.4 and §10.3 (react-starter). */
class WebRouteTest {
  static final String REACT =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: react-starter}
      spec: {owner: {projectName: default}, type: WebApplication}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: WebApplicationBinding
      metadata: {name: react-starter}
      spec:
        owner: {projectName: default, componentName: react-starter}
        environment: development
        className: default
        workloadSpec:
          containers:
            main:
              image: choreoanonymouspullable.azurecr.io/react-spa:v0.9
              env: [{key: NODE_ENV, value: production}, {key: PORT, value: "8080"}]
          endpoints: {webapp: {type: HTTP, port: 8080}}
      """;

  static final String ROUTE_SPEC =
      """
      parentRefs: [{name: gateway-external, namespace: openchoreo-data-plane}]
      hostnames: ["react-starter-dev.openchoreoapis.localhost"]
      rules:
      - matches: [{path: {type: PathPrefix, value: /}}]
        filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /}}}]
        backendRefs: [{name: react-starter-5d6e572c, port: 8080}]
      """;

  final Snapshot snapshot = Fixtures.snapshot(REACT);
  final WebApplicationBinding binding =
      snapshot.find(WebApplicationBinding.class, "react-starter").orElseThrow();
  final GatewaySettings gateway = GatewayFixtures.gateway(snapshot, "development");
  final Cell cell = new Cell("default", "default", "development", "react-starter");

  @Test
  void routeOfTheHttpEndpoint() {
    RenderedObject route =
        ApiGateway.webRoute(
                binding.name(),
                "webapp",
                8080,
                cell,
                gateway,
                EndpointAccesses.serviceName(binding.name()))
            .orElseThrow();
    assertThat(route.id()).isEqualTo("react-starter-webapp-httproute-e7a4133f");
    assertThat(route.name()).isEqualTo("react-starter-webapp-httproute-e7a4133f");
    assertThat(route.object().at("/metadata/namespace").asText())
        .isEqualTo("dp-default-default-development-f8e58905");
    assertThat(route.object().at("/metadata/labels")).isEqualTo(cell.labels());
    GreeterTest.assertSpec(route, ROUTE_SPEC);
    Golden.assertMatches("gateway/react-starter-web-route.yaml", GoldenText.of(List.of(route)));
  }

  @Test
  void noHttpEndpointNoRoute() {
    assertThat(ApiGateway.webRoute("react-starter", null, 0, cell, gateway, "x")).isEmpty();
  }

  @Test
  void aLongRouteNameGetsAHashedId() {
    String longName = "a".repeat(60);
    RenderedObject route =
        ApiGateway.webRoute(longName, "webapp", 8080, cell, gateway, "svc").orElseThrow();
    assertThat(route.name()).startsWith(longName + "-webapp-httproute-");
    assertThat(route.id()).hasSizeLessThanOrEqualTo(63).isNotEqualTo(route.name());
    assertThat(route.id())
        .isEqualTo(dev.troupe.api.names.K8sNames.generateWithLengthLimit(63, route.name()));
  }

  @Test
  void statusEndpointsOfTheSpec() {
    List<EndpointStatus> endpoints = EndpointAccesses.of(binding, gateway);
    assertThat(endpoints)
        .containsExactly(
            new EndpointStatus(
                "webapp",
                "HTTP",
                new EndpointAccess(
                    "react-starter-5d6e572c",
                    8080,
                    "http",
                    null,
                    "http://react-starter-5d6e572c:8080"),
                null,
                new EndpointAccess(
                    "react-starter-dev.openchoreoapis.localhost",
                    443,
                    "https",
                    "/",
                    "https://react-starter-dev.openchoreoapis.localhost/")));
  }

  @Test
  void anInvalidWebHostIsABlocker() {
    String host = gateway.webApplicationHost("c".repeat(60));
    assertThat(ApiGateway.checkHost(host))
        .contains(
            dev.troupe.render.Blocker.invalid("generated hostname \"" + host + "\" is invalid"));
    assertThat(ApiGateway.checkHost(gateway.webApplicationHost("react-starter"))).isEmpty();
  }
}
