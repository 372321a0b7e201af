package dev.troupe.render.explain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.kinds.app.EgressRule;
import dev.troupe.api.kinds.app.Endpoint;
import dev.troupe.api.kinds.delivery.ComponentBinding;
import dev.troupe.api.kinds.delivery.WebApplicationBinding;
import dev.troupe.api.kinds.platform.DataPlane;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The allow rules of rendering.md §8.3: gateway ingress (rules N and W), and egress (intra-cell
 * connections, eastbound to the internal gateway, southbound Workload and Class {@code egress}).
 */
final class NetworkRules {
  static final String POD_NAMESPACE = "k8s:io.kubernetes.pod.namespace";
  static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";
  static final String GATEWAY_NAME = "gateway.envoyproxy.io/owning-gateway-name";

  private final Context ctx;

  NetworkRules(Context ctx) {
    this.ctx = ctx;
  }

  static boolean isLabel(LeafPath p) {
    return p.size() >= 2 && "matchLabels".equals(p.key(p.size() - 2));
  }

  static boolean isPort(LeafPath p) {
    return p.shape().contains("ports") && ("port".equals(p.last()) || "protocol".equals(p.last()));
  }

  /**
   * Rule N (external gateway, Public) or W (internal gateway, Organization) of the ingress policy.
   */
  Optional<String> gatewayIngress(Leaf leaf) {
    LeafPath p = leaf.path();
    JsonNode rule = leaf.at(3);
    String gw = rule.findValue(GATEWAY_NAME) == null ? "" : rule.findValue(GATEWAY_NAME).asText();
    boolean pub =
        ctx.gateway() != null ? gw.equals(ctx.gateway().externalGateway()) : p.index(2) == 0;
    String level = pub ? "Public" : "Organization";
    String desc = exposures(level) + (pub ? " (rule N)" : " (rule W)");
    if (isLabel(p)) {
      return Optional.of(desc + ": gateway pods, " + gatewayField(p.last(), pub));
    }
    if (isPort(p)) {
      return Optional.of(
          p.last().equals("port")
              ? desc + ": " + ports(level, leaf.value())
              : desc + ": TCP (rendering.md §8.3)");
    }
    return Optional.empty();
  }

  private String exposures(String level) {
    if (ctx.binding() instanceof WebApplicationBinding) {
      return "Public exposure of HTTP endpoint "
          + webEndpoint().map(Map.Entry::getKey).map(Sources::quote).orElse("");
    }
    List<String> apis = new ArrayList<>();
    Exposures.of(ctx).stream()
        .filter(e -> e.level().equals(level))
        .forEach(e -> apis.add(Sources.quote(e.api())));
    return level + " exposure of API" + (apis.size() > 1 ? "s " : " ") + String.join(", ", apis);
  }

  private String ports(String level, JsonNode value) {
    if (ctx.binding() instanceof WebApplicationBinding) {
      return webEndpoint()
          .map(e -> ctx.workloadField("endpoints." + e.getKey() + ".port"))
          .orElse(Sources.rendererDefault("8.3"));
    }
    List<String> out = new ArrayList<>();
    for (Exposures e : Exposures.of(ctx)) {
      int backend =
          e.rest().backend() == null || e.rest().backend().port() == null
              ? 0
              : e.rest().backend().port();
      TargetPorts.Target t = TargetPorts.of(ctx, backend);
      if (e.level().equals(level) && t.port().asText().equals(value.asText())) {
        out.add(e.restField() + ".backend.port" + t.via());
      }
    }
    return out.isEmpty() ? Sources.rendererDefault("8.3") : String.join("; ", out);
  }

  private Optional<Map.Entry<String, Endpoint>> webEndpoint() {
    return ctx.workload() == null
        ? Optional.empty()
        : ctx.workload().endpointsOrEmpty().entrySet().stream()
            .filter(e -> "HTTP".equals(e.getValue().type()))
            .findFirst();
  }

  private String gatewayField(String key, boolean external) {
    DataPlane.Gateway g = ctx.dataPlaneSpec() == null ? null : ctx.dataPlaneSpec().gateway();
    if (key.equals(GATEWAY_NAME)) {
      String field = external ? "gateway.externalGatewayName" : "gateway.internalGatewayName";
      boolean set =
          g != null && (external ? g.externalGatewayName() : g.internalGatewayName()) != null;
      return ctx.dataPlaneField(field, set, "0.3");
    }
    return ctx.dataPlaneField("gateway.namespace", g != null && g.namespace() != null, "0.3");
  }

  /** A rule of the egress policy: intra-cell, eastbound or southbound. */
  Optional<String> egress(Leaf leaf) {
    LeafPath p = leaf.path();
    JsonNode rule = leaf.at(3);
    JsonNode to = rule.path("to").path(0);
    if (rule.has("toFQDNs") || rule.has("toCIDRSet") || to.has("ipBlock")) {
      return southbound(leaf, rule);
    }
    if (rule.findValue(GATEWAY_NAME) != null || to.has("namespaceSelector")) {
      List<String> targets =
          ConnectionTargets.of(ctx).stream()
              .filter(t -> !t.sameProject())
              .map(ConnectionTargets.Target::describe)
              .toList();
      String desc = "eastbound to the internal gateway for " + String.join("; ", targets);
      if (isLabel(p)) {
        return Optional.of(desc + ": " + gatewayField(p.last(), false));
      }
      DataPlane.Gateway g = ctx.dataPlaneSpec() == null ? null : ctx.dataPlaneSpec().gateway();
      return isPort(p)
          ? Optional.of(
              desc
                  + ": "
                  + (p.last().equals("port")
                      ? ctx.dataPlaneField(
                          "gateway.podPort", g != null && g.podPort() != null, "0.3")
                      : "TCP (rendering.md §8.3)"))
          : Optional.empty();
    }
    JsonNode component = rule.findValue("component-name");
    List<ConnectionTargets.Target> targets =
        ConnectionTargets.of(ctx).stream()
            .filter(t -> t.sameProject() && t.binding().isPresent())
            .filter(
                t ->
                    component != null
                        && component.asText().equals(t.binding().get().owner().componentName()))
            .toList();
    if (targets.isEmpty()) {
      return Optional.empty();
    }
    if (isLabel(p)) {
      return Optional.ofNullable(NetworkSources.targetLabel(targets.getFirst(), p.last()));
    }
    if (isPort(p)) {
      String port = leaf.at(p.size() - 1).path("port").asText();
      ConnectionTargets.Target t =
          targets.stream()
              .filter(
                  x -> x.endpoint().map(e -> String.valueOf(e.port()).equals(port)).orElse(false))
              .findFirst()
              .orElse(targets.getFirst());
      return Optional.ofNullable(endpointPort(t, p.last()));
    }
    return Optional.empty();
  }

  private Optional<String> southbound(Leaf leaf, JsonNode rule) {
    LeafPath p = leaf.path();
    JsonNode fqdn = rule.path("toFQDNs").path(0);
    String host =
        fqdn.has("matchName")
            ? fqdn.path("matchName").asText()
            : fqdn.path("matchPattern").asText(null);
    String cidr =
        rule.has("toCIDRSet")
            ? rule.path("toCIDRSet").path(0).path("cidr").asText()
            : rule.path("to").path(0).path("ipBlock").path("cidr").asText(null);
    JsonNode port =
        rule.has("toPorts")
            ? rule.path("toPorts").path(0).path("ports").path(0)
            : rule.path("ports").path(0);
    Map.Entry<String, EgressRule> origin =
        origin(host, cidr, port.path("port").asText(), port.path("protocol").asText("TCP"));
    if (origin == null) {
      return Optional.empty();
    }
    if (isPort(p)) {
      boolean unset = p.last().equals("protocol") && origin.getValue().protocol() == null;
      return Optional.of(origin.getKey() + "." + p.last() + (unset ? " (unset: TCP)" : ""));
    }
    return Optional.of(origin.getKey() + (host != null ? ".host" : ".cidr"));
  }

  /** The first Workload, then Class, egress entry with this destination, port and protocol. */
  private Map.Entry<String, EgressRule> origin(
      String host, String cidr, String port, String protocol) {
    List<EgressRule> own = ctx.workload() == null ? List.of() : ctx.workload().egressOrEmpty();
    for (int i = 0; i < own.size(); i++) {
      if (same(own.get(i), host, cidr, port, protocol)) {
        return Map.entry(ctx.workloadField("egress[" + i + "]"), own.get(i));
      }
    }
    List<EgressRule> fromClass = ctx.workloadClass().map(c -> c.egressOrEmpty()).orElse(List.of());
    for (int i = 0; i < fromClass.size(); i++) {
      if (same(fromClass.get(i), host, cidr, port, protocol)) {
        return Map.entry(ctx.classRef() + " spec.egress[" + i + "]", fromClass.get(i));
      }
    }
    return null;
  }

  private static boolean same(
      EgressRule e, String host, String cidr, String port, String protocol) {
    boolean dest = host != null ? host.equals(e.host()) : cidr != null && cidr.equals(e.cidr());
    return dest && String.valueOf(e.port()).equals(port) && e.protocolOrDefault().equals(protocol);
  }

  /** {@code connection "n" → … : ServiceBinding "t" spec.workloadSpec.endpoints.<e>.port|type}. */
  static String endpointPort(ConnectionTargets.Target t, String field) {
    if (t == null || t.binding().isEmpty() || t.endpoint().isEmpty()) {
      return t == null ? null : t.describe();
    }
    ComponentBinding b = t.binding().get();
    Endpoint e = t.endpoint().get();
    String ref = b.kind() + " \"" + b.name() + "\" spec.workloadSpec.endpoints." + t.endpointName();
    return t.describe()
        + ": "
        + (field.equals("port")
            ? ref + ".port"
            : ref + ".type (" + e.type() + " → " + e.transport() + ")");
  }
}
