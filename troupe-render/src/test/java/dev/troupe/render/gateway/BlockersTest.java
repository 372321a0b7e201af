package dev.troupe.render.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.codec.Codec;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.kinds.app.RestApi;
import dev.troupe.api.kinds.app.ServiceApi;
import dev.troupe.api.kinds.classes.APIClass;
import dev.troupe.render.Blocker;
import dev.troupe.render.Cell;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** InvalidConfiguration blockers of §5.3, §5.6 and §5.7, and the §5.1 levels. */
class BlockersTest {
  @Test
  void levelsDropDuplicatesAndProject() {
    assertThat(
            ApiGateway.levels(rest(List.of("Organization", "Project", "Public", "Organization"))))
        .containsExactly("Organization", "Public");
    assertThat(ApiGateway.levels(rest(List.of("Public", "Organization"))))
        .containsExactly("Public", "Organization");
    assertThat(ApiGateway.levels(rest(List.of("Project")))).isEmpty();
    assertThat(ApiGateway.levels(rest(List.of()))).isEmpty();
    assertThat(ApiGateway.levels(new RestApi(new RestApi.Backend(80, ""), null))).isEmpty();
  }

  @Test
  void noExposedLevelNoObjects() {
    GatewayObjects g = PolicyCasesTest.renderLevels("defaults: {}", "[Project]");
    assertThat(g.all()).isEmpty();
    assertThat(g.exposures()).isEmpty();
    assertThat(g.blockers()).isEmpty();
  }

  @Test
  void missingJwksIsOneBlockerForBothLevels() {
    GatewayObjects g =
        PolicyCasesTest.renderLevels(
            """
            defaults:
              authentication:
                type: jwt
                jwt: {issuer: "https://idp.example.com/"}
            """,
            "[Organization, Public]");
    assertThat(g.blockers())
        .containsExactly(
            Blocker.invalid(
                "APIClass \"orders-class\": no jwks and no gateway.security.remoteJwks.uri on"
                    + " Environment \"development\""));
    assertThat(g.all()).isEmpty();
    assertThat(g.exposures()).isEmpty();
  }

  @Test
  void theEnvironmentsJwksIsTheFallback() {
    String env =
        """
        ---
        apiVersion: openchoreo.dev/v1alpha1
        kind: Environment
        metadata: {name: development}
        spec:
          dataPlaneRef: default
          gateway: {dnsPrefix: dev, security: {remoteJwks: {uri: "https://idp.example.com/env-jwks"}}}
        """;
    var s =
        dev.troupe.render.testing.Fixtures.snapshot(
            GatewayFixtures.ORDERS.formatted("orders-class", "[Public]")
                + GatewayFixtures.apiClass(
                    "orders-class",
                    """
                    defaults:
                      authentication:
                        type: oauth2
                        jwt: {issuer: "https://idp.example.com/", audience: []}
                        oauth2: {scopes: [read], tokenUrl: "https://idp.example.com/token"}
                    """)
                + env);
    GatewayObjects g = GatewayFixtures.render(s, "orders");
    assertThat(g.blockers()).isEmpty();
    assertThat(PolicyCasesTest.spec(g.securityPolicies().get(0), "/spec/jwt"))
        .isEqualTo(
            """
            providers:
              - issuer: https://idp.example.com/
                name: default
                remoteJWKS:
                  uri: https://idp.example.com/env-jwks
            """);
  }

  @Test
  void moreThanSixteenHeadersInOneList() {
    StringBuilder rules = new StringBuilder();
    for (int i = 1; i <= 17; i++) {
      rules
          .append("    - {type: json, action: addHeader, headerName: X-H")
          .append(i)
          .append(", headerValue: v}\n");
    }
    rules.append("    - {type: json, action: removeHeaders, headers: [A, B]}\n");
    GatewayObjects g =
        PolicyCasesTest.renderLevels(
            "defaults:\n  mediation:\n    requestTransformations:\n" + rules, "[Public]");
    assertThat(g.blockers())
        .containsExactly(
            Blocker.invalid(
                "API \"orders-api\": more than 16 headers in requestHeaderModifier.add"));
  }

  @Test
  void sixteenDistinctHeadersAreFine() {
    StringBuilder rules = new StringBuilder();
    for (int i = 1; i <= 16; i++) {
      rules
          .append("    - {type: json, action: addHeader, headerName: X-H")
          .append(i)
          .append(", headerValue: v}\n");
    }
    rules.append("    - {type: json, action: addHeader, headerName: x-h1, headerValue: again}\n");
    GatewayObjects g =
        PolicyCasesTest.renderLevels(
            "defaults:\n  mediation:\n    responseTransformations:\n" + rules, "[Public]");
    assertThat(g.blockers()).isEmpty();
    assertThat(
            g.routes()
                .get(0)
                .object()
                .at("/spec/rules/0/filters/1/responseHeaderModifier/add")
                .size())
        .isEqualTo(16);
  }

  @Test
  void anUnsupportedWindowStoredBeforeValidation() {
    APIClass stored =
        Codec.bind(
            DocumentReader.readYaml(
                    "c.yaml",
                    """
                    kind: APIClass
                    metadata: {name: legacy, namespace: default}
                    spec: {restPolicy: {defaults: {rateLimit: {requests: 5, window: 2m}}}}
                    """)
                .get(0)
                .tree(),
            APIClass.class);
    GatewayObjects g =
        render(Map.of("a", api("legacy", List.of("Public"))), c -> Optional.of(stored));
    assertThat(g.blockers())
        .containsExactly(
            Blocker.invalid("window \"2m\" is not supported; allowed windows are 1s, 1m, 1h, 1d"));
  }

  @Test
  void aMissingApiClassIsReportedDefensively() {
    Map<String, ServiceApi> apis = new LinkedHashMap<>();
    apis.put("a", api("gold", List.of("Public")));
    apis.put("b", api("gold", List.of("Project")));
    GatewayObjects g = render(apis, c -> Optional.empty());
    assertThat(g.blockers())
        .containsExactly(
            new Blocker("APIClassNotFound", "APIClass \"gold\" not found for API \"a\""));
  }

  static RestApi rest(List<String> levels) {
    return new RestApi(new RestApi.Backend(8080, "/x"), levels);
  }

  static ServiceApi api(String cls, List<String> levels) {
    return new ServiceApi(cls, "REST", rest(levels));
  }

  static GatewayObjects render(
      Map<String, ServiceApi> apis,
      java.util.function.Function<String, Optional<APIClass>> classes) {
    return ApiGateway.render(
        "b",
        apis,
        classes,
        new Cell("default", "default", "development", "c"),
        PathsTest.DEV,
        new dev.troupe.api.kinds.platform.Environment(
            null, "Environment", PathsTest.meta("development"), null, null),
        "b-svc");
  }
}
