package dev.troupe.render.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.classes.RestPolicy;
import dev.troupe.render.Blocker;
import dev.troupe.render.Cell;
import dev.troupe.render.Trees;
import java.util.List;

/** The BackendTrafficPolicy of one route (rendering.md §5.7): rate limit and circuit breaker. */
final class TrafficPolicies {
  static final String KIND = "BackendTrafficPolicy";

  private TrafficPolicies() {}

  /**
   * The policy {@code name} for the route {@code routeName} under the effective policy {@code p}.
   * An unsupported rate-limit window adds an {@code InvalidConfiguration} blocker.
   */
  static ObjectNode render(
      String name, String routeName, Cell cell, RestPolicy p, List<Blocker> blockers) {
    ObjectNode spec = Trees.object();
    spec.set("targetRefs", Routes.targetRefs(routeName));
    if (p.rateLimit() != null) {
      spec.set("rateLimit", rateLimit(p.rateLimit(), blockers));
    }
    RestPolicy.CircuitBreaker cb = p.circuitBreaker();
    if (cb != null && Boolean.TRUE.equals(cb.enabled())) {
      ObjectNode out = Trees.object();
      putIfSet(out, "maxConnections", cb.maxConnections());
      putIfSet(out, "maxPendingRequests", cb.maxPendingRequests());
      putIfSet(out, "maxParallelRequests", cb.maxParallelRequests());
      putIfSet(out, "maxParallelRetries", cb.maxParallelRetries());
      Trees.putIfPresent(spec, "circuitBreaker", out);
    }
    ObjectNode policy = Trees.envelope(SecurityPolicies.API_VERSION, KIND, cell.metadata(name));
    policy.set("spec", spec);
    return policy;
  }

  private static ObjectNode rateLimit(RestPolicy.RateLimit r, List<Blocker> blockers) {
    String unit = unit(r.window());
    if (unit == null) {
      blockers.add(
          Blocker.invalid(
              "window \""
                  + r.window()
                  + "\" is not supported; allowed windows are 1s, 1m, 1h, 1d"));
    }
    ObjectNode limit = Trees.object();
    if (r.requests() != null) {
      limit.put("requests", r.requests());
    }
    Trees.putIfPresent(limit, "unit", unit);
    ObjectNode rule = Trees.object();
    rule.set("limit", limit);
    ObjectNode out = Trees.object();
    out.put("type", "Local");
    out.putObject("local").set("rules", Trees.array().add(rule));
    return out;
  }

  /** The rate-limit unit of a window (Decision 16); null when unsupported. */
  static String unit(String window) {
    if (window == null) {
      return null;
    }
    return switch (window) {
      case "1s" -> "Second";
      case "1m" -> "Minute";
      case "1h" -> "Hour";
      case "1d" -> "Day";
      default -> null;
    };
  }

  private static void putIfSet(ObjectNode target, String field, Integer value) {
    if (value != null) {
      target.put(field, value);
    }
  }
}
