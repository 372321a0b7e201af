package dev.troupe.cli.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.cli.remote.FakeApi;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pairing rendered objects and what an environment comparison normalises. */
class RenderedDiffTest {

  static ObjectNode deployment(String name, String ns, String env, String image) {
    return FakeApi.yaml(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %s
          namespace: %s
          labels: {component-name: orders, environment-name: %s}
        spec:
          selector:
            matchLabels: {environment-name: %s}
          template:
            spec:
              containers:
              - name: main
                image: %s
                env:
                - {name: PEER, value: "inventory.%s.svc.cluster.local"}
        """
            .formatted(name, ns, env, env, image, ns));
  }

  static ObjectNode service(String name, String ns) {
    return FakeApi.yaml(
        """
        apiVersion: v1
        kind: Service
        metadata: {name: %s, namespace: %s}
        spec: {ports: [{port: 80}]}
        """
            .formatted(name, ns));
  }

  @Test
  void twoEnvironmentsDifferOnlyInWhatIsNotNormalised() {
    RenderedDiff.Side staging =
        new RenderedDiff.Side(
            "staging",
            List.of(deployment("orders-staging-1a2b3c4d", "dp-s-11111111", "staging", "o:1")),
            "staging",
            "orders-staging");
    RenderedDiff.Side production =
        new RenderedDiff.Side(
            "production",
            List.of(deployment("orders-production-5e6f7a8b", "dp-p-22222222", "production", "o:1")),
            "production",
            "orders-production");

    RenderedDiff.Result r = RenderedDiff.compare(staging, production, 1);

    // Paired despite the different generated names, which are shown as <binding>-<hash>.
    assertThat(r.equal()).isTrue();
    assertThat(r.total()).isEqualTo(1);
    assertThat(RenderedDiff.yaml(staging, staging.objects().get(0)))
        .contains("  name: <binding>-<hash>")
        .noneMatch(l -> l.contains("dp-s-11111111") || l.contains("environment-name: staging"));
  }

  @Test
  void aDifferentImageIsShown() {
    RenderedDiff.Side a =
        new RenderedDiff.Side(
            "staging",
            List.of(deployment("orders-staging-1a2b3c4d", "dp-s", "staging", "o:2")),
            "staging",
            "orders-staging");
    RenderedDiff.Side b =
        new RenderedDiff.Side(
            "production",
            List.of(deployment("orders-production-5e6f7a8b", "dp-p", "production", "o:1")),
            "production",
            "orders-production");

    String text = RenderedDiff.compare(a, b, 3).text();

    assertThat(text).contains("-          image: o:2\n+          image: o:1\n");
    assertThat(text)
        .contains("@@ -14,7 +14,7 @@\n") // the only hunk: names and namespaces are normalised
        .contains("   value: inventory.<namespace>.svc.cluster.local\n");
    assertThat(RenderedDiff.yaml(a, a.objects().get(0))).contains("  namespace: <namespace>");
  }

  @Test
  void revisionsPairByExactNameAndShowObjectsOnOneSide() {
    RenderedDiff.Side r3 =
        new RenderedDiff.Side(
            "prod@3",
            List.of(
                deployment("orders-1a2b3c4d", "dp", "production", "o:1"),
                service("orders-1a2b3c4d", "dp")),
            null,
            null);
    RenderedDiff.Side r4 =
        new RenderedDiff.Side(
            "prod@4",
            List.of(deployment("orders-1a2b3c4d", "dp", "production", "o:1")),
            null,
            null);

    RenderedDiff.Result r = RenderedDiff.compare(r3, r4, 3);

    assertThat(r.changed()).isZero();
    assertThat(r.onlyFrom()).isEqualTo(1);
    assertThat(r.total()).isEqualTo(2);
    assertThat(r.text())
        .startsWith("--- prod@3/v1/Service/orders-1a2b3c4d\n+++ /dev/null\n@@ -1,8 +0,0 @@\n")
        .contains("-kind: Service\n");
    assertThat(RenderedDiff.compare(r4, r4, 3).equal()).isTrue();
  }

  @Test
  void shownNamesHideTheBindingAndTheHashOnly() {
    assertThat(RenderedDiff.shownName("orders-staging-1a2b3c4d", "orders-staging"))
        .isEqualTo("<binding>-<hash>");
    assertThat(RenderedDiff.shownName("orders-staging-config-0badf00d", "orders-staging"))
        .isEqualTo("<binding>-config-<hash>");
    assertThat(RenderedDiff.shownName("shared-gateway", "orders-staging"))
        .isEqualTo("shared-gateway");
  }

  @Test
  void pairingNamesDropTheBindingAndTheHash() {
    assertThat(RenderedDiff.pairingName("orders-staging-1a2b3c4d", "orders-staging"))
        .isEqualTo("<binding>");
    assertThat(RenderedDiff.pairingName("orders-shop-config-0badf00d", "orders"))
        .isEqualTo("<binding>-shop-config");
    // Another binding's prefix and names without a hash stay as they are.
    assertThat(RenderedDiff.pairingName("ordersx-1a2b3c4d", "orders")).isEqualTo("ordersx");
    assertThat(RenderedDiff.pairingName("fixed-name", "orders")).isEqualTo("fixed-name");
  }
}
