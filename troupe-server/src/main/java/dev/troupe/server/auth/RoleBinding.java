package dev.troupe.server.auth;

import dev.troupe.api.format.Format;
import dev.troupe.api.format.Formats;
import java.util.Objects;
import java.util.Optional;

/**
 * A role granted to an identity in an organization ({@code *}: every organization), optionally
 * narrowed to one project and/or one environment.
 *
 * <p>Matching ({@link #covers}): the organization must match; a binding narrowed to a project only
 * covers scopes inside that project, and one narrowed to an environment only scopes naming that
 * environment. {@link Permission#READ} is the exception: any binding in an organization lets its
 * holder read the whole organization (docs/access-control.md).
 *
 * @param role the role
 * @param organization an organization name or {@code *}
 * @param project a project name or null (every project)
 * @param environment an environment name or null (every environment)
 */
public record RoleBinding(Role role, String organization, String project, String environment) {
  public static final String ANY = "*";

  public RoleBinding {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(organization, "organization");
    project = blankToNull(project);
    environment = blankToNull(environment);
  }

  /** {@code admin} on every organization. */
  public static RoleBinding admin() {
    return new RoleBinding(Role.ADMIN, ANY, null, null);
  }

  /**
   * A binding from its wire form ({@code role, organization, project?, environment?}), checked: a
   * known role, an organization that is {@code *} or a DNS label, project and environment DNS
   * subdomains when given.
   *
   * @throws IllegalArgumentException naming the field that is wrong and what was expected
   */
  public static RoleBinding of(
      String role, String organization, String project, String environment) {
    Role r = Role.of(role);
    if (organization == null || organization.isBlank()) {
      throw new IllegalArgumentException(
          "organization: required (an organization name, or * for every organization)");
    }
    if (!organization.equals(ANY)) {
      requireName("organization", organization, Formats.DNS_LABEL);
    }
    if (project != null && !project.isBlank()) {
      requireName("project", project, Formats.DNS_SUBDOMAIN);
    }
    if (environment != null && !environment.isBlank()) {
      requireName("environment", environment, Formats.DNS_SUBDOMAIN);
    }
    return new RoleBinding(r, organization, project, environment);
  }

  private static void requireName(String field, String value, Format format) {
    Optional<String> problem = format.check(value);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(
          field + " \"" + value + "\": expected a " + format.name() + " (" + problem.get() + ")");
    }
  }

  /** True when this binding grants {@code p} in {@code scope}. */
  public boolean covers(Permission p, Scope scope) {
    if (!role.grants(p)) {
      return false;
    }
    if (!organization.equals(ANY) && !organization.equals(scope.organization())) {
      return false;
    }
    if (p == Permission.READ) {
      return true;
    }
    if (project != null && !project.equals(scope.project())) {
      return false;
    }
    return environment == null || environment.equals(scope.environment());
  }

  /** {@code developer in default/shop (env staging)} */
  @Override
  public String toString() {
    return role.id()
        + " in "
        + (organization.equals(ANY) ? "every organization" : organization)
        + (project == null ? "" : "/" + project)
        + (environment == null ? "" : " (environment " + environment + ")");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
