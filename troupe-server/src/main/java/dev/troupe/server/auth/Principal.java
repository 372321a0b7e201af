package dev.troupe.server.auth;

import java.util.List;
import java.util.Objects;

/**
 * Who an authenticated request acts for.
 *
 * @param name the token's name, e.g. {@code admin} or {@code ci-bot}
 * @param kind a person or an automation identity
 * @param bindings the roles granted, each in an organization and optionally a project/environment
 */
public record Principal(String name, Kind kind, List<RoleBinding> bindings) {

  /** A person or an automation identity (CI jobs, bots). */
  public enum Kind {
    USER,
    AUTOMATION
  }

  public Principal {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    bindings = bindings == null ? List.of() : List.copyOf(bindings);
  }
}
