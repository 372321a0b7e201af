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

import dev.troupe.api.kinds.app.EgressRule;
import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.render.Cell;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A DataPlane with its own gateway namespace, gateway names, podPort and cluster DNS (rendering.md
 * §0.3), and a binding using every rule: N and W with duplicate and named ports, two connections to
 * one target, an eastbound connection and a CIDR.
 */
class CustomDataPlaneTest {
  static final Cell SVC = cell("default", "svc");
  static final String LS = labels("default", "svc");
  static final String LR = labels("default", "redis");
  static final String LM = labels("default", "mq");
  static final List<String> IDS =
      List.of(
          "svc-baseline-e78a9df5",
          "svc-ingress-6606fcf7",
          "svc-egress-61d02740",
          "svc-cache-conn-abbbc6c7",
          "svc-cache-admin-conn-34f80eed",
          "svc-queue-conn-f457d757");

  static DataPlane custom(String provider, String podPort) {
    return NetFixtures.dataPlane(
        "custom-" + provider,
        """
        gateway:
          publicVirtualHost: openchoreoapis.localhost
          organizationVirtualHost: openchoreoapis.internal
          listenerPort: 8443
          %s
          namespace: edge
          externalGatewayName: public-gw
          internalGatewayName: private-gw
        networkPolicy:
          provider: %s
          clusterDNS: {namespace: dns, podLabels: {app: coredns, tier: dns}, port: 5353}
        """
            .formatted(podPort, provider));
  }

  static NetworkPlan svc(DataPlane dp) {
    List<IngressPort> pub = List.of(tcp(8080), tcp(8080), IngressPort.named("http", "TCP"));
    List<IngressPort> org = List.of(tcp(8080), IngressPort.of(5000, "UDP"), tcp(8080));
    List<InCellPeer> peers =
        List.of(
            new InCellPeer("queue", cell("default", "mq"), 5672, "TCP"),
            new InCellPeer("cache", cell("default", "redis"), 6379, "TCP"),
            new InCellPeer("cache-admin", cell("default", "redis"), 6380, null));
    return NetworkPolicies.render(
        input(
            "svc",
            SVC,
            dp,
            pub,
            org,
            peers,
            true,
            List.of(EgressRule.cidr("192.168.0.0/24", 443))));
  }

  @Test
  void ciliumUsesTheDataPlaneGatewayAndDnsSettings() {
    NetworkPlan plan = svc(custom("cilium", ""));
    assertThat(ids(plan)).containsExactlyElementsOf(IDS);
    assertEnvelopes(plan, "CiliumNetworkPolicy", SVC);
    String gw =
        "{\"k8s:io.kubernetes.pod.namespace\": edge,"
            + " gateway.envoyproxy.io/owning-gateway-name: %s,"
            + " gateway.envoyproxy.io/owning-gateway-namespace: edge}";
    assertSpec(
        plan,
        "svc-baseline-e78a9df5",
        """
        endpointSelector: {matchLabels: %s}
        ingress: [{fromEntities: [host]}]
        egress:
        - toEndpoints: [{matchLabels: {"k8s:io.kubernetes.pod.namespace": dns, app: coredns, tier: dns}}]
          toPorts:
          - ports: [{port: "5353", protocol: UDP}, {port: "5353", protocol: TCP}]
            rules: {dns: [{matchPattern: "*"}]}
        """
            .formatted(LS));
    assertSpec(
        plan,
        "svc-ingress-6606fcf7",
        """
        endpointSelector: {matchLabels: %s}
        ingress:
        - fromEndpoints: [{matchLabels: %s}]
          toPorts: [{ports: [{port: "8080", protocol: TCP}, {port: http, protocol: TCP}]}]
        - fromEndpoints: [{matchLabels: %s}]
          toPorts: [{ports: [{port: "8080", protocol: TCP}, {port: "5000", protocol: UDP}]}]
        """
            .formatted(LS, gw.formatted("public-gw"), gw.formatted("private-gw")));
    assertSpec(
        plan,
        "svc-egress-61d02740",
        """
        endpointSelector: {matchLabels: %s}
        egress:
        - toEndpoints: [{matchLabels: %s}]
          toPorts: [{ports: [{port: "6379", protocol: TCP}, {port: "6380", protocol: TCP}]}]
        - toEndpoints: [{matchLabels: %s}]
          toPorts: [{ports: [{port: "5672", protocol: TCP}]}]
        - toEndpoints: [{matchLabels: %s}]
          toPorts: [{ports: [{port: "8443", protocol: TCP}]}]
        - toCIDRSet: [{cidr: 192.168.0.0/24}]
          toPorts: [{ports: [{port: "443", protocol: TCP}]}]
        """
            .formatted(LS, LR, LM, gw.formatted("private-gw")));
    assertSpec(
        plan,
        "svc-cache-admin-conn-34f80eed",
        """
        endpointSelector: {matchLabels: %s}
        ingress:
        - fromEndpoints: [{matchLabels: %s}]
          toPorts: [{ports: [{port: "6380", protocol: TCP}]}]
        """
            .formatted(LR, LS));
    assertSpec(
        plan,
        "svc-queue-conn-f457d757",
        """
        endpointSelector: {matchLabels: %s}
        ingress:
        - fromEndpoints: [{matchLabels: %s}]
          toPorts: [{ports: [{port: "5672", protocol: TCP}]}]
        """
            .formatted(LM, LS));
    assertGolden("custom-cilium", plan);
  }

  @Test
  void kubernetesUsesTheDataPlaneGatewayDnsAndExplicitPodPort() {
    NetworkPlan plan = svc(custom("kubernetes", "podPort: 9443"));
    assertThat(ids(plan)).containsExactlyElementsOf(IDS);
    assertEnvelopes(plan, "NetworkPolicy", SVC);
    String gw =
        "{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: edge}},"
            + " podSelector: {matchLabels: {gateway.envoyproxy.io/owning-gateway-name: %s,"
            + " gateway.envoyproxy.io/owning-gateway-namespace: edge}}}";
    assertSpec(
        plan,
        "svc-baseline-e78a9df5",
        """
        podSelector: {matchLabels: %s}
        policyTypes: [Ingress, Egress]
        egress:
        - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: dns}}, podSelector: {matchLabels: {app: coredns, tier: dns}}}]
          ports: [{protocol: UDP, port: 5353}, {protocol: TCP, port: 5353}]
        """
            .formatted(LS));
    assertSpec(
        plan,
        "svc-ingress-6606fcf7",
        """
        podSelector: {matchLabels: %s}
        policyTypes: [Ingress]
        ingress:
        - from: [%s]
          ports: [{protocol: TCP, port: 8080}, {protocol: TCP, port: http}]
        - from: [%s]
          ports: [{protocol: TCP, port: 8080}, {protocol: UDP, port: 5000}]
        """
            .formatted(LS, gw.formatted("public-gw"), gw.formatted("private-gw")));
    assertSpec(
        plan,
        "svc-egress-61d02740",
        """
        podSelector: {matchLabels: %s}
        policyTypes: [Egress]
        egress:
        - to: [{podSelector: {matchLabels: %s}}]
          ports: [{protocol: TCP, port: 6379}, {protocol: TCP, port: 6380}]
        - to: [{podSelector: {matchLabels: %s}}]
          ports: [{protocol: TCP, port: 5672}]
        - to: [%s]
          ports: [{protocol: TCP, port: 9443}]
        - to: [{ipBlock: {cidr: 192.168.0.0/24}}]
          ports: [{protocol: TCP, port: 443}]
        """
            .formatted(LS, LR, LM, gw.formatted("private-gw")));
    assertSpec(
        plan,
        "svc-cache-conn-abbbc6c7",
        """
        podSelector: {matchLabels: %s}
        policyTypes: [Ingress]
        ingress:
        - from: [{podSelector: {matchLabels: %s}}]
          ports: [{protocol: TCP, port: 6379}]
        """
            .formatted(LR, LS));
    assertGolden("custom-kubernetes", plan);
  }
}
