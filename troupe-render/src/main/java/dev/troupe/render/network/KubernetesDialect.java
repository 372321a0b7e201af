package dev.troupe.render.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.render.Cell;
import dev.troupe.render.Trees;
import java.util.List;

/**
 * {@code networking.k8s.io/v1} NetworkPolicy specs (rendering.md §8): pod and namespace selectors
 * ({@code kubernetes.io/metadata.name}), {@code ipBlock} for CIDRs, integer ports. Hosts cannot be
 * expressed.
 */
final class KubernetesDialect implements Dialect {
  static final KubernetesDialect INSTANCE = new KubernetesDialect();
  private static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";

  private KubernetesDialect() {}

  @Override
  public String apiVersion() {
    return "networking.k8s.io/v1";
  }

  @Override
  public String kind() {
    return "NetworkPolicy";
  }

  @Override
  public boolean expresses(Peer peer) {
    return !(peer instanceof Peer.Fqdn);
  }

  @Override
  public ObjectNode baselineSpec(Cell selected, ClusterDns dns) {
    ObjectNode spec = selecting(selected, "Ingress", "Egress");
    ObjectNode dnsLabels = Trees.object();
    dns.podLabels().forEach(dnsLabels::put);
    List<IngressPort> ports =
        List.of(
            IngressPort.of(dns.port(), IngressPort.UDP),
            IngressPort.of(dns.port(), IngressPort.TCP));
    spec.putArray("egress").add(rule("to", inNamespace(dns.namespace(), dnsLabels), ports));
    return spec;
  }

  @Override
  public ObjectNode ingressSpec(Cell selected, List<Rule> rules) {
    ObjectNode spec = selecting(selected, "Ingress");
    ArrayNode ingress = spec.putArray("ingress");
    rules.forEach(r -> ingress.add(rule("from", peer(r.peer()), r.ports())));
    return spec;
  }

  @Override
  public ObjectNode egressSpec(Cell selected, List<Rule> rules) {
    ObjectNode spec = selecting(selected, "Egress");
    ArrayNode egress = spec.putArray("egress");
    rules.forEach(r -> egress.add(rule("to", peer(r.peer()), r.ports())));
    return spec;
  }

  private static ObjectNode selecting(Cell selected, String... policyTypes) {
    ObjectNode spec = Trees.object();
    spec.set("podSelector", matchLabels(selected.labels()));
    ArrayNode types = spec.putArray("policyTypes");
    for (String t : policyTypes) {
      types.add(t);
    }
    return spec;
  }

  private static ObjectNode rule(String direction, ObjectNode peer, List<IngressPort> ports) {
    ObjectNode r = Trees.object();
    r.set(direction, Trees.array().add(peer));
    ArrayNode list = r.putArray("ports");
    for (IngressPort p : ports) {
      ObjectNode port = Trees.object().put("protocol", p.protocol());
      port.set("port", p.port().deepCopy());
      list.add(port);
    }
    return r;
  }

  private static ObjectNode peer(Peer peer) {
    return switch (peer) {
      case Peer.Pods p -> {
        ObjectNode sel = Trees.object();
        sel.set("podSelector", matchLabels(p.cell().labels()));
        yield sel;
      }
      case Peer.GatewayPods g -> inNamespace(g.namespace(), GatewayLabels.put(Trees.object(), g));
      case Peer.Cidr c -> {
        ObjectNode sel = Trees.object();
        sel.set("ipBlock", Trees.object().put("cidr", c.range()));
        yield sel;
      }
      case Peer.Fqdn f ->
          throw new IllegalArgumentException("host egress is not expressible: " + f);
    };
  }

  private static ObjectNode inNamespace(String namespace, ObjectNode podLabels) {
    ObjectNode sel = Trees.object();
    sel.set("namespaceSelector", matchLabels(Trees.object().put(NAMESPACE_NAME, namespace)));
    sel.set("podSelector", matchLabels(podLabels));
    return sel;
  }

  private static ObjectNode matchLabels(ObjectNode labels) {
    ObjectNode selector = Trees.object();
    selector.set("matchLabels", labels);
    return selector;
  }
}
