package dev.troupe.api.kinds.classes;

import static dev.troupe.api.schema.Field.opt;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.troupe.api.kinds.app.WorkloadSchemas;
import dev.troupe.api.schema.ObjectSchema;

/** The spec schemas shared by the workload class kinds (model.md §3.14–§3.16). */
final class ClassSchemas {
  /** ServiceClass and WebApplicationClass: Deployment and Service templates, egress. */
  static final ObjectSchema DEPLOYMENT_CLASS_SPEC =
      ObjectSchema.of(
          opt("deploymentTemplate", ClassTemplates.DEPLOYMENT)
              .defaultTo(JsonNodeFactory.instance.objectNode()),
          opt("serviceTemplate", ClassTemplates.SERVICE)
              .defaultTo(JsonNodeFactory.instance.objectNode()),
          opt("egress", WorkloadSchemas.EGRESS_LIST));

  /** ScheduledTaskClass: the CronJob template, egress. */
  static final ObjectSchema SCHEDULED_TASK_CLASS_SPEC =
      ObjectSchema.of(
          opt("cronJobTemplate", ClassTemplates.CRON_JOB)
              .defaultTo(JsonNodeFactory.instance.objectNode()),
          opt("egress", WorkloadSchemas.EGRESS_LIST));

  private ClassSchemas() {}
}
