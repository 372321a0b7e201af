package dev.troupe.render.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.render.Cell;
import dev.troupe.render.Trees;
import java.util.List;

/**
 * {@code cilium.io/v2} CiliumNetworkPolicy specs (rendering.md §8): endpoint selectors with the
 * {@code k8s:io.kubernetes.pod.namespace} label for pods outside the cell, {@code toFQDNs} and
 * {@code toCIDRSet} for southbound peers, and port numbers as strings (§0.4 rule 4).
 */
final class CiliumDialect implements Dialect {
  static final CiliumDialect INSTANCE = new CiliumDialect();
  private static final String POD_NAMESPACE = "k8s:io.kubernetes.pod.namespace";

  private CiliumDialect() {}

  @Override
  public String apiVersion() {
    return "cilium.io/v2";
  }

  @Override
  public String kind() {
    return "CiliumNetworkPolicy";
  }

  @Override
  public boolean expresses(Peer peer) {
    return true;
  }

  @Override
  public ObjectNode baselineSpec(Cell selected, ClusterDns dns) {
    ObjectNode spec = selecting(selected);
    ObjectNode fromHost = Trees.object();
    fromHost.set("fromEntities", Trees.array().add("host"));
    spec.set("ingress", Trees.array().add(fromHost));

    ObjectNode dnsLabels = Trees.object().put(POD_NAMESPACE, dns.namespace());
    dns.podLabels().forEach(dnsLabels::put);
    ObjectNode portRule =
        portList(
            List.of(
                IngressPort.of(dns.port(), IngressPort.UDP),
                IngressPort.of(dns.port(), IngressPort.TCP)));
    ObjectNode anyName = Trees.object().put("matchPattern", "*");
    portRule.set("rules", Trees.object().set("dns", Trees.array().add(anyName)));
    ObjectNode toDns = Trees.object();
    toDns.set("toEndpoints", Trees.array().add(matchLabels(dnsLabels)));
    toDns.set("toPorts", Trees.array().add(portRule));
    spec.set("egress", Trees.array().add(toDns));
    return spec;
  }

  @Override
  public ObjectNode ingressSpec(Cell selected, List<Rule> rules) {
    ObjectNode spec = selecting(selected);
    ArrayNode ingress = spec.putArray("ingress");
    for (Rule rule : rules) {
      ObjectNode r = Trees.object();
      r.set("fromEndpoints", Trees.array().add(endpoint(rule.peer())));
      r.set("toPorts", toPorts(rule.ports()));
      ingress.add(r);
    }
    return spec;
  }

  @Override
  public ObjectNode egressSpec(Cell selected, List<Rule> rules) {
    ObjectNode spec = selecting(selected);
    ArrayNode egress = spec.putArray("egress");
    for (Rule rule : rules) {
      ObjectNode r = Trees.object();
      switch (rule.peer()) {
        case Peer.Fqdn f ->
            r.set(
                "toFQDNs",
                Trees.array()
                    .add(
                        Trees.object().put(f.wildcard() ? "matchPattern" : "matchName", f.host())));
        case Peer.Cidr c ->
            r.set("toCIDRSet", Trees.array().add(Trees.object().put("cidr", c.range())));
        case Peer.Pods p -> r.set("toEndpoints", Trees.array().add(endpoint(p)));
        case Peer.GatewayPods g -> r.set("toEndpoints", Trees.array().add(endpoint(g)));
      }
      r.set("toPorts", toPorts(rule.ports()));
      egress.add(r);
    }
    return spec;
  }

  private static ObjectNode selecting(Cell selected) {
    ObjectNode spec = Trees.object();
    spec.set("endpointSelector", matchLabels(selected.labels()));
    return spec;
  }

  private static ObjectNode endpoint(Peer peer) {
    return switch (peer) {
      case Peer.Pods p -> matchLabels(p.cell().labels());
      case Peer.GatewayPods g -> {
        ObjectNode labels = Trees.object().put(POD_NAMESPACE, g.namespace());
        GatewayLabels.put(labels, g);
        yield matchLabels(labels);
      }
      default -> throw new IllegalArgumentException("not an endpoint peer: " + peer);
    };
  }

  private static ObjectNode matchLabels(ObjectNode labels) {
    ObjectNode selector = Trees.object();
    selector.set("matchLabels", labels);
    return selector;
  }

  private static ArrayNode toPorts(List<IngressPort> ports) {
    return Trees.array().add(portList(ports));
  }

  private static ObjectNode portList(List<IngressPort> ports) {
    ArrayNode list = Trees.array();
    for (IngressPort p : ports) {
      list.add(Trees.object().put("port", p.port().asText()).put("protocol", p.protocol()));
    }
    ObjectNode portRule = Trees.object();
    portRule.set("ports", list);
    return portRule;
  }
}
