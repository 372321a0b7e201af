package dev.troupe.render.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A port a policy rule allows (rendering.md §8.1 port lists): a number ({@link IntNode}) or a named
 * target port ({@link TextNode}, passed through as written), and {@code TCP} or {@code UDP}.
 *
 * @param protocol {@code TCP} (also when null) or {@code UDP}
 */
public record IngressPort(JsonNode port, String protocol) {
  public static final String TCP = "TCP";
  public static final String UDP = "UDP";

  public IngressPort {
    if (port == null || !(port.isInt() || port.isTextual())) {
      throw new IllegalArgumentException("port must be an integer or a port name: " + port);
    }
    protocol = protocol == null ? TCP : protocol;
  }

  /** A numbered port. */
  public static IngressPort of(int port, String protocol) {
    return new IngressPort(IntNode.valueOf(port), protocol);
  }

  /** A named target port. */
  public static IngressPort named(String name, String protocol) {
    return new IngressPort(TextNode.valueOf(name), protocol);
  }
}
