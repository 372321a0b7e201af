package dev.troupe.render.network;

import static dev.troupe.render.network.NetFixtures.assertEnvelopes;
import static dev.troupe.render.network.NetFixtures.assertGolden;
import static dev.troupe.render.network.NetFixtures.assertSpec;
import static dev.troupe.render.network.NetFixtures.cell;
import static dev.troupe.render.network.NetFixtures.ids;
import static dev.troupe.render.network.NetFixtures.input;
import static dev.troupe.render.network.NetFixtures.labels;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.kinds.app.EgressRule;
import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.api.model.Condition;
import dev.troupe.render.Cell;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Southbound egress (rendering.md §8.3 rule 3) and the HostEgressNotEnforceable warning (§9.3). */
class SouthboundEgressTest {
  static final Cell WORKER = cell("default", "worker");
  static final String LW = labels("default", "worker");

  /** Workload entries, then class entries; two exact duplicates (one only by the TCP default). */
  static final List<EgressRule> EGRESS =
      List.of(
          EgressRule.host("api.github.com", 443),
          new EgressRule("*.s3.amazonaws.com", null, 443, null),
          EgressRule.cidr("10.20.0.0/16", 3306),
          new EgressRule(null, "10.0.0.53/32", 53, "UDP"),
          new EgressRule("api.github.com", null, 443, "TCP"),
          EgressRule.cidr("10.20.0.0/16", 3306),
          EgressRule.host("smtp.example.com", 587),
          EgressRule.host("api.github.com", 8443));

  static NetworkPlan worker(DataPlane dp) {
    return NetworkPolicies.render(
        input("worker", WORKER, dp, List.of(), List.of(), List.of(), false, EGRESS));
  }

  @Test
  void ciliumRendersFqdnPatternAndCidrRulesInEntryOrderWithoutDuplicates() {
    NetworkPlan plan = worker(NetFixtures.kitDataPlane());
    assertThat(ids(plan)).containsExactly("worker-baseline-b0436749", "worker-egress-b713b093");
    assertThat(plan.warnings()).isEmpty();
    assertEnvelopes(plan, "CiliumNetworkPolicy", WORKER);
    assertSpec(
        plan,
        "worker-egress-b713b093",
        """
        endpointSelector: {matchLabels: %s}
        egress:
        - {toFQDNs: [{matchName: api.github.com}], toPorts: [{ports: [{port: "443", protocol: TCP}]}]}
        - {toFQDNs: [{matchPattern: "*.s3.amazonaws.com"}], toPorts: [{ports: [{port: "443", protocol: TCP}]}]}
        - {toCIDRSet: [{cidr: 10.20.0.0/16}], toPorts: [{ports: [{port: "3306", protocol: TCP}]}]}
        - {toCIDRSet: [{cidr: 10.0.0.53/32}], toPorts: [{ports: [{port: "53", protocol: UDP}]}]}
        - {toFQDNs: [{matchName: smtp.example.com}], toPorts: [{ports: [{port: "587", protocol: TCP}]}]}
        - {toFQDNs: [{matchName: api.github.com}], toPorts: [{ports: [{port: "8443", protocol: TCP}]}]}
        """
            .formatted(LW));
    assertGolden("southbound-cilium", plan);
  }

  @Test
  void kubernetesKeepsCidrsSkipsHostsAndWarnsOncePerHost() {
    NetworkPlan plan = worker(NetFixtures.provider("kubernetes"));
    assertThat(ids(plan)).containsExactly("worker-baseline-b0436749", "worker-egress-b713b093");
    assertEnvelopes(plan, "NetworkPolicy", WORKER);
    assertSpec(
        plan,
        "worker-egress-b713b093",
        """
        podSelector: {matchLabels: %s}
        policyTypes: [Egress]
        egress:
        - {to: [{ipBlock: {cidr: 10.20.0.0/16}}], ports: [{protocol: TCP, port: 3306}]}
        - {to: [{ipBlock: {cidr: 10.0.0.53/32}}], ports: [{protocol: UDP, port: 53}]}
        """
            .formatted(LW));
    assertThat(plan.warnings())
        .containsExactly(
            new Condition(
                "EgressWarning",
                "True",
                "HostEgressNotEnforceable",
                "egress host \"api.github.com\" cannot be expressed in a Kubernetes NetworkPolicy;"
                    + " traffic to it stays denied; egress host \"*.s3.amazonaws.com\" cannot be"
                    + " expressed in a Kubernetes NetworkPolicy; traffic to it stays denied; egress"
                    + " host \"smtp.example.com\" cannot be expressed in a Kubernetes"
                    + " NetworkPolicy; traffic to it stays denied",
                null,
                null));
    assertGolden("southbound-kubernetes", plan);
  }

  @Test
  void kubernetesWithOnlyHostEntriesRendersNoEgressPolicy() {
    NetworkPlan plan =
        NetworkPolicies.render(
            input(
                "worker",
                WORKER,
                NetFixtures.provider("kubernetes"),
                List.of(),
                List.of(),
                List.of(),
                false,
                List.of(EgressRule.host("api.github.com", 443))));
    assertThat(ids(plan)).containsExactly("worker-baseline-b0436749");
    assertThat(plan.warnings())
        .extracting(Condition::reason)
        .containsExactly("HostEgressNotEnforceable");
    assertThat(plan.warnings().get(0).message())
        .isEqualTo(
            "egress host \"api.github.com\" cannot be expressed in a Kubernetes NetworkPolicy;"
                + " traffic to it stays denied");
  }

  @Test
  void scheduledTaskGetsBaselineAndEgressOnly() {
    Cell task = cell("default", "github-issue-reporter");
    List<EgressRule> egress =
        List.of(EgressRule.host("api.github.com", 443), EgressRule.cidr("10.20.0.0/16", 3306));
    NetworkPlan plan =
        NetworkPolicies.render(
            input(
                "github-issue-reporter",
                task,
                NetFixtures.kitDataPlane(),
                List.of(),
                List.of(),
                List.of(),
                false,
                egress));
    assertThat(task.namespace()).isEqualTo("dp-default-default-development-f8e58905");
    assertThat(ids(plan))
        .containsExactly(
            "github-issue-reporter-baseline-813447a0", "github-issue-reporter-egress-a2fa5db5");
    assertEnvelopes(plan, "CiliumNetworkPolicy", task);
    assertSpec(
        plan,
        "github-issue-reporter-egress-a2fa5db5",
        """
        endpointSelector: {matchLabels: %s}
        egress:
        - {toFQDNs: [{matchName: api.github.com}], toPorts: [{ports: [{port: "443", protocol: TCP}]}]}
        - {toCIDRSet: [{cidr: 10.20.0.0/16}], toPorts: [{ports: [{port: "3306", protocol: TCP}]}]}
        """
            .formatted(labels("default", "github-issue-reporter")));
    assertGolden("scheduledtask-cilium", plan);
  }

  @Test
  void scheduledTaskWithoutEgressRendersOnlyItsBaseline() {
    NetworkPlan plan =
        NetworkPolicies.render(
            input(
                "github-issue-reporter",
                cell("default", "github-issue-reporter"),
                NetFixtures.kitDataPlane(),
                List.of(),
                List.of(),
                List.of(),
                false,
                List.of()));
    assertThat(ids(plan)).containsExactly("github-issue-reporter-baseline-813447a0");
  }
}
