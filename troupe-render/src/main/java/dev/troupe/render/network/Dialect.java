package dev.troupe.render.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.render.Cell;
import java.util.List;

/**
 * How one network-policy provider writes the policy specs (rendering.md §8.1–§8.3): {@code cilium}
 * as CiliumNetworkPolicy, {@code kubernetes} as NetworkPolicy.
 */
sealed interface Dialect permits CiliumDialect, KubernetesDialect {

  String apiVersion();

  String kind();

  /** False for a peer the provider cannot express (a host for NetworkPolicy). */
  boolean expresses(Peer peer);

  /** Default deny for the pods of {@code selected}, allowing DNS to the cluster resolver (§8.2). */
  ObjectNode baselineSpec(Cell selected, ClusterDns dns);

  /** Ingress to the pods of {@code selected} from each rule's peer on its ports. */
  ObjectNode ingressSpec(Cell selected, List<Rule> rules);

  /** Egress from the pods of {@code selected} to each rule's peer on its ports. */
  ObjectNode egressSpec(Cell selected, List<Rule> rules);
}
