package dev.troupe.server.api;

import dev.troupe.server.auth.Authenticator;
import dev.troupe.server.auth.Principal;
import io.javalin.http.Context;

/**
 * Establishes the principal of a request from its {@code Authorization: Bearer} header. Problems
 * say what was wrong with the header, never what it contained.
 */
final class Authentication {
  static final String PRINCIPAL = "troupe.principal";
  private static final String SCHEME = "bearer ";

  private final Authenticator authenticator;

  Authentication(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  /** Authenticates the request and remembers the principal on the context. */
  Principal authenticate(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      throw ApiException.unauthenticated(
          "missing credentials: send the header \"Authorization: Bearer <token>\"");
    }
    if (header.length() <= SCHEME.length()
        || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      throw ApiException.unauthenticated(
          "unsupported Authorization scheme: expected \"Bearer <token>\"");
    }
    String token = header.substring(SCHEME.length()).strip();
    Principal principal =
        authenticator
            .authenticate(token)
            .orElseThrow(
                () ->
                    ApiException.unauthenticated(
                        "the bearer token is not valid (unknown, revoked or malformed)"));
    ctx.attribute(PRINCIPAL, principal);
    return principal;
  }

  /**
   * The principal of a request whose token is valid, without failing the request otherwise (for the
   * audit record of a request that no route served).
   */
  java.util.Optional<Principal> identify(Context ctx) {
    Principal known = ctx.attribute(PRINCIPAL);
    if (known != null) {
      return java.util.Optional.of(known);
    }
    String header = ctx.header("Authorization");
    if (header == null
        || header.length() <= SCHEME.length()
        || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return java.util.Optional.empty();
    }
    return authenticator.authenticate(header.substring(SCHEME.length()).strip());
  }

  /** The principal of an authenticated request. */
  static Principal principal(Context ctx) {
    Principal p = ctx.attribute(PRINCIPAL);
    if (p == null) {
      throw new IllegalStateException("route used without authentication");
    }
    return p;
  }
}
