package dev.troupe.render.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.kinds.app.EgressRule;
import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.api.kinds.platform.Environment;
import dev.troupe.render.Canonical;
import dev.troupe.render.Cell;
import dev.troupe.render.GatewaySettings;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.Snapshot;
import dev.troupe.render.testing.Fixtures;
import dev.troupe.render.testing.Golden;
import java.util.List;

/** Shared inputs and assertions for the network-policy tests. */
final class NetFixtures {
  static final Snapshot KIT = Fixtures.snapshot("");
  private static final YAMLMapper YAML = new YAMLMapper();

  private NetFixtures() {}

  /** The starter-kit DataPlane {@code default} (cilium, defaults everywhere). */
  static DataPlane kitDataPlane() {
    return KIT.find(DataPlane.class, "default").orElseThrow();
  }

  /** A DataPlane {@code name} admitted with the given (indented) extra spec lines. */
  static DataPlane dataPlane(String name, String specLines) {
    String yaml =
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: DataPlane
        metadata: {name: %s}
        spec:
          registry: {prefix: registry.example.com}
          releaseMode: gitops
        %s\
        """
            .formatted(name, specLines.indent(2));
    return Fixtures.snapshot(yaml).find(DataPlane.class, name).orElseThrow();
  }

  /** A DataPlane with the kit's hosts and the given network-policy provider. */
  static DataPlane provider(String provider) {
    return dataPlane(
        provider + "-dp",
        """
        gateway: {publicVirtualHost: openchoreoapis.localhost, organizationVirtualHost: openchoreoapis.internal}
        networkPolicy: {provider: %s}
        """
            .formatted(provider));
  }

  static GatewaySettings gateway(DataPlane dp) {
    return GatewaySettings.of(KIT.find(Environment.class, "development").orElseThrow(), dp);
  }

  static Cell cell(String project, String component) {
    return new Cell("default", project, "development", component);
  }

  static NetworkInput input(
      String binding,
      Cell cell,
      DataPlane dp,
      List<IngressPort> pub,
      List<IngressPort> org,
      List<InCellPeer> peers,
      boolean crossProject,
      List<EgressRule> egress) {
    return new NetworkInput(
        binding, cell, true, dp, gateway(dp), pub, org, peers, crossProject, egress);
  }

  static IngressPort tcp(int port) {
    return IngressPort.of(port, "TCP");
  }

  static JsonNode yaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** {@code L(component)} in {@code project}, as flow YAML. */
  static String labels(String project, String component) {
    return "{organization-name: default, project-name: %s, environment-name: development, component-name: %s}"
        .formatted(project, component);
  }

  static List<String> ids(NetworkPlan plan) {
    return plan.policies().stream().map(RenderedObject::id).toList();
  }

  static RenderedObject byId(NetworkPlan plan, String id) {
    return plan.policies().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
  }

  /** Asserts that the spec of policy {@code id} equals {@code expectedYaml}. */
  static void assertSpec(NetworkPlan plan, String id, String expectedYaml) {
    assertThat(byId(plan, id).object().get("spec")).as(id).isEqualTo(yaml(expectedYaml));
  }

  /** Asserts the envelope: kind, name = id, namespace and {@code L(b)}. */
  static void assertEnvelopes(NetworkPlan plan, String kind, Cell cell) {
    for (RenderedObject o : plan.policies()) {
      assertThat(o.kind()).isEqualTo(kind);
      assertThat(o.name()).isEqualTo(o.id());
      assertThat(o.object().get("metadata")).isEqualTo(cell.metadata(o.id()));
    }
  }

  static void assertGolden(String name, NetworkPlan plan) {
    List<Object> docs =
        plan.policies().stream().map(o -> (Object) Canonical.of(o.object())).toList();
    Golden.assertMatches("network/" + name + ".yaml", Codec.toYamlStream(docs));
  }
}
