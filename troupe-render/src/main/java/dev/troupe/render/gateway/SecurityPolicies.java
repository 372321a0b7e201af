package dev.troupe.render.gateway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.classes.RestPolicy;
import dev.troupe.api.kinds.classes.RestPolicy.Authentication;
import dev.troupe.api.kinds.platform.Environment;
import dev.troupe.render.Blocker;
import dev.troupe.render.Cell;
import dev.troupe.render.Trees;
import java.util.List;
import java.util.Optional;

/** The SecurityPolicy of one route (rendering.md §5.6): rules J, K, B, Z and C, in that order. */
final class SecurityPolicies {
  static final String API_VERSION = "gateway.envoyproxy.io/v1alpha1";
  static final String KIND = "SecurityPolicy";

  /** The JWT provider name (§0.3). */
  static final String PROVIDER = "default";

  private SecurityPolicies() {}

  /**
   * The policy {@code name} for the route {@code routeName} under the effective policy {@code p}. A
   * missing JWKS adds an {@code InvalidConfiguration} blocker to {@code blockers}.
   */
  static ObjectNode render(
      String name,
      String routeName,
      Cell cell,
      RestPolicy p,
      String apiClass,
      Environment environment,
      List<Blocker> blockers) {
    ObjectNode spec = Trees.object();
    spec.set("targetRefs", Routes.targetRefs(routeName));
    Authentication auth = p.authentication();
    boolean jwt = jwtApplies(auth);
    if (jwt) {
      spec.set("jwt", jwt(auth.jwt(), apiClass, environment, blockers));
    }
    if (auth != null && Authentication.APIKEY.equals(auth.type()) && auth.apikey() != null) {
      spec.set("apiKeyAuth", apiKey(auth.apikey()));
    }
    if (auth != null && Authentication.BASIC.equals(auth.type()) && auth.basic() != null) {
      ObjectNode users = Trees.object();
      users.put("kind", "Secret");
      users.put("name", auth.basic().secretRef());
      spec.putObject("basicAuth").set("users", users);
    }
    List<String> scopes =
        jwt && auth.oauth2() != null && auth.oauth2().scopes() != null
            ? auth.oauth2().scopes()
            : List.of();
    authorization(scopes, p.security()).ifPresent(a -> spec.set("authorization", a));
    if (p.cors() != null) {
      Trees.putIfPresent(spec, "cors", cors(p.cors()));
    }
    ObjectNode policy = Trees.envelope(API_VERSION, KIND, cell.metadata(name));
    policy.set("spec", spec);
    return policy;
  }

  /** Rule J applies for {@code jwt} and {@code oauth2} with a {@code jwt} block. */
  private static boolean jwtApplies(Authentication auth) {
    return auth != null
        && (Authentication.JWT.equals(auth.type()) || Authentication.OAUTH2.equals(auth.type()))
        && auth.jwt() != null;
  }

  private static ObjectNode jwt(
      RestPolicy.Jwt jwt, String apiClass, Environment environment, List<Blocker> blockers) {
    Optional<String> jwks =
        jwt.jwks() != null ? Optional.of(jwt.jwks()) : environment.remoteJwksUri();
    if (jwks.isEmpty()) {
      blockers.add(
          Blocker.invalid(
              "APIClass \""
                  + apiClass
                  + "\": no jwks and no gateway.security.remoteJwks.uri on Environment \""
                  + environment.name()
                  + "\""));
    }
    ObjectNode provider = Trees.object();
    provider.put("name", PROVIDER);
    Trees.putIfPresent(provider, "issuer", jwt.issuer());
    Trees.putIfPresent(provider, "audiences", strings(jwt.audience()));
    provider.putObject("remoteJWKS").put("uri", jwks.orElse(""));
    ObjectNode out = Trees.object();
    out.set("providers", Trees.array().add(provider));
    return out;
  }

  private static ObjectNode apiKey(RestPolicy.ApiKey key) {
    ObjectNode ref = Trees.object();
    ref.put("kind", "Secret");
    ref.put("name", key.secretRef());
    ObjectNode from = Trees.object();
    if (key.header() != null) {
      from.set("headers", Trees.array().add(key.header()));
    } else {
      from.set("params", Trees.array().add(key.queryParam()));
    }
    ObjectNode out = Trees.object();
    out.set("credentialRefs", Trees.array().add(ref));
    out.set("extractFrom", Trees.array().add(from));
    return out;
  }

  /** Rule Z: deny rule, allow rule, default action; empty without scopes and IP lists. */
  private static Optional<ObjectNode> authorization(List<String> scopes, RestPolicy.Security s) {
    List<String> allowed = s == null ? List.of() : Cidrs.of(s.allowedIPs());
    List<String> blocked = s == null ? List.of() : Cidrs.of(s.blockedIPs());
    if (scopes.isEmpty() && allowed.isEmpty() && blocked.isEmpty()) {
      return Optional.empty();
    }
    ArrayNode rules = Trees.array();
    if (!blocked.isEmpty()) {
      ObjectNode deny = rules.addObject();
      deny.put("action", "Deny");
      deny.putObject("principal").set("clientCIDRs", strings(blocked));
    }
    boolean allow = !allowed.isEmpty() || !scopes.isEmpty();
    if (allow) {
      ObjectNode rule = rules.addObject();
      rule.put("action", "Allow");
      ObjectNode principal = rule.putObject("principal");
      Trees.putIfPresent(principal, "clientCIDRs", strings(allowed));
      if (!scopes.isEmpty()) {
        ObjectNode jwt = principal.putObject("jwt");
        jwt.put("provider", PROVIDER);
        jwt.set("scopes", strings(scopes));
      }
    }
    ObjectNode out = Trees.object();
    out.put("defaultAction", allow ? "Deny" : "Allow");
    out.set("rules", rules);
    return Optional.of(out);
  }

  /** Rule C: the CORS lists (empty ones left out) and {@code maxAge} as a Go duration. */
  private static ObjectNode cors(RestPolicy.Cors c) {
    ObjectNode out = Trees.object();
    Trees.putIfPresent(out, "allowOrigins", strings(c.allowOrigins()));
    Trees.putIfPresent(out, "allowMethods", strings(c.allowMethods()));
    Trees.putIfPresent(out, "allowHeaders", strings(c.allowHeaders()));
    Trees.putIfPresent(out, "exposeHeaders", strings(c.exposeHeaders()));
    if (c.maxAge() != null && c.maxAge() > 0) {
      out.put("maxAge", Durations.goStyle(c.maxAge()));
    }
    return out;
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode a = Trees.array();
    if (values != null) {
      values.forEach(a::add);
    }
    return a;
  }
}
