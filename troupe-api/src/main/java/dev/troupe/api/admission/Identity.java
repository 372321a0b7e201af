package dev.troupe.api.admission;

import java.util.Set;

/**
 * Who performs a write, as the authentication layer established it (model.md §0.2). Admission uses
 * it for the authorization-dependent field rules (gated fields, change causes, status writes).
 *
 * @param user the identity name, e.g. {@code alice@example.com}
 * @param kind human user or automation identity
 * @param platform true for Troupe's own controllers
 * @param roles role names held in the namespace being written, e.g. {@code platform-engineer}
 */
public record Identity(String user, Kind kind, boolean platform, Set<String> roles) {
  public static final String PLATFORM_ENGINEER = "platform-engineer";
  public static final String DEVELOPER = "developer";
  public static final String APPROVER = "approver";

  public enum Kind {
    User,
    Automation
  }

  public Identity {
    roles = Set.copyOf(roles);
  }

  /** The identity of Troupe's own controllers. */
  public static Identity platformController() {
    return new Identity("system:troupe", Kind.Automation, true, Set.of());
  }

  /**
   * A person working on local files with the CLI: a platform engineer of their own files. Named
   * {@code local} (not the OS user) so that offline output is the same on every machine.
   */
  public static Identity localUser() {
    return new Identity("local", Kind.User, false, Set.of(PLATFORM_ENGINEER));
  }

  public static Identity developer(String user) {
    return new Identity(user, Kind.User, false, Set.of(DEVELOPER));
  }

  public boolean isPlatformEngineer() {
    return platform || roles.contains(PLATFORM_ENGINEER);
  }
}
