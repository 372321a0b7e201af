package dev.troupe.render.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.troupe.api.kinds.app.Endpoint;
import dev.troupe.api.kinds.app.WorkloadTemplate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Endpoint ports (rendering.md §4.1): the main container's {@code ports} and the Service's {@code
 * ports}, each {@code ep-<port>-<tcp|udp>} from the first endpoint with that port and protocol.
 */
final class Endpoints {
  private Endpoints() {}

  /** The first endpoint, in document order, with {@code port} and transport {@code protocol}. */
  static Optional<Map.Entry<String, Endpoint>> find(WorkloadTemplate w, int port, String protocol) {
    if (w == null) {
      return Optional.empty();
    }
    return w.endpointsOrEmpty().entrySet().stream()
        .filter(e -> e.getValue().port() != null && e.getValue().port() == port)
        .filter(e -> e.getValue().transport().equals(protocol))
        .findFirst();
  }

  /** A field of a main-container port ({@code name}, {@code containerPort}, {@code protocol}). */
  static Optional<String> containerPort(Context ctx, JsonNode item, String field, JsonNode value) {
    return port(ctx, item.path("containerPort").asInt(-1), item, field, value, "containerPort");
  }

  /**
   * A field of a Service port ({@code name}, {@code protocol}, {@code port}, {@code targetPort}).
   */
  static Optional<String> servicePort(Context ctx, JsonNode item, String field, JsonNode value) {
    return port(ctx, item.path("port").asInt(-1), item, field, value, "port", "targetPort");
  }

  private static Optional<String> port(
      Context ctx, int port, JsonNode item, String field, JsonNode value, String... numberFields) {
    String protocol = item.path("protocol").asText("TCP");
    Optional<Map.Entry<String, Endpoint>> e = find(ctx.workload(), port, protocol);
    if (e.isEmpty()) {
      return Optional.empty();
    }
    String path = "endpoints." + e.get().getKey();
    String portName = "ep-" + port + "-" + protocol.toLowerCase(Locale.ROOT);
    for (String n : numberFields) {
      if (field.equals(n) && ClassTemplate.same(value, IntNode.valueOf(port))) {
        return Optional.of(ctx.workloadField(path + ".port"));
      }
    }
    if (field.equals("name") && value.equals(TextNode.valueOf(portName))) {
      return Optional.of(
          ctx.workloadField(path + ".port")
              + " (port name ep-<port>-<tcp|udp>, rendering.md §0.3)");
    }
    if (field.equals("protocol") && value.equals(TextNode.valueOf(protocol))) {
      return Optional.of(
          ctx.workloadField(path + ".type")
              + " ("
              + e.get().getValue().type()
              + " → "
              + protocol
              + ", rendering.md §4.1)");
    }
    return Optional.empty();
  }
}
