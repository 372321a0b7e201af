package dev.troupe.render.binding;

import dev.troupe.render.connection.ConnectionPlan;
import dev.troupe.render.connection.InCellTarget;
import dev.troupe.render.network.InCellPeer;
import java.util.List;

/** Hands resolved in-cell connections to the network policies (rendering.md §8.3). */
final class Connections {
  private Connections() {}

  static List<InCellPeer> peers(ConnectionPlan plan) {
    return plan.inCellTargets().stream().map(Connections::peer).toList();
  }

  private static InCellPeer peer(InCellTarget t) {
    return new InCellPeer(t.connection(), t.targetCell(), t.port(), t.protocol());
  }
}
