package dev.troupe.server.auth;

/**
 * Where an action takes place, as the <b>server</b> resolved it from stored objects (never from
 * values named by the caller): an organization, optionally a project and an environment.
 *
 * @param organization the organization (its namespace); never null
 * @param project the project, or null when the action is not inside one
 * @param environment the environment, or null when the action is not about one
 */
public record Scope(String organization, String project, String environment) {
  public Scope {
    java.util.Objects.requireNonNull(organization, "organization");
  }

  public static Scope org(String organization) {
    return new Scope(organization, null, null);
  }

  /**
   * Every organization at once (cross-organization reads such as the whole audit log, user
   * management): only bindings on {@code *} cover it.
   */
  public static Scope everyOrganization() {
    return new Scope(RoleBinding.ANY, null, null);
  }

  public static Scope project(String organization, String project) {
    return new Scope(organization, project, null);
  }

  public Scope withEnvironment(String env) {
    return new Scope(organization, project, env);
  }

  @Override
  public String toString() {
    return (organization.equals(RoleBinding.ANY)
            ? "every organization"
            : "organization " + organization)
        + (project == null ? "" : ", project " + project)
        + (environment == null ? "" : ", environment " + environment);
  }
}
