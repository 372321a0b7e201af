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
      String message = "network policies are disabled on DataPlane \"" + in.dataPlane().name()
          + "\"; the cell is not isolated";
      return new NetworkPlan(List.of(), List.of(warning(NETWORK_POLICY_DISABLED, message)));
    }
    Dialect dialect = dialect(provider);
    String b = in.bindingName();
    List<RenderedObject> out = new ArrayList<>();
    if (in.hasPods()) {
      ObjectNode spec = dialect.baselineSpec(in.cell(), ClusterDns.of(in.dataPlane()));
      out.add(policy(dialect, in.cell(), name(b, "baseline"), spec));
    }
    List<Rule> ingress = AllowRules.ingress(in);
    if (!ingress.isEmpty()) {
      out.add(policy(dialect, in.cell(), name(b, "ingress"), dialect.ingressSpec(in.cell(), ingress)));
    }
    List<Condition> warnings = new ArrayList<>();
    if (in.hasPods()) {
      List<Rule> egress = new ArrayList<>();
      Set<String> skippedHosts = new LinkedHashSet<>();
      for (Rule rule : AllowRules.egress(in)) {
        if (dialect.expresses(rule.peer())) {
          egress.add(rule);
        } else if (rule.peer() instanceof Peer.Fqdn f) {
          skippedHosts.add(f.host());
        }
      }
      if (!egress.isEmpty()) {
        out.add(policy(dialect, in.cell(), name(b, "egress"), dialect.egressSpec(in.cell(), egress)));
      }
      for (InCellPeer peer : AllowRules.sortedPeers(in)) {
        ObjectNode spec = dialect.ingressSpec(peer.targetCell(), List.of(AllowRules.conn(in, peer)));
        out.add(policy(dialect, in.cell(), name(b, peer.connection(), "conn"), spec));
      }
      if (!skippedHosts.isEmpty()) {
        warnings.add(warning(HOST_EGRESS_NOT_ENFORCEABLE, hostMessage(skippedHosts)));
      }
    }
    return new NetworkPlan(out, warnings);
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

  private static RenderedObject policy(Dialect dialect, Cell cell, String name, ObjectNode spec) {
    ObjectNode object = Trees.envelope(dialect.apiVersion(), dialect.kind(), cell.metadata(name));
    object.set("spec", spec);
    return new RenderedObject(name, object);
  }

  private static String hostMessage(Set<String> hosts) {
    List<String> parts = new ArrayList<>();
    for (String h : hosts) {
      parts.add("egress host \"" + h + "\" cannot be expressed in a Kubernetes NetworkPolicy;"
          + " traffic to it stays denied");
    }
    return String.join("; ", parts);
  }

  private static Condition warning(String reason, String message) {
    return new Condition(EGRESS_WARNING, Condition.TRUE, reason, message, null, null);
  }
}
