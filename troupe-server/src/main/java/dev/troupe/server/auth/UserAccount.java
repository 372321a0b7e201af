package dev.troupe.server.auth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A user or automation identity as the server keeps it: its role bindings, when it was created and,
 * once revoked, when. Never carries a token or its hash.
 *
 * @param name the unique name, e.g. {@code alice@example.com} or {@code ci-bot}
 * @param kind a person or an automation identity
 * @param bindings the roles granted
 * @param createdAt when the identity was created
 * @param revokedAt when its token was revoked; null while active
 */
public record UserAccount(
    String name,
    Principal.Kind kind,
    List<RoleBinding> bindings,
    Instant createdAt,
    Instant revokedAt) {
  public UserAccount {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(createdAt, "createdAt");
    bindings = bindings == null ? List.of() : List.copyOf(bindings);
  }

  /** Whether the identity can still authenticate. */
  public boolean active() {
    return revokedAt == null;
  }

  /** This identity, revoked at {@code at}. */
  public UserAccount revoked(Instant at) {
    return new UserAccount(name, kind, bindings, createdAt, at);
  }

  /** The principal a request of this identity acts as. */
  public Principal principal() {
    return new Principal(name, kind, bindings);
  }
}
