package dev.troupe.render.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.kinds.app.ServiceApi;
import dev.troupe.api.kinds.classes.APIClass;
import dev.troupe.api.kinds.delivery.APIBinding;
import dev.troupe.api.kinds.delivery.ServiceBinding;
import dev.troupe.api.names.K8sNames;
import dev.troupe.render.Cell;
import dev.troupe.render.GatewaySettings;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.Snapshot;
import dev.troupe.render.testing.Fixtures;
import dev.troupe.render.testing.Golden;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * rendering.md §4.5: an APIBinding renders the gateway objects of its one API, named after the
 * APIBinding, routed to the backend binding's Service, with the owner's path prefix.
 */
class ApiBindingTest {
  static final String WORLD =
      GatewayFixtures.GREETER
          + """
          ---
          apiVersion: openchoreo.dev/v1alpha1
          kind: API
          metadata: {name: greeter-api}
          spec:
            owner: {projectName: default, componentName: greeter-service}
            environmentName: development
            className: default-with-rate-limit
            type: REST
            rest: {backend: {port: 9090, basePath: /greeter/v2}, exposeLevels: [Public, Project]}
          ---
          apiVersion: openchoreo.dev/v1alpha1
          kind: APIBinding
          metadata: {name: greeter-api-development}
          spec:
            apiName: greeter-api
            apiClassName: default-with-rate-limit
            environmentName: development
            apiSpec:
              type: REST
              rest: {backend: {port: 9090, basePath: /greeter/v2}, exposeLevels: [Public, Project]}
          """;

  @Test
  void objectsOfAnApiBinding() {
    Snapshot s = Fixtures.snapshot(WORLD);
    APIBinding b = s.find(APIBinding.class, "greeter-api-development").orElseThrow();
    ServiceBinding backend = GatewayFixtures.serviceBinding(s, "greeter-service");
    Cell cell =
        new Cell(
            b.namespace(), b.owner().projectName(), b.environmentName(), b.owner().componentName());
    GatewaySettings gateway = GatewayFixtures.gateway(s, "development");
    ServiceApi api =
        new ServiceApi(
            b.spec().apiClassName(), b.spec().apiSpec().type(), b.spec().apiSpec().rest());
    GatewayObjects g =
        ApiGateway.render(
            b.name(),
            Map.of(b.spec().apiName(), api),
            c -> s.find(APIClass.class, c),
            cell,
            gateway,
            GatewayFixtures.environment(s, "development"),
            EndpointAccesses.serviceName(backend.name()));
    assertThat(g.blockers()).isEmpty();
    assertThat(g.all())
        .extracting(RenderedObject::id)
        .containsExactly(
            K8sNames.generateWithLengthLimit(
                63, "greeter-api-development", "greeter-api", "public", "httproute"),
            K8sNames.generateWithLengthLimit(
                63, "greeter-api-development", "greeter-api", "public"),
            K8sNames.generateWithLengthLimit(
                63, "greeter-api-development", "greeter-api", "public", "btp"));
    GreeterTest.assertSpec(
        g.routes().get(0),
        """
        parentRefs: [{name: gateway-external, namespace: openchoreo-data-plane}]
        hostnames: [dev.openchoreoapis.localhost]
        rules:
        - matches: [{path: {type: PathPrefix, value: /default/greeter-service/greeter/v2}}]
          filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /greeter/v2}}}]
          backendRefs: [{name: greeter-service-483f44a4, port: 9090}]
        """);
    assertThat(
            PolicyCasesTest.spec(g.trafficPolicies().get(0), "/spec/rateLimit/local/rules/0/limit"))
        .isEqualTo("requests: 10\nunit: Minute\n");
    assertThat(g.exposures()).containsExactly(new Exposure("greeter-api", "Public", 9090));
    assertThat(g.routes().get(0).object().at("/metadata/labels")).isEqualTo(cell.labels());
    Golden.assertMatches("gateway/api-binding.yaml", GoldenText.of(g.all()));

    assertThat(
            EndpointAccesses.ofApi(
                    "greeter-api", api.rest(), backend, gateway, "default", "greeter-service")
                .publicAccess()
                .uri())
        .isEqualTo("https://dev.openchoreoapis.localhost/default/greeter-service/greeter/v2");
  }
}
