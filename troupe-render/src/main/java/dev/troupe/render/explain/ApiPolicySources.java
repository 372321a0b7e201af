package dev.troupe.render.explain;

import dev.troupe.api.kinds.classes.APIClass;
import java.util.Optional;

/**
 * SecurityPolicies (rendering.md §5.6) and BackendTrafficPolicies (§5.7) of one (API, level): every
 * policy value comes from the effective APIClass policy, on the side of the merge that set it.
 */
final class ApiPolicySources implements Attribution {
  private final Context ctx;
  private final Exposures api;
  private final boolean security;

  ApiPolicySources(Context ctx, String name, boolean security) {
    this.ctx = ctx;
    this.security = security;
    this.api =
        Exposures.of(ctx).stream()
            .filter(e -> (security ? e.securityPolicy() : e.trafficPolicy()).equals(name))
            .findFirst()
            .orElse(null);
  }

  @Override
  public Optional<String> source(Leaf leaf) {
    if (api == null) {
      return Optional.empty();
    }
    LeafPath p = leaf.path();
    String b = ctx.binding().name();
    if (p.matches("metadata", "name")) {
      return Optional.of(
          security
              ? Sources.nameGenerator(63, b, api.api(), api.lv())
              : Sources.nameGenerator(63, b, api.api(), api.lv(), "btp"));
    }
    if (p.matches("spec", "targetRefs", LeafPath.INDEX, "name")) {
      return Optional.of(
          "HTTPRoute of "
              + api.describe()
              + ": "
              + Sources.nameGenerator(63, b, api.api(), api.lv(), "httproute"));
    }
    Optional<APIClass> c = api.apiClass(ctx);
    if (c.isEmpty() || !p.startsWith("spec") || p.size() < 2) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        security ? securityField(c.get(), leaf, p.drop(1)) : trafficField(c.get(), p.drop(1)));
  }

  private String securityField(APIClass c, Leaf leaf, LeafPath s) {
    if (s.startsWith("jwt", "providers", LeafPath.INDEX) && s.size() > 3) {
      return switch (s.key(3)) {
        case "issuer" -> side(c, "authentication.jwt.issuer");
        case "audiences" -> side(c, "authentication.jwt.audience");
        case "remoteJWKS" -> jwks(c);
        case "name" -> Sources.rendererDefault("0.3") + ": JWT provider name";
        default -> null;
      };
    }
    if (s.startsWith("apiKeyAuth", "credentialRefs", LeafPath.INDEX, "name")) {
      return side(c, "authentication.apikey.secretRef");
    }
    if (s.startsWith("apiKeyAuth", "extractFrom", LeafPath.INDEX, "headers")) {
      return side(c, "authentication.apikey.header");
    }
    if (s.startsWith("apiKeyAuth", "extractFrom", LeafPath.INDEX, "params")) {
      return side(c, "authentication.apikey.queryParam");
    }
    if (s.matches("basicAuth", "users", "name")) {
      return side(c, "authentication.basic.secretRef");
    }
    if (s.startsWith("authorization", "rules", LeafPath.INDEX, "principal", "clientCIDRs")) {
      boolean deny = "Deny".equals(leaf.text(4, "action"));
      return with(
          side(c, deny ? "security.blockedIPs" : "security.allowedIPs"),
          " (a bare IP becomes a CIDR)");
    }
    if (s.startsWith("authorization", "rules", LeafPath.INDEX, "principal", "jwt", "scopes")) {
      return side(c, "authentication.oauth2.scopes");
    }
    if (s.startsWith("authorization", "rules", LeafPath.INDEX, "principal", "jwt", "provider")) {
      return Sources.rendererDefault("0.3") + ": JWT provider name";
    }
    if (s.startsWith("authorization")) {
      return Sources.rendererDefault("5.6")
          + ": rule Z from the scopes and IP lists of "
          + api.describe();
    }
    if (s.startsWith("cors") && s.size() >= 2) {
      String field = side(c, "cors." + s.key(1));
      return s.key(1).equals("maxAge")
          ? with(field, " (seconds as a Go duration, rendering.md §5.6)")
          : field;
    }
    return null;
  }

  private String trafficField(APIClass c, LeafPath s) {
    if (s.startsWith("rateLimit", "local", "rules", LeafPath.INDEX, "limit")) {
      return switch (s.last()) {
        case "requests" -> side(c, "rateLimit.requests");
        case "unit" -> with(side(c, "rateLimit.window"), " (window → unit, rendering.md §5.7)");
        default -> null;
      };
    }
    if (s.startsWith("circuitBreaker") && s.size() == 2) {
      return with(side(c, "circuitBreaker." + s.key(1)), " (circuitBreaker.enabled: true)");
    }
    return null;
  }

  private String jwks(APIClass c) {
    String field = side(c, "authentication.jwt.jwks");
    return field != null
        ? field
        : ctx.environmentRef()
            + " spec.gateway.security.remoteJwks.uri (the APIClass names no jwks)";
  }

  private static String with(String source, String suffix) {
    return source == null ? null : source + suffix;
  }

  private String side(APIClass c, String field) {
    return PolicySide.of(c, api, field);
  }
}
