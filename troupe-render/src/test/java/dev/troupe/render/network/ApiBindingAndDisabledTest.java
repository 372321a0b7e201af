package dev.troupe.render.network;

import static dev.troupe.render.network.NetFixtures.assertEnvelopes;
import static dev.troupe.render.network.NetFixtures.assertGolden;
import static dev.troupe.render.network.NetFixtures.assertSpec;
import static dev.troupe.render.network.NetFixtures.cell;
import static dev.troupe.render.network.NetFixtures.gateway;
import static dev.troupe.render.network.NetFixtures.ids;
import static dev.troupe.render.network.NetFixtures.labels;
import static dev.troupe.render.network.NetFixtures.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.kinds.app.EgressRule;
import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.api.model.Condition;
import dev.troupe.render.Cell;
import java.util.List;
import org.junit.jupiter.api.Test;

/** APIBinding ingress-only policies (rendering.md §4.5) and provider {@code none} (§8.1, §9.3). */
class ApiBindingAndDisabledTest {
  static final Cell ORDERS = cell("shop", "orders");

  static NetworkPlan apiBinding(DataPlane dp) {
    return NetworkPolicies.render(
        new NetworkInput(
            "orders-api-binding",
            ORDERS,
            false,
            dp,
            gateway(dp),
            List.of(tcp(8080)),
            List.of(tcp(8080)),
            List.of(),
            false,
            List.of()));
  }

  @Test
  void apiBindingRendersOnlyAnIngressPolicySelectingTheBackendPods() {
    NetworkPlan plan = apiBinding(NetFixtures.kitDataPlane());
    assertThat(ids(plan)).containsExactly("orders-api-binding-ingress-e498c59f");
    assertThat(plan.warnings()).isEmpty();
    assertEnvelopes(plan, "CiliumNetworkPolicy", ORDERS);
    String gw =
        "{\"k8s:io.kubernetes.pod.namespace\": openchoreo-data-plane,"
            + " gateway.envoyproxy.io/owning-gateway-name: %s,"
            + " gateway.envoyproxy.io/owning-gateway-namespace: openchoreo-data-plane}";
    assertSpec(
        plan,
        "orders-api-binding-ingress-e498c59f",
        """
        endpointSelector: {matchLabels: %s}
        ingress:
        - fromEndpoints: [{matchLabels: %s}]
          toPorts: [{ports: [{port: "8080", protocol: TCP}]}]
        - fromEndpoints: [{matchLabels: %s}]
          toPorts: [{ports: [{port: "8080", protocol: TCP}]}]
        """
            .formatted(
                labels("shop", "orders"),
                gw.formatted("gateway-external"),
                gw.formatted("gateway-internal")));
    assertGolden("apibinding-cilium", plan);
  }

  @Test
  void apiBindingWithKubernetesProvider() {
    NetworkPlan plan = apiBinding(NetFixtures.provider("kubernetes"));
    assertThat(ids(plan)).containsExactly("orders-api-binding-ingress-e498c59f");
    assertEnvelopes(plan, "NetworkPolicy", ORDERS);
    assertGolden("apibinding-kubernetes", plan);
  }

  @Test
  void apiBindingWithoutExposureRendersNothing() {
    DataPlane dp = NetFixtures.kitDataPlane();
    NetworkPlan plan =
        NetworkPolicies.render(
            new NetworkInput(
                "orders-api-binding",
                ORDERS,
                false,
                dp,
                gateway(dp),
                List.of(),
                List.of(),
                List.of(),
                false,
                List.of()));
    assertThat(plan.policies()).isEmpty();
    assertThat(plan.warnings()).isEmpty();
  }

  @Test
  void providerNoneRendersNoObjectsAndWarns() {
    DataPlane dp = NetFixtures.provider("none");
    NetworkPlan plan = ShopCiliumTest.frontend(dp);
    assertThat(plan.policies()).isEmpty();
    assertThat(plan.warnings())
        .containsExactly(
            new Condition(
                "EgressWarning",
                "True",
                "NetworkPolicyDisabled",
                "network policies are disabled on DataPlane \"none-dp\"; the cell is not isolated",
                null,
                null));
  }

  @Test
  void providerNoneDoesNotWarnAboutHosts() {
    DataPlane dp = NetFixtures.provider("none");
    NetworkPlan plan =
        NetworkPolicies.render(
            NetFixtures.input(
                "worker",
                cell("default", "worker"),
                dp,
                List.of(),
                List.of(),
                List.of(),
                false,
                List.of(EgressRule.host("a.example.com", 443))));
    assertThat(plan.warnings())
        .extracting(Condition::reason)
        .containsExactly("NetworkPolicyDisabled");
    assertThat(apiBinding(dp).warnings())
        .extracting(Condition::reason)
        .containsExactly("NetworkPolicyDisabled");
  }

  @Test
  void equalInputsGiveEqualOutput() {
    DataPlane dp = NetFixtures.kitDataPlane();
    assertThat(ShopCiliumTest.frontend(dp)).isEqualTo(ShopCiliumTest.frontend(dp));
  }
}
