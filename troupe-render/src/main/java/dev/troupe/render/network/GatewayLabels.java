package dev.troupe.render.network;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Envoy Gateway's owner labels on a gateway's proxy pods (rendering.md §0.3). */
final class GatewayLabels {
  static final String NAME = "gateway.envoyproxy.io/owning-gateway-name";
  static final String NAMESPACE = "gateway.envoyproxy.io/owning-gateway-namespace";

  private GatewayLabels() {}

  /** Adds both owner labels of {@code gateway} to {@code labels}. */
  static ObjectNode put(ObjectNode labels, Peer.GatewayPods gateway) {
    labels.put(NAME, gateway.gateway());
    labels.put(NAMESPACE, gateway.namespace());
    return labels;
  }
}
