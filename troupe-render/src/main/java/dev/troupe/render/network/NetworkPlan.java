package dev.troupe.render.network;

import dev.troupe.api.model.Condition;
import dev.troupe.render.RenderedObject;
import java.util.List;

/**
 * The network-policy part of a binding's Release (rendering.md §8, in §4.6 order) and the {@code
 * EgressWarning} conditions it raises (§9.3): at most one, {@code HostEgressNotEnforceable} or
 * {@code NetworkPolicyDisabled}.
 */
public record NetworkPlan(List<RenderedObject> policies, List<Condition> warnings) {
  public NetworkPlan {
    policies = List.copyOf(policies);
    warnings = List.copyOf(warnings);
  }
}
