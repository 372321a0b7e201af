package dev.troupe.render.network;

import dev.troupe.render.Cell;

/**
 * A resolved connection to a binding in the same cell (rendering.md §8.3): the connection name, the
 * target's cell (for {@code L(t)}), and the endpoint port and protocol.
 *
 * @param protocol {@code UDP} for a UDP endpoint, {@code TCP} otherwise (also when null)
 */
public record InCellPeer(String connection, Cell targetCell, int port, String protocol) {
  public InCellPeer {
    protocol = protocol == null ? IngressPort.TCP : protocol;
  }

  IngressPort ingressPort() {
    return IngressPort.of(port, protocol);
  }
}
