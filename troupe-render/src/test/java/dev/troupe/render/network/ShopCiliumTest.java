package dev.troupe.render.network;

import static dev.troupe.render.network.NetFixtures.assertEnvelopes;
import static dev.troupe.render.network.NetFixtures.assertGolden;
import static dev.troupe.render.network.NetFixtures.assertSpec;
import static dev.troupe.render.network.NetFixtures.cell;
import static dev.troupe.render.network.NetFixtures.ids;
import static dev.troupe.render.network.NetFixtures.input;
import static dev.troupe.render.network.NetFixtures.labels;
import static dev.troupe.render.network.NetFixtures.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.render.Cell;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked example of rendering.md §8.5 (project shop) with the default Cilium provider. */
class ShopCiliumTest {
  static final DataPlane DP = NetFixtures.kitDataPlane();
  static final Cell FRONTEND = cell("shop", "frontend");
  static final Cell API = cell("shop", "api");
  static final Cell DB = cell("shop", "db");
  static final String LF = labels("shop", "frontend");
  static final String LA = labels("shop", "api");
  static final String LD = labels("shop", "db");
  static final String GW =
      "{\"k8s:io.kubernetes.pod.namespace\": openchoreo-data-plane,"
          + " \"gateway.envoyproxy.io/owning-gateway-name\": %s,"
          + " \"gateway.envoyproxy.io/owning-gateway-namespace\": openchoreo-data-plane}";

  static NetworkPlan frontend(DataPlane dp) {
    return NetworkPolicies.render(
        input(
            "frontend",
            FRONTEND,
            dp,
            List.of(tcp(8080)),
            List.of(),
            List.of(new InCellPeer("api", API, 9090, "TCP")),
            false,
            List.of()));
  }

  static NetworkPlan api(DataPlane dp) {
    return NetworkPolicies.render(
        input(
            "api",
            API,
            dp,
            List.of(),
            List.of(tcp(9090)),
            List.of(new InCellPeer("db", DB, 5432, "TCP")),
            false,
            List.of()));
  }

  static NetworkPlan db(DataPlane dp) {
    return NetworkPolicies.render(
        input("db", DB, dp, List.of(), List.of(), List.of(), false, List.of()));
  }

  static String baseline(String l) {
    return """
    endpointSelector: {matchLabels: %s}
    ingress:
    - fromEntities: [host]
    egress:
    - toEndpoints:
      - matchLabels: {"k8s:io.kubernetes.pod.namespace": kube-system, k8s-app: kube-dns}
      toPorts:
      - ports: [{port: "53", protocol: UDP}, {port: "53", protocol: TCP}]
        rules: {dns: [{matchPattern: "*"}]}
    """
        .formatted(l);
  }

  @Test
  void cellNamespaceOfTheExample() {
    assertThat(FRONTEND.namespace()).isEqualTo("dp-default-shop-development-276893d5");
  }

  @Test
  void frontendRendersBaselineIngressEgressAndConn() {
    NetworkPlan plan = frontend(DP);
    assertThat(ids(plan))
        .containsExactly(
            "frontend-baseline-15339eb6",
            "frontend-ingress-07620b18",
            "frontend-egress-dece3e98",
            "frontend-api-conn-61434dc1");
    assertThat(plan.warnings()).isEmpty();
    assertEnvelopes(plan, "CiliumNetworkPolicy", FRONTEND);
    assertThat(plan.policies().get(0).object().get("apiVersion").asText())
        .isEqualTo("cilium.io/v2");
    assertSpec(plan, "frontend-baseline-15339eb6", baseline(LF));
    assertSpec(
        plan,
        "frontend-ingress-07620b18",
        """
        endpointSelector: {matchLabels: %s}
        ingress:
        - fromEndpoints: [{matchLabels: %s}]
          toPorts: [{ports: [{port: "8080", protocol: TCP}]}]
        """
            .formatted(LF, GW.formatted("gateway-external")));
    assertSpec(
        plan,
        "frontend-egress-dece3e98",
        """
        endpointSelector: {matchLabels: %s}
        egress:
        - toEndpoints: [{matchLabels: %s}]
          toPorts: [{ports: [{port: "9090", protocol: TCP}]}]
        """
            .formatted(LF, LA));
    assertSpec(
        plan,
        "frontend-api-conn-61434dc1",
        """
        endpointSelector: {matchLabels: %s}
        ingress:
        - fromEndpoints: [{matchLabels: %s}]
          toPorts: [{ports: [{port: "9090", protocol: TCP}]}]
        """
            .formatted(LA, LF));
    assertGolden("shop-frontend-cilium", plan);
  }

  @Test
  void apiRendersWestboundOnlyAndItsConnectionToDb() {
    NetworkPlan plan = api(DP);
    assertThat(ids(plan))
        .containsExactly(
            "api-baseline-cf96a8cc",
            "api-ingress-8bce7742",
            "api-egress-e4e85639",
            "api-db-conn-610418d8");
    assertEnvelopes(plan, "CiliumNetworkPolicy", API);
    assertSpec(plan, "api-baseline-cf96a8cc", baseline(LA));
    assertSpec(
        plan,
        "api-ingress-8bce7742",
        """
        endpointSelector: {matchLabels: %s}
        ingress:
        - fromEndpoints: [{matchLabels: %s}]
          toPorts: [{ports: [{port: "9090", protocol: TCP}]}]
        """
            .formatted(LA, GW.formatted("gateway-internal")));
    assertSpec(
        plan,
        "api-egress-e4e85639",
        """
        endpointSelector: {matchLabels: %s}
        egress:
        - toEndpoints: [{matchLabels: %s}]
          toPorts: [{ports: [{port: "5432", protocol: TCP}]}]
        """
            .formatted(LA, LD));
    assertSpec(
        plan,
        "api-db-conn-610418d8",
        """
        endpointSelector: {matchLabels: %s}
        ingress:
        - fromEndpoints: [{matchLabels: %s}]
          toPorts: [{ports: [{port: "5432", protocol: TCP}]}]
        """
            .formatted(LD, LA));
    assertGolden("shop-api-cilium", plan);
  }

  @Test
  void dbRendersOnlyItsBaseline() {
    NetworkPlan plan = db(DP);
    assertThat(ids(plan)).containsExactly("db-baseline-46ba7b32");
    assertEnvelopes(plan, "CiliumNetworkPolicy", DB);
    assertSpec(plan, "db-baseline-46ba7b32", baseline(LD));
    assertGolden("shop-db-cilium", plan);
  }

  @Test
  void eastboundConnectionAllowsTheInternalGatewayOnPodPort() {
    Cell billing = cell("finance", "billing");
    NetworkPlan plan =
        NetworkPolicies.render(
            input("billing", billing, DP, List.of(), List.of(), List.of(), true, List.of()));
    assertThat(billing.namespace()).isEqualTo("dp-default-finance-development-d3fa0f7d");
    assertThat(ids(plan)).containsExactly("billing-baseline-f59130ed", "billing-egress-4eaf32a4");
    assertEnvelopes(plan, "CiliumNetworkPolicy", billing);
    assertSpec(
        plan,
        "billing-egress-4eaf32a4",
        """
        endpointSelector: {matchLabels: %s}
        egress:
        - toEndpoints: [{matchLabels: %s}]
          toPorts: [{ports: [{port: "10443", protocol: TCP}]}]
        """
            .formatted(labels("finance", "billing"), GW.formatted("gateway-internal")));
    assertGolden("billing-cilium", plan);
  }
}
