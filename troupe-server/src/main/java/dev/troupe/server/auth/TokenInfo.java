package dev.troupe.server.auth;

import java.time.Instant;
import java.util.List;

/**
 * A stored token as listed: everything but the secret (and its hash).
 *
 * @param name the token's unique name
 * @param kind a person or an automation identity
 * @param roles the roles the principal holds
 * @param createdAt when the token was issued
 */
public record TokenInfo(String name, Principal.Kind kind, List<String> roles, Instant createdAt) {
  public TokenInfo {
    roles = List.copyOf(roles);
  }
}
