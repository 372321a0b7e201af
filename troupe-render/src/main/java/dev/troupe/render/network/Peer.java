package dev.troupe.render.network;

import dev.troupe.render.Cell;

/** The other side of an allow rule (rendering.md §8.1 selector table). */
sealed interface Peer {

  /** The pods of a binding in the same cell: {@code L(t)}. */
  record Pods(Cell cell) implements Peer {}

  /** The Envoy proxy pods of one gateway in namespace {@code gwNs} (§0.3). */
  record GatewayPods(String namespace, String gateway) implements Peer {}

  /** An egress host; {@code *.}-prefixed names are patterns. */
  record Fqdn(String host) implements Peer {
    boolean wildcard() {
      return host.startsWith("*.");
    }
  }

  /** An egress address range. */
  record Cidr(String range) implements Peer {}
}
