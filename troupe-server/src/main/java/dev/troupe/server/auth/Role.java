package dev.troupe.server.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The roles of the access model (docs/access-control.md). A role is granted per organization,
 * optionally narrowed to a project and/or an environment ({@link RoleBinding}).
 */
public enum Role {
  /** Everything, including user management; normally granted on every organization ({@code *}). */
  ADMIN("admin", EnumSet.allOf(Permission.class)),
  /**
   * Platform kinds and project kinds; requests promotions, rolls back, operates; reads the audit.
   */
  PLATFORM_ENGINEER(
      "platform-engineer",
      EnumSet.of(
          Permission.READ,
          Permission.WRITE_PLATFORM,
          Permission.WRITE_PROJECT,
          Permission.REQUEST_PROMOTION,
          Permission.ROLLBACK,
          Permission.OPERATE,
          Permission.READ_AUDIT)),
  /** Project kinds; requests promotions; rolls back and operates outside gated environments. */
  DEVELOPER(
      "developer",
      EnumSet.of(
          Permission.READ,
          Permission.WRITE_PROJECT,
          Permission.REQUEST_PROMOTION,
          Permission.ROLLBACK,
          Permission.OPERATE)),
  /** Approves and rejects promotions into the environments granted; rolls back there. */
  APPROVER("approver", EnumSet.of(Permission.READ, Permission.APPROVE, Permission.ROLLBACK)),
  /** Reads. */
  VIEWER("viewer", EnumSet.of(Permission.READ));

  private final String id;
  private final Set<Permission> permissions;

  Role(String id, Set<Permission> permissions) {
    this.id = id;
    this.permissions = Set.copyOf(permissions);
  }

  /** The name used in the CLI, the API and the token file, e.g. {@code platform-engineer}. */
  public String id() {
    return id;
  }

  public Set<Permission> permissions() {
    return permissions;
  }

  public boolean grants(Permission p) {
    return permissions.contains(p);
  }

  /** The role named {@code id} (case-insensitive); a clear error listing the roles otherwise. */
  public static Role of(String id) {
    String want = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
    for (Role r : values()) {
      if (r.id.equals(want)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "unknown role \""
            + id
            + "\"; expected one of admin, platform-engineer, developer, approver, viewer");
  }
}
