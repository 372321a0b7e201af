package dev.troupe.render.network;

import static dev.troupe.render.network.NetFixtures.assertEnvelopes;
import static dev.troupe.render.network.NetFixtures.assertGolden;
import static dev.troupe.render.network.NetFixtures.assertSpec;
import static dev.troupe.render.network.NetFixtures.cell;
import static dev.troupe.render.network.NetFixtures.ids;
import static dev.troupe.render.network.NetFixtures.input;
import static dev.troupe.render.network.NetFixtures.labels;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.render.Cell;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worked example of rendering.md §8.5 with provider {@code kubernetes}: same names,
 * NetworkPolicy.
 */
class ShopKubernetesTest {
  static final DataPlane DP = NetFixtures.provider("kubernetes");
  static final String LF = labels("shop", "frontend");
  static final String LA = labels("shop", "api");
  static final String LD = labels("shop", "db");
  static final String GW =
      "{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: openchoreo-data-plane}},"
          + " podSelector: {matchLabels: {gateway.envoyproxy.io/owning-gateway-name: %s,"
          + " gateway.envoyproxy.io/owning-gateway-namespace: openchoreo-data-plane}}}";

  static String baseline(String l) {
    return """
    podSelector: {matchLabels: %s}
    policyTypes: [Ingress, Egress]
    egress:
    - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]
      ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
    """
        .formatted(l);
  }

  @Test
  void frontendKeepsNamesAndRendersNetworkPolicies() {
    NetworkPlan plan = ShopCiliumTest.frontend(DP);
    assertThat(ids(plan))
        .containsExactly(
            "frontend-baseline-15339eb6",
            "frontend-ingress-07620b18",
            "frontend-egress-dece3e98",
            "frontend-api-conn-61434dc1");
    assertThat(plan.warnings()).isEmpty();
    assertEnvelopes(plan, "NetworkPolicy", ShopCiliumTest.FRONTEND);
    assertThat(plan.policies().get(0).object().get("apiVersion").asText())
        .isEqualTo("networking.k8s.io/v1");
    assertSpec(plan, "frontend-baseline-15339eb6", baseline(LF));
    assertSpec(
        plan,
        "frontend-ingress-07620b18",
        """
        podSelector: {matchLabels: %s}
        policyTypes: [Ingress]
        ingress:
        - from: [%s]
          ports: [{protocol: TCP, port: 8080}]
        """
            .formatted(LF, GW.formatted("gateway-external")));
    assertSpec(
        plan,
        "frontend-egress-dece3e98",
        """
        podSelector: {matchLabels: %s}
        policyTypes: [Egress]
        egress:
        - to: [{podSelector: {matchLabels: %s}}]
          ports: [{protocol: TCP, port: 9090}]
        """
            .formatted(LF, LA));
    assertSpec(
        plan,
        "frontend-api-conn-61434dc1",
        """
        podSelector: {matchLabels: %s}
        policyTypes: [Ingress]
        ingress:
        - from: [{podSelector: {matchLabels: %s}}]
          ports: [{protocol: TCP, port: 9090}]
        """
            .formatted(LA, LF));
    assertGolden("shop-frontend-kubernetes", plan);
  }

  @Test
  void apiUsesTheInternalGatewayPeer() {
    NetworkPlan plan = ShopCiliumTest.api(DP);
    assertThat(ids(plan))
        .containsExactly(
            "api-baseline-cf96a8cc",
            "api-ingress-8bce7742",
            "api-egress-e4e85639",
            "api-db-conn-610418d8");
    assertEnvelopes(plan, "NetworkPolicy", ShopCiliumTest.API);
    assertSpec(plan, "api-baseline-cf96a8cc", baseline(LA));
    assertSpec(
        plan,
        "api-ingress-8bce7742",
        """
        podSelector: {matchLabels: %s}
        policyTypes: [Ingress]
        ingress:
        - from: [%s]
          ports: [{protocol: TCP, port: 9090}]
        """
            .formatted(LA, GW.formatted("gateway-internal")));
    assertSpec(
        plan,
        "api-egress-e4e85639",
        """
        podSelector: {matchLabels: %s}
        policyTypes: [Egress]
        egress:
        - to: [{podSelector: {matchLabels: %s}}]
          ports: [{protocol: TCP, port: 5432}]
        """
            .formatted(LA, LD));
    assertSpec(
        plan,
        "api-db-conn-610418d8",
        """
        podSelector: {matchLabels: %s}
        policyTypes: [Ingress]
        ingress:
        - from: [{podSelector: {matchLabels: %s}}]
          ports: [{protocol: TCP, port: 5432}]
        """
            .formatted(LD, LA));
    assertGolden("shop-api-kubernetes", plan);
  }

  @Test
  void dbRendersOnlyItsBaseline() {
    NetworkPlan plan = ShopCiliumTest.db(DP);
    assertThat(ids(plan)).containsExactly("db-baseline-46ba7b32");
    assertSpec(plan, "db-baseline-46ba7b32", baseline(LD));
    assertGolden("shop-db-kubernetes", plan);
  }

  @Test
  void eastboundUsesPodPortAsAnInteger() {
    Cell billing = cell("finance", "billing");
    NetworkPlan plan =
        NetworkPolicies.render(
            input("billing", billing, DP, List.of(), List.of(), List.of(), true, List.of()));
    assertThat(ids(plan)).containsExactly("billing-baseline-f59130ed", "billing-egress-4eaf32a4");
    assertSpec(
        plan,
        "billing-egress-4eaf32a4",
        """
        podSelector: {matchLabels: %s}
        policyTypes: [Egress]
        egress:
        - to: [%s]
          ports: [{protocol: TCP, port: 10443}]
        """
            .formatted(labels("finance", "billing"), GW.formatted("gateway-internal")));
    assertGolden("billing-kubernetes", plan);
  }
}
