package dev.troupe.render.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.kinds.classes.APIClass;
import dev.troupe.api.kinds.delivery.ServiceBinding;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.Snapshot;
import dev.troupe.render.connection.ShopWorld;
import dev.troupe.render.testing.Golden;
import org.junit.jupiter.api.Test;

/**
 * rendering.md §5.5 with the default APIClass ({@code {defaults: {}, public: {}, organization:
 * {}}}): "an empty object counts as present", so each level gets a SecurityPolicy and a
 * BackendTrafficPolicy with only {@code targetRefs}. The §8.5 api binding.
 */
class DefaultClassTest {
  final Snapshot shop = ShopWorld.snapshot();

  GatewayObjects render() {
    ServiceBinding api = shop.find(ServiceBinding.class, "api").orElseThrow();
    return ApiGateway.render(
        api.name(),
        api.spec().apisOrEmpty(),
        c -> shop.find(APIClass.class, c),
        ShopWorld.cell(api),
        ShopWorld.gateway(shop),
        GatewayFixtures.environment(shop, "development"),
        EndpointAccesses.serviceName(api.name()));
  }

  @Test
  void targetRefsOnlyWithTheSpecsNames() {
    GatewayObjects g = render();
    assertThat(g.blockers()).isEmpty();
    assertThat(g.all())
        .extracting(RenderedObject::id)
        .containsExactly(
            "api-rest-organization-httproute-23d4f911",
            "api-rest-organization-aac7844d",
            "api-rest-organization-btp-e66cc719");
    String targetRefs =
        """
        targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: api-rest-organization-httproute-23d4f911}]
        """;
    GreeterTest.assertSpec(g.securityPolicies().get(0), targetRefs);
    GreeterTest.assertSpec(g.trafficPolicies().get(0), targetRefs);
    GreeterTest.assertSpec(
        g.routes().get(0),
        """
        parentRefs: [{name: gateway-internal, namespace: openchoreo-data-plane}]
        hostnames: [dev.openchoreoapis.internal]
        rules:
        - matches: [{path: {type: PathPrefix, value: /shop/api/api}}]
          filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /api}}}]
          backendRefs: [{name: api-14c2529e, port: 9090}]
        """);
    assertThat(g.exposures()).containsExactly(new Exposure("rest", "Organization", 9090));
    Golden.assertMatches("gateway/default-apiclass.yaml", GoldenText.of(g.all()));
  }

  /** APIClass.policyFor (troupe-api) against the §5.5 table. */
  @Test
  void policyForFollowsTheTable() {
    APIClass kit = shop.find(APIClass.class, "default").orElseThrow();
    assertThat(kit.policyFor("Public")).isPresent();
    assertThat(kit.policyFor("Organization")).isPresent();

    GatewayObjects none = PolicyCasesTest.renderLevels("{}", "[Organization, Public]");
    assertThat(none.routes()).hasSize(2);
    assertThat(none.securityPolicies()).isEmpty();
    assertThat(none.trafficPolicies()).isEmpty();

    GatewayObjects orgOnly =
        PolicyCasesTest.renderLevels("organization: {}", "[Organization, Public]");
    assertThat(orgOnly.securityPolicies())
        .extracting(RenderedObject::id)
        .containsExactly("orders-orders-api-organization-cd26d9ea");
    assertThat(orgOnly.trafficPolicies()).hasSize(1);

    GatewayObjects merged =
        PolicyCasesTest.renderLevels(
            """
            defaults:
              cors: {allowOrigins: ["https://a.example.com"], allowMethods: [GET], maxAge: 90}
              circuitBreaker: {enabled: true, maxConnections: 2, maxPendingRequests: 3}
            public:
              cors: {allowOrigins: ["https://b.example.com"]}
              circuitBreaker: {enabled: true, maxConnections: 9}
            """,
            "[Public]");
    assertThat(PolicyCasesTest.spec(merged.securityPolicies().get(0), "/spec/cors"))
        .isEqualTo(
            """
            allowMethods:
              - GET
            allowOrigins:
              - https://b.example.com
            maxAge: 1m30s
            """);
    assertThat(PolicyCasesTest.spec(merged.trafficPolicies().get(0), "/spec/circuitBreaker"))
        .isEqualTo("maxConnections: 9\nmaxPendingRequests: 3\n");
  }
}
