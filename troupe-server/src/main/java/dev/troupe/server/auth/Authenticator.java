package dev.troupe.server.auth;

import java.util.Optional;

/**
 * Establishes the principal of a request from its bearer token. Implementations must not log or
 * echo the token, and should compare in constant time.
 */
@FunctionalInterface
public interface Authenticator {

  /** The principal the token belongs to; empty for an unknown, revoked or malformed token. */
  Optional<Principal> authenticate(String bearerToken);
}
