package dev.troupe.render.explain;

import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.api.names.K8sNames;
import java.util.Optional;

/**
 * Zero-trust network policies (rendering.md §8), CiliumNetworkPolicy and NetworkPolicy alike: the
 * baseline, the gateway ingress policy, the egress policy and the per-connection {@code conn}
 * policy on a connection's target, recognized by their generated names.
 */
final class NetworkSources implements Attribution {
  enum Role {
    BASELINE,
    INGRESS,
    EGRESS,
    CONN,
    UNKNOWN
  }

  private final Context ctx;
  private final Role role;
  private final String[] nameParts;
  private final ConnectionTargets.Target connection;

  NetworkSources(Context ctx, String name) {
    this.ctx = ctx;
    String b = ctx.binding().name();
    Role found = Role.UNKNOWN;
    String[] parts = null;
    ConnectionTargets.Target conn = null;
    for (Role r : new Role[] {Role.BASELINE, Role.INGRESS, Role.EGRESS}) {
      String suffix = r.name().toLowerCase(java.util.Locale.ROOT);
      if (name.equals(gen(b, suffix))) {
        found = r;
        parts = new String[] {b, suffix};
      }
    }
    for (ConnectionTargets.Target t : ConnectionTargets.of(ctx)) {
      if (name.equals(gen(b, t.name(), "conn"))) {
        found = Role.CONN;
        parts = new String[] {b, t.name(), "conn"};
        conn = t;
      }
    }
    this.role = found;
    this.nameParts = parts;
    this.connection = conn;
  }

  @Override
  public Optional<String> source(Leaf leaf) {
    LeafPath p = leaf.path();
    if (role == Role.UNKNOWN) {
      return Optional.empty();
    }
    if (p.matches("metadata", "name")) {
      return Optional.of(Sources.nameGenerator(63, nameParts));
    }
    if (p.startsWith("spec", LeafPath.ANY, "matchLabels")
        && p.size() == 4
        && (p.key(1).equals("endpointSelector") || p.key(1).equals("podSelector"))) {
      return Optional.ofNullable(
          role == Role.CONN ? targetLabel(connection, p.key(3)) : ctx.label(p.key(3)));
    }
    if (p.startsWith("spec", "policyTypes")) {
      return Optional.of(Sources.rendererDefault(role == Role.BASELINE ? "8.2" : "8.3"));
    }
    if (!(p.startsWith("spec", "ingress", LeafPath.INDEX)
        || p.startsWith("spec", "egress", LeafPath.INDEX))) {
      return Optional.empty();
    }
    NetworkRules rules = new NetworkRules(ctx);
    return switch (role) {
      case BASELINE -> Optional.of(baseline(p));
      case INGRESS -> rules.gatewayIngress(leaf);
      case EGRESS -> rules.egress(leaf);
      case CONN -> conn(leaf);
      case UNKNOWN -> Optional.empty();
    };
  }

  /** The conn policy's rule: from b's pods, on the connection's endpoint port. */
  private Optional<String> conn(Leaf leaf) {
    LeafPath p = leaf.path();
    if (NetworkRules.isLabel(p)) {
      return Optional.ofNullable(ctx.label(p.last()));
    }
    return NetworkRules.isPort(p)
        ? Optional.ofNullable(NetworkRules.endpointPort(connection, p.last()))
        : Optional.empty();
  }

  /** {@code L(t)} of a connection's target binding. */
  static String targetLabel(ConnectionTargets.Target t, String key) {
    String field = Context.labelField(key, false);
    if (field == null || t.binding().isEmpty()) {
      return null;
    }
    var b = t.binding().get();
    return "L(t) of " + t.describe() + ": " + b.kind() + " \"" + b.name() + "\" " + field;
  }

  private String baseline(LeafPath p) {
    if (p.shape().contains("fromEntities")) {
      return "zero trust: baseline (kubelet probes from the pod's own node, rendering.md §8.2)";
    }
    if (p.shape().contains("rules")) {
      return "zero trust: baseline (DNS visibility for toFQDNs egress rules, rendering.md §8.2)";
    }
    if (NetworkRules.isLabel(p)) {
      String key = p.last();
      boolean ns =
          key.equals(NetworkRules.POD_NAMESPACE) || key.equals(NetworkRules.NAMESPACE_NAME);
      return dns(ns ? "namespace" : "podLabels");
    }
    if (NetworkRules.isPort(p)) {
      return p.last().equals("port")
          ? dns("port")
          : "zero trust: baseline (DNS over UDP and TCP, rendering.md §8.2)";
    }
    return Sources.rendererDefault("8.2");
  }

  private String dns(String field) {
    DataPlane.Spec spec = ctx.dataPlaneSpec();
    DataPlane.ClusterDNS c =
        spec == null || spec.networkPolicy() == null ? null : spec.networkPolicy().clusterDNS();
    boolean set =
        c != null
            && switch (field) {
              case "namespace" -> c.namespace() != null;
              case "port" -> c.port() != null;
              default -> c.podLabels() != null && !c.podLabels().isEmpty();
            };
    return "zero trust: baseline (DNS to "
        + ctx.dataPlaneField("networkPolicy.clusterDNS." + field, set, "0.3")
        + ")";
  }

  private static String gen(String... parts) {
    return K8sNames.generateWithLengthLimit(K8sNames.DNS_LABEL_MAX, parts);
  }
}
