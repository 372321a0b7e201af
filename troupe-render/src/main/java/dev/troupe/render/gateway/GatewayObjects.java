package dev.troupe.render.gateway;

import dev.troupe.render.Blocker;
import dev.troupe.render.RenderedObject;
import java.util.List;

/**
 * The gateway objects of one binding's REST APIs (rendering.md §4.6 order within each list), or the
 * blockers that stop rendering. With blockers, every object list is empty.
 *
 * @param routes HTTPRoutes: APIs in document order, each API's levels in order
 * @param securityPolicies SecurityPolicies, in route order (routes without a policy have none)
 * @param trafficPolicies BackendTrafficPolicies, in route order
 * @param blockers {@code InvalidConfiguration} (or, defensively, {@code APIClassNotFound}) blockers
 * @param exposures one entry per route, in route order
 */
public record GatewayObjects(
    List<RenderedObject> routes,
    List<RenderedObject> securityPolicies,
    List<RenderedObject> trafficPolicies,
    List<Blocker> blockers,
    List<Exposure> exposures) {

  public GatewayObjects {
    routes = List.copyOf(routes);
    securityPolicies = List.copyOf(securityPolicies);
    trafficPolicies = List.copyOf(trafficPolicies);
    blockers = List.copyOf(blockers);
    exposures = List.copyOf(exposures);
  }

  /** Blocked: no objects, only the blockers. */
  static GatewayObjects blocked(List<Blocker> blockers) {
    return new GatewayObjects(List.of(), List.of(), List.of(), blockers, List.of());
  }

  /** True when rendering must stop. */
  public boolean blocked() {
    return !blockers.isEmpty();
  }

  /** Routes, then SecurityPolicies, then BackendTrafficPolicies (§4.6 steps 5–7). */
  public List<RenderedObject> all() {
    List<RenderedObject> out = new java.util.ArrayList<>(routes);
    out.addAll(securityPolicies);
    out.addAll(trafficPolicies);
    return List.copyOf(out);
  }
}
