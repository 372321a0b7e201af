package dev.troupe.render.network;

import dev.troupe.api.kinds.app.EgressRule;
import dev.troupe.render.Cell;
import dev.troupe.render.GatewaySettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The allow rules of one binding, provider-neutral, in the order of rendering.md §8.3. */
final class AllowRules {
  private AllowRules() {}

  /** Rules N (external gateway, public ports) then W (internal gateway, organization ports). */
  static List<Rule> ingress(NetworkInput in) {
    GatewaySettings gw = in.gateway();
    List<Rule> rules = new ArrayList<>();
    if (!in.publicPorts().isEmpty()) {
      rules.add(
          new Rule(new Peer.GatewayPods(gw.namespace(), gw.externalGateway()), in.publicPorts()));
    }
    if (!in.organizationPorts().isEmpty()) {
      rules.add(
          new Rule(
              new Peer.GatewayPods(gw.namespace(), gw.internalGateway()), in.organizationPorts()));
    }
    return rules;
  }

  /** Intra-cell rules (one per target), the eastbound rule, then one southbound rule per entry. */
  static List<Rule> egress(NetworkInput in) {
    List<Rule> rules = new ArrayList<>();
    Map<Cell, List<IngressPort>> byTarget = new LinkedHashMap<>();
    for (InCellPeer peer : sortedPeers(in)) {
      byTarget.computeIfAbsent(peer.targetCell(), t -> new ArrayList<>()).add(peer.ingressPort());
    }
    byTarget.forEach((target, ports) -> rules.add(new Rule(new Peer.Pods(target), ports)));
    if (in.crossProject()) {
      GatewaySettings gw = in.gateway();
      Peer internal = new Peer.GatewayPods(gw.namespace(), gw.internalGateway());
      rules.add(new Rule(internal, List.of(IngressPort.of(gw.podPort(), IngressPort.TCP))));
    }
    for (EgressRule e : distinctEgress(in.egress())) {
      Peer peer = e.host() != null ? new Peer.Fqdn(e.host()) : new Peer.Cidr(e.cidr());
      rules.add(new Rule(peer, List.of(IngressPort.of(e.port(), e.protocolOrDefault()))));
    }
    return rules;
  }

  /** The single rule of the conn policy on the target of {@code peer}: from b's pods. */
  static Rule conn(NetworkInput in, InCellPeer peer) {
    return new Rule(new Peer.Pods(in.cell()), List.of(peer.ingressPort()));
  }

  /** The in-cell connections sorted by name (the caller already sorts; this keeps it certain). */
  static List<InCellPeer> sortedPeers(NetworkInput in) {
    return in.inCellTargets().stream()
        .sorted(Comparator.comparing(InCellPeer::connection))
        .toList();
  }

  /** Egress entries with exact duplicates (same destination, port and protocol) dropped. */
  static List<EgressRule> distinctEgress(List<EgressRule> entries) {
    Set<String> seen = new LinkedHashSet<>();
    List<EgressRule> out = new ArrayList<>();
    for (EgressRule e : entries) {
      if (e.destination() != null && e.port() != null && seen.add(e.identity())) {
        out.add(e);
      }
    }
    return out;
  }
}
