package dev.troupe.render.health;

import static dev.troupe.render.health.HealthStatus.Degraded;
import static dev.troupe.render.health.HealthStatus.Healthy;
import static dev.troupe.render.health.HealthStatus.Progressing;
import static dev.troupe.render.health.LiveObjects.live;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HTTPRoute/GRPCRoute and SecurityPolicy/BackendTrafficPolicy/HTTPRouteFilter rows. */
class GatewayHealthTest {

  private static ObjectNode route(String kind, String status) {
    return live(
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: %s
        metadata: {name: r, namespace: dp}
        status: %s
        """
            .formatted(kind, status));
  }

  private static String parent(String name, String conditions) {
    return "{parentRef: {name: " + name + ", namespace: gw}, conditions: " + conditions + "}";
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTTPRoute", "GRPCRoute"})
  void acceptedFalseIsDegraded(String kind) {
    ObjectNode r =
        route(
            kind,
            "{parents: ["
                + parent("gateway-internal", "[{type: Accepted, status: 'True'}]")
                + ", "
                + parent(
                    "gateway-external",
                    "[{type: Accepted, status: 'False', reason: NotAllowedByListeners}]")
                + "]}");

    assertThat(Health.of(r))
        .isEqualTo(
            new Assessment(
                Degraded, "gw/gateway-external: Accepted=False (NotAllowedByListeners)"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTTPRoute", "GRPCRoute"})
  void resolvedRefsFalseIsDegraded(String kind) {
    ObjectNode r =
        route(
            kind,
            "{parents: ["
                + parent(
                    "gateway-external",
                    "[{type: Accepted, status: 'True'},"
                        + " {type: ResolvedRefs, status: 'False', reason: BackendNotFound}]")
                + "]}");

    assertThat(Health.of(r))
        .isEqualTo(
            new Assessment(Degraded, "gw/gateway-external: ResolvedRefs=False (BackendNotFound)"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTTPRoute", "GRPCRoute"})
  void allParentsAcceptedIsHealthy(String kind) {
    ObjectNode r =
        route(
            kind,
            "{parents: ["
                + parent(
                    "a", "[{type: Accepted, status: 'True'}, {type: ResolvedRefs, status: 'True'}]")
                + ", "
                + parent("b", "[{type: Accepted, status: 'True'}]")
                + "]}");

    assertThat(Health.of(r)).isEqualTo(new Assessment(Healthy, ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTTPRoute", "GRPCRoute"})
  void noParentStatusIsProgressingInsideTheGraceAndHealthyAfterIt(String kind) {
    ObjectNode r = route(kind, "{}");
    Observations at59 = Observations.NONE.withSinceApply(Duration.ofSeconds(59));
    Observations at60 = Observations.NONE.withSinceApply(Duration.ofSeconds(60));
    Observations customGrace = at60.withRouteStatusGrace(Duration.ofSeconds(120));

    assertThat(Health.of(r).status()).isEqualTo(Progressing);
    assertThat(Health.of(r, at59).status()).isEqualTo(Progressing);
    assertThat(Health.of(r, at60)).isEqualTo(new Assessment(Healthy, "gateway reported no status"));
    assertThat(Health.of(r, customGrace).status()).isEqualTo(Progressing);
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTTPRoute", "GRPCRoute"})
  void parentWithoutAcceptedYetIsProgressing(String kind) {
    ObjectNode r = route(kind, "{parents: [" + parent("a", "[]") + "]}");

    assertThat(Health.of(r)).isEqualTo(new Assessment(Progressing, "gw/a: waiting for Accepted"));
  }

  private static ObjectNode policy(String kind, String status) {
    return live(
        """
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: %s
        metadata: {name: p, namespace: dp}
        status: %s
        """
            .formatted(kind, status));
  }

  @ParameterizedTest
  @ValueSource(strings = {"SecurityPolicy", "BackendTrafficPolicy", "HTTPRouteFilter"})
  void policyAncestorAcceptedFalseIsDegradedElseHealthy(String kind) {
    String rejected =
        "{ancestors: [{ancestorRef: {name: gateway-external, namespace: gw},"
            + " conditions: [{type: Accepted, status: 'False', reason: Invalid}]}]}";
    String accepted =
        "{ancestors: [{ancestorRef: {name: gateway-external, namespace: gw},"
            + " conditions: [{type: Accepted, status: 'True'}]}]}";

    assertThat(Health.of(policy(kind, rejected)))
        .isEqualTo(new Assessment(Degraded, "gw/gateway-external: Accepted=False (Invalid)"));
    assertThat(Health.of(policy(kind, accepted))).isEqualTo(new Assessment(Healthy, ""));
    assertThat(Health.of(policy(kind, "{}"))).isEqualTo(new Assessment(Healthy, ""));
  }
}
