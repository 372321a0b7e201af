package dev.troupe.server.auth;

/** What an identity may do within a {@link Scope}; granted through {@link Role}s. */
public enum Permission {
  /** Read any object of the organization (objects hold secret references, never values). */
  READ,
  /** Write platform kinds: planes, environments, pipelines, configuration groups, classes. */
  WRITE_PLATFORM,
  /** Write project kinds: projects, components, workloads, claims, per-environment bindings. */
  WRITE_PROJECT,
  /** Request a promotion into the environment of the scope. */
  REQUEST_PROMOTION,
  /** Approve or reject promotions into the environment of the scope. */
  APPROVE,
  /** Roll a binding back (gated environments additionally need APPROVE or a platform engineer). */
  ROLLBACK,
  /** Suspend, resume and undeploy a binding. */
  OPERATE,
  /** Read the audit log of the organization. */
  READ_AUDIT,
  /** Create, list and revoke users and their tokens (admin only). */
  MANAGE_USERS
}
