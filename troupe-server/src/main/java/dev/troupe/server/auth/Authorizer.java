package dev.troupe.server.auth;

import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether a principal holds a permission in a scope. Pure: the scope must already have been
 * resolved by the server from stored objects (docs/access-control.md).
 */
public final class Authorizer {
  private Authorizer() {}

  /** True when some role binding of {@code p} grants {@code permission} in {@code scope}. */
  public static boolean allowed(Principal p, Permission permission, Scope scope) {
    for (RoleBinding b : p.bindings()) {
      if (b.covers(permission, scope)) {
        return true;
      }
    }
    return false;
  }

  /** The role names {@code p} holds in {@code organization} (for admission's field rules). */
  public static Set<String> rolesIn(Principal p, String organization) {
    Set<String> out = new TreeSet<>();
    for (RoleBinding b : p.bindings()) {
      if (b.organization().equals(RoleBinding.ANY) || b.organization().equals(organization)) {
        out.add(b.role() == Role.ADMIN ? Role.PLATFORM_ENGINEER.id() : b.role().id());
      }
    }
    return out;
  }

  /** The message of a 403: who lacked what, where. Never includes request content. */
  public static String denial(Principal p, Permission permission, Scope scope) {
    return p.name()
        + " may not "
        + permission.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
        + " in "
        + scope
        + (p.bindings().isEmpty() ? " (no roles granted)" : " (holds: " + p.bindings() + ")");
  }
}
