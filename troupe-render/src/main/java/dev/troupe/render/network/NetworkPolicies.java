package dev.troupe.render.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.api.model.Condition;
import dev.troupe.api.names.K8sNames;
import dev.troupe.render.Cell;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.Trees;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The zero-trust network policies of one binding (rendering.md §8): baseline, ingress, egress and
 * one conn policy per in-cell connection, in the order of §4.6 item 1, with the {@code
 * EgressWarning} of §9.3. The id of each policy is its name.
 */
public final class NetworkPolicies {
  public static final String EGRESS_WARNING = "EgressWarning";
  public static final String HOST_EGRESS_NOT_ENFORCEABLE = "HostEgressNotEnforceable";
  public static final String NETWORK_POLICY_DISABLED = "NetworkPolicyDisabled";

  private NetworkPolicies() {}

  /**
   * All policy objects of one binding, in §4.6 order: baseline, ingress, egress, then one conn
   * policy per in-cell connection (sorted by connection name).
   */
  public static NetworkPlan render(NetworkInput in) {
    String provider = provider(in.dataPlane());
    if ("none".equals(provider)) {
      String message =
          "network policies are disabled on DataPlane \""
              + in.dataPlane().name()
              + "\"; the cell is not isolated";
      return new NetworkPlan(List.of(), List.of(warning(NETWORK_POLICY_DISABLED, message)));
    }
    Dialect dialect = dialect(provider);
    Cell cell = in.cell();
    String b = in.bindingName();
    List<RenderedObject> out = new ArrayList<>();
    if (in.hasPods()) {
      ObjectNode spec = dialect.baselineSpec(cell, ClusterDns.of(in.dataPlane()));
      out.add(policy(dialect, in, name(b, "baseline"), spec));
    }
    List<Rule> ingress = AllowRules.ingress(in);
    if (!ingress.isEmpty()) {
      out.add(policy(dialect, in, name(b, "ingress"), dialect.ingressSpec(cell, ingress)));
    }
    if (!in.hasPods()) {
      return new NetworkPlan(out, List.of());
    }
    List<Rule> egress = AllowRules.egress(in);
    List<Rule> expressed = egress.stream().filter(r -> dialect.expresses(r.peer())).toList();
    if (!expressed.isEmpty()) {
      out.add(policy(dialect, in, name(b, "egress"), dialect.egressSpec(cell, expressed)));
    }
    for (InCellPeer peer : AllowRules.sortedPeers(in)) {
      ObjectNode spec = dialect.ingressSpec(peer.targetCell(), List.of(AllowRules.conn(in, peer)));
      out.add(policy(dialect, in, name(b, peer.connection(), "conn"), spec));
    }
    return new NetworkPlan(out, hostWarnings(egress, dialect));
  }

  /** {@code HostEgressNotEnforceable} for the hosts the dialect cannot express, once per host. */
  private static List<Condition> hostWarnings(List<Rule> egress, Dialect dialect) {
    Set<String> hosts = new LinkedHashSet<>();
    for (Rule rule : egress) {
      if (!dialect.expresses(rule.peer()) && rule.peer() instanceof Peer.Fqdn f) {
        hosts.add(f.host());
      }
    }
    if (hosts.isEmpty()) {
      return List.of();
    }
    List<String> parts = new ArrayList<>();
    for (String h : hosts) {
      parts.add(
          "egress host \""
              + h
              + "\" cannot be expressed in a Kubernetes NetworkPolicy; traffic to it stays denied");
    }
    return List.of(warning(HOST_EGRESS_NOT_ENFORCEABLE, String.join("; ", parts)));
  }

  private static String provider(DataPlane dataPlane) {
    DataPlane.Spec spec = dataPlane.spec();
    if (spec == null || spec.networkPolicy() == null || spec.networkPolicy().provider() == null) {
      return "cilium";
    }
    return spec.networkPolicy().provider();
  }

  private static Dialect dialect(String provider) {
    return switch (provider) {
      case "cilium" -> CiliumDialect.INSTANCE;
      case "kubernetes" -> KubernetesDialect.INSTANCE;
      default -> throw new IllegalArgumentException("unknown networkPolicy.provider " + provider);
    };
  }

  private static String name(String... parts) {
    return K8sNames.generateWithLengthLimit(K8sNames.DNS_LABEL_MAX, parts);
  }

  private static RenderedObject policy(
      Dialect dialect, NetworkInput in, String name, ObjectNode spec) {
    ObjectNode object =
        Trees.envelope(dialect.apiVersion(), dialect.kind(), in.cell().metadata(name));
    object.set("spec", spec);
    return new RenderedObject(name, object);
  }

  private static Condition warning(String reason, String message) {
    return new Condition(EGRESS_WARNING, Condition.TRUE, reason, message, null, null);
  }
}
