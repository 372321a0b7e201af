package dev.troupe.render.network;

import dev.troupe.api.kinds.app.EgressRule;
import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.render.Cell;
import dev.troupe.render.GatewaySettings;
import java.util.List;

/**
 * Everything the network policies of one binding depend on (rendering.md §8).
 *
 * @param bindingName the binding's name, the first part of every policy name
 * @param cell the binding's cell: {@code L(b)} and the namespace (for an APIBinding, the cell of
 *     its backend component, whose pods the ingress policy selects)
 * @param hasPods false for an APIBinding: no baseline and no egress, only the ingress policy
 * @param dataPlane provider and cluster DNS ({@code spec.networkPolicy})
 * @param gateway gateway namespace, names and {@code podPort}
 * @param publicPorts rule N target ports, in order
 * @param organizationPorts rule W target ports, in order
 * @param inCellTargets resolved same-project connections, sorted by connection name
 * @param crossProject true when at least one cross-project connection resolved (eastbound rule)
 * @param egress the Workload's egress entries, then the Class's (duplicates are dropped here)
 */
public record NetworkInput(
    String bindingName,
    Cell cell,
    boolean hasPods,
    DataPlane dataPlane,
    GatewaySettings gateway,
    List<IngressPort> publicPorts,
    List<IngressPort> organizationPorts,
    List<InCellPeer> inCellTargets,
    boolean crossProject,
    List<EgressRule> egress) {

  public NetworkInput {
    publicPorts = publicPorts == null ? List.of() : List.copyOf(publicPorts);
    organizationPorts = organizationPorts == null ? List.of() : List.copyOf(organizationPorts);
    inCellTargets = inCellTargets == null ? List.of() : List.copyOf(inCellTargets);
    egress = egress == null ? List.of() : List.copyOf(egress);
  }
}
