package dev.troupe.render.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;

/** Gateway API routes and Envoy Gateway policies, judged by their status (delivery.md §2.4). */
final class GatewayHealth {
  static final String NO_STATUS = "gateway reported no status";
  private static final Set<String> ROUTE_FAILURES = Set.of("Accepted", "ResolvedRefs");

  private GatewayHealth() {}

  /**
   * HTTPRoute, GRPCRoute: Degraded on any parent {@code Accepted=False} or {@code
   * ResolvedRefs=False}; Healthy when every parent is {@code Accepted=True}; without parent status
   * Progressing inside the grace and Healthy ({@link #NO_STATUS}) after it.
   */
  static Assessment route(ObjectNode route, Observations observed) {
    JsonNode parents = route.path("status").path("parents");
    for (JsonNode parent : parents) {
      Optional<String> failure = falseCondition(parent.path("conditions"), ROUTE_FAILURES);
      if (failure.isPresent()) {
        return Assessment.degraded(parentName(parent) + ": " + failure.get());
      }
    }
    if (parents.isEmpty()) {
      return observed.routeGraceOver()
          ? Assessment.healthy(NO_STATUS)
          : Assessment.progressing("waiting for the gateway to report status");
    }
    for (JsonNode parent : parents) {
      if (!Live.conditionIs(parent.path("conditions"), "Accepted", "True")) {
        return Assessment.progressing(parentName(parent) + ": waiting for Accepted");
      }
    }
    return Assessment.healthy();
  }

  /** SecurityPolicy, BackendTrafficPolicy, HTTPRouteFilter: any ancestor Accepted=False. */
  static Assessment policy(ObjectNode policy) {
    for (JsonNode ancestor : policy.path("status").path("ancestors")) {
      Optional<String> failure = falseCondition(ancestor.path("conditions"), Set.of("Accepted"));
      if (failure.isPresent()) {
        return Assessment.degraded(parentName(ancestor) + ": " + failure.get());
      }
    }
    return Assessment.healthy();
  }

  /** {@code <Type>=False (<reason>)} for the first condition of {@code types} that is False. */
  private static Optional<String> falseCondition(JsonNode conditions, Set<String> types) {
    for (JsonNode c : conditions) {
      String type = c.path("type").asText();
      if (types.contains(type) && "False".equals(Live.statusOf(c))) {
        String reason = c.path("reason").asText("");
        return Optional.of(type + "=False" + (reason.isEmpty() ? "" : " (" + reason + ")"));
      }
    }
    return Optional.empty();
  }

  /** {@code <namespace>/<name>} of a parent's {@code parentRef} or an ancestor's ancestorRef. */
  private static String parentName(JsonNode entry) {
    JsonNode ref = entry.has("parentRef") ? entry.path("parentRef") : entry.path("ancestorRef");
    String namespace = ref.path("namespace").asText("");
    String name = ref.path("name").asText("");
    return namespace.isEmpty() ? name : namespace + "/" + name;
  }
}
