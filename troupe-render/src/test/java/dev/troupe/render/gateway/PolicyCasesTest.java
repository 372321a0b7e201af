package dev.troupe.render.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.render.RenderedObject;
import dev.troupe.render.Snapshot;
import dev.troupe.render.testing.Golden;
import org.junit.jupiter.api.Test;

/** Golden cases of §5.3 (header mediation) and §5.6 (rules K, B, Z). */
class PolicyCasesTest {
  static GatewayObjects render(String restPolicy, String levels) {
    GatewayObjects g = renderLevels(restPolicy, levels);
    assertThat(g.blockers()).isEmpty();
    return g;
  }

  /** The orders binding's objects under a class with {@code restPolicy}, blockers allowed. */
  static GatewayObjects renderLevels(String restPolicy, String levels) {
    Snapshot s =
        GatewayFixtures.orders(
            "orders-class", levels, GatewayFixtures.apiClass("orders-class", restPolicy));
    return GatewayFixtures.render(s, "orders");
  }

  static String spec(RenderedObject o, String pointer) {
    return dev.troupe.api.codec.Codec.toYaml(
        dev.troupe.render.Canonical.sorted(o.object().at(pointer)));
  }

  @Test
  void apiKeyInAHeader() {
    GatewayObjects g =
        render(
            """
            defaults:
              authentication:
                type: apikey
                apikey: {header: X-API-Key, secretRef: orders-api-keys}
            """,
            "[Public]");
    assertThat(spec(g.securityPolicies().get(0), "/spec/apiKeyAuth"))
        .isEqualTo(
            """
            credentialRefs:
              - kind: Secret
                name: orders-api-keys
            extractFrom:
              - headers:
                  - X-API-Key
            """);
    Golden.assertMatches("gateway/apikey-auth.yaml", GoldenText.of(g.all()));
  }

  @Test
  void apiKeyInAQueryParameter() {
    GatewayObjects g =
        render(
            """
            defaults:
              authentication:
                type: apikey
                apikey: {queryParam: api_key, secretRef: orders-api-keys}
            """,
            "[Public]");
    assertThat(spec(g.securityPolicies().get(0), "/spec/apiKeyAuth/extractFrom"))
        .isEqualTo("- params:\n    - api_key\n".indent(2));
  }

  @Test
  void basicAuth() {
    GatewayObjects g =
        render(
            """
            defaults:
              authentication:
                type: basic
                basic: {secretRef: orders-htpasswd}
            """,
            "[Organization]");
    assertThat(spec(g.securityPolicies().get(0), "/spec"))
        .isEqualTo(
            """
            basicAuth:
              users:
                kind: Secret
                name: orders-htpasswd
            targetRefs:
              - group: gateway.networking.k8s.io
                kind: HTTPRoute
                name: %s
            """
                .formatted(g.routes().get(0).name()));
    Golden.assertMatches("gateway/basic-auth.yaml", GoldenText.of(g.all()));
  }

  @Test
  void ipAllowAndDenyLists() {
    GatewayObjects g =
        render(
            """
            defaults:
              security:
                allowedIPs: [10.0.0.0/8, 192.168.1.7, "2001:db8::1"]
                blockedIPs: [10.1.2.3, "2001:db8::/32"]
            """,
            "[Public]");
    assertThat(spec(g.securityPolicies().get(0), "/spec/authorization"))
        .isEqualTo(
            """
            defaultAction: Deny
            rules:
              - action: Deny
                principal:
                  clientCIDRs:
                    - 10.1.2.3/32
                    - 2001:db8::/32
              - action: Allow
                principal:
                  clientCIDRs:
                    - 10.0.0.0/8
                    - 192.168.1.7/32
                    - 2001:db8::1/128
            """);
    Golden.assertMatches("gateway/ip-lists.yaml", GoldenText.of(g.all()));
  }

  @Test
  void blockedIpsOnlyAllowEveryoneElse() {
    GatewayObjects g = render("defaults:\n  security: {blockedIPs: [10.1.2.3]}\n", "[Public]");
    assertThat(spec(g.securityPolicies().get(0), "/spec/authorization"))
        .isEqualTo(
            """
            defaultAction: Allow
            rules:
              - action: Deny
                principal:
                  clientCIDRs:
                    - 10.1.2.3/32
            """);
  }

  @Test
  void scopesAndAllowedIpsShareTheAllowRule() {
    GatewayObjects g =
        render(
            """
            defaults:
              authentication:
                type: oauth2
                jwt: {jwks: "https://idp.example.com/jwks", issuer: "https://idp.example.com/"}
                oauth2: {scopes: [read, write], tokenUrl: "https://idp.example.com/token"}
              security: {allowedIPs: [10.0.0.0/8]}
            """,
            "[Public]");
    assertThat(spec(g.securityPolicies().get(0), "/spec/authorization"))
        .isEqualTo(
            """
            defaultAction: Deny
            rules:
              - action: Allow
                principal:
                  clientCIDRs:
                    - 10.0.0.0/8
                  jwt:
                    provider: default
                    scopes:
                      - read
                      - write
            """);
    assertThat(spec(g.securityPolicies().get(0), "/spec/jwt"))
        .isEqualTo(
            """
            providers:
              - issuer: https://idp.example.com/
                name: default
                remoteJWKS:
                  uri: https://idp.example.com/jwks
            """);
  }

  @Test
  void headerMediation() {
    GatewayObjects g =
        render(
            """
            defaults:
              mediation:
                requestTransformations:
                - {type: json, action: addHeader, headerName: X-Env, headerValue: dev}
                - {type: json, action: addHeader, headerName: x-env, headerValue: again}
                - {type: json, action: removeHeaders, headers: [X-Debug, x-debug, Cookie]}
                - {type: json, action: addFields, fields: {a: b}}
                responseTransformations:
                - {type: json, action: addHeader, headerName: X-Served-By, headerValue: troupe}
            """,
            "[Public]");
    assertThat(spec(g.routes().get(0), "/spec/rules/0/filters"))
        .isEqualTo(
            """
            - type: URLRewrite
              urlRewrite:
                path:
                  replacePrefixMatch: /orders
                  type: ReplacePrefixMatch
            - requestHeaderModifier:
                add:
                  - name: X-Env
                    value: dev
                remove:
                  - X-Debug
                  - Cookie
              type: RequestHeaderModifier
            - responseHeaderModifier:
                add:
                  - name: X-Served-By
                    value: troupe
              type: ResponseHeaderModifier
            """
                .indent(2));
    Golden.assertMatches("gateway/header-mediation.yaml", GoldenText.of(g.all()));
  }

  @Test
  void responseOnlyMediationRendersOnlyTheResponseFilter() {
    GatewayObjects g =
        render(
            """
            defaults:
              mediation:
                responseTransformations:
                - {type: json, action: removeHeaders, headers: [Server]}
            """,
            "[Organization]");
    assertThat(g.routes().get(0).object().at("/spec/rules/0/filters").size()).isEqualTo(2);
    assertThat(g.routes().get(0).object().at("/spec/rules/0/filters/1/type").asText())
        .isEqualTo("ResponseHeaderModifier");
  }
}
