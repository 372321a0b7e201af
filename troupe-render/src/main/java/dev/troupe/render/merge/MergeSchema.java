package dev.troupe.render.merge;

/**
 * The root schema position of a merge (rendering.md §3.2): the Kubernetes type of the class
 * template that the overlay is merged onto.
 */
public enum MergeSchema {
  /** apps/v1 DeploymentSpec; the pod template is at {@code template.spec}. */
  DEPLOYMENT_SPEC,
  /** v1 ServiceSpec; {@code ports} merge by {@code port}. */
  SERVICE_SPEC,
  /** batch/v1 CronJobSpec; the pod template is at {@code jobTemplate.spec.template.spec}. */
  CRON_JOB_SPEC;

  Position root() {
    return switch (this) {
      case DEPLOYMENT_SPEC -> Position.DEPLOYMENT_SPEC;
      case SERVICE_SPEC -> Position.SERVICE_SPEC;
      case CRON_JOB_SPEC -> Position.CRON_JOB_SPEC;
    };
  }
}
