package dev.troupe.render.network;

import static dev.troupe.render.network.NetFixtures.assertSpec;
import static dev.troupe.render.network.NetFixtures.cell;
import static dev.troupe.render.network.NetFixtures.ids;
import static dev.troupe.render.network.NetFixtures.input;
import static dev.troupe.render.network.NetFixtures.labels;
import static dev.troupe.render.network.NetFixtures.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.kinds.platform.DataPlane;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Policy ids of the end-to-end examples of rendering.md §10.2, §10.3 and §10.5. */
class ExampleNamesTest {
  static final DataPlane DP = NetFixtures.kitDataPlane();

  @Test
  void greeterServiceHasRulesNAndW() {
    NetworkPlan plan =
        NetworkPolicies.render(
            input(
                "greeter-service",
                cell("default", "greeter-service"),
                DP,
                List.of(tcp(9090)),
                List.of(tcp(9090)),
                List.of(),
                false,
                List.of()));
    assertThat(ids(plan))
        .containsExactly("greeter-service-baseline-664bf8fd", "greeter-service-ingress-be6d399e");
  }

  @Test
  void reactStarterHasBaselineAndNorthbound() {
    NetworkPlan plan =
        NetworkPolicies.render(
            input(
                "react-starter",
                cell("default", "react-starter"),
                DP,
                List.of(tcp(8080)),
                List.of(),
                List.of(),
                false,
                List.of()));
    assertThat(ids(plan))
        .containsExactly("react-starter-baseline-37b58707", "react-starter-ingress-8524ff30");
  }

  @Test
  void cartOwnsBothSidesOfItsRedisConnection() {
    String project = "gcp-microservice-demo";
    NetworkPlan plan =
        NetworkPolicies.render(
            input(
                "cart",
                cell(project, "cart"),
                DP,
                List.of(),
                List.of(),
                List.of(new InCellPeer("redis-cache", cell(project, "redis"), 6379, "TCP")),
                false,
                List.of()));
    assertThat(ids(plan))
        .containsExactly(
            "cart-baseline-4b9ade88", "cart-egress-32a7991e", "cart-redis-cache-conn-daf4d9af");
    assertSpec(
        plan,
        "cart-redis-cache-conn-daf4d9af",
        """
        endpointSelector: {matchLabels: %s}
        ingress:
        - fromEndpoints: [{matchLabels: %s}]
          toPorts: [{ports: [{port: "6379", protocol: TCP}]}]
        """
            .formatted(labels(project, "redis"), labels(project, "cart")));
    assertThat(
            NetworkPolicies.render(
                    input(
                        "redis",
                        cell(project, "redis"),
                        DP,
                        List.of(),
                        List.of(),
                        List.of(),
                        false,
                        List.of()))
                .policies())
        .extracting(p -> p.id())
        .containsExactly("redis-baseline-d8e902b3");
  }
}
