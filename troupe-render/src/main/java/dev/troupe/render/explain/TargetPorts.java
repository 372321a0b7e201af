package dev.troupe.render.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.troupe.api.kinds.classes.DeploymentClass;
import dev.troupe.api.kinds.delivery.BindingKinds;
import dev.troupe.api.kinds.delivery.ComponentBinding;
import java.util.Optional;

/**
 * The target port of a backend port on the binding's Service (rendering.md §8.3): an endpoint port
 * maps to itself; a port only the class's {@code serviceTemplate} lists maps to its {@code
 * targetPort}. For an APIBinding, the Service is its backend binding's.
 */
final class TargetPorts {
  private TargetPorts() {}

  /** The target port and, when the class mapped it, the class field it came from. */
  record Target(JsonNode port, String via) {}

  static Target of(Context ctx, int backendPort) {
    Optional<ComponentBinding> owner =
        ctx.binding() instanceof ComponentBinding c ? Optional.of(c) : Exposures.backend(ctx);
    Target plain = new Target(IntNode.valueOf(backendPort), "");
    if (owner.isEmpty() || owner.get().workloadSpec() == null) {
      return plain;
    }
    ComponentBinding b = owner.get();
    boolean endpoint =
        b.workloadSpec().endpointsOrEmpty().values().stream()
            .anyMatch(e -> e.port() != null && e.port() == backendPort);
    if (endpoint) {
      return plain;
    }
    Class<?> type = BindingKinds.ofBinding(b.getClass()).classType();
    Optional<DeploymentClass> cls =
        ctx.snapshot()
            .find(BindingKinds.ofBinding(b.getClass()).classType(), b.className())
            .filter(DeploymentClass.class::isInstance)
            .map(DeploymentClass.class::cast);
    if (cls.isEmpty()) {
      return plain;
    }
    JsonNode ports = cls.get().serviceTemplate().path("ports");
    for (int i = 0; i < ports.size(); i++) {
      JsonNode p = ports.get(i);
      if (p.path("port").asInt(-1) == backendPort && p.has("targetPort")) {
        return new Target(
            p.get("targetPort"),
            " → "
                + type.getSimpleName()
                + " \""
                + b.className()
                + "\" spec.serviceTemplate.ports["
                + i
                + "].targetPort");
      }
    }
    return plain;
  }
}
