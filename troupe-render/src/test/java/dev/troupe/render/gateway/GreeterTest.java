package dev.troupe.render.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.render.Canonical;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.Snapshot;
import dev.troupe.render.testing.Golden;
import org.junit.jupiter.api.Test;

/** rendering.md §10.2: the gateway objects #7–#12 of greeter-service. */
class GreeterTest {
  static final String ORG_ROUTE = "greeter-servi-greeter-api-organization-httproute-54724069";
  static final String PUBLIC_ROUTE = "greeter-servi-greeter-api-public-httproute-7c8cbc62";

  /** HTTPRoute #7 spec, verbatim from §10.2. */
  static final String ROUTE_7 =
      """
      parentRefs: [{name: gateway-internal, namespace: openchoreo-data-plane}]
      hostnames: [dev.openchoreoapis.internal]
      rules:
      - matches: [{path: {type: PathPrefix, value: /default/greeter-service/greeter}}]
        filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /greeter}}}]
        backendRefs: [{name: greeter-service-483f44a4, port: 9090}]
      """;

  /** SecurityPolicy #9 spec, verbatim from §10.2. */
  static final String POLICY_9 =
      """
      targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: greeter-servi-greeter-api-organization-httproute-54724069}]
      jwt:
        providers:
        - {name: default, issuer: "https://dev-tfsf6412a2bn011a.us.auth0.com/", audiences: ["openchoreo:greeter:service"],
           remoteJWKS: {uri: "https://dev-tfsf6412a2bn011a.us.auth0.com/.well-known/jwks.json"}}
      authorization:
        defaultAction: Deny
        rules: [{action: Allow, principal: {jwt: {provider: default, scopes: [greet]}}}]
      cors:
        allowOrigins: ["https://example.com", "https://app.example.com"]
        allowMethods: [GET, POST, PUT, DELETE]
        allowHeaders: [Content-Type, Authorization]
        exposeHeaders: [X-Request-ID]
        maxAge: 24h0m0s
      """;

  /** BackendTrafficPolicy #11 spec, verbatim from §10.2. */
  static final String BTP_11 =
      """
      targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: greeter-servi-greeter-api-organization-httproute-54724069}]
      rateLimit: {type: Local, local: {rules: [{limit: {requests: 5000, unit: Hour}}]}}
      circuitBreaker: {maxConnections: 2}
      """;

  final Snapshot snapshot = GatewayFixtures.greeter();
  final GatewayObjects objects = GatewayFixtures.render(snapshot, "greeter-service");

  @Test
  void namesAndIdsAreThoseOfTheSpec() {
    assertThat(objects.blockers()).isEmpty();
    assertThat(objects.all())
        .extracting(RenderedObject::id, RenderedObject::kind, RenderedObject::name)
        .containsExactly(
            tuple3(ORG_ROUTE, "HTTPRoute"),
            tuple3(PUBLIC_ROUTE, "HTTPRoute"),
            tuple3("greeter-service-greeter-api-organization-c8bc36d6", "SecurityPolicy"),
            tuple3("greeter-service-greeter-api-public-17e9931f", "SecurityPolicy"),
            tuple3("greeter-servi-greeter-api-organization-btp-523618b9", "BackendTrafficPolicy"),
            tuple3("greeter-servi-greeter-api-public-btp-a816b04c", "BackendTrafficPolicy"));
    for (RenderedObject o : objects.all()) {
      assertThat(o.object().at("/metadata/namespace").asText())
          .isEqualTo("dp-default-default-development-f8e58905");
      assertThat(o.object().at("/metadata/labels"))
          .isEqualTo(
              GatewayFixtures.cell(GatewayFixtures.serviceBinding(snapshot, "greeter-service"))
                  .labels());
    }
    assertThat(objects.exposures())
        .containsExactly(
            new Exposure("greeter-api", "Organization", 9090),
            new Exposure("greeter-api", "Public", 9090));
  }

  @Test
  void specsEqualTheSpecsExpectedYaml() {
    assertSpec(objects.routes().get(0), ROUTE_7);
    assertSpec(
        objects.routes().get(1),
        ROUTE_7
            .replace("gateway-internal", "gateway-external")
            .replace("dev.openchoreoapis.internal", "dev.openchoreoapis.localhost"));
    assertSpec(objects.securityPolicies().get(0), POLICY_9);
    assertSpec(objects.securityPolicies().get(1), POLICY_9.replace(ORG_ROUTE, PUBLIC_ROUTE));
    assertSpec(objects.trafficPolicies().get(0), BTP_11);
    assertSpec(
        objects.trafficPolicies().get(1),
        BTP_11.replace(ORG_ROUTE, PUBLIC_ROUTE).replace("requests: 5000", "requests: 5"));
  }

  @Test
  void golden() {
    Golden.assertMatches("gateway/greeter-service.yaml", GoldenText.of(objects.all()));
  }

  static void assertSpec(RenderedObject o, String expectedYaml) {
    JsonNode expected = DocumentReader.readYaml("expected.yaml", expectedYaml).get(0).tree();
    assertThat(Codec.toYaml(Canonical.sorted(o.object().get("spec"))))
        .as(o.name())
        .isEqualTo(Codec.toYaml(Canonical.sorted(expected)));
  }

  private static org.assertj.core.groups.Tuple tuple3(String name, String kind) {
    return org.assertj.core.groups.Tuple.tuple(name, kind, name);
  }
}
